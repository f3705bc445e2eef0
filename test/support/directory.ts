import { randomUUID } from 'node:crypto'
import { tenantIdOf, type TestApp } from './app.ts'

/**
 * A global administrator of the vendor tenant (the demo world has none: its vendor staff are a
 * support engineer and an auditor); answers a bearer token for them.
 */
export async function vendorAdminToken(t: TestApp, email = 'owner@contoso.example'): Promise<string> {
  const existing = await t.db.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst()
  if (!existing) {
    const userId = randomUUID()
    await t.db.db
      .insertInto('users')
      .values({
        id: userId,
        tenant_id: tenantIdOf('contoso.example'),
        email,
        display_name: 'Owner',
        given_name: null,
        surname: null,
        phone: null,
        locale: 'en-US',
        password_hash: null,
      })
      .execute()
    await t.db.db.insertInto('user_roles').values({ user_id: userId, role: 'global_admin' }).execute()
  }
  return t.tokenFor(email)
}

/** How many rows `table` holds (to show that a refused change wrote nothing). */
export async function rowCount(
  t: TestApp,
  table: 'tenants' | 'partners' | 'users' | 'marketplace_products' | 'support_entitlements' | 'audit_events',
): Promise<number> {
  const row = await t.db.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The id of the user who signs in with `email` (the demo world's people have fixed addresses, not ids). */
export async function userIdOf(t: TestApp, email: string): Promise<string> {
  const row = await t.db.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  return row.id
}
