import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Issue 10's rules on requests: the desk's queue filtered by the Azure service chosen in the Azure
 * portal (an index in the queue's order, for Azure tickets only), and the vendor's name — a request
 * the vendor works says by whom, never "the vendor" — found without scanning every tenant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create index if not exists service_requests_azure_service_created_idx
      on service_requests (azure_service_id, created_at desc, id desc) where azure_service_id is not null;
    create index if not exists tenants_vendor_idx on tenants (created_at) where kind = 'vendor';
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `drop index if exists service_requests_azure_service_created_idx, tenants_vendor_idx;`)
}
