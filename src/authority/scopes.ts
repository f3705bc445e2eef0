import { findResource, type Resource, RESOURCES } from './catalog.ts'
import { oauthErrors } from './oauth-errors.ts'

/** The OpenID Connect scopes: they ask for an ID token, profile claims and a refresh token. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const
type OidcScope = (typeof OIDC_SCOPES)[number]

export interface ScopeRequest {
  oidc: Set<OidcScope>
  /** The API the access token is for (its audience); Graph when only OIDC scopes are asked. */
  resource: Resource
  /** 'default' for `<resource>/.default` (everything consented), else the permissions named. */
  permissions: 'default' | string[]
  /** Whether the scope named the resource (else only OIDC scopes: an ID token, Graph by default). */
  explicit: boolean
}

const GRAPH = RESOURCES.find((r) => r.key === 'graph')!

/**
 * Parses an OAuth `scope` parameter the way the Microsoft identity platform reads it: OIDC scopes,
 * then permissions written `<resource>/<permission>` or `<resource>/.default` (a bare permission is
 * Microsoft Graph's). One token has one audience, so every permission must name the same resource.
 */
export function parseScopes(scope: string): ScopeRequest {
  const parts = scope.split(/\s+/).filter(Boolean)
  const oidc = new Set<OidcScope>()
  let resource: Resource | null = null
  let isDefault = false
  const permissions: string[] = []
  for (const part of parts) {
    const lower = part.toLowerCase()
    if ((OIDC_SCOPES as readonly string[]).includes(lower)) {
      oidc.add(lower as OidcScope)
      continue
    }
    const slash = part.lastIndexOf('/')
    const resourcePart = slash < 0 ? GRAPH.audience : part.slice(0, slash).replace(/\/+$/, '')
    const permission = slash < 0 ? part : part.slice(slash + 1)
    const found = findResource(resourcePart)
    if (!found || !permission) {
      throw oauthErrors.invalidScope(
        scope,
        `'${part}' names no API this authority issues tokens for (${RESOURCES.map((r) => r.audience).join(', ')}).`,
        `'${part}' non indica alcuna API per cui questa autorità emette token (${RESOURCES.map((r) => r.audience).join(', ')}).`,
      )
    }
    if (resource && resource.key !== found.key) {
      throw oauthErrors.invalidScope(
        scope,
        'A token is for one API: ask for the scopes of one resource at a time.',
        'Un token vale per una sola API: chiedi gli scope di una risorsa alla volta.',
      )
    }
    resource = found
    if (permission === '.default') isDefault = true
    else permissions.push(permission)
  }
  if (isDefault && permissions.length > 0) {
    throw oauthErrors.invalidScope(
      scope,
      "'.default' cannot be combined with other permissions of the same resource.",
      "'.default' non si può combinare con altre autorizzazioni della stessa risorsa.",
    )
  }
  return {
    oidc,
    resource: resource ?? GRAPH,
    permissions: isDefault || !resource ? 'default' : permissions,
    explicit: resource !== null,
  }
}

/** The `scope` a token response names: the permissions granted, written with the resource, then OIDC's. */
export function grantedScopeString(resource: Resource, permissions: string[], oidc: Set<string>): string {
  return [...permissions.map((p) => `${resource.audience}/${p}`), ...[...oidc]].join(' ')
}
