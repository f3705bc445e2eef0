import type { Db } from '../platform/db/database.ts'
import type { PartnerType } from '../platform/db/schema.ts'

/** A partner organization as its Partner Center profiles show it (MPN id, support contact). */
export interface PartnerProfileRecord {
  tenantId: string
  name: string
  partnerType: PartnerType
  mpnId: string
  country: string
  supportEmail: string | null
  supportPhone: string | null
  supportWebsite: string | null
}

function partnerQuery(db: Db) {
  return db
    .selectFrom('partners as p')
    .innerJoin('tenants as t', 't.id', 'p.tenant_id')
    .select([
      'p.tenant_id as tenantId',
      't.display_name as name',
      'p.partner_type as partnerType',
      'p.mpn_id as mpnId',
      't.country',
      'p.support_email as supportEmail',
      'p.support_phone as supportPhone',
      'p.support_website as supportWebsite',
    ])
}

export async function findPartnerProfile(db: Db, tenantId: string): Promise<PartnerProfileRecord | null> {
  return (await partnerQuery(db).where('p.tenant_id', '=', tenantId).executeTakeFirst()) ?? null
}

export async function findPartnerByMpn(db: Db, mpnId: string): Promise<PartnerProfileRecord | null> {
  return (await partnerQuery(db).where('p.mpn_id', '=', mpnId).executeTakeFirst()) ?? null
}

export async function updateSupportContact(
  db: Db,
  tenantId: string,
  contact: { email: string; phone: string | null; website: string | null },
): Promise<void> {
  await db
    .updateTable('partners')
    .set({ support_email: contact.email, support_phone: contact.phone, support_website: contact.website })
    .where('tenant_id', '=', tenantId)
    .execute()
}
