import {
  Button,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { DismissCircleRegular, HandshakeRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  givesAccess,
  isTransitional,
  listGraphRelationships,
  listRelationshipOverview,
  listRoles,
  requestAction,
  roleIdsOf,
  type GraphRelationship,
} from '../api.ts'
import { usePolling } from '../../../shared/hooks/use-polling.ts'
import type { GdapViewer } from '../viewer.ts'
import { ActionErrorBox, actionErrorOf, type ActionError } from './ActionErrorBox.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'
import { roleName } from './RoleTable.tsx'
import { RelationshipStatusBadge } from './StatusBadges.tsx'

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
})

/** A customer administrator's GDAP relationships with partners (Graph's list), with Terminate. */
export function CustomerRelationshipsPage({ viewer }: { viewer: GdapViewer }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const cells = useListCellStyles()
  const format = useFormat()
  const navigate = useNavigate()
  useDocumentTitle(t('gdapCustomer.title'))
  const relationships = useApiResource((signal) => listGraphRelationships(signal), [])
  const catalog = useApiResource((signal) => listRoles(signal), [])
  // Graph's shape has no partner name; the portal's view has it (best effort, by id).
  const partners = useApiResource(
    (signal) =>
      listRelationshipOverview(undefined, signal).then(
        (overview) => new Map(overview.items.map((item) => [item.id, item.partner.name])),
        () => new Map<string, string>(),
      ),
    [],
  )
  const [terminating, setTerminating] = useState<GraphRelationship | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ActionError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const items = relationships.data ?? []
  usePolling(
    items.some((r) => isTransitional(r.status)),
    2000,
    relationships.reload,
  )

  const partnerOf = (r: GraphRelationship) => partners.data?.get(r.id) ?? t('gdapCustomer.unknownPartner')

  const terminate = async (r: GraphRelationship) => {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      await requestAction(r.id, 'terminate')
      setNotice(t('gdapCustomer.terminated', { name: r.displayName }))
      relationships.reload()
    } catch (caught) {
      setError(actionErrorOf(caught))
    } finally {
      setBusy(false)
      setTerminating(null)
    }
  }

  return (
    <>
      <PageHeader
        title={t('gdapCustomer.title')}
        description={t('gdapCustomer.intro', { tenant: viewer.tenantName })}
      />
      <div className={styles.messages} aria-live="polite">
        {notice && (
          <MessageBar intent="success" data-testid="gdap-notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <ActionErrorBox
            error={error}
            onReload={() => {
              setError(null)
              relationships.reload()
            }}
          />
        )}
      </div>
      {relationships.error && <ErrorMessage error={relationships.error} onRetry={relationships.reload} />}
      {!relationships.data && relationships.loading && <LoadingState label={t('gdapCustomer.loading')} />}
      {relationships.data && items.length === 0 && (
        <EmptyState
          icon={HandshakeRegular}
          message={t('gdapCustomer.empty')}
          data-testid="gdap-customer-list-empty"
        />
      )}
      {items.length > 0 && (
        <ListTable
          busy={relationships.loading}
          label={t('gdapCustomer.title')}
          data-testid="gdap-customer-list"
          columns={[
            t('gdapCustomer.column.name'),
            t('gdapCustomer.column.partner'),
            t('gdapCustomer.column.status'),
            t('gdapCustomer.column.roles'),
            t('gdapCustomer.column.endAt'),
            t('gdapCustomer.column.actions'),
          ]}
        >
          {items.map((r) => (
            <TableRow
              key={r.id}
              data-testid="gdap-customer-row"
              data-relationship-id={r.id}
              data-status={r.status}
            >
              <TableCell className={cells.cell}>
                <RouterLink
                  to={`/gdap/approve/${encodeURIComponent(r.id)}`}
                  className={styles.name}
                  data-testid="gdap-customer-row-link"
                >
                  {r.displayName}
                </RouterLink>
              </TableCell>
              <TableCell className={cells.cell}>{partnerOf(r)}</TableCell>
              <TableCell className={mergeClasses(cells.cell, cells.nowrap)}>
                <RelationshipStatusBadge status={r.status} />
              </TableCell>
              <TableCell className={cells.cell}>
                <ul className={styles.list}>
                  {roleIdsOf(r.accessDetails).map((id) => (
                    <li key={id}>{roleName(catalog.data ?? [], id)}</li>
                  ))}
                </ul>
              </TableCell>
              <TableCell className={mergeClasses(cells.cell, cells.nowrap)}>
                {format.date(r.endDateTime)}
              </TableCell>
              <TableCell className={mergeClasses(cells.cell, cells.nowrap)}>
                {r.status === 'approvalPending' && (
                  <Button
                    size="small"
                    appearance="primary"
                    icon={<ShieldCheckmarkRegular />}
                    onClick={() => void navigate(`/gdap/approve/${encodeURIComponent(r.id)}`)}
                    data-testid="gdap-customer-review"
                  >
                    {t('gdapCustomer.review')}
                  </Button>
                )}
                {(givesAccess(r.status) || r.status === 'activating' || r.status === 'approved') && (
                  <Button
                    size="small"
                    icon={<DismissCircleRegular />}
                    disabled={busy}
                    onClick={() => setTerminating(r)}
                    data-testid="gdap-customer-terminate"
                  >
                    {t('gdapCustomer.terminate')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      <ConfirmDialog
        cancelLabel={t('gdapCommon.cancel')}
        danger
        open={terminating !== null}
        title={t('gdapCustomer.terminateTitle')}
        body={
          terminating
            ? t('gdapCustomer.terminateBody', {
                name: terminating.displayName,
                partner: partnerOf(terminating),
              })
            : ''
        }
        confirmLabel={t('gdapCustomer.terminate')}
        busy={busy}
        testId="gdap-customer-terminate-confirm"
        onClose={() => setTerminating(null)}
        onConfirm={() => terminating && void terminate(terminating)}
      />
    </>
  )
}
