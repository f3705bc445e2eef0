import { recordAudit } from '../audit/audit.data.ts'
import { type Actor, auditActor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError } from '../platform/errors.ts'
import { findAppByClientId } from './applications.data.ts'
import { answerDeviceCode, findDeviceCodeByUserCode } from './grants.data.ts'
import { findTenant } from './tenant-segment.ts'

export interface DeviceCodeView {
  userCode: string
  application: { clientId: string; displayName: string; tenantName: string }
  tenant: { id: string; name: string } | null
  scope: string
  expiresAt: string
}

const unknownCode = () => new AppError(404, 'unknown_device_code', 'error.not_found')

/** What the device login page shows before the person says yes: which app, which tenant, which scopes. */
export async function describeDeviceCode(
  ctx: AppContext,
  actor: Actor,
  userCode: string,
): Promise<DeviceCodeView> {
  const row = await findDeviceCodeByUserCode(ctx.db, userCode)
  if (!row || row.status !== 'pending' || row.expiresAt <= ctx.now() || actor.principal !== 'user')
    throw unknownCode()
  const app = await ctx.db
    .selectFrom('app_registrations')
    .select('client_id')
    .where('id', '=', row.applicationId)
    .executeTakeFirstOrThrow()
  const record = (await findAppByClientId(ctx.db, app.client_id))!
  const tenant = row.tenantId ? await findTenant(ctx, row.tenantId) : null
  return {
    userCode: row.userCode,
    application: {
      clientId: record.clientId,
      displayName: record.displayName,
      tenantName: record.tenantName,
    },
    tenant: tenant ? { id: tenant.id, name: tenant.name } : null,
    scope: row.scope,
    expiresAt: row.expiresAt.toISOString(),
  }
}

/**
 * The signed-in person approves or declines a device code; the device's next poll gets tokens
 * carrying how this session signed in (amr). A code answers once.
 */
export async function answerDevice(
  ctx: AppContext,
  actor: Actor,
  userCode: string,
  decision: 'approve' | 'decline',
): Promise<void> {
  const view = await describeDeviceCode(ctx, actor, userCode)
  const status = decision === 'approve' ? 'approved' : 'declined'
  await ctx.db.transaction().execute(async (trx) => {
    const done = await answerDeviceCode(
      trx,
      userCode,
      { status, userId: actor.userId, amr: actor.authMethods, authTime: ctx.now() },
      ctx.now(),
    )
    if (!done) throw unknownCode()
    const app = await findAppByClientId(trx, view.application.clientId)
    await recordAudit(trx, {
      ...auditActor(actor),
      applicationId: app?.id ?? null,
      tenantId: view.tenant?.id ?? actor.homeTenantId,
      action: `authority.device_code.${status}`,
      targetType: 'application',
      targetId: app?.id ?? null,
      result: 'done',
      details: { scope: view.scope },
    })
  })
}
