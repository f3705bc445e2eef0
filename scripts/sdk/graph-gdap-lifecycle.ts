/**
 * `npm run sdk:graph`: the official Microsoft Graph JavaScript client, unmodified, drives a GDAP
 * relationship's whole lifecycle against Tramite over HTTPS — create, lock for approval, approve as
 * the customer, assign a security group, list with paging, terminate.
 *
 * Start the server with TRAMITE_TLS=dev, then run with its certificate trusted:
 *   NODE_EXTRA_CA_CERTS=data/tls/cert.pem npm run sdk:graph
 * TRAMITE_URL (default https://localhost:3443); PARTNER_TOKEN / CUSTOMER_TOKEN default to tokens
 * the CLI mints for anna@fabrikam.example and admin@tailspin.example. Prints one JSON line per step.
 */
import { execFileSync } from 'node:child_process'
import { Client, PageIterator } from '@microsoft/microsoft-graph-client'
import { demoId, tenantIdOf } from '../../src/demo/world.ts'

const ROOT = '/tenantRelationships/delegatedAdminRelationships'
const SERVICE_SUPPORT_ADMINISTRATOR = 'f023fd81-a637-4b56-95fd-791ac0226033'
const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')

const cliToken = (user: string) =>
  execFileSync(
    process.execPath,
    ['bin/tramite.js', 'token', '--user', user, '--audience', 'https://graph.microsoft.com'],
    {
      encoding: 'utf8',
    },
  ).trim()

function graphClient(token: string): Client {
  return Client.initWithMiddleware({
    baseUrl: url.origin,
    defaultVersion: 'v1.0',
    // the client sends the bearer token only to https hosts it knows
    customHosts: new Set([url.hostname]),
    authProvider: { getAccessToken: async () => token },
  })
}

const log = (step: string, data: Record<string, unknown>) => console.log(JSON.stringify({ step, ...data }))

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

const partner = graphClient(process.env.PARTNER_TOKEN ?? cliToken('anna@fabrikam.example'))
const customer = graphClient(process.env.CUSTOMER_TOKEN ?? cliToken('admin@tailspin.example'))
const customerTenantId = process.env.CUSTOMER_TENANT_ID ?? tenantIdOf('tailspin.example')
const groupId = process.env.GROUP_ID ?? demoId('group', 'fabrikam.example/Tier1 Support')

const created = await partner.api(ROOT).post({
  displayName: `SDK lifecycle ${new Date().toISOString().slice(0, 19)}`,
  duration: 'P730D',
  customer: { tenantId: customerTenantId },
  accessDetails: { unifiedRoles: [{ roleDefinitionId: SERVICE_SUPPORT_ADMINISTRATOR }] },
})
log('create', { id: created.id, status: created.status, etag: created['@odata.etag'] })

const lock = await partner.api(`${ROOT}/${created.id}/requests`).post({ action: 'lockForApproval' })
log('lockForApproval', { status: lock.status })

const approve = await customer.api(`${ROOT}/${created.id}/requests`).post({ action: 'approve' })
log('approve', { status: approve.status })

const active = await until(
  'active',
  () => partner.api(`${ROOT}/${created.id}`).get(),
  (r) => r.status === 'active',
)
log('active', { status: active.status, endDateTime: active.endDateTime })

const assignment = await partner.api(`${ROOT}/${created.id}/accessAssignments`).post({
  accessContainer: { accessContainerId: groupId, accessContainerType: 'securityGroup' },
  accessDetails: { unifiedRoles: [{ roleDefinitionId: SERVICE_SUPPORT_ADMINISTRATOR }] },
})
log('assign', { id: assignment.id, status: assignment.status })
const assigned = await until(
  'assignment active',
  () => partner.api(`${ROOT}/${created.id}/accessAssignments/${assignment.id}`).get(),
  (a) => a.status === 'active',
)
log('assignment active', { status: assigned.status })

const ids: string[] = []
const firstPage = await partner.api(ROOT).top(1).get()
const pages = new PageIterator(partner, firstPage, (item: { id: string }) => {
  ids.push(item.id)
  return true
})
await pages.iterate()
log('list', { count: ids.length, includesCreated: ids.includes(created.id) })

const terminate = await partner.api(`${ROOT}/${created.id}/requests`).post({ action: 'terminate' })
log('terminate', { status: terminate.status })
const terminated = await until(
  'terminated',
  () => partner.api(`${ROOT}/${created.id}`).get(),
  (r) => r.status === 'terminated',
)
log('terminated', { status: terminated.status })
