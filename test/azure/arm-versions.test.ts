import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { azureClassificationId, azureServiceId } from '../../src/catalog/azure-catalog.ts'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const V2020 = '?api-version=2020-04-01'
const V2024 = '?api-version=2024-04-01'
const ROSSI_SUB = demoId('subscription', 'rossi.example/Rossi Produzione')
const service = (key: string) => `/providers/Microsoft.Support/services/${azureServiceId(key)}`
const classification = (s: string, c: string) =>
  `${service(s)}/problemClassifications/${azureClassificationId(s, c)}`
const subTickets = `/subscriptions/${ROSSI_SUB}/providers/Microsoft.Support/supportTickets`
const tenantTickets = '/providers/Microsoft.Support/supportTickets'
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const ticket = (overrides: Record<string, unknown> = {}) => ({
  properties: {
    serviceId: service('vm-windows'),
    problemClassificationId: classification('vm-windows', 'connectivity'),
    title: 'VM unreachable',
    description: 'RDP times out.',
    severity: 'moderate',
    contactDetails: {
      firstName: 'Anna',
      lastName: 'Moretti',
      preferredContactMethod: 'email',
      primaryEmailAddress: 'anna@fabrikam.example',
      preferredTimeZone: 'W. Europe Standard Time',
      country: 'ita',
      preferredSupportLanguage: 'it-IT',
    },
    ...overrides,
  },
})

