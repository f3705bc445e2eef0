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
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  addMember,
  deleteUser,
  getUser,
  listGroups,
  type Reinvitation,
  reinviteUser,
  setAccountEnabled,
  type UserDetail,
} from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { AccessSection } from './AccessSection.tsx'
import { groupHref } from './GroupsPage.tsx'
import {
  FormDialog,
  ReadOnlyNote,
  RoleBadges,
  asApiError,
  useDirectoryAdmin,
  useDirectoryStyles,
  useRoleName,
} from './parts.tsx'
import { UserStatus } from './UsersPage.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'

const PARTNER_ROLES = ['admin_agent', 'helpdesk_agent', 'sales_agent']

/**
 * One person: details, partner roles (from the role groups), groups directly and through nesting,
 * and what that lets them do in which customer, linked to the access trace. Administrators
 * disable, enable, delete, re-invite and add to groups; nobody disables or deletes themselves.
 */
export function UserPage({ id, viewerId }: { id: string; viewerId: string }) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const admin = useDirectoryAdmin()
  const navigate = useNavigate()
  const detail = useApiResource((signal) => getUser(id, signal), [id])
  const [confirm, setConfirm] = useState<'delete' | null>(null)
  const [adding, setAdding] = useState(false)
  const [invitation, setInvitation] = useState<Reinvitation | null>(null)
  const [actionError, setActionError] = useState<ReturnType<typeof asApiError> | null>(null)
  const [busy, setBusy] = useState(false)
  useDocumentTitle(detail.data?.user.displayName ?? t('users.title'))
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />
  if (!detail.data) return <LoadingState label={t('users.title')} />
  const { user } = detail.data
  const self = user.id === viewerId

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setActionError(null)
    try {
      await action()
      detail.reload()
    } catch (e) {
      setActionError(asApiError(e))
    } finally {
      setBusy(false)
    }
  }

  const actions =
    admin && !self ? (
      <>
        <Button
          disabled={busy}
          onClick={() => void run(() => setAccountEnabled(user.id, !user.accountEnabled))}
          data-testid="user-toggle-enabled"
        >
          {t(user.accountEnabled ? 'user.disable' : 'user.enable')}
        </Button>
        {!user.hasPassword && (
          <Button
            disabled={busy}
            onClick={() => void run(async () => setInvitation(await reinviteUser(user.id)))}
            data-testid="user-reinvite"
          >
            {t('user.reinvite')}
          </Button>
        )}
        <Button onClick={() => setConfirm('delete')} data-testid="user-delete">
          {t('user.delete')}
        </Button>
      </>
    ) : undefined

  return (
    <div className={styles.page}>
      <PageHeader
        above={<RouterLink to="/directory/users">{t('user.back')}</RouterLink>}
        title={user.displayName}
        description={user.email}
        below={
          <div className={styles.row}>
            <UserStatus user={user} />
            {self && <Text className={styles.muted}>{t('user.self')}</Text>}
          </div>
        }
        actions={actions}
      />
      {admin === false && <ReadOnlyNote />}
      {actionError && <ErrorMessage error={actionError} />}
      {!user.accountEnabled && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('user.disabledNote')}</MessageBarBody>
        </MessageBar>
      )}
      {invitation && (
        <MessageBar intent="success" data-testid="user-reinvited">
          <MessageBarBody>
            <div>{t('user.reinvited', { email: user.email })}</div>
            <CopyableText value={invitation.invitationUrl} copyLabel={t('newUser.copyLink')} />
          </MessageBarBody>
        </MessageBar>
      )}
      <Details detail={detail.data} />
      <GroupsSection detail={detail.data} onAdd={admin ? () => setAdding(true) : undefined} />
      <AccessSection access={detail.data.access} title={t('access.title')} userEmail={user.email} />
      {confirm === 'delete' && (
        <ConfirmDialog
          cancelLabel={t('common.cancel')}
          dialogTestId="directory-confirm"
          alert={false}
          title={t('user.deleteTitle', { name: user.displayName })}
          body={t('user.deleteBody')}
          confirmLabel={t('user.delete')}
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            await deleteUser(user.id)
            void navigate('/directory/users')
          }}
        />
      )}
      {adding && (
        <AddToGroupDialog
          detail={detail.data}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false)
            detail.reload()
          }}
        />
      )}
    </div>
  )
}

