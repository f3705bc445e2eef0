/**
 * `npm run sdk:graph-kiota`: the Kiota-based Microsoft Graph SDK (`@microsoft/msgraph-sdk` with
 * `@microsoft/msgraph-sdk-tenantrelationships`), unmodified, against Tramite over HTTPS: a GDAP
 * relationship from creation to an access assignment whose roles change (202 + Location +
 * Retry-After, then the operation), the same change again (200), lists with $filter, $select,
 * $orderby, $top, $count and /$count; then service health in a customer's tenant with the SDK's own
 * request adapter and models.
 *
 * Start the server with TRAMITE_TLS=dev, then: NODE_EXTRA_CA_CERTS=data/tls/cert.pem npm run sdk:graph-kiota
 * TRAMITE_URL (default https://localhost:3443); PARTNER_TOKEN, CUSTOMER_TOKEN (Tailspin's admin) and
 * HEALTH_TOKEN (anna in Rossi's tenant) default to tokens the CLI mints. One JSON line per step.
 */
import { execFileSync } from 'node:child_process'
import {
  AllowedHostsValidator,
  BaseBearerTokenAuthenticationProvider,
  Duration,
  HttpMethod,
  RequestInformation,
} from '@microsoft/kiota-abstractions'
import { HeadersInspectionOptions } from '@microsoft/kiota-http-fetchlibrary'
import { createGraphServiceClient, GraphRequestAdapter } from '@microsoft/msgraph-sdk'
import {
  createServiceHealthCollectionResponseFromDiscriminatorValue,
  createServiceHealthFromDiscriminatorValue,
  createServiceHealthIssueCollectionResponseFromDiscriminatorValue,
  type ServiceHealthCollectionResponse,
  type ServiceHealth,
  type ServiceHealthIssueCollectionResponse,
} from '@microsoft/msgraph-sdk/models/index.js'
import {
  createODataErrorFromDiscriminatorValue,
  type ODataError,
} from '@microsoft/msgraph-sdk/models/oDataErrors/index.js'
import '@microsoft/msgraph-sdk-tenantrelationships'
import { demoId, tenantIdOf } from '../../src/demo/world.ts'

const SERVICE_SUPPORT_ADMINISTRATOR = 'f023fd81-a637-4b56-95fd-791ac0226033'
const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b'
const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')

const cliToken = (user: string, tenant?: string) =>
  execFileSync(
    process.execPath,
    ['bin/tramite.js', 'token', '--user', user, ...(tenant ? ['--tenant', tenant] : [])],
    { encoding: 'utf8' },
  ).trim()

function adapterFor(token: string): GraphRequestAdapter {
  const auth = new BaseBearerTokenAuthenticationProvider({
    getAuthorizationToken: async () => token,
    // the SDK sends the token only to hosts it is told about, and only over https
    getAllowedHostsValidator: () => new AllowedHostsValidator(new Set([url.host])),
  })
  const adapter = new GraphRequestAdapter(auth)
  adapter.baseUrl = `${url.origin}/v1.0`
  return adapter
}

const log = (step: string, data: Record<string, unknown>) => console.log(JSON.stringify({ step, ...data }))

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() - start > 30_000) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

const partner = createGraphServiceClient(
  adapterFor(process.env.PARTNER_TOKEN ?? cliToken('anna@fabrikam.example')),
)
const customer = createGraphServiceClient(
  adapterFor(process.env.CUSTOMER_TOKEN ?? cliToken('admin@tailspin.example')),
)
const relationships = partner.tenantRelationships.delegatedAdminRelationships

const created = await relationships.post({
  displayName: `Kiota ${new Date().toISOString().slice(0, 19)}`,
  duration: new Duration({ days: 730 }),
  customer: { tenantId: tenantIdOf('tailspin.example') },
  accessDetails: {
    unifiedRoles: [
      { roleDefinitionId: SERVICE_SUPPORT_ADMINISTRATOR },
      { roleDefinitionId: DIRECTORY_READERS },
    ],
  },
})
const id = created!.id!
log('create', { id, status: created!.status, duration: created!.duration?.toString() })

await relationships.byDelegatedAdminRelationshipId(id).requests.post({ action: 'lockForApproval' })
await customer.tenantRelationships.delegatedAdminRelationships
  .byDelegatedAdminRelationshipId(id)
  .requests.post({ action: 'approve' })
const active = await until(
  'active',
  () => relationships.byDelegatedAdminRelationshipId(id).get(),
  (r) => r?.status === 'active',
)
log('active', { status: active!.status })

const assignments = relationships.byDelegatedAdminRelationshipId(id).accessAssignments
const assignment = await assignments.post({
  accessContainer: {
    accessContainerId: demoId('group', 'fabrikam.example/Tier1 Support'),
    accessContainerType: 'securityGroup',
  },
  accessDetails: { unifiedRoles: [{ roleDefinitionId: SERVICE_SUPPORT_ADMINISTRATOR }] },
})
const assignmentId = assignment!.id!
const live = await until(
  'assignment active',
  () => assignments.byDelegatedAdminAccessAssignmentId(assignmentId).get(),
  (a) => a?.status === 'active',
)
log('assign', { status: live!.status })

