import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
} from '@fluentui/react-components'
import { PeopleRegular, SearchRegular } from '@fluentui/react-icons'
import { useMemo, useState } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { FilterBar } from '../../../shared/ui/FilterBar.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { type CreatedUser, createUser, type DirectoryUser, listUsers, USERS_CSV_URL } from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { FormDialog, ReadOnlyNote, RoleBadges, useDirectoryAdmin, useDirectoryStyles } from './parts.tsx'

export const userHref = (id: string) => `/directory/users/${encodeURIComponent(id)}`

export function UserStatus({ user }: { user: DirectoryUser }) {
  const t = useDirectoryT()
  if (!user.accountEnabled)
    return (
      <Badge appearance="outline" color="danger">
        {t('users.disabled')}
      </Badge>
    )
  if (!user.hasPassword && user.invitationPending)
    return (
      <Badge appearance="outline" color="warning">
        {t('users.invited')}
      </Badge>
    )
  return (
    <Badge appearance="outline" color="success">
      {t('users.enabled')}
    </Badge>
  )
}

const matches = (u: DirectoryUser, q: string) =>
  !q || u.displayName.toLowerCase().includes(q) || u.email.toLowerCase().includes(q)

/** The organization's people: search, roles, status; administrators invite, create, import and export. */
export function UsersPage() {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const cells = useListCellStyles()
  useDocumentTitle(t('users.title'))
  const admin = useDirectoryAdmin()
  const users = useApiResource((signal) => listUsers(signal), [])
  const [query, setQuery] = useState('')
  const [dialog, setDialog] = useState<'invite' | 'create' | null>(null)
  const [created, setCreated] = useState<CreatedUser | null>(null)
  const q = query.trim().toLowerCase()
  const shown = useMemo(() => (users.data ?? []).filter((u) => matches(u, q)), [users.data, q])

  const actions = admin ? (
    <>
      <Button appearance="primary" onClick={() => setDialog('invite')} data-testid="user-invite">
        {t('users.invite')}
      </Button>
      <Button onClick={() => setDialog('create')} data-testid="user-create">
        {t('users.create')}
      </Button>
      <RouterLink to="/directory/users/import">{t('users.importCsv')}</RouterLink>
      <Link href={USERS_CSV_URL} download="users.csv">
        {t('users.exportCsv')}
      </Link>
    </>
  ) : undefined

  return (
    <div className={styles.page}>
      <PageHeader title={t('users.title')} description={t('users.description')} actions={actions} />
      {admin === false && <ReadOnlyNote />}
      {created && (
        <MessageBar intent="success" data-testid="user-created">
          <MessageBarBody>
            <div>
              {t(created.invitationUrl ? 'newUser.invited' : 'newUser.created', {
                name: created.user.displayName,
              })}{' '}
              <RouterLink to={userHref(created.user.id)}>
                {t('newUser.openUser', { name: created.user.displayName })}
              </RouterLink>
            </div>
            {created.invitationUrl && (
              <CopyableText
                value={created.invitationUrl}
                copyLabel={t('newUser.copyLink')}
                testId="user-invitation-url"
              />
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <FilterBar>
        <Field label={t('common.search')}>
          <Input
            value={query}
            onChange={(_e, d) => setQuery(d.value)}
            placeholder={t('users.searchPlaceholder')}
            contentBefore={<SearchRegular />}
            data-testid="user-search"
          />
        </Field>
      </FilterBar>
      {users.error ? (
        <ErrorMessage error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <LoadingState label={t('users.title')} />
      ) : shown.length === 0 ? (
        <EmptyState icon={PeopleRegular} message={t('users.empty')} />
      ) : (
        <ListTable
          label={t('users.title')}
          busy={users.loading}
          columns={[t('common.name'), t('common.email'), t('users.roles'), t('common.status')]}
          data-testid="user-list"
        >
          {shown.map((u) => (
            <TableRow key={u.id} data-testid="user-row">
              <TableCell className={cells.cell}>
                <RouterLink to={userHref(u.id)}>{u.displayName}</RouterLink>
              </TableCell>
              <TableCell className={cells.cell}>{u.email}</TableCell>
              <TableCell className={cells.cell}>
                <RoleBadges roles={u.roles} />
              </TableCell>
              <TableCell className={cells.cell}>
                <UserStatus user={u} />
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      {dialog && (
        <NewUserDialog
          mode={dialog}
          onClose={() => setDialog(null)}
          onDone={(c) => {
            setDialog(null)
            setCreated(c)
            users.reload()
          }}
        />
      )}
    </div>
  )
}

function NewUserDialog({
  mode,
  onClose,
  onDone,
}: {
  mode: 'invite' | 'create'
  onClose: () => void
  onDone: (c: CreatedUser) => void
}) {
  const t = useDirectoryT()
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [givenName, setGivenName] = useState('')
  const [surname, setSurname] = useState('')
  const [jobTitle, setJobTitle] = useState('')
  const [password, setPassword] = useState('')
  const optional = (v: string) => (v.trim() ? v.trim() : null)
  return (
    <FormDialog
      title={t(mode === 'invite' ? 'newUser.inviteTitle' : 'newUser.createTitle')}
      submitLabel={t(mode === 'invite' ? 'users.invite' : 'common.create')}
      canSubmit={!!email.trim() && !!displayName.trim() && (mode === 'invite' || !!password)}
      testId="user-dialog"
      onClose={onClose}
      onSubmit={async () =>
        onDone(
          await createUser({
            email: email.trim(),
            displayName: displayName.trim(),
            givenName: optional(givenName),
            surname: optional(surname),
            jobTitle: optional(jobTitle),
            ...(mode === 'create' ? { password } : {}),
          }),
        )
      }
    >
      <MessageBar intent="info">
        <MessageBarBody>{t(mode === 'invite' ? 'newUser.inviteHint' : 'newUser.createHint')}</MessageBarBody>
      </MessageBar>
      <Field label={t('newUser.email')} required>
        <Input type="email" name="email" value={email} onChange={(_e, d) => setEmail(d.value)} />
      </Field>
      <Field label={t('newUser.displayName')} required>
        <Input name="displayName" value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
      </Field>
      <Field label={t('newUser.givenName')}>
        <Input name="givenName" value={givenName} onChange={(_e, d) => setGivenName(d.value)} />
      </Field>
      <Field label={t('newUser.surname')}>
        <Input name="surname" value={surname} onChange={(_e, d) => setSurname(d.value)} />
      </Field>
      <Field label={t('newUser.jobTitle')}>
        <Input name="jobTitle" value={jobTitle} onChange={(_e, d) => setJobTitle(d.value)} />
      </Field>
      {mode === 'create' && (
        <Field label={t('newUser.password')} required>
          <Input
            type="password"
            name="password"
            autoComplete="new-password"
            value={password}
            onChange={(_e, d) => setPassword(d.value)}
          />
        </Field>
      )}
    </FormDialog>
  )
}
