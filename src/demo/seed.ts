import { createHash, randomBytes } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { recordAudit } from '../audit/audit.data.ts'
import type { Config } from '../config/config.ts'
import { isPartnerRole } from '../directory/partner-roles.ts'
import { hashPassword } from '../identity/passwords.ts'
import type { Db } from '../platform/db/database.ts'
import type { Database } from '../platform/db/schema.ts'
import {
  CUSTOMERS,
  demoId,
  demoUsers,
  MARKETPLACE_PRODUCTS,
  PARTNERS,
  tenantIdOf,
  VENDOR,
  type DemoTenant,
  type DemoUser,
} from './world.ts'
import { seedDemoActivity } from './activity.ts'

const MARKER = 'demo_world'
const DAY = 86400_000

export interface SeedResult {
  created: boolean
  /** Demo accounts and their passwords, when this call created them (print once, never store). */
  credentials: { email: string; password: string }[]
}

/** Days of an ISO 8601 duration of the form PnD or PnY (the forms GDAP uses). */
function durationDays(duration: string): number {
  const match = /^P(?:(\d+)Y)?(?:(\d+)D)?$/.exec(duration)
  if (!match) throw new Error(`unsupported duration ${duration}`)
  return Number(match[1] ?? 0) * 365 + Number(match[2] ?? 0)
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url')
}

/**
 * Creates the demo world when the database holds no tenant yet. Safe to call at every start and
 * from several instances at once: the marker row is claimed in the same transaction, so exactly
 * one caller creates the world and the others see it done.
 */
