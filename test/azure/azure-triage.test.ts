import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { azureClassificationId, azureServiceId } from '../../src/catalog/azure-catalog.ts'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const V = '?api-version=2020-04-01'
const BIANCHI_SUB = demoId('subscription', 'bianchi.example/Bianchi Logistica Azure')
const ROSSI_SUB = demoId('subscription', 'rossi.example/Rossi Produzione')
const service = (key: string) => `/providers/Microsoft.Support/services/${azureServiceId(key)}`
const classification = (s: string, c: string) =>
  `${service(s)}/problemClassifications/${azureClassificationId(s, c)}`
const tickets = (sub: string) => `/subscriptions/${sub}/providers/Microsoft.Support/supportTickets`

const ticket = (serviceKey: string, classificationKey: string, email: string) => ({
  properties: {
    serviceId: service(serviceKey),
    problemClassificationId: classification(serviceKey, classificationKey),
    title: 'Nightly backup fails',
    description: 'The backup of the warehouse VM times out every night.',
    severity: 'moderate',
    contactDetails: {
      firstName: 'Nora',
      lastName: 'Bauer',
      preferredContactMethod: 'email',
      primaryEmailAddress: email,
      preferredTimeZone: 'W. Europe Standard Time',
      country: 'ita',
      preferredSupportLanguage: 'en-US',
    },
  },
})

describe.each(dialects())(
  'the Azure service and problem classification are part of the request (%s)',
  (dialect) => {
    let t: TestApp
    let noraInBianchi: string
    let annaInRossi: string
    let engineer: string
    let nora: string
    const ids: Record<string, string> = {}
    beforeAll(async () => {
      t = await startTestApp(dialect)
      noraInBianchi = await t.tokenFor('nora@northwind.example', 'bianchi.example')
      annaInRossi = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
      engineer = await t.tokenFor('engineer@contoso.example')
      nora = await t.tokenFor('nora@northwind.example')
      for (const [name, token, sub, s, c, email] of [
        ['bianchi-backup', noraInBianchi, BIANCHI_SUB, 'vm-windows', 'backup', 'nora@northwind.example'],
        ['rossi-storage', annaInRossi, ROSSI_SUB, 'storage', 'access', 'anna@fabrikam.example'],
      ] as const) {
        const put = await t.request('PUT', `${tickets(sub)}/${name}${V}`, {
          token,
          body: ticket(s, c, email),
        })
        expect(put.status, put.body).toBe(202)
        const got = await t.request('GET', `${tickets(sub)}/${name}${V}`, { token })
        ids[name] = got.json().properties.supportTicketId
      }
    })
    afterAll(() => t?.close())

    it('R6: when nora files for Bianchi over ARM, then the desk’s detail shows the Azure service and problem classification, in the engineer’s language', async () => {
      const en = await t.request('GET', `/api/service-requests/${ids['bianchi-backup']}`, { token: engineer })
      expect(en.status).toBe(200)
      expect(en.json()).toMatchObject({
        workload: 'azure',
        rule: 'R6',
        supportTopic: null,
        azure: {
          service: { id: azureServiceId('vm-windows'), name: 'Virtual Machine running Windows' },
          problemClassification: {
            id: azureClassificationId('vm-windows', 'backup'),
            name: 'Backup and restore',
          },
        },
      })
      const it = await t.request('GET', `/api/service-requests/${ids['bianchi-backup']}`, {
        token: engineer,
        headers: { 'accept-language': 'it' },
      })
      expect(it.json().azure).toMatchObject({
        service: { name: 'Macchina virtuale Windows' },
        problemClassification: { name: 'Backup e ripristino' },
      })
    })

    it('when the requester reads her request, then she sees the same classification', async () => {
      const own = await t.request('GET', `/api/service-requests/${ids['bianchi-backup']}`, { token: nora })
      expect(own.status).toBe(200)
      expect(own.json().azure.problemClassification.name).toBe('Backup and restore')
    })

    it('when the desk filters its queue by Azure service, then only that service’s tickets are listed; a malformed id is a 400', async () => {
      const list = async (query: string) =>
        (await t.request('GET', `/api/service-requests?limit=200&${query}`, { token: engineer })).json()
      const vms = await list(`azureService=${azureServiceId('vm-windows')}`)
      expect(vms.items.map((r: { id: string }) => r.id)).toContain(ids['bianchi-backup'])
      expect(vms.items.map((r: { id: string }) => r.id)).not.toContain(ids['rossi-storage'])
      expect(
        vms.items.every(
          (r: { azure: { service: { id: string } } }) => r.azure.service.id === azureServiceId('vm-windows'),
        ),
      ).toBe(true)
      const storage = await list(`azureService=${azureServiceId('storage')}`)
      expect(storage.items.map((r: { id: string }) => r.id)).toEqual([ids['rossi-storage']])
      const byClassification = await list(
        `problemClassification=${azureClassificationId('vm-windows', 'backup')}`,
      )
      expect(byClassification.items.map((r: { id: string }) => r.id)).toEqual([ids['bianchi-backup']])
      const bad = await t.request('GET', '/api/service-requests?azureService=vm', { token: engineer })
      expect(bad.status).toBe(400)
      expect(bad.json().error.code).toBe('validation_failed')
    })

    it('when the portal asks for the Azure services, then each comes with its problem classifications, named in the caller’s language', async () => {
      const res = await t.request('GET', '/api/azure-services', {
        token: engineer,
        headers: { 'accept-language': 'it' },
      })
      expect(res.status).toBe(200)
      const vm = res.json().items.find((s: { id: string }) => s.id === azureServiceId('vm-windows'))
      expect(vm).toMatchObject({ name: 'Macchina virtuale Windows' })
      expect(vm.problemClassifications).toContainEqual({
        id: azureClassificationId('vm-windows', 'backup'),
        name: 'Backup e ripristino',
      })
    })

    it('when a tool reads the ticket over Partner Center, then its topic names the service and the classification', async () => {
      const pc = await t.request('GET', `/v1/servicerequests/${ids['rossi-storage']}`, {
        token: await t.tokenFor('anna@fabrikam.example'),
      })
      expect(pc.status, pc.body).toBe(200)
      expect(pc.json()).toMatchObject({
        supportTopicId: azureClassificationId('storage', 'access'),
        supportTopicName: expect.stringMatching(/^Storage Account — /),
      })
    })

    it('when a request is not an Azure ticket, then it carries no Azure classification', async () => {
      const { id } = await fileRequest(t, await t.tokenFor('anna@fabrikam.example'))
      const got = await t.request('GET', `/api/service-requests/${id}`, { token: engineer })
      expect(got.json()).toMatchObject({ azure: null, supportTopic: { id: 'o365.teams' } })
    })
  },
)
