import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  TableCell,
  TableRow,
  Text,
} from '@fluentui/react-components'
import { DismissRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  addMember,
  deleteGroup,
  getGroup,
  type GroupDetail,
  listGroups,
  listUsers,
  type Member,
  removeMember,
} from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { AccessSection } from './AccessSection.tsx'
import { groupHref } from './GroupsPage.tsx'
import {
  FormDialog,
  ReadOnlyNote,
  asApiError,
  useDirectoryAdmin,
  useDirectoryStyles,
  useRoleName,
} from './parts.tsx'
import { userHref } from './UsersPage.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'

const memberHref = (m: Member) => (m.kind === 'user' ? userHref(m.id) : groupHref(m.id))

/** One group: its members (add and remove users, nest groups), everyone through nesting, where it is nested, and what it gives. */
export function GroupPage({ id }: { id: string }) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const cells = useListCellStyles()
  const roleName = useRoleName()
  const admin = useDirectoryAdmin()
  const navigate = useNavigate()
  const detail = useApiResource((signal) => getGroup(id, signal), [id])
  const [dialog, setDialog] = useState<'user' | 'group' | 'delete' | null>(null)
  const [actionError, setActionError] = useState<ReturnType<typeof asApiError> | null>(null)
  useDocumentTitle(detail.data?.group.displayName ?? t('groups.title'))
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />
  if (!detail.data) return <LoadingState label={t('groups.title')} />
  const { group } = detail.data

  const remove = async (m: Member) => {
    setActionError(null)
    try {
      await removeMember(group.id, m.id)
      detail.reload()
    } catch (e) {
      setActionError(asApiError(e))
    }
  }

  const kind = (m: Member) => t(m.kind === 'user' ? 'group.kindUser' : 'group.kindGroup')
  return (
    <div className={styles.page}>
      <PageHeader
        above={<RouterLink to="/directory/groups">{t('group.back')}</RouterLink>}
        title={group.displayName}
        {...(group.description ? { description: group.description } : {})}
        actions={
          admin ? (
            <>
              <Button appearance="primary" onClick={() => setDialog('user')} data-testid="group-add-user">
                {t('group.addUser')}
              </Button>
              <Button onClick={() => setDialog('group')} data-testid="group-add-group">
                {t('group.addGroup')}
              </Button>
              {!group.partnerRole && (
                <Button onClick={() => setDialog('delete')} data-testid="group-delete">
                  {t('group.delete')}
                </Button>
              )}
            </>
          ) : undefined
        }
      />
      {admin === false && <ReadOnlyNote />}
      {group.partnerRole && (
        <MessageBar intent="info" data-testid="group-role">
          <MessageBarBody>{t('group.roleGroup', { role: roleName(group.partnerRole) })}</MessageBarBody>
        </MessageBar>
      )}
      {actionError && <ErrorMessage error={actionError} />}

      <section className={styles.section} data-testid="group-members">
        <Subtitle2 as="h2">{t('group.members')}</Subtitle2>
        {detail.data.members.length === 0 ? (
          <Text>{t('group.membersEmpty')}</Text>
        ) : (
          <ListTable
            label={t('group.members')}
            columns={[t('common.name'), t('group.kind'), t('common.email'), '']}
          >
            {detail.data.members.map((m) => (
              <TableRow key={m.id} data-testid="group-member-row">
                <TableCell className={cells.cell}>
                  <RouterLink to={memberHref(m)}>{m.displayName}</RouterLink>
                </TableCell>
                <TableCell className={cells.cell}>{kind(m)}</TableCell>
                <TableCell className={cells.cell}>{m.email ?? t('common.none')}</TableCell>
                <TableCell className={cells.cell}>
                  {admin && (
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DismissRegular />}
                      aria-label={t('group.removeMember', { name: m.displayName })}
                      onClick={() => void remove(m)}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </ListTable>
        )}
      </section>

      <section className={styles.section} data-testid="group-transitive">
        <Subtitle2 as="h2">{t('group.transitive')}</Subtitle2>
        <Text className={styles.muted}>{t('group.transitiveHint')}</Text>
        {detail.data.transitiveMembers.length === 0 ? (
          <Text>{t('group.transitiveEmpty')}</Text>
        ) : (
          <ListTable
            label={t('group.transitive')}
            columns={[t('common.name'), t('group.kind'), t('common.status')]}
          >
            {detail.data.transitiveMembers.map((m) => (
              <TableRow key={m.id}>
                <TableCell className={cells.cell}>
                  <RouterLink to={memberHref(m)}>{m.displayName}</RouterLink>
                </TableCell>
                <TableCell className={cells.cell}>{kind(m)}</TableCell>
                <TableCell className={cells.cell}>
                  {m.via ? t('user.through', { group: m.via.displayName }) : t('user.direct')}
                </TableCell>
              </TableRow>
            ))}
          </ListTable>
        )}
      </section>

      <section className={styles.section}>
        <Subtitle2 as="h2">{t('group.memberOf')}</Subtitle2>
        {detail.data.memberOf.length === 0 ? (
          <Text>{t('group.memberOfEmpty')}</Text>
        ) : (
          detail.data.memberOf.map((m) => (
            <div key={m.group.id}>
              <RouterLink to={groupHref(m.group.id)}>{m.group.displayName}</RouterLink>{' '}
              <Text className={styles.muted}>
                {m.via ? t('user.through', { group: m.via.displayName }) : t('user.direct')}
              </Text>
            </div>
          ))
        )}
      </section>

      <AccessSection access={detail.data.access} title={t('access.titleGroup')} />

      {(dialog === 'user' || dialog === 'group') && (
        <AddMemberDialog
          kind={dialog}
          detail={detail.data}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null)
            detail.reload()
          }}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          cancelLabel={t('common.cancel')}
          dialogTestId="directory-confirm"
          alert={false}
          title={t('group.deleteTitle', { name: group.displayName })}
          body={t('group.deleteBody')}
          confirmLabel={t('group.delete')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await deleteGroup(group.id)
            void navigate('/directory/groups')
          }}
        />
      )}
    </div>
  )
}

