import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { demoIncidentId } from '../support/demo.ts'

const ROSSI = tenantIdOf('rossi.example')
const TAILSPIN = tenantIdOf('tailspin.example')

describe.each(dialects())('service health (%s)', (dialect) => {
  let t: TestApp
  let engineer: string
  let anna: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    engineer = await t.tokenFor('engineer@contoso.example')
    anna = await t.tokenFor('anna@fabrikam.example')
  })
  afterAll(() => t?.close())

  async function publish(extra: Record<string, unknown> = {}) {
    const res = await t.request('POST', '/api/health/incidents', {
      token: engineer,
      body: {
        title: 'Users cannot send mail',
        classification: 'incident',
        status: 'serviceDegradation',
        impactDescription: 'Outbound mail is delayed for some users.',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI, TAILSPIN],
        message: 'We are investigating delays in outbound mail.',
        ...extra,
      },
    })
    expect(res.status, res.body).toBe(201)
    return res.json()
  }

  it('when the engineer publishes an Exchange incident for Rossi and Tailspin, then anna sees Rossi affected but not Tailspin (GDAP expired), and ada sees nothing', async () => {
    const incident = await publish()
    expect(incident.id).toMatch(/^EX\d+$/)
    expect(incident.posts).toHaveLength(1)

    // the demo world's own Exchange incident at Rossi is there as well
    const demoExchange = await demoIncidentId(t, 'active')
    const affected = (await t.request('GET', '/api/health/affected', { token: anna })).json()
    expect(
      affected.items
        .map((r: { tenantName: string; incidentId: string }) => [r.tenantName, r.incidentId])
        .sort(),
    ).toEqual(
      [
        ['Rossi Costruzioni S.p.A.', incident.id],
        ['Rossi Costruzioni S.p.A.', demoExchange],
      ].sort(),
    )
    expect(affected.perService).toEqual([
      { serviceId: 'Exchange', serviceName: 'Exchange Online', customers: 1 },
    ])
    expect((await t.request('GET', `/api/health/tenants/${TAILSPIN}`, { token: anna })).status).toBe(404)
    expect(
      (await t.request('GET', `/api/health/incidents/${incident.id}`, { token: anna })).json()
        .affectedTenants,
    ).toEqual([{ tenantId: ROSSI, name: 'Rossi Costruzioni S.p.A.' }])

    const ada = await t.tokenFor('ada@adatum.example')
    expect((await t.request('GET', '/api/health/affected', { token: ada })).json().items).toEqual([])
    expect((await t.request('GET', `/api/health/incidents/${incident.id}`, { token: ada })).status).toBe(404)
    expect((await t.request('GET', `/api/health/tenants/${ROSSI}`, { token: ada })).status).toBe(404)

    // the customer's administrators see their own tenant's health
    const rossi = (
      await t.request('GET', `/api/health/tenants/${ROSSI}`, {
        token: await t.tokenFor('admin@rossi.example'),
      })
    ).json()
    const exchange = rossi.services.find((s: { id: string }) => s.id === 'Exchange')
    expect(exchange.status).toBe('serviceDegradation')
    expect(exchange.issues.map((i: { id: string }) => i.id).sort()).toEqual(
      [incident.id, demoExchange].sort(),
    )
    expect(rossi.services.find((s: { id: string }) => s.id === 'SharePoint').status).toBe(
      'serviceOperational',
    )
    expect(
      (
        await t.request('GET', `/api/health/tenants/${ROSSI}`, {
          token: await t.tokenFor('admin@bianchi.example'),
        })
      ).status,
    ).toBe(404)
  })

  it('R4: advice for Rossi and Office 365 lists the incident first; a request can be filed linked to it', async () => {
    const incident = await publish({
      title: 'Teams calls drop',
      serviceIds: ['microsoftteams'],
      tenantIds: [ROSSI],
    })
    const advice = (
      await t.request('GET', `/api/advice?customer=${ROSSI}&workload=office365`, { token: anna })
    ).json()
    expect(advice.incidents.map((i: { id: string }) => i.id)).toContain(incident.id)
    expect(
      (await t.request('GET', `/api/advice?customer=${ROSSI}&workload=azure`, { token: anna })).json()
        .incidents,
    ).toEqual([])

    const filed = await t.request('POST', '/api/service-requests', {
      token: anna,
      body: {
        customerTenantId: ROSSI,
        workload: 'office365',
        title: 'Calls drop',
        description: 'Since this morning.',
        severity: 'moderate',
        linkedIncidentId: incident.id,
      },
    })
    expect(filed.status, filed.body).toBe(201)
    expect(filed.json().linkedIncident).toEqual({
      id: incident.id,
      title: 'Teams calls drop',
      status: 'serviceDegradation',
    })
    const wrong = await t.request('POST', '/api/service-requests', {
      token: anna,
      body: {
        customerTenantId: ROSSI,
        workload: 'azure',
        title: 'x',
        description: 'y',
        severity: 'minimal',
        linkedIncidentId: incident.id,
      },
    })
    expect(wrong.status).toBe(400)

    // the request shows the incident's status as it changes
    await t.request('PATCH', `/api/health/incidents/${incident.id}`, {
      token: engineer,
      body: { status: 'serviceRestored', message: 'Fixed.' },
    })
    const after = (await t.request('GET', `/api/service-requests/${filed.json().id}`, { token: anna })).json()
    expect(after.linkedIncident.status).toBe('serviceRestored')
    expect(
      (await t.request('GET', `/api/advice?customer=${ROSSI}&workload=office365`, { token: anna }))
        .json()
        .incidents.map((i: { id: string }) => i.id),
    ).not.toContain(incident.id)
  })

  it('when an incident is updated, then it keeps a timeline, resolves, and followers are notified once', async () => {
    const incident = await publish({
      serviceIds: ['SharePoint'],
      tenantIds: undefined,
      allTenants: true,
      title: 'SharePoint slow everywhere',
    })
    expect(
      (await t.request('POST', `/api/health/incidents/${incident.id}/follow`, { token: anna })).status,
    ).toBe(204)
    const updated = await t.request('PATCH', `/api/health/incidents/${incident.id}`, {
      token: engineer,
      headers: { 'if-match': `"${incident.id}-${incident.version}"` },
      body: { status: 'restoringService', message: 'A fix is rolling out.' },
    })
    expect(updated.json()).toMatchObject({ status: 'restoringService', isResolved: false })
    expect(updated.json().posts.map((p: { content: string }) => p.content)).toEqual([
      'We are investigating delays in outbound mail.',
      'A fix is rolling out.',
    ])
    const stale = await t.request('PATCH', `/api/health/incidents/${incident.id}`, {
      token: engineer,
      headers: { 'if-match': `"${incident.id}-${incident.version}"` },
      body: { status: 'serviceRestored' },
    })
    expect(stale.status).toBe(412)
    const notes = (
      await t.request('GET', '/api/notifications', { token: anna, headers: { 'accept-language': 'it' } })
    ).json().items
    expect(notes.filter((n: { kind: string }) => n.kind === 'health.incident_updated')).toHaveLength(1)
    expect(notes[0].text).toMatch(new RegExp(`${incident.id}.*restoringService`))
    const resolved = (
      await t.request('PATCH', `/api/health/incidents/${incident.id}`, {
        token: engineer,
        body: { status: 'serviceRestored', message: 'Done.' },
      })
    ).json()
    expect(resolved.isResolved).toBe(true)
    expect(resolved.endAt).not.toBeNull()
    // an all-tenants incident reaches every customer anna may read, and only those
    const history = (
      await t.request('GET', `/api/health/tenants/${ROSSI}/history?days=7`, { token: anna })
    ).json()
    expect(history.items.some((d: { serviceId: string }) => d.serviceId === 'SharePoint')).toBe(true)
  })

  it('when someone other than a vendor engineer publishes, or input is bad, then 4xx and nothing is published', async () => {
    const count = async () =>
      (
        await t.db.db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    const before = await count()
    expect(
      (
        await t.request('POST', '/api/health/incidents', {
          token: anna,
          body: {
            title: 'x',
            classification: 'incident',
            status: 'investigating',
            impactDescription: 'x',
            serviceIds: ['Exchange'],
            allTenants: true,
            message: 'x',
          },
        })
      ).status,
    ).toBe(403)
    const bad = await t.request('POST', '/api/health/incidents', {
      token: engineer,
      body: {
        title: 'x',
        classification: 'incident',
        status: 'investigating',
        impactDescription: 'x',
        serviceIds: ['Nope'],
        allTenants: true,
        message: 'x',
      },
    })
    expect(bad.status).toBe(400)
    const badTenant = await t.request('POST', '/api/health/incidents', {
      token: engineer,
      body: {
        title: 'x',
        classification: 'incident',
        status: 'investigating',
        impactDescription: 'x',
        serviceIds: ['Exchange'],
        tenantIds: [crypto.randomUUID()],
        message: 'x',
      },
    })
    expect(badTenant.status).toBe(400)
    expect(await count()).toBe(before)
  })

  it('when the affected view is exported, then it is CSV with one line per customer and incident', async () => {
    const csv = await t.request('GET', '/api/health/affected?format=csv', { token: anna })
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    const lines = csv.body.trim().split('\r\n')
    expect(lines[0]).toBe(
      'customerTenantId,customer,customers,incidentId,title,classification,status,service,workload,startAt,lastModifiedAt',
    )
    expect(lines.slice(1).every((l) => l.startsWith(ROSSI) || l.startsWith('*,*,'))).toBe(true)
    expect(lines.length).toBeGreaterThan(1)
  })

  it('when an engineer looks up tenants to target, then customer tenants come back; others get 404', async () => {
    const found = (await t.request('GET', '/api/health/tenant-directory?q=Ros', { token: engineer })).json()
    expect(found.items).toEqual([
      { tenantId: ROSSI, name: 'Rossi Costruzioni S.p.A.', domain: 'rossi.example' },
    ])
    expect((await t.request('GET', '/api/health/tenant-directory', { token: anna })).status).toBe(404)
  })
})
