import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureCatalog } from '../../src/catalog/catalog.ts'
import { resetDemoWorld, seedDemoWorld } from '../../src/demo/seed.ts'
import { demoUsers, tenantIdOf } from '../../src/demo/world.ts'
import { resolveAccess } from '../../src/gdap/access.data.ts'
import { findUserByEmail } from '../../src/identity/users.data.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'
import { openEmptyDatabase, openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

describe.each(dialects())('demo world (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase(dialect)
  })
  afterAll(() => t?.close())

  const tenants = () =>
    t.db.selectFrom('tenants').select(['display_name', 'kind', 'locale']).orderBy('display_name').execute()

  it('when created, then it holds exactly the tenants of DESIGN.md with their kinds and locales', async () => {
    expect(await tenants()).toEqual([
      { display_name: 'Adatum', kind: 'partner', locale: 'it-IT' },
      { display_name: 'Bianchi Logistica S.r.l.', kind: 'customer', locale: 'it-IT' },
      { display_name: 'Contoso Cloud', kind: 'vendor', locale: 'en-US' },
      { display_name: 'Fabrikam', kind: 'partner', locale: 'it-IT' },
      { display_name: 'Litware', kind: 'partner', locale: 'en-US' },
      { display_name: 'Northwind Distribution', kind: 'partner', locale: 'it-IT' },
      { display_name: 'Rossi Costruzioni S.p.A.', kind: 'customer', locale: 'it-IT' },
      { display_name: 'Tailspin Toys', kind: 'customer', locale: 'en-US' },
      { display_name: 'Wide World Importers', kind: 'customer', locale: 'en-US' },
    ])
    const partners = await t.db
      .selectFrom('partners as p')
      .innerJoin('tenants as t', 't.id', 'p.tenant_id')
      .select(['t.display_name', 'p.partner_type'])
      .orderBy('t.display_name')
      .execute()
    expect(partners).toEqual([
      { display_name: 'Adatum', partner_type: 'indirect_reseller' },
      { display_name: 'Fabrikam', partner_type: 'direct' },
      { display_name: 'Litware', partner_type: 'advisor' },
      { display_name: 'Northwind Distribution', partner_type: 'indirect_provider' },
    ])
    const link = await t.db.selectFrom('partner_provider_links').selectAll().execute()
    expect(link).toMatchObject([
      {
        reseller_tenant_id: tenantIdOf('adatum.example'),
        provider_tenant_id: tenantIdOf('northwind.example'),
      },
    ])
  })

  it('when users are read, then roles and group memberships are those of DESIGN.md', async () => {
    const anna = await findUserByEmail(t.db, 'anna@fabrikam.example')
    const hugo = await findUserByEmail(t.db, 'hugo@fabrikam.example')
    expect(anna?.roles).toEqual(['admin_agent'])
    expect(hugo?.roles).toEqual(['helpdesk_agent'])
    const groupsOf = async (email: string) =>
      (
        await t.db
          .selectFrom('group_user_members as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .innerJoin('security_groups as g', 'g.id', 'm.group_id')
          .select('g.display_name')
          .where('u.email', '=', email)
          .orderBy('g.display_name')
          .execute()
      ).map((r) => r.display_name)
    expect(await groupsOf('anna@fabrikam.example')).toEqual(['Admin Agents', 'Tier1 Support'])
    // a helpdesk agent is one because he is in the Helpdesk Agents group (as in Partner Center)
    expect(await groupsOf('hugo@fabrikam.example')).toEqual(['Helpdesk Agents'])
    expect(await groupsOf('nora@northwind.example')).toEqual(['Admin Agents', 'Azure Managers'])
    expect(await groupsOf('ada@adatum.example')).toEqual(['Adatum Support', 'Admin Agents'])
    expect(await groupsOf('leo@litware.example')).toEqual(['Admin Agents'])
    const nested = await sql<{ inner: string; outer: string }>`
      select gi.display_name as inner, go.display_name as outer from group_group_members m
      join security_groups gi on gi.id = m.member_group_id join security_groups go on go.id = m.group_id`.execute(
      t.db,
    )
    expect(nested.rows).toEqual([{ inner: 'Azure Managers', outer: 'Admin Agents' }])
    for (const email of [
      'admin@rossi.example',
      'admin@bianchi.example',
      'admin@tailspin.example',
      'admin@wideworld.example',
    ]) {
      expect((await findUserByEmail(t.db, email))?.roles).toEqual(['global_admin'])
    }
    expect((await findUserByEmail(t.db, 'engineer@contoso.example'))?.roles).toEqual(['support_engineer'])
  })

  it('when every persona is read, then the roles the world declares come out, partner roles from the role groups only', async () => {
    for (const user of demoUsers()) {
      expect((await findUserByEmail(t.db, user.email))?.roles, user.email).toEqual([...user.roles].sort())
    }
    const stored = await t.db
      .selectFrom('user_roles')
      .select('role')
      .where('role', 'in', ['admin_agent', 'helpdesk_agent', 'sales_agent'])
      .execute()
    expect(stored).toEqual([])
    const roleGroups = await t.db
      .selectFrom('security_groups as g')
      .innerJoin('tenants as t', 't.id', 'g.tenant_id')
      .select(['t.default_domain as domain', 'g.display_name as name', 'g.partner_role as role'])
      .where('g.partner_role', 'is not', null)
      .where('t.default_domain', '=', 'fabrikam.example')
      .orderBy('g.display_name')
      .execute()
    expect(roleGroups).toEqual([
      { domain: 'fabrikam.example', name: 'Admin Agents', role: 'admin_agent' },
      { domain: 'fabrikam.example', name: 'Helpdesk Agents', role: 'helpdesk_agent' },
      { domain: 'fabrikam.example', name: 'Sales Agents', role: 'sales_agent' },
    ])
  })

  it('when GDAP access is resolved, then each partner holds exactly the roles DESIGN.md gives it', async () => {
    const roles = async (email: string, domain: string) => {
      const user = await findUserByEmail(t.db, email)
      return (await resolveAccess(t.db, user!.id, tenantIdOf(domain)))
        .map((g) => `${g.groupName}:${g.roleName}`)
        .sort()
    }
    expect(await roles('anna@fabrikam.example', 'rossi.example')).toEqual([
      'Tier1 Support:Directory Readers',
      'Tier1 Support:Service Support Administrator',
    ])
    expect(await roles('anna@fabrikam.example', 'tailspin.example')).toEqual([])
    expect(await roles('ada@adatum.example', 'bianchi.example')).toEqual([
      'Adatum Support:Service Support Administrator',
    ])
    expect(await roles('nora@northwind.example', 'bianchi.example')).toEqual([
      'Azure Managers:Directory Readers',
    ])
    expect(await roles('leo@litware.example', 'wideworld.example')).toEqual([
      'Admin Agents:Service Support Administrator',
    ])
    expect(await roles('hugo@fabrikam.example', 'rossi.example')).toEqual([])
    const tailspin = await t.db
      .selectFrom('gdap_relationships')
      .select(['status', 'end_at'])
      .where('customer_tenant_id', '=', tenantIdOf('tailspin.example'))
      .executeTakeFirstOrThrow()
    expect(tailspin.status).toBe('expired')
    expect(tailspin.end_at!.getTime()).toBeLessThan(Date.now())
  })

  it('when subscriptions are read, then channels, trial/paid, providers and Azure RBAC match DESIGN.md', async () => {
    const subs = await t.db
      .selectFrom('subscriptions as s')
      .innerJoin('tenants as t', 't.id', 's.tenant_id')
      .leftJoin('tenants as p', 'p.id', 's.provider_tenant_id')
      .select([
        't.default_domain as owner',
        's.workload_id',
        's.channel',
        's.billing',
        'p.default_domain as provider',
      ])
      .orderBy('t.default_domain')
      .orderBy('s.workload_id')
      .execute()
    expect(subs).toEqual([
      {
        owner: 'bianchi.example',
        workload_id: 'azure',
        channel: 'csp',
        billing: 'paid',
        provider: 'northwind.example',
      },
      {
        owner: 'bianchi.example',
        workload_id: 'office365',
        channel: 'csp',
        billing: 'trial',
        provider: 'northwind.example',
      },
      { owner: 'fabrikam.example', workload_id: 'azure', channel: 'direct', billing: 'paid', provider: null },
      {
        owner: 'northwind.example',
        workload_id: 'azure',
        channel: 'direct',
        billing: 'paid',
        provider: null,
      },
      {
        owner: 'rossi.example',
        workload_id: 'azure',
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
      },
      {
        owner: 'rossi.example',
        workload_id: 'marketplace',
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
      },
      {
        owner: 'rossi.example',
        workload_id: 'office365',
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
      },
      {
        owner: 'tailspin.example',
        workload_id: 'office365',
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
      },
      {
        owner: 'wideworld.example',
        workload_id: 'azure',
        channel: 'direct',
        billing: 'paid',
        provider: null,
      },
      {
        owner: 'wideworld.example',
        workload_id: 'dynamics',
        channel: 'direct',
        billing: 'paid',
        provider: null,
      },
    ])
    const rbac = await sql<{ owner: string; group: string; partner: string; role: string }>`
      select t.default_domain as owner, g.display_name as "group", pt.default_domain as partner, r.role_name as role
        from azure_role_assignments r join subscriptions s on s.id = r.subscription_id
        join tenants t on t.id = s.tenant_id join security_groups g on g.id = r.principal_id
        join tenants pt on pt.id = g.tenant_id order by t.default_domain`.execute(t.db)
    expect(rbac.rows).toEqual([
      { owner: 'bianchi.example', group: 'Admin Agents', partner: 'northwind.example', role: 'Owner' },
      { owner: 'rossi.example', group: 'Admin Agents', partner: 'fabrikam.example', role: 'Owner' },
    ])
    const product = await t.db.selectFrom('marketplace_products').selectAll().executeTakeFirstOrThrow()
    expect(product).toMatchObject({ name: 'LedgerLite', isv_name: 'Proseware' })
    expect(product.support_url && product.support_email && product.support_phone).toBeTruthy()
    const entitlements = await t.db
      .selectFrom('support_entitlements as e')
      .innerJoin('tenants as t', 't.id', 'e.partner_tenant_id')
      .select(['t.default_domain', 'e.kind'])
      .execute()
    expect(entitlements).toEqual([{ default_domain: 'fabrikam.example', kind: 'azure_support_plan' }])
  })

  it('when seeding runs again, then nothing changes (idempotent)', async () => {
    const before = await tenants()
    expect(await seedDemoWorld(t.db, { password: 'another-password' })).toEqual({
      created: false,
      credentials: [],
    })
    expect(await tenants()).toEqual(before)
  })

  it('when the demo is reset, then the same world (same ids) is created with new passwords', async () => {
    await t.db
      .updateTable('tenants')
      .set({ display_name: 'Renamed' })
      .where('default_domain', '=', 'rossi.example')
      .execute()
    const result = await resetDemoWorld(t.db)
    expect(result.created).toBe(true)
    const users = await t.db.selectFrom('users').select('email').execute()
    expect(result.credentials).toHaveLength(11)
    expect(result.credentials.map((c) => c.email).sort()).toEqual(users.map((u) => u.email).sort())
    expect(new Set(result.credentials.map((c) => c.password)).size).toBe(11)
    const rossi = await t.db
      .selectFrom('tenants')
      .select(['id', 'display_name'])
      .where('default_domain', '=', 'rossi.example')
      .executeTakeFirstOrThrow()
    expect(rossi).toEqual({ id: tenantIdOf('rossi.example'), display_name: 'Rossi Costruzioni S.p.A.' })
  })

  it('when the database already has tenants of its own, then no demo world is added', async () => {
    const empty = await openEmptyDatabase(dialect)
    try {
      await migrateToLatest(empty.db)
      await empty.db
        .insertInto('tenants')
        .values({
          id: crypto.randomUUID(),
          kind: 'vendor',
          display_name: 'Real Vendor',
          default_domain: 'real.example',
          locale: 'en-US',
          country: 'US',
        })
        .execute()
      expect((await seedDemoWorld(empty.db)).created).toBe(false)
    } finally {
      await empty.close()
    }
  })
})

describe.each(dialects().filter((d) => d === 'postgres'))('demo world on PostgreSQL (%s)', (dialect) => {
  it('when several instances seed an empty database at once, then exactly one creates the world', async () => {
    const empty = await openEmptyDatabase(dialect)
    try {
      await migrateToLatest(empty.db)
      await ensureCatalog(empty.db)
      const instances = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: empty.url! })),
      )
      const results = await Promise.all(
        instances.map((i) => seedDemoWorld(i.db, { password: 'same-password' })),
      )
      await Promise.all(instances.map((i) => i.close()))
      expect(results.filter((r) => r.created)).toHaveLength(1)
      const n = await empty.db
        .selectFrom('tenants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(n.n).toBe(9)
    } finally {
      await empty.close()
    }
  })
})
