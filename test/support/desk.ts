import { randomUUID } from 'node:crypto'
import { tenantIdOf, type TestApp } from './app.ts'

/** Adds a second support engineer to Contoso Cloud (the demo world has one), to assign requests to. */
export async function addEngineer(t: TestApp, email: string, displayName: string): Promise<string> {
  const id = randomUUID()
  const [givenName, ...rest] = displayName.split(' ')
  await t.db.db
    .insertInto('users')
    .values({
      id,
      tenant_id: tenantIdOf('contoso.example'),
      email,
      display_name: displayName,
      given_name: givenName ?? displayName,
      surname: rest.join(' '),
      phone: null,
      password_hash: null,
    })
    .execute()
  await t.db.db.insertInto('user_roles').values({ user_id: id, role: 'support_engineer' }).execute()
  return id
}