function Details({ detail }: { detail: UserDetail }) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const { user } = detail
  const partnerRoles = user.roles.filter((r) => PARTNER_ROLES.includes(r))
  const otherRoles = user.roles.filter((r) => !PARTNER_ROLES.includes(r))
  const signIn = user.hasPassword
    ? t('user.hasPassword')
    : user.invitationPending
      ? t('user.invitationPending')
      : t('user.noPassword')
  return (
    <section className={styles.section}>
      <Subtitle2 as="h2">{t('user.details')}</Subtitle2>
      <div className={styles.facts}>
        <Text weight="semibold">{t('user.partnerRoles')}</Text>
        <span data-testid="user-partner-roles">
          <RoleBadges roles={partnerRoles} />
        </span>
        {otherRoles.length > 0 && (
          <>
            <Text weight="semibold">{t('user.otherRoles')}</Text>
            <RoleBadges roles={otherRoles} />
          </>
        )}
        <Text weight="semibold">{t('user.signIn')}</Text>
        <Text>{signIn}</Text>
        <Text weight="semibold">{t('user.jobTitle')}</Text>
        <Text>{user.jobTitle ?? t('common.none')}</Text>
        <Text weight="semibold">{t('user.phone')}</Text>
        <Text>{user.phone ?? t('common.none')}</Text>
        <Text weight="semibold">{t('user.locale')}</Text>
        <Text>{user.locale ?? t('common.none')}</Text>
      </div>
      <Text className={styles.muted}>{t('user.partnerRolesHint')}</Text>
    </section>
  )
}

function GroupsSection({ detail, onAdd }: { detail: UserDetail; onAdd: (() => void) | undefined }) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const cells = useListCellStyles()
  const roleName = useRoleName()
  return (
    <section className={styles.section} data-testid="user-groups">
      <div className={styles.row}>
        <Subtitle2 as="h2">{t('user.groups')}</Subtitle2>
        {onAdd && (
          <Button size="small" onClick={onAdd} data-testid="user-add-to-group">
            {t('user.addToGroup')}
          </Button>
        )}
      </div>
      {detail.memberOf.length === 0 ? (
        <Text>{t('user.groupsEmpty')}</Text>
      ) : (
        <ListTable
          label={t('user.groups')}
          columns={[t('user.group'), t('common.status'), t('groups.partnerRole')]}
        >
          {detail.memberOf.map((m) => (
            <TableRow key={m.group.id} data-testid="user-group-row">
              <TableCell className={cells.cell}>
                <RouterLink to={groupHref(m.group.id)}>{m.group.displayName}</RouterLink>
              </TableCell>
              <TableCell className={cells.cell}>
                {m.via ? t('user.through', { group: m.via.displayName }) : t('user.direct')}
              </TableCell>
              <TableCell className={cells.cell}>
                {m.group.partnerRole
                  ? t('user.confersRole', { role: roleName(m.group.partnerRole) })
                  : t('common.none')}
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
    </section>
  )
}

function AddToGroupDialog({
  detail,
  onClose,
  onDone,
}: {
  detail: UserDetail
  onClose: () => void
  onDone: () => void
}) {
  const t = useDirectoryT()
  const groups = useApiResource((signal) => listGroups(signal), [])
  const direct = new Set(detail.memberOf.filter((m) => !m.via).map((m) => m.group.id))
  const choices = (groups.data ?? []).filter((g) => !direct.has(g.id))
  const [groupId, setGroupId] = useState('')
  return (
    <FormDialog
      title={t('user.addToGroupTitle', { name: detail.user.displayName })}
      submitLabel={t('common.add')}
      canSubmit={!!groupId}
      testId="user-add-to-group-dialog"
      onClose={onClose}
      onSubmit={async () => {
        await addMember(groupId, detail.user.id)
        onDone()
      }}
    >
      {groups.error && <ErrorMessage error={groups.error} />}
      <Field label={t('user.group')} required>
        <Select value={groupId} onChange={(_e, d) => setGroupId(d.value)} name="group">
          <option value="">{t('user.chooseGroup')}</option>
          {choices.map((g) => (
            <option key={g.id} value={g.id}>
              {g.displayName}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  )
}
