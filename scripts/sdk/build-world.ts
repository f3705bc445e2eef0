/**
 * `npm run sdk:build-world`: builds, on a Tramite started empty (TRAMITE_DEMO=false), a channel with
 * the demo world's structure under other names — only through the CLI and the public APIs, as a
 * vendor and its partners would: `tramite setup` and `tramite partner create`; tokens from
 * `tramite token`; the official Microsoft Graph client for users, groups, nesting, role groups and
 * GDAP relationships with their access assignments; Partner Center REST for customers and orders;
 * the official @azure/arm-authorization client for the Azure role assignments; the portal API for
 * the vendor's marketplace product, direct subscriptions and a partner's own entitlement.
 *
 * Start the server with TRAMITE_DEMO=false TRAMITE_TLS=dev on an empty database, then, with the same
 * TRAMITE_DATA_DIR (and DATABASE_URL) so that the CLI reaches it:
 *   NODE_EXTRA_CA_CERTS=$TRAMITE_DATA_DIR/tls/cert.pem TRAMITE_URL=https://localhost:3443 npm run sdk:build-world
 * One JSON line per step; the last one ("world") maps the demo world's names to the built ones.
 * The Tailspin-like relationship is created for one day (P1D): a day later it has expired, as the
 * demo world's has.
 */
import { execFile, execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { Client } from '@microsoft/microsoft-graph-client'
import { BUILT_WORLD as W, type BuiltPartner } from './built-world.ts'

const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')
const SSA = 'f023fd81-a637-4b56-95fd-791ac0226033'
const DR = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b'
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
/** The role groups as the demo world names them, and as Partner Center (and a new partner) does. */
const ROLE_GROUPS = {
  'Admin Agents': 'AdminAgents',
  'Helpdesk Agents': 'HelpdeskAgents',
  'Sales Agents': 'SalesAgents',
}
const OFFERS = {
  azurePlan: 'DZH318Z0BPS6:0001',
  m365: 'CFQ7TTC0LCHC:0002',
  m365Trial: 'CFQ7TTC0LCHC:0002:TRIAL',
  dynamics: 'CFQ7TTC0LF8S:0001',
}
const AUDIENCE = {
  api: 'urn:tramite:api',
  graph: 'https://graph.microsoft.com',
  arm: 'https://management.azure.com',
  partnerCenter: 'https://api.partnercenter.microsoft.com',
}

const log = (step: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ step, ...data }))
const tramite = (args: string[]) =>
  execFileSync(process.execPath, ['bin/tramite.js', ...args], { encoding: 'utf8', env: process.env }).trim()
const tokens = new Map<string, string>()
function token(user: string, audience: string): string {
  const key = `${user} ${audience}`
  if (!tokens.has(key)) tokens.set(key, tramite(['token', '--user', user, '--audience', audience]))
  return tokens.get(key)!
}
/** Mints the tokens `pairs` (user, audience) side by side: a CLI process each. */
async function prefetch(pairs: [string, string][]): Promise<void> {
  const run = promisify(execFile)
  await Promise.all(
    pairs.map(async ([user, audience]) => {
      const args = ['bin/tramite.js', 'token', '--user', user, '--audience', audience]
      const { stdout } = await run(process.execPath, args, { encoding: 'utf8', env: process.env })
      tokens.set(`${user} ${audience}`, stdout.trim())
    }),
  )
}

async function call<T = any>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(path, url), {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

function graphAs(user: string): Client {
  return Client.initWithMiddleware({
    baseUrl: url.origin,
    defaultVersion: 'v1.0',
    customHosts: new Set([url.hostname]),
    authProvider: { getAccessToken: async () => token(user, AUDIENCE.graph) },
  })
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() - start > 60_000) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

// ── the vendor ───────────────────────────────────────────────────────────────────────────
tramite([
  'setup',
  '--vendor',
  W.vendor.name,
  '--domain',
  W.vendor.domain,
  '--admin',
  W.vendor.admin,
  '--password',
  'vendor-admin-password',
])
const vendor = token(W.vendor.admin, AUDIENCE.api)
log('setup', { vendor: W.vendor.name })

// ── partners: the CLI creates them, each first administrator accepts the invitation ────────
const tenantOf: Record<string, string> = {}
for (const p of W.partners) {
  const created = JSON.parse(
    tramite([
      'partner',
      'create',
      '--name',
      p.name,
      '--type',
      p.type,
      ...(p.provider ? ['--provider', tenantOf[p.provider]!] : []),
      '--domain',
      p.domain,
      '--admin',
      p.admin,
      '--json',
    ]),
  ) as { tenantId: string; adminInvitationUrl: string }
  tenantOf[p.domain] = created.tenantId
  const accepted = await fetch(new URL('/api/invitations/accept', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      secret: created.adminInvitationUrl.split('#')[1],
      password: `${p.domain}-admin-pw`,
    }),
  })
  if (!accepted.ok) throw new Error(`invitation of ${p.admin}: ${accepted.status} ${await accepted.text()}`)
  // locale, country and the support contact (what customers are shown), as the vendor keeps them
  await call(vendor, 'PATCH', `/api/directory/partners/${created.tenantId}`, {
    locale: p.locale,
    country: p.locale.slice(3),
    supportEmail: `support@${p.domain}`,
    supportPhone: p.phone,
  })
  log('partner', { domain: p.domain, tenantId: created.tenantId, type: p.type })
}
await prefetch(
  W.partners.flatMap((p) =>
    [AUDIENCE.api, AUDIENCE.graph, AUDIENCE.partnerCenter].map((a) => [p.admin, a] as [string, string]),
  ),
)
// as the demo world's partners: no MFA requirement for delegated work
for (const p of W.partners)
  await call(token(p.admin, AUDIENCE.api), 'PATCH', '/api/security/settings', { requireMfa: false })

