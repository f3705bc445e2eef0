import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { demoIncidentId } from '../support/demo.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')

/**
 * A filing answers the request from its INSERT's RETURNING, not from a read after it: the answer
 * must be the very request a later read gives — every field, the same bytes.
 */
describe.each(dialects())('Filing: the answer is the request as read afterwards (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  async function fileAndRead(email: string, body: Record<string, unknown>, context?: string) {
    const token = await t.tokenFor(email, context)
    const filed = await t.request('POST', '/api/service-requests', {
      token,
      body: {
        title: 'Mail stuck',
        description: 'Outbound mail waits for hours.',
        severity: 'moderate',
        ...body,
      },
    })
    expect(filed.status, filed.body).toBe(201)
    const id = filed.json().id as string
    const read = await t.request('GET', `/api/service-requests/${id}`, { token })
    expect(read.status).toBe(200)
    // a read adds the notes and attachments; everything else is the request itself, in the same order
    const { notes, attachments, ...asRead } = read.json()
    expect(notes).toEqual([])
    expect(attachments).toEqual([])
    expect(filed.body).toBe(JSON.stringify(asRead))
    expect(filed.headers.etag).toBe(read.headers.etag)
    return filed.json()
  }

  it('when anna files for Rossi with a topic, a linked incident and her PSA number, then the answer is the request as read', async () => {
    const incident = await demoIncidentId(t, 'active')
    const filed = await fileAndRead('anna@fabrikam.example', {
      customerTenantId: ROSSI,
      workload: 'office365',
      supportTopicId: 'o365.exchange',
      linkedIncidentId: incident,
      externalReference: 'PSA-4711',
      contact: { phone: '+39 02 555 0100', preferredLanguage: 'it' },
    })
    expect(filed).toMatchObject({
      tenant: { tenantId: ROSSI },
      supportTopic: { id: 'o365.exchange' },
      linkedIncident: { id: incident },
      externalReference: 'PSA-4711',
    })
  })

  it('when Rossi’s admin files in its own tenant, and asks its partner instead, then each answer is the request as read', async () => {
    await fileAndRead('admin@rossi.example', { workload: 'office365', handledBy: 'vendor' })
    const partner = await fileAndRead('admin@rossi.example', { workload: 'office365', handledBy: 'partner' })
    expect(partner.handledBy).toBe('partner')
  })

  it('when nora files an Azure request for Bianchi, then the answer is the request as read', async () => {
    const filed = await fileAndRead('nora@northwind.example', {
      customerTenantId: tenantIdOf('bianchi.example'),
      workload: 'azure',
      problemType: 'billing',
      severity: 'minimal',
    })
    expect(filed).toMatchObject({ workload: 'azure', tenant: { tenantId: tenantIdOf('bianchi.example') } })
  })
})
