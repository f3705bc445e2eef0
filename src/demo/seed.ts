import { createHash } from 'node:crypto'
import { sql, type Insertable, type Transaction } from 'kysely'
import { recordAudit } from '../audit/audit.data.ts'
import type { Config } from '../config/config.ts'
import { isPartnerRole } from '../directory/partner-roles.ts'
import type { Db } from '../platform/db/database.ts'
import type { Database } from '../platform/db/schema.ts'
import {
  CUSTOMERS,
  demoId,
  MARKETPLACE_PRODUCTS,
  PARTNERS,
  tenantIdOf,
  VENDOR,
  type DemoCustomer,
  type DemoPartner,
  type DemoTenant,
  type DemoUser,
} from './world.ts'
import { seedDemoActivity } from './activity.ts'
import { demoCredentials, type DemoCredentials } from './demo-credentials.ts'
import { startPhase } from '../platform/start-timing.ts'

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

/**
 * Creates the demo world when the database holds no tenant yet. Safe to call at every start and
 * from several instances at once: the marker row is claimed in the same transaction, so exactly
 * one caller creates the world and the others see it done.
 */
export async function seedDemoWorld(
  db: Db,
  options: {
    password?: string | undefined
    now?: Date
    config?: Config
    /** The passwords, chosen and being hashed already (demoCredentials); else chosen here. */
    credentials?: DemoCredentials
  } = {},
): Promise<SeedResult> {
  const already = await db.selectFrom('app_meta').select('key').where('key', '=', MARKER).executeTakeFirst()
  if (already) return { created: false, credentials: [] }
  const tenantCount = await db
    .selectFrom('tenants')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  if (tenantCount.n > 0) return { created: false, credentials: [] }

  // Hashed on other threads (a start begins them before it opens the database) while the world and
  // its recent past are written here; the users get their hashes last, in one statement.
  const { credentials, hashes } = options.credentials ?? demoCredentials(options.password)

  const now = options.now ?? new Date()
  const created = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('app_meta')
      .values({ key: MARKER, value: JSON.stringify({ createdAt: now.toISOString() }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst()
    if (!claimed) return false
    await insertWorld(trx, now)
    return true
  })
  startPhase('demo world: its rows')
  if (!created) return { created, credentials: [] }
  // the world's recent past goes through the services, which open transactions of their own
  await seedDemoActivity(db, now, options.config)
  await setPasswordHashes(db, await hashes)
  return { created, credentials }
}

/** Each demo user's own salted hash of their password (the world's rows are written without). */
async function setPasswordHashes(db: Db, hashes: Map<string, string>): Promise<void> {
  if (hashes.size === 0) return
  const values = [...hashes].map(([email, hash]) => sql`(${email}, ${hash})`)
  await sql`update users set password_hash = given.hash
    from (values ${sql.join(values)}) as given(email, hash)
    where users.email = given.email`.execute(db)
}

/** A Partner Center order id, the same for the same name on every machine. */
const demoOrderId = (name: string): string =>
  createHash('sha256').update(`order:${name}`).digest('base64url').slice(0, 32)

const groupId = (domain: string, name: string): string => demoId('group', `${domain}/${name}`)

/**
 * The tables the world fills, in an order their foreign keys allow. Each is written with one
 * multi-row INSERT (a first start used to spend 1.5–3 s on ~330 one-row statements); the rows
 * of a table keep the order the one-row statements had.
 */
const WORLD_TABLES = [
  'tenants',
  'tenant_profiles',
  'partners',
  'security_groups',
  'group_group_members',
  'users',
  'user_roles',
  'group_user_members',
  'support_entitlements',
  'partner_provider_links',
  'marketplace_products',
  'customer_relationships',
  'orders',
  'order_line_items',
  'subscriptions',
  'azure_role_assignments',
  'gdap_relationships',
  'gdap_relationship_roles',
  'gdap_access_assignments',
  'gdap_assignment_roles',
] as const satisfies readonly (keyof Database)[]

type WorldTable = (typeof WORLD_TABLES)[number]
type WorldRows = { [T in WorldTable]: Insertable<Database[T]>[] }

function addTenant(rows: WorldRows, tenant: DemoTenant, kind: 'partner' | 'customer' | 'vendor') {
  rows.tenants.push({
    id: tenantIdOf(tenant.domain),
    kind,
    display_name: tenant.displayName,
    default_domain: tenant.domain,
    locale: tenant.locale,
    country: tenant.country,
    // the demo world starts with "require MFA" off, so its sign-in stays one step (README)
    require_mfa: false,
  })
  const p = tenant.profile
  if (!p) return
  rows.tenant_profiles.push({
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
}

function addUser(rows: WorldRows, domain: string, user: DemoUser) {
  const id = demoId('user', user.email)
  rows.users.push({
    id,
    tenant_id: tenantIdOf(domain),
    email: user.email,
    display_name: user.displayName,
    given_name: user.givenName,
    surname: user.surname,
    phone: user.phone ?? null,
    // its hash is set once argon2 is done (setPasswordHashes)
    password_hash: null,
  })
  // partner roles are the role groups' membership (in user.groups), not rows
  for (const role of user.roles.filter((r) => !isPartnerRole(r))) rows.user_roles.push({ user_id: id, role })
  for (const group of user.groups)
    rows.group_user_members.push({ group_id: groupId(domain, group), user_id: id })
}

function addPartner(rows: WorldRows, partner: DemoPartner) {
  const tenantId = tenantIdOf(partner.domain)
  addTenant(rows, partner, 'partner')
  rows.partners.push({
    tenant_id: tenantId,
    partner_type: partner.type,
    mpn_id: partner.mpnId,
    support_email: partner.supportEmail,
    support_phone: partner.supportPhone,
  })
  for (const group of partner.groups) {
    rows.security_groups.push({
      id: groupId(partner.domain, group.name),
      tenant_id: tenantId,
      display_name: group.name,
      description: group.description,
      partner_role: group.role ?? null,
    })
  }
  for (const group of partner.groups) {
    if (!group.nestedIn) continue
    rows.group_group_members.push({
      group_id: groupId(partner.domain, group.nestedIn),
      member_group_id: groupId(partner.domain, group.name),
    })
  }
  for (const user of partner.users) addUser(rows, partner.domain, user)
  for (const sub of partner.ownSubscriptions) {
    rows.subscriptions.push({
      id: demoId('subscription', `${partner.domain}/${sub.name}`),
      tenant_id: tenantId,
      workload_id: sub.workload,
      offer_id: 'MS-AZR-0003P',
      offer_name: sub.offer,
      friendly_name: sub.name,
      channel: 'direct',
      billing: 'paid',
      status: 'active',
      quantity: 1,
    })
  }
  for (const e of partner.entitlements) {
    rows.support_entitlements.push({
      id: demoId('entitlement', `${partner.domain}/${e.reference}`),
      partner_tenant_id: tenantId,
      kind: e.kind,
      reference: e.reference,
      description: e.description,
    })
  }
}

function addCustomerSubscription(
  rows: WorldRows,
  customer: DemoCustomer,
  sub: DemoCustomer['subscriptions'][number],
  now: Date,
) {
  const customerId = tenantIdOf(customer.domain)
  const subscriptionId = demoId('subscription', `${customer.domain}/${sub.name}`)
  const createdAt = new Date(now.getTime() - 200 * DAY)
  const usage = sub.workload === 'azure'
  const billingCycle = usage ? 'monthly' : sub.billing === 'trial' ? 'none' : 'monthly'
  // what the partner bought through Partner Center has an order; what the customer bought directly has none
  const orderId = sub.channel === 'csp' ? demoOrderId(`${customer.domain}/${sub.name}`) : null
  if (orderId) {
    rows.orders.push({
      id: orderId,
      customer_tenant_id: customerId,
      partner_tenant_id: tenantIdOf(sub.provider!),
      reseller_tenant_id: sub.reseller ? tenantIdOf(sub.reseller) : null,
      billing_cycle: billingCycle,
      currency_code: customer.country === 'IT' ? 'EUR' : 'USD',
      status: 'completed',
      created_at: createdAt,
    })
    rows.order_line_items.push({
      order_id: orderId,
      line_item_number: 0,
      offer_id: sub.offerId,
      subscription_id: subscriptionId,
      friendly_name: sub.name,
      quantity: sub.quantity,
      term_duration: sub.term ?? null,
    })
  }
  rows.subscriptions.push({
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
  for (const assignment of sub.rbac ?? []) {
    rows.azure_role_assignments.push({
      id: demoId('rbac', `${subscriptionId}/${assignment.partner}/${assignment.group}/${assignment.role}`),
      subscription_id: subscriptionId,
      principal_kind: 'group',
      principal_id: groupId(assignment.partner, assignment.group),
      role_name: assignment.role,
    })
  }
}

function addRelationship(
  rows: WorldRows,
  customer: DemoCustomer,
  rel: DemoCustomer['relationships'][number],
  now: Date,
) {
  const relationshipId = `${demoId('gdap', `${rel.partner}/${customer.domain}/a`)}-${demoId('gdap', `${rel.partner}/${customer.domain}/b`)}`
  const activatedAt = new Date(now.getTime() - rel.activatedDaysAgo * DAY)
  const createdAt = new Date(activatedAt.getTime() - 2 * DAY)
  const endAt = new Date(activatedAt.getTime() + durationDays(rel.duration) * DAY)
  rows.gdap_relationships.push({
    id: relationshipId,
    display_name: rel.name,
    partner_tenant_id: tenantIdOf(rel.partner),
    customer_tenant_id: tenantIdOf(customer.domain),
    status: rel.status,
    duration: rel.duration,
    created_at: createdAt,
    last_modified_at: rel.status === 'expired' ? endAt : activatedAt,
    activated_at: activatedAt,
    end_at: endAt,
  })
  for (const roleId of rel.roles)
    rows.gdap_relationship_roles.push({ relationship_id: relationshipId, role_id: roleId })
  for (const assignment of rel.assignments) {
    const assignmentId = demoId('assignment', `${relationshipId}/${assignment.group}`)
    rows.gdap_access_assignments.push({
      id: assignmentId,
      relationship_id: relationshipId,
      security_group_id: groupId(rel.partner, assignment.group),
      status: 'active',
      created_at: activatedAt,
      last_modified_at: activatedAt,
    })
    for (const roleId of assignment.roles)
      rows.gdap_assignment_roles.push({ assignment_id: assignmentId, role_id: roleId })
  }
}

/** Every row of the demo world, computed in JS: the ids are derived from names, nothing is read back. */
export function demoWorldRows(now: Date): WorldRows {
  const rows = Object.fromEntries(WORLD_TABLES.map((t) => [t, []])) as unknown as WorldRows
  addTenant(rows, VENDOR, 'vendor')
  for (const user of VENDOR.users) addUser(rows, VENDOR.domain, user)
  for (const partner of PARTNERS) addPartner(rows, partner)
  for (const partner of PARTNERS) {
    for (const provider of partner.providers ?? []) {
      rows.partner_provider_links.push({
        reseller_tenant_id: tenantIdOf(partner.domain),
        provider_tenant_id: tenantIdOf(provider),
      })
    }
  }
  for (const product of MARKETPLACE_PRODUCTS) {
    rows.marketplace_products.push({
      id: demoId('product', product.name),
      name: product.name,
      isv_name: product.isvName,
      description: product.description,
      support_url: product.supportUrl,
      support_email: product.supportEmail,
      support_phone: product.supportPhone,
    })
  }
  for (const customer of CUSTOMERS) {
    const customerId = tenantIdOf(customer.domain)
    addTenant(rows, customer, 'customer')
    addUser(rows, customer.domain, customer.admin)
    if (customer.reseller) {
      rows.customer_relationships.push({
        customer_tenant_id: customerId,
        partner_tenant_id: tenantIdOf(customer.reseller.partner),
        relationship: 'reseller',
        indirect_provider_tenant_id: customer.reseller.indirectProvider
          ? tenantIdOf(customer.reseller.indirectProvider)
          : null,
      })
    }
    if (customer.advisor) {
      rows.customer_relationships.push({
        customer_tenant_id: customerId,
        partner_tenant_id: tenantIdOf(customer.advisor),
        relationship: 'advisor',
      })
    }
    for (const sub of customer.subscriptions) addCustomerSubscription(rows, customer, sub, now)
    for (const rel of customer.relationships) addRelationship(rows, customer, rel, now)
  }
  return rows
}

async function insertWorld(trx: Transaction<Database>, now: Date): Promise<void> {
  const rows = demoWorldRows(now)
  for (const table of WORLD_TABLES) {
    const values = rows[table]
    if (values.length === 0) continue
    // (the union of row types is too wide for Kysely's overloads; each list matches its table)
    await trx
      .insertInto(table)
      .values(values as Insertable<Database['tenants']>[])
      .execute()
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