// ── people and groups, over Microsoft Graph ────────────────────────────────────────────────
const groupIdOf: Record<string, string> = {}
const ref = (id: string) => ({ '@odata.id': `${url.origin}/v1.0/directoryObjects/${id}` })
for (const p of W.partners) {
  const graph = graphAs(p.admin)
  const existing = (await graph.api('/groups').select(['id', 'displayName']).get()) as {
    value: { id: string; displayName: string }[]
  }
  // the role groups exist from the start, under Partner Center's names
  for (const [name, role] of Object.entries(ROLE_GROUPS)) {
    const found = existing.value.find((g) => g.displayName === role)
    if (!found) throw new Error(`${p.domain} has no ${role} group`)
    groupIdOf[`${p.domain}/${name}`] = found.id
  }
  for (const g of p.groups) {
    const created = await graph.api('/groups').post({
      displayName: g.name,
      mailEnabled: false,
      mailNickname: g.name.replace(/\W/g, ''),
      securityEnabled: true,
    })
    groupIdOf[`${p.domain}/${g.name}`] = created.id
    if (g.nestedIn)
      await graph.api(`/groups/${groupIdOf[`${p.domain}/${g.nestedIn}`]}/members/$ref`).post(ref(created.id))
  }
  for (const u of p.users) {
    const user = await graph.api('/users').post({
      accountEnabled: true,
      displayName: u.name,
      userPrincipalName: u.email,
      mailNickname: u.email.split('@')[0],
      passwordProfile: { password: `${u.email}-pw`, forceChangePasswordNextSignIn: false },
    })
    for (const g of u.groups)
      await graph.api(`/groups/${groupIdOf[`${p.domain}/${g}`]}/members/$ref`).post(ref(user.id))
  }
  log('people', { domain: p.domain, users: p.users.length, groups: p.groups.length })
}

// ── the vendor's marketplace product and the partners' own subscriptions and entitlements ──
await call(vendor, 'POST', '/api/directory/marketplace-products', W.product)
for (const p of W.partners) {
  if (p.ownAzure)
    await call(vendor, 'POST', `/api/vendor/tenants/${tenantOf[p.domain]}/direct-subscriptions`, {
      offerId: OFFERS.azurePlan,
      quantity: 1,
      friendlyName: `${p.name} Internal`,
    })
  for (const e of p.entitlements ?? [])
    await call(token(p.admin, AUDIENCE.api), 'POST', '/api/directory/entitlements', e)
}
log('vendor records', { product: W.product.name })

