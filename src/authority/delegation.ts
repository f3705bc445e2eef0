import { resolveAccess, type AccessGrant } from '../gdap/access.data.ts'
import { effectiveState } from '../gdap/lifecycle.ts'
import type { UserRecord } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import { oauthErrors } from './oauth-errors.ts'

/**
 * R1 at the token endpoint: a partner user's token in a customer's tenant is issued only while an
 * active GDAP relationship gives one of the user's groups a role there (gdap/access.data.ts, the
 * same query every API call asks). A refusal names the first link that is missing, as
 * `tramite token --tenant` and the access trace do.
 */
export async function delegatedGrants(
  ctx: AppContext,
  user: UserRecord,
  tenant: { id: string; name: string },
): Promise<AccessGrant[]> {
  const grants =
    user.tenantKind === 'partner' ? await resolveAccess(ctx.db, user.id, tenant.id, ctx.now()) : []
  if (grants.length > 0) return grants
  const reason = await refusalReason(ctx, user, tenant)
  throw oauthErrors.noDelegatedAccess(reason.en, reason.it)
}

async function refusalReason(
  ctx: AppContext,
  user: UserRecord,
  tenant: { id: string; name: string },
): Promise<{ en: string; it: string }> {
  const who = user.email
  const where = `${tenant.name} (${tenant.id})`
  if (user.tenantKind !== 'partner') {
    return {
      en: `${who} is not a partner user: a token in another tenant (${where}) is issued only to a partner's people acting through GDAP (R1).`,
      it: `${who} non è un utente partner: un token in un altro tenant (${where}) è emesso solo alle persone di un partner che agiscono tramite GDAP (R1).`,
    }
  }
  const relationships = await ctx.db
    .selectFrom('gdap_relationships')
    .select([
      'display_name as name',
      'status',
      'duration',
      'activated_at as activatedAt',
      'end_at as endAt',
      'auto_extend_duration as autoExtendDuration',
      'approval_requested_at as approvalRequestedAt',
      'last_modified_at as lastModifiedAt',
    ])
    .where('partner_tenant_id', '=', user.tenantId)
    .where('customer_tenant_id', '=', tenant.id)
    .orderBy('last_modified_at', 'desc')
    .execute()
  if (relationships.length === 0) {
    return {
      en: `${user.tenantName} has no GDAP relationship with ${where}, so ${who} has no role there (R1).`,
      it: `${user.tenantName} non ha relazioni GDAP con ${where}, quindi ${who} non vi ha alcun ruolo (R1).`,
    }
  }
  const now = ctx.now()
  const states = relationships.map((r) => ({ ...r, now: effectiveState({ ...r, roleIds: [] }, now).status }))
  const live = states.find((r) => r.now === 'active' || r.now === 'expiring')
  if (!live) {
    const last = states[0]!
    const since = last.now === 'expired' && last.endAt ? last.endAt : last.lastModifiedAt
    return {
      en: `The GDAP relationship "${last.name}" with ${where} is ${last.now} (since ${since.toISOString()}): no active relationship gives ${who} a role there (R1).`,
      it: `La relazione GDAP "${last.name}" con ${where} è ${last.now} (dal ${since.toISOString()}): nessuna relazione attiva dà a ${who} un ruolo lì (R1).`,
    }
  }
  return {
    en: `The GDAP relationship "${live.name}" with ${where} is active, but no active access assignment gives a role to a security group of ${who} (R1).`,
    it: `La relazione GDAP "${live.name}" con ${where} è attiva, ma nessuna assegnazione di accesso attiva dà un ruolo a un gruppo di sicurezza di ${who} (R1).`,
  }
}
