import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components'
import { PeopleTeamRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { createGroup, type DirectoryGroup, listGroups } from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { FormDialog, ReadOnlyNote, useDirectoryAdmin, useDirectoryStyles, useRoleName } from './parts.tsx'

export const groupHref = (id: string) => `/directory/groups/${encodeURIComponent(id)}`

/** The organization's security groups with their member counts; administrators create them. */
export function GroupsPage() {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const cells = useListCellStyles()
  const roleName = useRoleName()
  useDocumentTitle(t('groups.title'))
  const admin = useDirectoryAdmin()
  const groups = useApiResource((signal) => listGroups(signal), [])
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<DirectoryGroup | null>(null)
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('groups.title')}
        description={t('groups.description')}
        actions={
          admin ? (
            <Button appearance="primary" onClick={() => setCreating(true)} data-testid="group-create">
              {t('groups.create')}
            </Button>
          ) : undefined
        }
      />
      {admin === false && <ReadOnlyNote />}
      {created && (
        <MessageBar intent="success">
          <MessageBarBody>
            <RouterLink to={groupHref(created.id)}>
              {t('groups.created', { name: created.displayName })}
            </RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.error ? (
        <ErrorMessage error={groups.error} onRetry={groups.reload} />
      ) : !groups.data ? (
        <LoadingState label={t('groups.title')} />
      ) : groups.data.length === 0 ? (
        <EmptyState icon={PeopleTeamRegular} message={t('groups.empty')} />
      ) : (
        <ListTable
          label={t('groups.title')}
          busy={groups.loading}
          columns={[
            t('common.name'),
            t('groups.partnerRole'),
            t('groups.directMembers'),
            t('groups.transitiveUsers'),
            t('common.description'),
          ]}
          data-testid="group-list"
        >
          {groups.data.map((g) => (
            <TableRow key={g.id} data-testid="group-row">
              <TableCell className={cells.cell}>
                <RouterLink to={groupHref(g.id)}>{g.displayName}</RouterLink>
              </TableCell>
              <TableCell className={cells.cell}>
                {g.partnerRole ? roleName(g.partnerRole) : t('common.none')}
              </TableCell>
              <TableCell className={cells.cell}>{g.directMembers}</TableCell>
              <TableCell className={cells.cell}>{g.transitiveUsers}</TableCell>
              <TableCell className={cells.cell}>{g.description ?? t('common.none')}</TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      {creating && (
        <NewGroupDialog
          onClose={() => setCreating(false)}
          onDone={(g) => {
            setCreating(false)
            setCreated(g)
            groups.reload()
          }}
        />
      )}
    </div>
  )
}

function NewGroupDialog({ onClose, onDone }: { onClose: () => void; onDone: (g: DirectoryGroup) => void }) {
  const t = useDirectoryT()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  return (
    <FormDialog
      title={t('groups.createTitle')}
      submitLabel={t('common.create')}
      canSubmit={!!name.trim()}
      testId="group-dialog"
      onClose={onClose}
      onSubmit={async () =>
        onDone(await createGroup({ displayName: name.trim(), description: description.trim() || null }))
      }
    >
      <Field label={t('common.name')} required>
        <Input name="displayName" value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t('common.description')}>
        <Textarea name="description" value={description} onChange={(_e, d) => setDescription(d.value)} />
      </Field>
    </FormDialog>
  )
}
