/**
 * `npm run sdk:azure`: the official @azure/arm-support client, unmodified, over HTTPS against
 * Tramite — as anna (Fabrikam, the provider) for Rossi's Azure subscription: list services and
 * problem classifications, check a name, create a ticket (long-running), list and get it, raise its
 * severity, add and list communications; then as ada (Adatum, an indirect reseller) for Bianchi's
 * subscription, where R5 refuses.
 *
 * Start the server with TRAMITE_TLS=dev, then: NODE_EXTRA_CA_CERTS=data/tls/cert.pem npm run sdk:azure
 * TRAMITE_URL (default https://localhost:3443); ANNA_TOKEN / ADA_TOKEN default to delegated tokens
 * the CLI mints for the customers' tenants. Prints one JSON line per step.
 */
import { execFileSync } from 'node:child_process'
import { MicrosoftSupport } from '@azure/arm-support'
import { demoId, tenantIdOf } from '../../src/demo/world.ts'

const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')
const cliToken = (user: string, tenant: string) =>
  execFileSync(
    process.execPath,
    [
      'bin/tramite.js',
      'token',
      '--user',
      user,
      '--tenant',
      tenant,
      '--audience',
      'https://management.azure.com',
    ],
    {
      encoding: 'utf8',
    },
  ).trim()

const client = (token: string, subscriptionId: string, apiVersion?: string) =>
  new MicrosoftSupport(
    { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    subscriptionId,
    {
      endpoint: url.origin,
      // the client speaks 2020-04-01 unless told otherwise
      ...(apiVersion ? { apiVersion } : {}),
      // the ARM poller waits between status checks; keep the demo quick
      retryOptions: { maxRetries: 0 },
    },
  )

const log = (step: string, data: Record<string, unknown>) => console.log(JSON.stringify({ step, ...data }))

const rossiSubscription =
  process.env.ROSSI_SUBSCRIPTION ?? demoId('subscription', 'rossi.example/Rossi Produzione')
const bianchiSubscription =
  process.env.BIANCHI_SUBSCRIPTION ?? demoId('subscription', 'bianchi.example/Bianchi Logistica Azure')
const annaToken = process.env.ANNA_TOKEN ?? cliToken('anna@fabrikam.example', tenantIdOf('rossi.example'))
const anna = client(annaToken, rossiSubscription)

const operations = []
for await (const op of anna.operations.list()) operations.push(op.name)
log('operations', {
  count: operations.length,
  includesWrite: operations.includes('Microsoft.Support/supportTickets/write'),
})

const services = []
for await (const s of anna.services.list()) services.push(s)
const vm = services.find((s) => s.displayName === 'Virtual Machine running Windows')!
log('services', { count: services.length, service: vm.displayName })

const classifications = []
for await (const c of anna.problemClassifications.list(vm.name!)) classifications.push(c)
log('problemClassifications', { count: classifications.length, first: classifications[0]?.displayName })

const name = `sdk-${Date.now()}`
const free = await anna.supportTickets.checkNameAvailability({
  name,
  type: 'Microsoft.Support/supportTickets',
})
log('checkNameAvailability', { nameAvailable: free.nameAvailable })

const created = await anna.supportTickets.beginCreateAndWait(
  name,
  {
    serviceId: vm.id!,
    problemClassificationId: classifications[0]!.id!,
    title: 'Production VM unreachable',
    description: 'The production VM does not answer RDP since 9:00.',
    severity: 'minimal',
    contactDetails: {
      firstName: 'Anna',
      lastName: 'Moretti',
      preferredContactMethod: 'email',
      primaryEmailAddress: 'anna@fabrikam.example',
      preferredTimeZone: 'W. Europe Standard Time',
      country: 'ita',
      preferredSupportLanguage: 'it-IT',
    },
  },
  { updateIntervalInMs: 200 },
)
log('create', {
  name: created.name,
  supportPlanType: created.supportPlanType,
  slaMinutes: created.serviceLevelAgreement?.slaMinutes,
  status: created.status,
})

const listed = []
for await (const t of anna.supportTickets.list()) listed.push(t.name)
log('list', { includesCreated: listed.includes(name) })

const fetched = await anna.supportTickets.get(name)
log('get', { title: fetched.title, severity: fetched.severity })

const raised = await anna.supportTickets.update(name, { severity: 'critical' })
log('update', { severity: raised.severity, slaMinutes: raised.serviceLevelAgreement?.slaMinutes })

const communication = await anna.communications.beginCreateAndWait(
  name,
  'first-update',
  { subject: 'More details', body: 'Only the West Europe VMs are affected.' },
  { updateIntervalInMs: 200 },
)
log('communication', { name: communication.name, subject: communication.subject })

const communications = []
for await (const c of anna.communications.list(name)) communications.push(c.name)
const one = await anna.communications.get(name, 'first-update')
log('communications', { count: communications.length, body: one.body })

// the same client at the current GA version (its models are 2020-04-01's: newer fields read raw)
const current = client(annaToken, rossiSubscription, '2024-04-01')
let seen: Record<string, unknown> = {}
const again = await current.supportTickets.get(name, {
  onResponse: (raw) => {
    const body = JSON.parse(raw.bodyAsText ?? '{}') as { properties?: Record<string, unknown> }
    seen = {
      apiVersion: new URL(raw.request.url).searchParams.get('api-version'),
      requestId: raw.headers.get('x-ms-request-id'),
      correlationId: raw.headers.get('x-ms-correlation-request-id'),
      advancedDiagnosticConsent: body.properties?.advancedDiagnosticConsent,
    }
  },
})
log('get2024', { title: again.title, ...seen })

const ada = client(
  process.env.ADA_TOKEN ?? cliToken('ada@adatum.example', tenantIdOf('bianchi.example')),
  bianchiSubscription,
)
const bianchiVm = services.find((s) => s.displayName === 'Virtual Machine running Windows')!
try {
  await ada.supportTickets.beginCreateAndWait(
    `sdk-ada-${Date.now()}`,
    {
      serviceId: bianchiVm.id!,
      problemClassificationId: classifications[0]!.id!,
      title: 'Bianchi VM down',
      description: 'The VM does not start.',
      severity: 'moderate',
      contactDetails: {
        firstName: 'Ada',
        lastName: 'Russo',
        preferredContactMethod: 'email',
        primaryEmailAddress: 'ada@adatum.example',
        preferredTimeZone: 'W. Europe Standard Time',
        country: 'ita',
        preferredSupportLanguage: 'it-IT',
      },
    },
    { updateIntervalInMs: 200 },
  )
  log('refused', { refused: false })
} catch (error) {
  const e = error as {
    statusCode?: number
    code?: string
    details?: { error?: { details?: { code: string }[]; message?: string } }
  }
  log('refused', {
    refused: true,
    statusCode: e.statusCode,
    code: e.code,
    rule: e.details?.error?.details?.[0]?.code,
    message: e.details?.error?.message,
  })
}
