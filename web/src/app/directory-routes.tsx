import { useNavigate, useParams, type RouteObject } from 'react-router'
import { ssoStartUrl } from '../features/auth/api.ts'
import { AuthCard } from '../features/auth/components/SignInPage.tsx'
import { useSession, useSignedInUser } from '../features/auth/session.tsx'
import { lazyPage } from './lazy-page.ts'

const UsersPage = lazyPage(() => import('../features/directory/components/UsersPage.tsx'), 'UsersPage')
const UserPage = lazyPage(() => import('../features/directory/components/UserPage.tsx'), 'UserPage')
const UsersImportPage = lazyPage(
  () => import('../features/directory/components/UsersImportPage.tsx'),
  'UsersImportPage',
)
const GroupsPage = lazyPage(() => import('../features/directory/components/GroupsPage.tsx'), 'GroupsPage')
const GroupPage = lazyPage(() => import('../features/directory/components/GroupPage.tsx'), 'GroupPage')
const EntitlementsPage = lazyPage(
  () => import('../features/directory/components/EntitlementsPage.tsx'),
  'EntitlementsPage',
)
const InvitationPage = lazyPage(
  () => import('../features/directory/components/InvitationPage.tsx'),
  'InvitationPage',
)

// The directory feature does not know about sessions; the app tells it who is looking.
function UserRoute() {
  const { id = '' } = useParams()
  return <UserPage id={id} viewerId={useSignedInUser().id} />
}

function GroupRoute() {
  const { id = '' } = useParams()
  return <GroupPage id={id} />
}

/** The people pages (users, groups, the partner's own support entitlements), inside the app shell. */
export const directoryRoutes: RouteObject[] = [
  { path: 'directory/users', element: <UsersPage /> },
  { path: 'directory/users/import', element: <UsersImportPage /> },
  { path: 'directory/users/:id', element: <UserRoute /> },
  { path: 'directory/groups', element: <GroupsPage /> },
  { path: 'directory/groups/:id', element: <GroupRoute /> },
  { path: 'directory/entitlements', element: <EntitlementsPage /> },
]

/**
 * /invitation#<secret>: public (no session). The secret is read from the fragment, which reaches
 * neither the server's logs nor Referer headers. Accepting signs the person in with the new password.
 */
export function InvitationRoute() {
  const session = useSession()
  const navigate = useNavigate()
  const secret = window.location.hash.slice(1) || null
  return (
    <AuthCard titleId="invitation-title">
      <InvitationPage
        secret={secret}
        signIn={{
          withPassword: async (email, password) => {
            const answer = await session.signIn(email, password)
            // a second factor is due: the sign-in page asks for it
            void navigate(answer.user ? '/' : '/signin', { replace: true })
          },
          ssoHref: (email) => ssoStartUrl(email, '/'),
        }}
      />
    </AuthCard>
  )
}