// change the roles: Graph answers 202 with Location and Retry-After; the SDK must complete the call
const inspect = new HeadersInspectionOptions({ inspectResponseHeaders: true })
const changed = await assignments
  .byDelegatedAdminAccessAssignmentId(assignmentId)
  .patch(
    { accessDetails: { unifiedRoles: [{ roleDefinitionId: DIRECTORY_READERS }] } },
    { headers: { 'If-Match': live!.additionalData?.['@odata.etag'] as string }, options: [inspect] },
  )
const headers = inspect.getResponseHeaders()
const location = [...(headers.get('location') ?? [])][0] ?? ''
log('patch roles', {
  completed: true,
  returned: changed === undefined ? 'undefined' : typeof changed,
  location,
  retryAfter: [...(headers.get('retry-after') ?? [])][0] ?? null,
})
const operationId = location.split('/').pop()!
const operation = await until(
  'operation succeeded',
  () =>
    relationships
      .byDelegatedAdminRelationshipId(id)
      .operations.byDelegatedAdminRelationshipOperationId(operationId)
      .get(),
  (o) => o?.status === 'succeeded',
)
log('operation', { status: operation!.status, operationType: operation!.operationType })
const applied = await assignments.byDelegatedAdminAccessAssignmentId(assignmentId).get()
log('roles applied', { roles: applied!.accessDetails!.unifiedRoles!.map((r) => r.roleDefinitionId) })

// the same roles again: nothing changes, 200 with the assignment
const same = await assignments
  .byDelegatedAdminAccessAssignmentId(assignmentId)
  .patch(
    { accessDetails: { unifiedRoles: [{ roleDefinitionId: DIRECTORY_READERS }] } },
    { headers: { 'If-Match': applied!.additionalData?.['@odata.etag'] as string } },
  )
log('patch same roles', { id: same?.id, status: same?.status })

// lists: $filter, $select, $orderby, $top with paging, $count and /$count
const firstPage = await relationships.get({
  queryParameters: {
    filter: "status eq 'active'",
    select: ['id', 'displayName', 'status'],
    orderby: ['displayName desc'],
    top: 1,
    count: true,
  },
})
const listed = [...(firstPage!.value ?? [])]
let next = firstPage!.odataNextLink
while (next) {
  const page = await relationships.withUrl(next).get()
  listed.push(...(page!.value ?? []))
  next = page!.odataNextLink
}
const counted = await relationships.count.get({ queryParameters: { filter: "status eq 'active'" } })
log('list', {
  count: firstPage!.odataCount,
  listed: listed.length,
  allActive: listed.every((r) => r.status === 'active'),
  includesCreated: listed.some((r) => r.id === id),
  selectedOnly: listed.every((r) => r.duration === undefined && r.displayName !== undefined),
  dollarCount: counted,
})
const activeAssignments = await assignments.get({
  queryParameters: { filter: "status eq 'active'", count: true },
})
log('assignments', { count: activeAssignments!.odataCount, ids: activeAssignments!.value!.map((a) => a.id) })

// a filter Tramite does not serve: the SDK raises Graph's error, it is never ignored
try {
  await relationships.get({ queryParameters: { filter: "contains(displayName,'K')" } })
  log('unsupported filter', { raised: false })
} catch (e) {
  const err = e as ODataError
  log('unsupported filter', {
    raised: true,
    status: err.responseStatusCode,
    code: err.errorEscaped?.code,
    message: err.errorEscaped?.message,
  })
}

await relationships.byDelegatedAdminRelationshipId(id).requests.post({ action: 'terminate' })

// service health in Rossi's tenant: the SDK's request adapter and models (no admin area package)
const health = adapterFor(
  process.env.HEALTH_TOKEN ?? cliToken('anna@fabrikam.example', tenantIdOf('rossi.example')),
)
const errors = { XXX: createODataErrorFromDiscriminatorValue }
function get(path: string, query: Record<string, string> = {}): RequestInformation {
  const info = new RequestInformation(HttpMethod.GET, `{+baseurl}${path}`)
  const params = new URLSearchParams(query).toString().replace(/\+/g, '%20')
  if (params) info.urlTemplate = `{+baseurl}${path}?${params}`
  info.pathParameters.baseurl = health.baseUrl
  info.headers.tryAdd('Accept', 'application/json')
  return info
}
const openIssues = await health.send<ServiceHealthIssueCollectionResponse>(
  get('/admin/serviceAnnouncement/issues', { $filter: 'isResolved eq false', $count: 'true' }),
  createServiceHealthIssueCollectionResponseFromDiscriminatorValue,
  errors,
)
log('open issues', {
  count: openIssues!.odataCount,
  ids: openIssues!.value!.map((i) => i.id),
  allOpen: openIssues!.value!.every((i) => i.isResolved === false),
})
const exchange = await health.send<ServiceHealth>(
  get(`/admin/serviceAnnouncement/healthOverviews/${encodeURIComponent('Exchange Online')}`, {
    $expand: 'issues',
  }),
  createServiceHealthFromDiscriminatorValue,
  errors,
)
log('exchange', {
  id: exchange!.id,
  service: exchange!.service,
  status: exchange!.status,
  issues: exchange!.issues?.length,
})
const degraded = await health.send<ServiceHealthCollectionResponse>(
  get('/admin/serviceAnnouncement/healthOverviews', {
    $filter: "status ne 'serviceOperational'",
    $select: 'id,status',
  }),
  createServiceHealthCollectionResponseFromDiscriminatorValue,
  errors,
)
log('degraded', { ids: degraded!.value!.map((s) => s.id) })
