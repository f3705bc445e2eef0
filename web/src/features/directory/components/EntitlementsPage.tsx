import {
  Badge,
  Button,
  Field,
  Input,
  Select,
  TableCell,
  TableRow,
  Textarea,
  mergeClasses,
} from '@fluentui/react-components'
import { ShieldCheckmarkRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import {
  addEntitlement,
  type Entitlement,
  type EntitlementKind,
  listEntitlements,
  removeEntitlement,
  updateEntitlement,
} from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { FormDialog, ReadOnlyNote, useDirectoryAdmin, useDirectoryStyles } from './parts.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'

const KINDS: EntitlementKind[] = ['partner_agreement', 'premier', 'azure_support_plan']

const today = () => new Date().toISOString().slice(0, 10)

/** The partner's own support entitlements (R13): view; administrators add, change and remove them. */
export function EntitlementsPage() {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const cells = useListCellStyles()
  const format = useFormat()
  useDocumentTitle(t('entitlements.title'))
  const admin = useDirectoryAdmin()
  const list = useApiResource((signal) => listEntitlements(signal), [])
  const [editing, setEditing] = useState<Entitlement | 'new' | null>(null)
  const [removing, setRemoving] = useState<Entitlement | null>(null)
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('entitlements.title')}
        description={t('entitlements.description')}
        actions={
          admin ? (
            <Button appearance="primary" onClick={() => setEditing('new')} data-testid="entitlement-add">
              {t('entitlements.add')}
            </Button>
          ) : undefined
        }
      />
      {admin === false && <ReadOnlyNote />}
      {list.error ? (
        <ErrorMessage error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('entitlements.title')} />
      ) : list.data.length === 0 ? (
        <EmptyState icon={ShieldCheckmarkRegular} message={t('entitlements.empty')} />
      ) : (
        <ListTable
          label={t('entitlements.title')}
          busy={list.loading}
          columns={[
            t('entitlements.kind'),
            t('entitlements.reference'),
            t('common.description'),
            t('entitlements.validUntil'),
            '',
          ]}
          data-testid="entitlement-list"
        >
          {list.data.map((e) => (
            <TableRow key={e.id} data-testid="entitlement-row">
              <TableCell className={cells.cell}>{t(`entitlements.kinds.${e.kind}`)}</TableCell>
              <TableCell className={mergeClasses(cells.cell, styles.mono)}>{e.reference}</TableCell>
              <TableCell className={cells.cell}>{e.description}</TableCell>
              <TableCell className={cells.cell}>
                {format.date(e.validUntil)}{' '}
                {e.validUntil !== null && e.validUntil < today() && (
                  <Badge appearance="outline" color="danger">
                    {t('entitlements.expired')}
                  </Badge>
                )}
              </TableCell>
              <TableCell className={mergeClasses(cells.cell, cells.nowrap)}>
                {admin && (
                  <>
                    <Button size="small" onClick={() => setEditing(e)}>
                      {t('entitlements.edit')}
                    </Button>{' '}
                    <Button size="small" onClick={() => setRemoving(e)}>
                      {t('common.remove')}
                    </Button>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      {editing && (
        <EntitlementDialog
          entitlement={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null)
            list.reload()
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          cancelLabel={t('common.cancel')}
          dialogTestId="directory-confirm"
          alert={false}
          title={t('entitlements.removeTitle', { reference: removing.reference })}
          body={t('entitlements.removeBody')}
          confirmLabel={t('common.remove')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await removeEntitlement(removing.id)
            setRemoving(null)
            list.reload()
          }}
        />
      )}
    </div>
  )
}

function EntitlementDialog({
  entitlement,
  onClose,
  onDone,
}: {
  entitlement: Entitlement | null
  onClose: () => void
  onDone: () => void
}) {
  const t = useDirectoryT()
  const [kind, setKind] = useState<EntitlementKind>(entitlement?.kind ?? 'azure_support_plan')
  const [reference, setReference] = useState(entitlement?.reference ?? '')
  const [description, setDescription] = useState(entitlement?.description ?? '')
  const [validUntil, setValidUntil] = useState(entitlement?.validUntil ?? '')
  return (
    <FormDialog
      title={
        entitlement
          ? t('entitlements.editTitle', { reference: entitlement.reference })
          : t('entitlements.addTitle')
      }
      submitLabel={t(entitlement ? 'common.save' : 'common.add')}
      canSubmit={!!reference.trim() && !!validUntil}
      testId="entitlement-dialog"
      onClose={onClose}
      onSubmit={async () => {
        if (entitlement) await updateEntitlement(entitlement.id, { reference, description, validUntil })
        else await addEntitlement({ kind, reference, description, validUntil })
        onDone()
      }}
    >
      <Field label={t('entitlements.kind')} required>
        <Select
          value={kind}
          disabled={entitlement !== null}
          onChange={(_e, d) => setKind(d.value as EntitlementKind)}
          name="kind"
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`entitlements.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('entitlements.reference')} required>
        <Input name="reference" value={reference} onChange={(_e, d) => setReference(d.value)} />
      </Field>
      <Field label={t('common.description')}>
        <Textarea name="description" value={description} onChange={(_e, d) => setDescription(d.value)} />
      </Field>
      <Field label={t('entitlements.validUntil')} required>
        <Input
          type="date"
          name="validUntil"
          value={validUntil}
          onChange={(_e, d) => setValidUntil(d.value)}
        />
      </Field>
    </FormDialog>
  )
}
