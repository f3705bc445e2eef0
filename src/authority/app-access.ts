import type { Actor } from '../identity/actor.ts'
import { AppError } from '../platform/errors.ts'
import { findResource, resourceByKey } from './catalog.ts'

/**
 * What an application's token needs to call an API path: the resource (so the token's audience)
 * and the permissions that open it — delegated (`scp`, acting for a person, who still needs their
 * own rights too) or application (`roles`, acting on its own). Paths not listed are closed to
 * applications; a component that opens a path to them adds its line here.
 */
interface PathRule {
  resource: string
  matches: (method: string, path: string) => boolean
  delegated: string[]
  application: string[]
}

const READ = new Set(['GET', 'HEAD'])
const GDAP_READ = ['DelegatedAdminRelationship.Read.All', 'DelegatedAdminRelationship.ReadWrite.All']
const GDAP_WRITE = ['DelegatedAdminRelationship.ReadWrite.All']
const USER = ['user_impersonation']
const USER_READ = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']
const USER_WRITE = ['User.ReadWrite.All', 'Directory.ReadWrite.All']
const GROUP_READ = [
  'Group.Read.All',
  'Group.ReadWrite.All',
  'GroupMember.Read.All',
  'GroupMember.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
]
const GROUP_WRITE = ['Group.ReadWrite.All', 'Directory.ReadWrite.All']
const MEMBER_WRITE = ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All']

const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}/`)

const RULES: PathRule[] = [
  {
    resource: 'graph',
    matches: (method, path) =>
      READ.has(method) && under('/v1.0/tenantRelationships/delegatedAdminRelationships')(path),
    delegated: GDAP_READ,
    application: GDAP_READ,
  },
  {
    resource: 'graph',
    matches: (_method, path) => under('/v1.0/tenantRelationships/delegatedAdminRelationships')(path),
    delegated: GDAP_WRITE,
    application: GDAP_WRITE,
  },
  {
    resource: 'graph',
    matches: (method, path) =>
      READ.has(method) &&
      (under('/v1.0/admin/serviceAnnouncement/healthOverviews')(path) ||
        under('/v1.0/admin/serviceAnnouncement/issues')(path)),
    delegated: ['ServiceHealth.Read.All'],
    application: ['ServiceHealth.Read.All'],
  },
  {
    resource: 'graph',
    matches: (method, path) => READ.has(method) && under('/v1.0/admin/serviceAnnouncement/messages')(path),
    delegated: ['ServiceMessage.Read.All'],
    application: ['ServiceMessage.Read.All'],
  },
  // the directory (directory/directory.graph.ts): users, invitations, groups and memberships
  {
    resource: 'graph',
    matches: (method, path) => READ.has(method) && under('/v1.0/users')(path),
    delegated: USER_READ,
    application: USER_READ,
  },
  {
    resource: 'graph',
    matches: (_m, path) => under('/v1.0/users')(path) || under('/v1.0/invitations')(path),
    delegated: USER_WRITE,
    application: USER_WRITE,
  },
  {
    resource: 'graph',
    matches: (method, path) => READ.has(method) && under('/v1.0/groups')(path),
    delegated: GROUP_READ,
    application: GROUP_READ,
  },
  {
    resource: 'graph',
    matches: (_m, path) => /^\/v1\.0\/groups\/[^/]+\/members\//.test(path),
    delegated: MEMBER_WRITE,
    application: MEMBER_WRITE,
  },
  {
    resource: 'graph',
    matches: (_m, path) => under('/v1.0/groups')(path),
    delegated: GROUP_WRITE,
    application: GROUP_WRITE,
  },
  {
    resource: 'partnercenter',
    matches: (_m, path) => path.startsWith('/v1/'),
    delegated: USER,
    application: [],
  },
  {
    resource: 'arm',
    matches: (_m, path) => path.startsWith('/subscriptions/') || path.startsWith('/providers/'),
    delegated: USER,
    application: [],
  },
  { resource: 'tramite', matches: (_m, path) => path.startsWith('/api/'), delegated: USER, application: [] },
]

export class ApplicationAccessError extends AppError {
  constructor(
    status: 401 | 403,
    code: string,
    private readonly text: { en: string; it: string },
  ) {
    super(status, code, status === 401 ? 'error.invalid_token' : 'error.forbidden')
  }

  override localize(locale: 'en' | 'it') {
    return { message: this.text[locale] }
  }
}

/**
 * Refuses an application's token on a path it may not call: the wrong audience (401, like the
 * real APIs), or no permission that opens the path (403, naming what would). Tokens without an
 * application (sessions, `tramite token`) are the person's own and pass untouched.
 */
export function checkApplicationAccess(actor: Actor, method: string, url: string): void {
  if (actor.applicationId === null) return
  const path = url.split('?')[0] ?? ''
  const appOnly = actor.principal === 'application'
  const rule = RULES.find((r) => r.matches(method.toUpperCase(), path))
  const accepted = rule ? (appOnly ? rule.application : rule.delegated) : []
  if (!rule || accepted.length === 0) {
    throw new ApplicationAccessError(403, 'application_not_allowed', {
      en: appOnly
        ? `An application acting on its own cannot call ${method} ${path}; it needs a user's delegated token.`
        : `Applications cannot call ${method} ${path}.`,
      it: appOnly
        ? `Un'applicazione che agisce da sola non può chiamare ${method} ${path}; serve un token delegato di un utente.`
        : `Le applicazioni non possono chiamare ${method} ${path}.`,
    })
  }
  const resource = resourceByKey(rule.resource)
  if (findResource(actor.audience ?? '')?.key !== resource.key) {
    throw new ApplicationAccessError(401, 'invalid_audience', {
      en: `The token's audience (${actor.audience}) is not ${resource.displayName}: ask for a token with the scope ${resource.audience}/.default.`,
      it: `Il destinatario del token (${actor.audience}) non è ${resource.displayName}: chiedi un token con lo scope ${resource.audience}/.default.`,
    })
  }
  const held = new Set((actor.permissions ?? []).map((p) => p.toLowerCase()))
  if (!accepted.some((p) => held.has(p.toLowerCase()))) {
    const kind = appOnly ? 'application' : 'delegated'
    throw new ApplicationAccessError(403, 'missing_permission', {
      en: `The application lacks the ${kind} permission this call needs: ${accepted.join(' or ')} (${resource.displayName}), granted with the administrator's consent.`,
      it: `All'applicazione manca l'autorizzazione (${kind === 'application' ? 'applicazione' : 'delegata'}) che questa chiamata richiede: ${accepted.join(' oppure ')} (${resource.displayName}), concessa con il consenso dell'amministratore.`,
    })
  }
}
