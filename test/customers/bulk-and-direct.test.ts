import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const WIDEWORLD = tenantIdOf('wideworld.example')
const VENDOR = tenantIdOf('contoso.example')
const HEADER =
  'companyName,domain,country,locale,adminFirstName,adminLastName,email,addressLine1,city,postalCode'

describe.each(dialects())(
  'CSV import and export of customers and subscriptions; direct subscriptions (%s)',
  (dialect) => {
    let t: TestApp
    let anna: string
    beforeAll(async () => {
      t = await startTestApp(dialect)
      anna = await t.tokenFor('anna@fabrikam.example')
    })
    afterAll(() => t?.close())

    const importCsv = (kind: string, csv: string, dryRun: boolean, locale = 'en') =>
      t.request('POST', '/api/customers/import', {
        token: anna,
        headers: { 'accept-language': locale },
        body: { kind, csv, dryRun },
      })
    const tenantCount = async () =>
      Number(
        (
          await t.db.db
            .selectFrom('tenants')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    it('when a customer CSV has problems, then the dry run reports every row’s problem, the apply writes nothing, and once fixed the apply creates every row', async () => {
      const bad = [
        HEADER,
        'Alfa S.p.A.,alfa.example,IT,it-IT,Anna,Alfa,admin@alfa.example,Via A 1,Roma,00100',
        'Beta S.r.l.,rossi.example,IT,it-IT,Bea,Beta,admin@beta.example,Via B 2,Roma,00100',
        '"Gamma, Delta",not a domain,ITA,xx,,Gamma,nope,Via C 3,Roma,',
        'Alfa again,alfa.example,IT,it-IT,Al,Fa,admin@alfa2.example,Via A 2,Roma,00100',
      ].join('\n')
      const before = await tenantCount()
      const dry = await importCsv('customers', bad, true, 'it')
      expect(dry.status, dry.body).toBe(200)
      const report = dry.json()
      expect(report).toMatchObject({ dryRun: true, applied: false })
      expect(
        report.rows.map((r: { line: number; problems: unknown[] }) => [r.line, r.problems.length > 0]),
      ).toEqual([
        [2, false],
        [3, true],
        [4, true],
        [5, true],
      ])
      expect(report.rows[1].problems[0].code).toBe('domain_taken')
      expect(report.rows[2].problems.map((p: { message: string }) => p.message.split(':')[0])).toEqual(
        expect.arrayContaining(['adminFirstName', 'domain', 'country', 'locale', 'email']),
      )
      expect(report.rows[3].problems[0].code).toBe('domain_taken')
      expect(report.rows[1].problems[0].message).toMatch(/appartiene già/)

      const apply = await importCsv('customers', bad, false)
      expect(apply.json()).toMatchObject({ applied: false })
      expect(await tenantCount()).toBe(before)

      const good = [
        HEADER,
        bad.split('\n')[1],
        'Beta S.r.l.,beta.example,IT,it-IT,Bea,Beta,admin@beta.example,Via B 2,Roma,',
      ].join('\n')
      const applied = await importCsv('customers', good, false)
      expect(applied.json()).toMatchObject({ applied: true })
      expect(applied.json().rows[0].created).toMatchObject({ userName: 'admin@alfa.example' })
      expect(await tenantCount()).toBe(before + 2)

      const subs = await importCsv(
        'subscriptions',
        'customerDomain,offerId,quantity,friendlyName\nalfa.example,CFQ7TTC0LCHC:0002,10,Alfa M365\nbeta.example,NOPE,1,\n',
        false,
      )
      expect(subs.json().applied).toBe(false)
      expect(subs.json().rows[1].problems[0].code).toBe('unknown_offer')
      const subsOk = await importCsv(
        'subscriptions',
        'customerDomain,offerId,quantity,friendlyName\nalfa.example,CFQ7TTC0LCHC:0002,10,Alfa M365\n',
        false,
      )
      expect(subsOk.json().applied).toBe(true)

      const exported = await t.request('GET', '/api/customers/export.csv?kind=subscriptions', { token: anna })
      expect(exported.headers['content-type']).toMatch(/text\/csv/)
      expect(exported.body).toMatch(/alfa\.example,CFQ7TTC0LCHC:0002,10,Alfa M365/)
      const customers = await t.request('GET', '/api/customers/export.csv?kind=customers', { token: anna })
      expect(customers.body.split('\r\n')[0]).toMatch(/^tenantId,companyName,domain/)
      expect(customers.body).toMatch(/Beta S\.r\.l\.,beta\.example,IT,it-IT/)
      // another partner's export holds none of Fabrikam's customers
      const nora = await t.request('GET', '/api/customers/export.csv?kind=customers', {
        token: await t.tokenFor('nora@northwind.example'),
      })
      expect(nora.body).not.toMatch(/alfa\.example|rossi\.example/)
    })

    it('when the vendor’s global administrator records a paid Azure subscription Wide World bought directly, then it is a direct subscription, audited; a partner may not record one', async () => {
      const userId = randomUUID()
      await t.db.db
        .insertInto('users')
        .values({
          id: userId,
          tenant_id: VENDOR,
          email: 'owner@contoso.example',
          display_name: 'Owner',
          given_name: null,
          surname: null,
          phone: null,
          locale: 'en-US',
          password_hash: null,
        })
        .execute()
      await t.db.db.insertInto('user_roles').values({ user_id: userId, role: 'global_admin' }).execute()
      const vendor = await t.tokenFor('owner@contoso.example')
      const res = await t.request('POST', `/api/vendor/tenants/${WIDEWORLD}/direct-subscriptions`, {
        token: vendor,
        body: { offerId: 'CFQ7TTC0LFK5:0001:TRIAL', quantity: 5, friendlyName: 'Wide World EMS' },
      })
      expect(res.status, res.body).toBe(201)
      expect(res.json()).toMatchObject({ workloadId: 'ems', billing: 'trial', status: 'active' })
      const row = await t.db.db
        .selectFrom('subscriptions')
        .selectAll()
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow()
      expect(row).toMatchObject({ channel: 'direct', provider_tenant_id: null, recorded_by_user_id: userId })
      const converted = await t.request(
        'PATCH',
        `/api/vendor/tenants/${WIDEWORLD}/direct-subscriptions/${res.json().id}`,
        {
          token: vendor,
          body: { convertToPaid: true },
        },
      )
      expect(converted.json()).toMatchObject({ billing: 'paid' })
      const audit = await t.db.db
        .selectFrom('audit_events')
        .select('action')
        .where('target_id', '=', res.json().id)
        .orderBy('id')
        .execute()
      expect(audit.map((a) => a.action)).toEqual(['subscription.direct.record', 'subscription.convert'])

      const byPartner = await t.request('POST', `/api/vendor/tenants/${WIDEWORLD}/direct-subscriptions`, {
        token: anna,
        body: { offerId: 'CFQ7TTC0LFK5:0001', quantity: 5 },
      })
      expect(byPartner.status).toBe(403)
      expect(byPartner.json().error.code).toBe('vendor_admin_only')
      // the vendor by its name
      expect(byPartner.json().error.message).toBe(
        'Only a global administrator of Contoso Cloud records subscriptions bought directly from it.',
      )
    })
  },
)
