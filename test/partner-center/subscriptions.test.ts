import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const WIDEWORLD = tenantIdOf('wideworld.example')
const NORTHWIND = tenantIdOf('northwind.example')
const ADATUM = tenantIdOf('adatum.example')
const FABRIKAM = tenantIdOf('fabrikam.example')
const sub = (domain: string, name: string) => demoId('subscription', `${domain}/${name}`)
const ROSSI_M365 = sub('rossi.example', 'Rossi M365')
const ROSSI_AZURE = sub('rossi.example', 'Rossi Produzione')
const BIANCHI_M365 = sub('bianchi.example', 'Bianchi M365')
const BIANCHI_AZURE = sub('bianchi.example', 'Bianchi Logistica Azure')
const WIDEWORLD_CRM = sub('wideworld.example', 'Wide World CRM')

describe.each(dialects())(
  'Partner Center v1 subscriptions, support contacts and subscribed SKUs (%s)',
  (dialect) => {
    let t: TestApp
    let anna: string
    let nora: string
    let ada: string
    let leo: string
    let hugo: string
    beforeAll(async () => {
      t = await startTestApp(dialect)
      ;[anna, nora, ada, leo, hugo] = await Promise.all([
        t.tokenFor('anna@fabrikam.example'),
        t.tokenFor('nora@northwind.example'),
        t.tokenFor('ada@adatum.example'),
        t.tokenFor('leo@litware.example'),
        t.tokenFor('hugo@fabrikam.example'),
      ])
    })
    afterAll(() => t?.close())

    /** A second indirect reseller of Northwind (the demo world has one), added as a factory would. */
    async function addNorthwindReseller(name: string, mpnId: string): Promise<string> {
      const id = demoId('tenant', `test-reseller/${name}`)
      await t.db.db
        .insertInto('tenants')
        .values({
          id,
          kind: 'partner',
          display_name: name,
          default_domain: `${mpnId}.example`,
          locale: 'it-IT',
          country: 'IT',
        })
        .execute()
      await t.db.db
        .insertInto('partners')
        .values({
          tenant_id: id,
          partner_type: 'indirect_reseller',
          mpn_id: mpnId,
          support_email: `help@${mpnId}.example`,
          support_phone: null,
        })
        .execute()
      await t.db.db
        .insertInto('partner_provider_links')
        .values({ reseller_tenant_id: id, provider_tenant_id: NORTHWIND })
        .execute()
      return id
    }

    it('when anna reads one of Rossi’s subscriptions, then it answers with its order, term and ETag', async () => {
      const res = await t.request('GET', `/v1/customers/${ROSSI}/subscriptions/${ROSSI_M365}`, {
        token: anna,
      })
      expect(res.status).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({
        id: ROSSI_M365,
        offerId: 'CFQ7TTC0LCHC:0002',
        friendlyName: 'Rossi M365',
        quantity: 45,
        status: 'active',
        isTrial: false,
        termDuration: 'P1Y',
        billingCycle: 'monthly',
        links: { self: { uri: `/customers/${ROSSI}/subscriptions/${ROSSI_M365}`, method: 'GET' } },
        attributes: { objectType: 'Subscription' },
      })
      expect(body.orderId).toMatch(/^[A-Za-z0-9_-]{20,}$/)
      expect(body.partnerId).toBeUndefined()
      expect(res.headers.etag).toBe(`"${body.attributes.etag}"`)
      const azure = (
        await t.request('GET', `/v1/customers/${ROSSI}/subscriptions/${ROSSI_AZURE}`, { token: anna })
      ).json()
      expect(azure).toMatchObject({ billingType: 'usage', unitType: 'Usage-based' })
      expect(azure.termDuration).toBeUndefined()
      expect(azure.orderId).not.toBe(body.orderId)
    })

    it('when the indirect provider reads a resold subscription, then partnerId is the reseller’s MPN id and the trial shows', async () => {
      const res = await t.request('GET', `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_M365}`, {
        token: nora,
      })
      expect(res.json()).toMatchObject({
        partnerId: '4510003',
        isTrial: true,
        termDuration: 'P1M',
        billingCycle: 'none',
      })
    })

    it('when a partner asks for a subscription it did not sell or of another partner’s customer, then 404', async () => {
      const cases: [string, string][] = [
        [ada, `/v1/customers/${ROSSI}/subscriptions/${ROSSI_M365}`],
        [anna, `/v1/customers/${ROSSI}/subscriptions/${BIANCHI_M365}`],
        [anna, `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_M365}`],
        [leo, `/v1/customers/${WIDEWORLD}/subscriptions/${WIDEWORLD_CRM}`],
        [anna, `/v1/customers/${ROSSI}/subscriptions/not-a-guid`],
        [ada, `/v1/customers/${ROSSI}/subscriptions/${ROSSI_M365}/supportcontact`],
        [ada, `/v1/customers/${ROSSI}/subscribedskus`],
      ]
      for (const [token, path] of cases) {
        const res = await t.request('GET', path, { token })
        expect(res.status, path).toBe(404)
        expect(res.json()).toMatchObject({ code: 'not_found', source: 'Tramite' })
      }
    })

    it('when every link a customer, its profiles and its subscriptions carry is followed, then each answers 200', async () => {
      for (const [token, customer] of [
        [anna, ROSSI],
        [nora, BIANCHI],
        [ada, BIANCHI],
      ] as const) {
        const seen = new Set<string>()
        const queue = [`/customers/${customer}`, `/customers/${customer}/subscriptions`, '/customers']
        while (queue.length) {
          const uri = queue.shift()!
          if (seen.has(uri)) continue
          seen.add(uri)
          const res = await t.request('GET', `/v1${uri}`, { token })
          expect(res.status, uri).toBe(200)
          const walk = (value: unknown): void => {
            if (Array.isArray(value)) value.forEach(walk)
            else if (value && typeof value === 'object') {
              const o = value as Record<string, unknown>
              if (typeof o.uri === 'string' && o.method === 'GET' && !o.uri.includes('seekOperation'))
                queue.push(o.uri)
              Object.values(o).forEach(walk)
            }
          }
          walk(res.json())
        }
        expect([...seen].some((u) => u.endsWith('/profiles/company'))).toBe(true)
        expect([...seen].some((u) => u.endsWith('/profiles/billing'))).toBe(true)
        expect([...seen].filter((u) => /\/subscriptions\/[0-9a-f-]{36}$/.test(u)).length).toBeGreaterThan(0)
      }
    })

    it('when the support contact of a resold subscription is read, then it is the reseller; of a direct one, the partner itself', async () => {
      for (const token of [nora, ada]) {
        const res = await t.request(
          'GET',
          `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_AZURE}/supportcontact`,
          { token },
        )
        expect(res.status).toBe(200)
        expect(res.json()).toEqual({
          supportTenantId: ADATUM,
          supportMpnId: '4510003',
          name: 'Adatum',
          links: {
            self: {
              uri: `/customers/${BIANCHI}/subscriptions/${BIANCHI_AZURE}/supportcontact`,
              method: 'GET',
              headers: [],
            },
          },
          attributes: { objectType: 'SupportContact' },
        })
      }
      const direct = await t.request(
        'GET',
        `/v1/customers/${ROSSI}/subscriptions/${ROSSI_AZURE}/supportcontact`,
        { token: anna },
      )
      expect(direct.json()).toMatchObject({
        supportTenantId: FABRIKAM,
        supportMpnId: '4510001',
        name: 'Fabrikam',
      })
    })

    it('when nora names another of her resellers as support contact, then GET shows it and the change is audited', async () => {
      const other = await addNorthwindReseller('Trey Research', '4519901')
      const path = `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_M365}/supportcontact`
      const res = await t.request('PUT', path, {
        token: nora,
        body: {
          SupportTenantId: other.toUpperCase(),
          SupportMpnId: '4519901',
          Name: 'Trey Research',
          Attributes: { ObjectType: 'SupportContact' },
        },
      })
      expect(res.status).toBe(200)
      expect(res.json()).toMatchObject({
        supportTenantId: other,
        supportMpnId: '4519901',
        name: 'Trey Research',
      })
      expect((await t.request('GET', path, { token: ada })).json().supportTenantId).toBe(other)
      // the other subscription keeps its reseller of record as contact
      const azure = await t.request(
        'GET',
        `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_AZURE}/supportcontact`,
        { token: nora },
      )
      expect(azure.json().supportTenantId).toBe(ADATUM)
      const audit = await t.db.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'subscription.support_contact.update')
        .where('target_id', '=', BIANCHI_M365)
        .execute()
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({
        actor_email: 'nora@northwind.example',
        tenant_id: BIANCHI,
        result: 'done',
      })
      expect(audit[0]!.details).toMatchObject({ from: ADATUM, to: other })
      // and back to Adatum
      const back = await t.request('PUT', path, { token: nora, body: { supportTenantId: ADATUM } })
      expect(back.json().name).toBe('Adatum')
    })

    it('when the support contact asked for is not one of the provider’s resellers, or the MPN id does not match, then 400 and nothing changes', async () => {
      const path = `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_AZURE}/supportcontact`
      const version = async () =>
        (
          await t.db.db
            .selectFrom('subscriptions')
            .select('version')
            .where('id', '=', BIANCHI_AZURE)
            .executeTakeFirstOrThrow()
        ).version
      const before = await version()
      const notReseller = await t.request('PUT', path, { token: nora, body: { SupportTenantId: FABRIKAM } })
      expect(notReseller.status).toBe(400)
      expect(notReseller.json().code).toBe('support_contact_not_reseller')
      const mismatch = await t.request('PUT', path, {
        token: nora,
        headers: { 'x-locale': 'it-IT' },
        body: { SupportTenantId: ADATUM, SupportMpnId: '4510001' },
      })
      expect(mismatch.status).toBe(400)
      expect(mismatch.json()).toMatchObject({ code: 'support_contact_mpn_mismatch' })
      expect(mismatch.json().description).toMatch(/non è l'id MPN di Adatum/)
      const missing = await t.request('PUT', path, { token: nora, body: { Name: 'Adatum' } })
      expect(missing.status).toBe(400)
      expect(missing.json()).toMatchObject({
        code: 'validation_failed',
        data: [{ location: 'body.SupportTenantId', rule: 'required' }],
      })
      const malformed = await t.request('PUT', path, { token: nora, body: { SupportTenantId: 'adatum' } })
      expect(malformed.json().data[0]).toMatchObject({ location: 'body.SupportTenantId', rule: 'guid' })
      expect(await version()).toBe(before)
    })

    it('when someone other than the subscription’s indirect provider sets its support contact, then it is refused', async () => {
      const bianchi = `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_AZURE}/supportcontact`
      const byReseller = await t.request('PUT', bianchi, { token: ada, body: { SupportTenantId: ADATUM } })
      expect(byReseller.status).toBe(403)
      expect(byReseller.json().code).toBe('support_contact_provider_only')
      const direct = await t.request(
        'PUT',
        `/v1/customers/${ROSSI}/subscriptions/${ROSSI_AZURE}/supportcontact`,
        {
          token: anna,
          body: { SupportTenantId: ADATUM },
        },
      )
      expect(direct.status).toBe(403)
      const helpdesk = await t.request(
        'PUT',
        `/v1/customers/${ROSSI}/subscriptions/${ROSSI_AZURE}/supportcontact`,
        {
          token: hugo,
          body: { SupportTenantId: ADATUM },
        },
      )
      expect(helpdesk.status).toBe(403)
      expect(helpdesk.json().code).toBe('commerce_role_required')
      const crossTenant = await t.request(
        'PUT',
        `/v1/customers/${ROSSI}/subscriptions/${ROSSI_AZURE}/supportcontact`,
        {
          token: nora,
          body: { SupportTenantId: ADATUM },
        },
      )
      expect(crossTenant.status).toBe(404)
    })

    it('when subscribed SKUs are read, then licenses come by SKU with trial and paid apart, whoever sold them (R10)', async () => {
      const rossi = await t.request('GET', `/v1/customers/${ROSSI}/subscribedskus`, { token: anna })
      expect(rossi.status).toBe(200)
      expect(rossi.json()).toMatchObject({ totalCount: 1, attributes: { objectType: 'Collection' } })
      expect(rossi.json().items[0]).toMatchObject({
        activeUnits: 45,
        totalUnits: 45,
        availableUnits: 45,
        consumedUnits: 0,
        suspendedUnits: 0,
        capabilityStatus: 'Enabled',
        isTrial: false,
        productSku: { id: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', skuPartNumber: 'SPB', targetType: 'User' },
        attributes: { objectType: 'SubscribedSku' },
      })
      expect(rossi.json().items[0].servicePlans.map((p: { serviceName: string }) => p.serviceName)).toContain(
        'TEAMS1',
      )
      for (const token of [nora, ada]) {
        const bianchi = (await t.request('GET', `/v1/customers/${BIANCHI}/subscribedskus`, { token })).json()
        expect(bianchi.items).toHaveLength(1)
        expect(bianchi.items[0]).toMatchObject({
          isTrial: true,
          activeUnits: 25,
          productSku: { skuPartNumber: 'SPB' },
        })
      }
      // bought directly from the vendor, seen by the advisor
      const wideworld = (
        await t.request('GET', `/v1/customers/${WIDEWORLD}/subscribedskus`, { token: leo })
      ).json()
      expect(
        wideworld.items.map((s: { productSku: { skuPartNumber: string } }) => s.productSku.skuPartNumber),
      ).toEqual(['CRMSTANDARD'])
    })
  },
)
