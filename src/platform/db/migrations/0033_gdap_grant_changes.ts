import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Every instance also keeps the GDAP roles behind a delegated token for a short while
 * (identity/auth-cache.ts, `getGrants`). What resolving them reads (gdap/access.data.ts) — a
 * relationship (its status, end, auto-extension, parties, name), an access assignment (status,
 * relationship, group), their roles, a directory role, a group's name — now sends NOTIFY
 * tramite_auth as well when it changes, through migration 0029's trigger function; group
 * memberships and users were covered by 0029 already. Each instance drops what it kept.
 */
const TRIGGERS: [string, string][] = [
  [
    'gdap_relationships',
    'insert or delete or update of status, end_at, auto_extend_duration, partner_tenant_id, customer_tenant_id, display_name',
  ],
  ['gdap_access_assignments', 'insert or delete or update of status, relationship_id, security_group_id'],
  ['gdap_assignment_roles', 'insert or delete or update'],
  ['gdap_relationship_roles', 'insert or delete or update'],
  ['directory_roles', 'insert or delete or update'],
  ['security_groups', 'update of display_name'],
]
// truncate fires no row trigger (tests and resets empty tables this way)
const TRUNCATED = [
  'gdap_relationships',
  'gdap_access_assignments',
  'gdap_assignment_roles',
  'gdap_relationship_roles',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    [
      ...TRIGGERS.map(
        ([table, events]) =>
          `create trigger ${table}_grants_changed after ${events} on ${table}
             for each row execute function tramite_auth_changed();`,
      ),
      ...TRUNCATED.map(
        (table) =>
          `create trigger ${table}_grants_truncated after truncate on ${table}
             for each statement execute function tramite_auth_changed();`,
      ),
    ].join('\n'),
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    [
      ...TRIGGERS.map(([table]) => `drop trigger ${table}_grants_changed on ${table};`),
      ...TRUNCATED.map((table) => `drop trigger ${table}_grants_truncated on ${table};`),
    ].join('\n'),
  )
}