export async function seedDemoWorld(
  db: Db,
  options: { password?: string | undefined; now?: Date; config?: Config } = {},
): Promise<SeedResult> {
  const already = await db.selectFrom('app_meta').select('key').where('key', '=', MARKER).executeTakeFirst()
  if (already) return { created: false, credentials: [] }
  const tenantCount = await db
    .selectFrom('tenants')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  if (tenantCount.n > 0) return { created: false, credentials: [] }

  // Hash before the transaction, which then stays short.
  const credentials = demoUsers().map((u) => ({
    email: u.email,
    password: options.password ?? randomPassword(),
  }))
  const hashes = new Map<string, string>()
  const byPassword = new Map<string, Promise<string>>()
  for (const c of credentials) {
    // With one shared password, hash it once per distinct password (argon2 salts each hash anyway).
    const pending = options.password
      ? (byPassword.get(c.password) ?? hashPassword(c.password))
      : hashPassword(c.password)
    byPassword.set(c.password, pending)
    hashes.set(c.email, await pending)
  }

  const now = options.now ?? new Date()
  const created = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('app_meta')
      .values({ key: MARKER, value: JSON.stringify({ createdAt: now.toISOString() }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst()
    if (!claimed) return false
    await insertWorld(trx, hashes, now)
    return true
  })
  // the world's recent past goes through the services, which open transactions of their own
  if (created) await seedDemoActivity(db, now, options.config)
  return { created, credentials: created ? credentials : [] }
}

async function insertTenant(
  trx: Transaction<Database>,
  tenant: DemoTenant,
  kind: 'partner' | 'customer' | 'vendor',
) {
  await trx
    .insertInto('tenants')
    .values({
      id: tenantIdOf(tenant.domain),
      kind,
      display_name: tenant.displayName,
      default_domain: tenant.domain,
      locale: tenant.locale,
      country: tenant.country,
      // the demo world starts with "require MFA" off, so its sign-in stays one step (README)
      require_mfa: false,
    })
    .execute()
  const p = tenant.profile
  if (!p) return
  await trx
    .insertInto('tenant_profiles')
    .values({
      tenant_id: tenantIdOf(tenant.domain),
      email: p.email,
      phone: p.phone,
      address_line1: p.addressLine1,
      address_line2: null,
      address_line3: null,
      city: p.city,
      state: p.state,
      postal_code: p.postalCode,
      organization_registration_number: p.registrationNumber ?? null,
      billing_first_name: p.billing.firstName,
      billing_last_name: p.billing.lastName,
      billing_email: p.billing.email,
    })
    .execute()
}

/** A Partner Center order id, the same for the same name on every machine. */
const demoOrderId = (name: string): string =>
  createHash('sha256').update(`order:${name}`).digest('base64url').slice(0, 32)

async function insertUser(
  trx: Transaction<Database>,
  domain: string,
  user: DemoUser,
  hashes: Map<string, string>,
) {
  const id = demoId('user', user.email)
  await trx
    .insertInto('users')
    .values({
      id,
      tenant_id: tenantIdOf(domain),
      email: user.email,
      display_name: user.displayName,
      given_name: user.givenName,
      surname: user.surname,
      phone: user.phone ?? null,
      password_hash: hashes.get(user.email) ?? null,
    })
    .execute()
  // partner roles are the role groups' membership (in user.groups), not rows
  for (const role of user.roles.filter((r) => !isPartnerRole(r)))
    await trx.insertInto('user_roles').values({ user_id: id, role }).execute()
  for (const group of user.groups) {
    await trx
      .insertInto('group_user_members')
      .values({ group_id: groupId(domain, group), user_id: id })
      .execute()
  }
}

const groupId = (domain: string, name: string): string => demoId('group', `${domain}/${name}`)

async function insertWorld(
  trx: Transaction<Database>,
  hashes: Map<string, string>,
  now: Date,
): Promise<void> {
  await insertTenant(trx, VENDOR, 'vendor')
  for (const user of VENDOR.users) await insertUser(trx, VENDOR.domain, user, hashes)

  for (const partner of PARTNERS) {
    await insertTenant(trx, partner, 'partner')
    await trx
      .insertInto('partners')
      .values({
        tenant_id: tenantIdOf(partner.domain),
        partner_type: partner.type,
        mpn_id: partner.mpnId,
        support_email: partner.supportEmail,
        support_phone: partner.supportPhone,
      })
      .execute()
    for (const group of partner.groups) {
      await trx
        .insertInto('security_groups')
        .values({
          id: groupId(partner.domain, group.name),
          tenant_id: tenantIdOf(partner.domain),
          display_name: group.name,
          description: group.description,
          partner_role: group.role ?? null,
        })
        .execute()
    }
    for (const group of partner.groups) {
      if (!group.nestedIn) continue
      await trx
        .insertInto('group_group_members')
        .values({
          group_id: groupId(partner.domain, group.nestedIn),
          member_group_id: groupId(partner.domain, group.name),
        })
        .execute()
    }
    for (const user of partner.users) await insertUser(trx, partner.domain, user, hashes)
    for (const sub of partner.ownSubscriptions) {
      await trx
        .insertInto('subscriptions')
        .values({
          id: demoId('subscription', `${partner.domain}/${sub.name}`),
          tenant_id: tenantIdOf(partner.domain),
          workload_id: sub.workload,
          offer_id: 'MS-AZR-0003P',
          offer_name: sub.offer,
          friendly_name: sub.name,
          channel: 'direct',
          billing: 'paid',
          status: 'active',
          quantity: 1,
        })
        .execute()
    }
    for (const e of partner.entitlements) {
      await trx
        .insertInto('support_entitlements')
        .values({
          id: demoId('entitlement', `${partner.domain}/${e.reference}`),
          partner_tenant_id: tenantIdOf(partner.domain),
          kind: e.kind,
          reference: e.reference,
          description: e.description,
        })
        .execute()
    }
  }
  for (const partner of PARTNERS) {
    for (const provider of partner.providers ?? []) {
      await trx
        .insertInto('partner_provider_links')
        .values({ reseller_tenant_id: tenantIdOf(partner.domain), provider_tenant_id: tenantIdOf(provider) })
        .execute()
    }
  }

  for (const product of MARKETPLACE_PRODUCTS) {
    await trx
      .insertInto('marketplace_products')
      .values({
        id: demoId('product', product.name),
        name: product.name,
        isv_name: product.isvName,
        description: product.description,
        support_url: product.supportUrl,
        support_email: product.supportEmail,
        support_phone: product.supportPhone,
      })
      .execute()
  }

  for (const customer of CUSTOMERS) {
    const customerId = tenantIdOf(customer.domain)
    await insertTenant(trx, customer, 'customer')
    await insertUser(trx, customer.domain, customer.admin, hashes)
    if (customer.reseller) {
      await trx
        .insertInto('customer_relationships')
        .values({
          customer_tenant_id: customerId,
          partner_tenant_id: tenantIdOf(customer.reseller.partner),
          relationship: 'reseller',
          indirect_provider_tenant_id: customer.reseller.indirectProvider
            ? tenantIdOf(customer.reseller.indirectProvider)
            : null,
        })
        .execute()
    }
    if (customer.advisor) {
      await trx
        .insertInto('customer_relationships')
        .values({
          customer_tenant_id: customerId,
          partner_tenant_id: tenantIdOf(customer.advisor),
          relationship: 'advisor',
        })
        .execute()
    }
    for (const sub of customer.subscriptions) {
      const subscriptionId = demoId('subscription', `${customer.domain}/${sub.name}`)
      const createdAt = new Date(now.getTime() - 200 * DAY)
      const usage = sub.workload === 'azure'
      const billingCycle = usage ? 'monthly' : sub.billing === 'trial' ? 'none' : 'monthly'
      // what the partner bought through Partner Center has an order; what the customer bought directly has none
      const orderId = sub.channel === 'csp' ? demoOrderId(`${customer.domain}/${sub.name}`) : null
      if (orderId) {
        await trx
          .insertInto('orders')
          .values({
            id: orderId,
            customer_tenant_id: customerId,
            partner_tenant_id: tenantIdOf(sub.provider!),
            reseller_tenant_id: sub.reseller ? tenantIdOf(sub.reseller) : null,
            billing_cycle: billingCycle,
            currency_code: customer.country === 'IT' ? 'EUR' : 'USD',
            status: 'completed',
            created_at: createdAt,
          })
          .execute()
        await trx
          .insertInto('order_line_items')
          .values({
            order_id: orderId,
            line_item_number: 0,
            offer_id: sub.offerId,
            subscription_id: subscriptionId,
            friendly_name: sub.name,
            quantity: sub.quantity,
            term_duration: sub.term ?? null,
          })
          .execute()
      }
      await trx
        .insertInto('subscriptions')
        .values({
          id: subscriptionId,
          tenant_id: customerId,
          workload_id: sub.workload,
          offer_id: sub.offerId,
          offer_name: sub.offer,
          friendly_name: sub.name,
          channel: sub.channel,
          billing: sub.billing,
          provider_tenant_id: sub.provider ? tenantIdOf(sub.provider) : null,
          reseller_tenant_id: sub.reseller ? tenantIdOf(sub.reseller) : null,
          marketplace_product_id: sub.product ? demoId('product', sub.product) : null,
          status: 'active',
          quantity: sub.quantity,
          created_at: createdAt,
          modified_at: createdAt,
          order_id: orderId,
          term_duration: sub.term ?? null,
          billing_cycle: sub.channel === 'csp' ? billingCycle : null,
        })
        .execute()
      for (const assignment of sub.rbac ?? []) {
        await trx
          .insertInto('azure_role_assignments')
          .values({
            id: demoId(
              'rbac',
              `${subscriptionId}/${assignment.partner}/${assignment.group}/${assignment.role}`,
            ),
            subscription_id: subscriptionId,
            principal_kind: 'group',
            principal_id: groupId(assignment.partner, assignment.group),
            role_name: assignment.role,
          })
          .execute()
      }
    }
    for (const rel of customer.relationships) {
      const partnerId = tenantIdOf(rel.partner)
      const relationshipId = `${demoId('gdap', `${rel.partner}/${customer.domain}/a`)}-${demoId('gdap', `${rel.partner}/${customer.domain}/b`)}`
      const activatedAt = new Date(now.getTime() - rel.activatedDaysAgo * DAY)
      const createdAt = new Date(activatedAt.getTime() - 2 * DAY)
      const endAt = new Date(activatedAt.getTime() + durationDays(rel.duration) * DAY)
      await trx
        .insertInto('gdap_relationships')
        .values({
          id: relationshipId,
          display_name: rel.name,
          partner_tenant_id: partnerId,
          customer_tenant_id: customerId,
          status: rel.status,
          duration: rel.duration,
          created_at: createdAt,
          last_modified_at: rel.status === 'expired' ? endAt : activatedAt,
          activated_at: activatedAt,
          end_at: endAt,
        })
        .execute()
      for (const roleId of rel.roles) {
        await trx
          .insertInto('gdap_relationship_roles')
          .values({ relationship_id: relationshipId, role_id: roleId })
          .execute()
      }
      for (const assignment of rel.assignments) {
        const assignmentId = demoId('assignment', `${relationshipId}/${assignment.group}`)
        await trx
          .insertInto('gdap_access_assignments')
          .values({
            id: assignmentId,
            relationship_id: relationshipId,
            security_group_id: groupId(rel.partner, assignment.group),
            status: 'active',
            created_at: activatedAt,
            last_modified_at: activatedAt,
          })
          .execute()
        for (const roleId of assignment.roles) {
          await trx
            .insertInto('gdap_assignment_roles')
            .values({ assignment_id: assignmentId, role_id: roleId })
            .execute()
        }
      }
    }
  }
}

/**
 * Removes every tenant and what hangs off them, then creates the demo world again. The audit log
 * stays: it is tamper-evident (docs/audit.md), so the reset is one more event in it, not an erasure.
 */
export async function resetDemoWorld(
  db: Db,
  options: { password?: string | undefined; config?: Config } = {},
): Promise<SeedResult> {
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, {
      actorUserId: null,
      actorEmail: null,
      actorTenantId: null,
      tenantId: null,
      action: 'demo.reset',
      result: 'done',
      reason: 'every tenant deleted; the demo world is created again',
    })
    await trx.deleteFrom('sessions').execute()
    await trx.deleteFrom('rate_limits').execute()
    await trx.deleteFrom('tenants').execute()
    // incidents are the vendor's, not a tenant's: the demo's own are made again with the world
    await trx.deleteFrom('incidents').execute()
    await trx.deleteFrom('marketplace_products').execute()
    await trx.deleteFrom('app_meta').where('key', '=', MARKER).execute()
  })
  return seedDemoWorld(db, options)
}