// ── customers, subscriptions and orders over Partner Center ────────────────────────────────
const partnerOf = (domain: string) => W.partners.find((p) => p.domain === domain)!
const subscriptionsOf: Record<string, { id: string; offerId: string; provider: BuiltPartner | null }[]> = {}
for (const c of W.customers) {
  const creator = partnerOf(c.createdBy)
  const pc = token(creator.admin, AUDIENCE.partnerCenter)
  const customer = await call(pc, 'POST', '/v1/customers', {
    CompanyProfile: { Domain: c.domain },
    BillingProfile: {
      Culture: c.locale,
      Email: `billing@${c.domain}`,
      Language: c.locale.slice(0, 2),
      CompanyName: c.name,
      DefaultAddress: {
        FirstName: 'Admin',
        LastName: c.name.split(' ')[0],
        AddressLine1: '1 Main Street',
        City: c.locale === 'it-IT' ? 'Milano' : 'Seattle',
        State: c.locale === 'it-IT' ? 'MI' : 'WA',
        PostalCode: '20100',
        Country: c.locale.slice(3),
      },
    },
    ...(c.associatedPartner ? { AssociatedPartnerId: tenantOf[c.associatedPartner] } : {}),
  })
  tenantOf[c.domain] = customer.id
  subscriptionsOf[c.domain] = []
  if (customer.userCredentials.userName !== c.admin)
    throw new Error(`unexpected admin ${customer.userCredentials.userName}`)
  for (const s of c.orders) {
    const order = await call(pc, 'POST', `/v1/customers/${customer.id}/orders`, {
      LineItems: [
        {
          LineItemNumber: 0,
          OfferId: OFFERS[s.offer],
          Quantity: s.quantity,
          FriendlyName: s.name,
          ...(s.term ? { TermDuration: s.term } : {}),
        },
      ],
    })
    subscriptionsOf[c.domain]!.push({
      id: order.lineItems[0].subscriptionId,
      offerId: OFFERS[s.offer],
      provider: creator,
    })
  }
  for (const s of c.direct ?? []) {
    const recorded = await call(vendor, 'POST', `/api/vendor/tenants/${customer.id}/direct-subscriptions`, {
      offerId: OFFERS[s.offer],
      quantity: s.quantity,
      friendlyName: s.name,
    })
    subscriptionsOf[c.domain]!.push({ id: recorded.id, offerId: OFFERS[s.offer], provider: null })
  }
  log('customer', {
    domain: c.domain,
    tenantId: customer.id,
    subscriptions: subscriptionsOf[c.domain]!.length,
  })
}

await prefetch(
  W.customers.flatMap((c) => [AUDIENCE.graph, AUDIENCE.arm].map((a) => [c.admin, a] as [string, string])),
)

// ── Azure RBAC, with the official SDK: the provider's Admin Agents own each CSP Azure plan ─────
for (const c of W.customers) {
  for (const s of subscriptionsOf[c.domain]!.filter((x) => x.offerId === OFFERS.azurePlan && x.provider)) {
    const rbac = new AuthorizationManagementClient(
      {
        getToken: async () => ({
          token: token(c.admin, AUDIENCE.arm),
          expiresOnTimestamp: Date.now() + 3_600_000,
        }),
      },
      s.id,
      { endpoint: url.origin, retryOptions: { maxRetries: 0 } },
    )
    const scope = `subscriptions/${s.id}`
    const adminAgents = groupIdOf[`${s.provider!.domain}/Admin Agents`]!
    const held = []
    for await (const a of rbac.roleAssignments.listForScope(scope, {
      filter: `principalId eq '${adminAgents}'`,
    }))
      held.push(a)
    // CSP gives it when the Azure plan is ordered; the SDK makes it so where it is missing
    let created = false
    if (!held.some((a) => a.roleDefinitionId?.endsWith(OWNER))) {
      await rbac.roleAssignments.create(scope, randomUUID(), {
        roleDefinitionId: `/${scope}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`,
        principalId: adminAgents,
        principalType: 'ForeignGroup',
      })
      created = true
    }
    log('rbac', { customer: c.domain, subscription: s.id, owner: s.provider!.domain, created })
  }
}

// ── GDAP, with the official Graph client: create, lock, the customer approves, assign ─────────
const ROOT = '/tenantRelationships/delegatedAdminRelationships'
const ROLE_IDS = { ssa: SSA, dr: DR }
for (const c of W.customers) {
  for (const r of c.relationships) {
    const partner = graphAs(partnerOf(r.partner).admin)
    const roles = r.roles.map((x) => ({ roleDefinitionId: ROLE_IDS[x] }))
    const created = await partner.api(ROOT).post({
      displayName: r.name,
      duration: r.duration,
      customer: { tenantId: tenantOf[c.domain] },
      accessDetails: { unifiedRoles: roles },
    })
    await partner.api(`${ROOT}/${created.id}/requests`).post({ action: 'lockForApproval' })
    await graphAs(c.admin).api(`${ROOT}/${created.id}/requests`).post({ action: 'approve' })
    await until(
      `${r.name} active`,
      () => partner.api(`${ROOT}/${created.id}`).get(),
      (x) => x.status === 'active',
    )
    const assignment = await partner.api(`${ROOT}/${created.id}/accessAssignments`).post({
      accessContainer: {
        accessContainerId: groupIdOf[`${r.partner}/${r.group}`],
        accessContainerType: 'securityGroup',
      },
      accessDetails: { unifiedRoles: roles },
    })
    await until(
      `${r.name} assignment active`,
      () => partner.api(`${ROOT}/${created.id}/accessAssignments/${assignment.id}`).get(),
      (x) => x.status === 'active',
    )
    log('gdap', { customer: c.domain, partner: r.partner, name: r.name, duration: r.duration })
  }
}

log('world', { tenants: tenantOf, groups: groupIdOf })
