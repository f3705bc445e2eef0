import type { Db } from '../platform/db/database.ts'
import type { ServicePlan } from '../platform/db/schema.ts'

/** A product SKU a customer tenant holds licenses of, trial and paid counted apart. */
export interface SubscribedSkuRecord {
  skuId: string
  skuPartNumber: string
  productName: string
  servicePlans: ServicePlan[]
  isTrial: boolean
  activeUnits: number
  suspendedUnits: number
}

/**
 * The tenant's license subscriptions (not usage-based Azure, not marketplace) grouped by the SKU
 * of their offer. Every channel counts: the tenant's licenses are the tenant's, whoever sold them.
 */
export async function listSubscribedSkus(db: Db, tenantId: string): Promise<SubscribedSkuRecord[]> {
  const rows = await db
    .selectFrom('subscriptions as s')
    .innerJoin('offers as o', 'o.id', 's.offer_id')
    .select([
      'o.sku_id as skuId',
      'o.sku_part_number as skuPartNumber',
      'o.product_name as productName',
      'o.service_plans as servicePlans',
      's.billing',
      's.status',
      's.quantity',
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('o.sku_id', 'is not', null)
    .where('s.status', 'in', ['active', 'suspended'])
    .orderBy('o.product_name')
    .orderBy('s.billing')
    .execute()
  const skus = new Map<string, SubscribedSkuRecord>()
  for (const row of rows) {
    const isTrial = row.billing === 'trial'
    const key = `${row.skuId}/${isTrial}`
    const sku = skus.get(key) ?? {
      skuId: row.skuId!,
      skuPartNumber: row.skuPartNumber ?? '',
      productName: row.productName,
      servicePlans: row.servicePlans,
      isTrial,
      activeUnits: 0,
      suspendedUnits: 0,
    }
    if (row.status === 'active') sku.activeUnits += row.quantity
    else sku.suspendedUnits += row.quantity
    skus.set(key, sku)
  }
  return [...skus.values()]
}