async function candidates(kind: 'user' | 'group', signal: AbortSignal) {
  if (kind === 'user')
    return (await listUsers(signal)).map((u) => ({ id: u.id, label: `${u.displayName} (${u.email})` }))
  return (await listGroups(signal)).map((g) => ({ id: g.id, label: g.displayName }))
}

function AddMemberDialog({
  kind,
  detail,
  onClose,
  onDone,
}: {
  kind: 'user' | 'group'
  detail: GroupDetail
  onClose: () => void
  onDone: () => void
}) {
  const t = useDirectoryT()
  const options = useApiResource((signal) => candidates(kind, signal), [kind])
  const present = new Set([detail.group.id, ...detail.members.map((m) => m.id)])
  const [memberId, setMemberId] = useState('')
  const name = detail.group.displayName
  return (
    <FormDialog
      title={t(kind === 'user' ? 'group.addUserTitle' : 'group.addGroupTitle', { group: name })}
      submitLabel={t('common.add')}
      canSubmit={!!memberId}
      testId="group-add-member-dialog"
      onClose={onClose}
      onSubmit={async () => {
        await addMember(detail.group.id, memberId)
        onDone()
      }}
    >
      {options.error && <ErrorMessage error={options.error} />}
      <Field label={t(kind === 'user' ? 'group.user' : 'user.group')} required>
        <Select value={memberId} onChange={(_e, d) => setMemberId(d.value)} name="member">
          <option value="">{t(kind === 'user' ? 'group.chooseUser' : 'group.chooseGroup')}</option>
          {(options.data ?? [])
            .filter((o) => !present.has(o.id))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
        </Select>
      </Field>
    </FormDialog>
  )
}
