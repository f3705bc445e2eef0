import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { ApiError } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { delegatedToken, renewalDelayMs, type Audience } from '../api/delegation.ts'
import type { PortalAuth } from '../api/http.ts'
import type { PortalViewer } from '../viewer.ts'

/**
 * The tenant a workload portal acts in. `delegated`: a customer's, reached from the partner portal
 * (R3) with a token GDAP allows; `own`: the user's own tenant, when the portal was opened directly
 * (R12) — a partner's own subscriptions, or a customer administrator's organization.
 */
export interface PortalContext {
  kind: 'delegated' | 'own'
  tenantId: string
  tenantName: string
  auth: PortalAuth
}

export interface PortalContextState {
  /** The `?tenant=` the portal was opened with (null: own context). */
  requestedTenantId: string | null
  context: PortalContext | undefined
  error: ApiError | null
  loading: boolean
  reload: () => void
}

/** `?tenant=<id>` to keep on a portal's links while it acts for a customer ('' in the own context). */
export function tenantQuery(context: { kind: string; tenantId: string } | undefined, extra = ''): string {
  const params = new URLSearchParams(extra)
  if (context?.kind === 'delegated') params.set('tenant', context.tenantId)
  const search = params.toString()
  return search ? `?${search}` : ''
}

/**
 * Reads `?tenant=` and gets the context's token: a delegated token for a customer's tenant, or —
 * when `ownToken` — one for the user's own tenant (the Azure API takes bearer tokens only); without
 * it the own context uses the session. Tokens are renewed before they expire.
 */
export function usePortalContext(
  viewer: PortalViewer,
  audience: Audience,
  { ownToken }: { ownToken: boolean },
): PortalContextState {
  const [params] = useSearchParams()
  const param = params.get('tenant')?.trim() || null
  const requestedTenantId = param && param.toLowerCase() !== viewer.tenantId.toLowerCase() ? param : null
  const [renewals, setRenewals] = useState(0)

  const resource = useApiResource<{ context: PortalContext; renewInMs: number | null }>(async () => {
    if (requestedTenantId) {
      const issued = await delegatedToken(viewer.userId, requestedTenantId, audience)
      return {
        context: {
          kind: 'delegated',
          tenantId: issued.tenant.tenantId,
          tenantName: issued.tenant.name,
          auth: { token: issued.token },
        },
        renewInMs: renewalDelayMs(issued),
      }
    }
    const own = { kind: 'own' as const, tenantId: viewer.tenantId, tenantName: viewer.tenantName }
    if (!ownToken) return { context: { ...own, auth: { token: null } }, renewInMs: null }
    const issued = await delegatedToken(viewer.userId, viewer.tenantId, audience)
    return { context: { ...own, auth: { token: issued.token } }, renewInMs: renewalDelayMs(issued) }
  }, [viewer.userId, viewer.tenantId, requestedTenantId, audience, ownToken, renewals])

  const renewInMs = resource.data?.renewInMs ?? null
  useEffect(() => {
    if (renewInMs === null) return
    const timer = window.setTimeout(() => setRenewals((n) => n + 1), renewInMs)
    return () => window.clearTimeout(timer)
  }, [renewInMs])

  // A failure for another tenant must not leave the previous tenant's context on screen.
  const context = resource.error ? undefined : resource.data?.context
  return {
    requestedTenantId,
    context:
      context &&
      (context.kind === 'delegated'
        ? context.tenantId.toLowerCase() === requestedTenantId?.toLowerCase()
        : !requestedTenantId)
        ? context
        : undefined,
    error: resource.error,
    loading: resource.loading,
    reload: resource.reload,
  }
}
