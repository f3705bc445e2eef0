import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { presentTicket } from '../../src/azure/arm.presenters.ts'
import { azureClassificationId, azureServiceId } from '../../src/catalog/azure-catalog.ts'
import { demoId } from '../../src/demo/world.ts'
import { lazyCompilations } from '../../src/platform/http/lazy-schemas.ts'
import { findByArmName } from '../../src/service-requests/service-requests.data.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

// Microsoft.Support's routes declare their answers (src/azure/arm.schema.ts) for the OpenAPI
// document and the portal's generated types; the official SDKs must still get the presenters'
// bytes: the schemas document, they never filter or reorder.

const ROSSI_SUB = demoId('subscription', 'rossi.example/Rossi Produzione')
const service = (key: string) => `/providers/Microsoft.Support/services/${azureServiceId(key)}`
const subTickets = `/subscriptions/${ROSSI_SUB}/providers/Microsoft.Support/supportTickets`
const V2024 = '?api-version=2024-04-01'

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>
}

describe.each(dialects())('Microsoft.Support response contract (%s)', (dialect) => {
  let t: TestApp
  let anna: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    anna = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
  })
  afterAll(() => t?.close())

  it('when the OpenAPI document is read, then every Microsoft.Support route declares its answer and ARM’s error body', async () => {
    const doc = (await t.request('GET', '/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>
    }
    const routes = Object.entries(doc.paths).filter(([path]) =>
      path.includes('/providers/Microsoft.Support/'),
    )
    expect(routes.length).toBeGreaterThanOrEqual(20)
    for (const [path, item] of routes) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`
        const error = operation.responses.default?.content?.['application/json']?.schema
        expect(error?.properties, where).toHaveProperty('error')
        const success = operation.responses['200'] ?? operation.responses['202']
        expect(success, where).toBeDefined()
        // a create answers 202 without a body; everything else answers a described JSON body
        if (operation.responses['200'])
          expect(success?.content?.['application/json']?.schema, where).toBeDefined()
      }
    }
  })

  it('when a ticket is read, then the answer is the presenter’s JSON byte for byte (fields the client added kept, in stored order) and no response serializer is compiled', async () => {
    const name = 'contract-bytes'
    const created = await t.request('PUT', `${subTickets}/${name}${V2024}`, {
      token: anna,
      body: {
        properties: {
          serviceId: service('vm-windows'),
          problemClassificationId: `${service('vm-windows')}/problemClassifications/${azureClassificationId('vm-windows', 'connectivity')}`,
          title: 'VM unreachable',
          description: 'RDP times out.',
          severity: 'moderate',
          advancedDiagnosticConsent: 'Yes',
          secondaryConsent: [{ userConsent: 'Yes', type: 'DiagnosticData' }],
          contactDetails: {
            firstName: 'Anna',
            lastName: 'Moretti',
            preferredContactMethod: 'email',
            primaryEmailAddress: 'anna@fabrikam.example',
            preferredTimeZone: 'W. Europe Standard Time',
            country: 'ita',
            preferredSupportLanguage: 'it-IT',
            // not in Microsoft's ContactProfile: a client's own field is kept and echoed
            clientNote: 'kept',
          },
          quotaTicketDetails: { quotaChangeRequestVersion: '1.0', clientExtra: [1, 2] },
        },
      },
    })
    expect(created.status, created.body).toBe(202)

    const serializers = lazyCompilations.serializers
    const read = await t.request('GET', `${subTickets}/${name}${V2024}`, {
      token: anna,
      headers: { 'accept-language': 'it' },
    })
    const list = await t.request('GET', `${subTickets}${V2024}&$top=1`, { token: anna })
    const failed = await t.request('GET', `${subTickets}/no-such-ticket${V2024}`, { token: anna })
    expect([read.status, list.status, failed.status]).toEqual([200, 200, 404])
    expect(lazyCompilations.serializers).toBe(serializers)

    const record = await findByArmName(t.ctx.db, ROSSI_SUB, name)
    expect(record).not.toBeNull()
    expect(read.body).toBe(JSON.stringify(presentTicket(record!, 'it', '2024-04-01')))
    const properties = read.json().properties
    expect(properties.contactDetails.clientNote).toBe('kept')
    expect(properties.quotaTicketDetails.clientExtra).toEqual([1, 2])
    expect(failed.json()).toEqual({
      error: { code: 'ResourceNotFound', message: `The support ticket 'no-such-ticket' was not found.` },
    })
  })
})
