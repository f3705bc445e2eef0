import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/schema.ts'

/**
 * The vendor's name ("Contoso Cloud"), so pages and messages name it instead of "the vendor";
 * null before `tramite setup` has created the vendor's tenant.
 */
export async function findVendorName(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('tenants')
    .select('display_name')
    .where('kind', '=', 'vendor')
    .orderBy('created_at')
    .executeTakeFirst()
  return row?.display_name ?? null
}