describe.each(dialects())(
  'Azure Resource Manager fidelity: headers, errors, api-versions (%s)',
  (dialect) => {
    let t: TestApp
    let anna: string
    beforeAll(async () => {
      t = await startTestApp(dialect)
      anna = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
    })
    afterAll(() => t?.close())

    const get = (path: string, headers: Record<string, string> = {}, token: string | null = anna) =>
      t.request('GET', path, { ...(token ? { token } : {}), headers })

    it('when any ARM response is sent (success, refusal, unknown route, no token), then it carries x-ms-request-id and x-ms-correlation-request-id', async () => {
      const responses = [
        await get(`/providers/Microsoft.Support/services${V2024}`),
        await get(`${subTickets}${V2020}`),
        await get(`${subTickets}/no-such-ticket${V2024}`),
        await get(`/subscriptions/${ROSSI_SUB}/providers/Microsoft.Support/nothingHere${V2024}`),
        await get(`/subscriptions/${ROSSI_SUB}/resourceGroups/rg-1${V2024}`),
        await get(`/providers/Microsoft.Support/services?api-version=1999-01-01`),
        await get(`${subTickets}${V2024}`, {}, null),
        await t.request('PUT', `${subTickets}/hdr-created${V2024}`, {
          token: anna,
          body: ticket({ advancedDiagnosticConsent: 'No' }),
        }),
      ]
      expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 404, 404, 400, 401, 202])
      for (const res of responses) {
        expect(res.headers['x-ms-request-id'], res.body).toMatch(GUID)
        expect(res.headers['x-ms-correlation-request-id'], res.body).toMatch(GUID)
      }
      // each request has its own ids
      expect(new Set(responses.map((r) => r.headers['x-ms-request-id'])).size).toBe(responses.length)
    })

    it('when the client sends its correlation and client request ids, then ARM echoes them, on errors too', async () => {
      const headers = {
        'x-ms-correlation-request-id': '0f8fad5b-d9cb-469f-a165-70867728950e',
        'x-ms-client-request-id': '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      }
      for (const res of [
        await get(`${subTickets}${V2024}`, headers),
        await get(`${subTickets}/missing${V2024}`, headers),
        await get(`${subTickets}${V2024}`, headers, null),
      ]) {
        expect(res.headers['x-ms-correlation-request-id']).toBe(headers['x-ms-correlation-request-id'])
        expect(res.headers['x-ms-client-request-id']).toBe(headers['x-ms-client-request-id'])
        expect(res.headers['x-ms-request-id']).not.toBe(headers['x-ms-client-request-id'])
      }
      // a header value that is not an id is not echoed back
      const odd = await get(`${subTickets}${V2024}`, { 'x-ms-client-request-id': 'a b\tc' })
      expect(odd.headers['x-ms-client-request-id']).toBeUndefined()
    })

    it('when an error is about one field, then target names it; when it is about the whole resource or request, there is no target', async () => {
      const put = (name: string, body: unknown) =>
        t.request('PUT', `${subTickets}/${name}${V2020}`, { token: anna, body })
      const noTitle = ticket()
      delete (noTitle.properties as Record<string, unknown>).title
      expect((await put('t-missing', noTitle)).json().error).toMatchObject({
        code: 'InvalidParameter',
        target: 'properties.title',
      })
      expect((await put('t-sev', ticket({ severity: 'urgent' }))).json().error.target).toBe(
        'properties.severity',
      )
      expect((await put('t-svc', ticket({ serviceId: service('no-such') }))).json().error).toMatchObject({
        code: 'InvalidParameter',
        target: 'properties.serviceId',
      })
      const customerContact = ticket()
      customerContact.properties.contactDetails.primaryEmailAddress = 'admin@rossi.example'
      expect((await put('t-r7', customerContact)).json().error).toMatchObject({
        code: 'InvalidContactDetails',
        target: 'properties.contactDetails.primaryEmailAddress',
      })
      const badTop = await get(`${subTickets}${V2020}&$top=500`)
      expect(badTop.json().error.target).toBe('$top')

      const whole = [
        await get(`${subTickets}/no-such-ticket${V2020}`),
        await get(
          `/subscriptions/${demoId('subscription', 'bianchi.example/Bianchi Logistica Azure')}/providers/Microsoft.Support/supportTickets${V2020}`,
        ),
        await get(`${subTickets}?api-version=2019-05-01-preview`),
        await t.request('PUT', `${subTickets}/hdr-created${V2024}`, {
          token: anna,
          body: ticket({ advancedDiagnosticConsent: 'No' }),
        }),
      ]
      expect(whole.map((r) => r.json().error.code)).toEqual([
        'ResourceNotFound',
        'SubscriptionNotFound',
        'InvalidApiVersionParameter',
        'Conflict',
      ])
      for (const res of whole) expect(res.json().error).not.toHaveProperty('target')
    })

    it('R5 over ARM: a policy refusal is about the whole ticket, so it has no target', async () => {
      const ada = await t.tokenFor('ada@adatum.example', 'bianchi.example')
      const bianchi = demoId('subscription', 'bianchi.example/Bianchi Logistica Azure')
      const body = ticket({ advancedDiagnosticConsent: 'Yes' })
      body.properties.contactDetails.primaryEmailAddress = 'ada@adatum.example'
      const res = await t.request(
        'PUT',
        `/subscriptions/${bianchi}/providers/Microsoft.Support/supportTickets/ada-r5${V2024}`,
        { token: ada, body },
      )
      expect(res.status).toBe(403)
      expect(res.json().error.code).toBe('SupportPolicyRefused')
      expect(res.json().error).not.toHaveProperty('target')
    })

    it('when an api-version is not served, then InvalidApiVersionParameter lists both served versions', async () => {
      for (const path of [
        `/providers/Microsoft.Support/operations?api-version=2022-09-01-preview`,
        `${subTickets}?api-version=2025-01-01`,
        `${tenantTickets}?api-version=latest`,
      ]) {
        const res = await get(path)
        expect(res.status).toBe(400)
        expect(res.json().error.code).toBe('InvalidApiVersionParameter')
        expect(res.json().error.message).toContain("'2020-04-01,2024-04-01'")
      }
      expect((await get(`${subTickets}`)).json().error.code).toBe('MissingApiVersionParameter')
    })

    it('when every resource is read with either served version, then each answers', async () => {
      await t.request('PUT', `${subTickets}/both-versions${V2020}`, { token: anna, body: ticket() })
      await t.request('PUT', `${subTickets}/both-versions/communications/c1${V2020}`, {
        token: anna,
        body: { properties: { subject: 'More', body: 'Details.' } },
      })
      const pc = classification('vm-windows', 'connectivity')
      for (const v of [V2020, V2024]) {
        const paths = [
          `/providers/Microsoft.Support/operations${v}`,
          `/providers/Microsoft.Support/services${v}`,
          `${service('vm-windows')}${v}`,
          `${service('vm-windows')}/problemClassifications${v}`,
          `${pc}${v}`,
          `${subTickets}${v}`,
          `${subTickets}/both-versions${v}`,
          `${subTickets}/both-versions/communications${v}`,
          `${subTickets}/both-versions/communications/c1${v}`,
          `${tenantTickets}${v}`,
          `${tenantTickets}/both-versions${v}`,
        ]
        for (const path of paths) expect((await get(path)).status, path).toBe(200)
        const check = await t.request(
          'POST',
          `/subscriptions/${ROSSI_SUB}/providers/Microsoft.Support/checkNameAvailability${v}`,
          { token: anna, body: { name: 'both-versions', type: 'Microsoft.Support/supportTickets' } },
        )
        expect(check.json()).toMatchObject({ nameAvailable: false })
      }
    })

    it('when a ticket is created with 2024-04-01, then its newer properties are kept, shown in 2024-04-01 only, and the engineer sees the consent', async () => {
      const noConsent = await t.request('PUT', `${subTickets}/v24-no-consent${V2024}`, {
        token: anna,
        body: ticket(),
      })
      expect(noConsent.status).toBe(400)
      expect(noConsent.json().error).toMatchObject({
        code: 'InvalidParameter',
        target: 'properties.advancedDiagnosticConsent',
      })

      const created = await t.request('PUT', `${subTickets}/v24-ticket${V2024}`, {
        token: anna,
        body: ticket({
          advancedDiagnosticConsent: 'Yes',
          supportPlanId: 'U291cmNlOkNTUA==',
          problemScopingQuestions: '{"articleId":"vm-rdp","scopingDetails":[]}',
          secondaryConsent: [{ userConsent: 'Yes', type: 'DatabricksConsent' }],
          fileWorkspaceName: 'v24-ticket-files',
        }),
      })
      expect(created.status, created.body).toBe(202)
      expect(String(created.headers['azure-asyncoperation'])).toMatch(/\?api-version=2024-04-01$/)

      const v24 = (await get(`${subTickets}/v24-ticket${V2024}`)).json().properties
      expect(v24).toMatchObject({
        advancedDiagnosticConsent: 'Yes',
        supportPlanType: 'Cloud Solution Provider',
        supportPlanDisplayName: 'Cloud Solution Provider',
        problemScopingQuestions: '{"articleId":"vm-rdp","scopingDetails":[]}',
        secondaryConsent: [{ userConsent: 'Yes', type: 'DatabricksConsent' }],
        fileWorkspaceName: 'v24-ticket-files',
        isTemporaryTicket: 'No',
        contactDetails: { preferredTimeZone: 'W. Europe Standard Time', country: 'ita' },
      })
      expect(v24.supportPlanId).toEqual(expect.any(String))

      const v20 = (await get(`${subTickets}/v24-ticket${V2020}`)).json().properties
      for (const newer of [
        'advancedDiagnosticConsent',
        'supportPlanDisplayName',
        'supportPlanId',
        'problemScopingQuestions',
        'secondaryConsent',
        'fileWorkspaceName',
        'isTemporaryTicket',
      ])
        expect(v20).not.toHaveProperty(newer)
      expect(v20.supportPlanType).toBe('Cloud Solution Provider')

      // a ticket filed without the question (2020-04-01) shows no consent in 2024-04-01
      await t.request('PUT', `${subTickets}/v20-ticket${V2020}`, { token: anna, body: ticket() })
      expect(
        (await get(`${subTickets}/v20-ticket${V2024}`)).json().properties.advancedDiagnosticConsent,
      ).toBe('No')

      // the engineer's view of the request (the portal's detail API) shows the consent
      const listed = (
        await get(`${subTickets}${V2024}&$filter=${encodeURIComponent("status eq 'Open'")}`)
      ).json()
      const requestId = listed.value.find((v: { name: string }) => v.name === 'v24-ticket').properties
        .supportTicketId
      const engineer = await t.tokenFor('engineer@contoso.example')
      const detail = (
        await t.request('GET', `/api/service-requests/${requestId}`, { token: engineer })
      ).json()
      expect(detail.advancedDiagnosticConsent).toBe('Yes')
    })

    it('when consents are changed with PATCH in 2024-04-01, then they are kept and audited; 2020-04-01 leaves them alone', async () => {
      await t.request('PUT', `${subTickets}/consents${V2024}`, {
        token: anna,
        body: ticket({ advancedDiagnosticConsent: 'Yes' }),
      })
      const patched = await t.request('PATCH', `${subTickets}/consents${V2024}`, {
        token: anna,
        body: { advancedDiagnosticConsent: 'No', secondaryConsent: [{ userConsent: 'No', type: 'X' }] },
      })
      expect(patched.status, patched.body).toBe(200)
      expect(patched.json().properties).toMatchObject({
        advancedDiagnosticConsent: 'No',
        secondaryConsent: [{ userConsent: 'No', type: 'X' }],
      })
      await t.request('PATCH', `${subTickets}/consents${V2020}`, {
        token: anna,
        body: { advancedDiagnosticConsent: 'Yes' },
      })
      expect((await get(`${subTickets}/consents${V2024}`)).json().properties.advancedDiagnosticConsent).toBe(
        'No',
      )
      const audit = await t.db.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'service_request.arm_details')
        .execute()
      expect(audit.length).toBeGreaterThanOrEqual(1)
    })

    it('when a ticket is created at tenant scope, then it lives under /providers/Microsoft.Support with its own operation, communications and name check', async () => {
      const created = await t.request('PUT', `${tenantTickets}/tenant-ticket${V2024}`, {
        token: anna,
        body: ticket({ advancedDiagnosticConsent: 'No', title: 'Tenant-wide sign-in problem' }),
      })
      expect(created.status, created.body).toBe(202)
      const status = String(created.headers['azure-asyncoperation']).replace(/^https?:\/\/[^/]+/, '')
      expect(status).toMatch(
        /^\/providers\/Microsoft\.Support\/operationsStatus\/[0-9a-f-]{36}\?api-version=2024-04-01$/,
      )
      expect((await get(status)).json()).toMatchObject({ status: 'Succeeded' })
      const result = String(created.headers.location).replace(/^https?:\/\/[^/]+/, '')
      expect((await get(result)).json()).toMatchObject({
        id: '/providers/Microsoft.Support/supportTickets/tenant-ticket',
        name: 'tenant-ticket',
      })

      const got = (await get(`${tenantTickets}/tenant-ticket${V2024}`)).json()
      expect(got).toMatchObject({
        id: '/providers/Microsoft.Support/supportTickets/tenant-ticket',
        properties: { title: 'Tenant-wide sign-in problem', supportPlanType: 'Cloud Solution Provider' },
      })
      const listed = (await get(`${tenantTickets}${V2024}&$top=100`)).json()
      expect(listed.value.map((v: { name: string }) => v.name)).toContain('tenant-ticket')

      const comm = await t.request('PUT', `${tenantTickets}/tenant-ticket/communications/note-1${V2024}`, {
        token: anna,
        body: { properties: { subject: 'Also Teams', body: 'Teams sign-in fails too.' } },
      })
      expect(comm.status).toBe(202)
      const commResult = String(comm.headers.location).replace(/^https?:\/\/[^/]+/, '')
      expect((await get(commResult)).json()).toMatchObject({
        id: '/providers/Microsoft.Support/supportTickets/tenant-ticket/communications/note-1',
        properties: { subject: 'Also Teams' },
      })
      const check = await t.request('POST', `/providers/Microsoft.Support/checkNameAvailability${V2024}`, {
        token: anna,
        body: { name: 'tenant-ticket', type: 'Microsoft.Support/supportTickets' },
      })
      expect(check.json()).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' })
      const again = await t.request('PUT', `${tenantTickets}/tenant-ticket${V2024}`, {
        token: anna,
        body: ticket({ advancedDiagnosticConsent: 'No' }),
      })
      expect(again.status).toBe(409)
    })

    it('when a tenant-scoped ticket or operation is asked for from another tenant, then 404', async () => {
      const created = await t.request('PUT', `${tenantTickets}/rossi-only${V2024}`, {
        token: anna,
        body: ticket({ advancedDiagnosticConsent: 'No' }),
      })
      const status = String(created.headers['azure-asyncoperation']).replace(/^https?:\/\/[^/]+/, '')
      const nora = await t.tokenFor('nora@northwind.example', 'bianchi.example')
      expect((await get(`${tenantTickets}/rossi-only${V2024}`, {}, nora)).status).toBe(404)
      expect((await get(status, {}, nora)).status).toBe(404)
      const theirs = (await get(`${tenantTickets}${V2024}`, {}, nora)).json()
      expect(theirs.value.map((v: { name: string }) => v.name)).not.toContain('rossi-only')
    })
  },
)
