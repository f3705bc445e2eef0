import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { isUuid } from '../platform/ids.ts'
import { requireVendorAdmin } from './directory-access.ts'
import { auditedChange } from './audited.ts'
import { DirectoryError } from './directory.messages.ts'

/**
 * The vendor's commercial-marketplace products and their ISV's support contacts (R11: the vendor
 * gives no support for them; a refusal shows these contacts). Retiring a product keeps it for the
 * subscriptions that bought it.
 */

export interface ProductInput {
  name: string
  isvName: string
  description?: string | null | undefined
  supportUrl?: string | null | undefined
  supportEmail?: string | null | undefined
  supportPhone?: string | null | undefined
}

export interface Product {
  id: string
  name: string
  isvName: string
  description: string | null
  supportUrl: string | null
  supportEmail: string | null
  supportPhone: string | null
  retiredAt: Date | null
  subscriptionCount: number
}

const clean = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null || !v.trim() ? null : v.trim()
const bad = (detail: string) => new DirectoryError(400, 'csv_invalid', { detail })

function checkContacts(p: Partial<ProductInput>) {
  const url = clean(p.supportUrl)
  if (url && !/^https?:\/\/\S+$/.test(url)) throw bad(`supportUrl must be an http(s) URL (got ${url})`)
  const email = clean(p.supportEmail)
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw bad(`supportEmail is not an email address (got ${email})`)
}

export async function listProducts(ctx: AppContext, actor: Actor): Promise<Product[]> {
  await requireVendorAdmin(ctx.db, actor)
  return ctx.db
    .selectFrom('marketplace_products as m')
    .select([
      'm.id',
      'm.name',
      'm.isv_name as isvName',
      'm.description',
      'm.support_url as supportUrl',
      'm.support_email as supportEmail',
      'm.support_phone as supportPhone',
      'm.retired_at as retiredAt',
      sql<number>`(select count(*)::int from subscriptions s where s.marketplace_product_id = m.id)`.as(
        'subscriptionCount',
      ),
    ])
    .orderBy('m.name')
    .execute()
}

async function productOr404(ctx: AppContext, actor: Actor, id: string): Promise<Product> {
  const found = isUuid(id) ? (await listProducts(ctx, actor)).find((p) => p.id === id) : undefined
  if (!found) throw new DirectoryError(404, 'not_your_object', { kind: 'product', id })
  return found
}

async function assertNameFree(ctx: AppContext, name: string, except?: string) {
  let q = ctx.db
    .selectFrom('marketplace_products')
    .select('id')
    .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`)
  if (except) q = q.where('id', '<>', except)
  if (await q.executeTakeFirst()) throw new DirectoryError(409, 'product_name_taken', { name })
}

export async function createProduct(ctx: AppContext, actor: Actor, input: ProductInput): Promise<Product> {
  await requireVendorAdmin(ctx.db, actor)
  const name = input.name.trim()
  const isvName = input.isvName.trim()
  if (!name || !isvName) throw bad('name and isvName are required')
  checkContacts(input)
  await assertNameFree(ctx, name)
  const id = randomUUID()
  const event = { tenantId: actor.homeTenantId, targetType: 'marketplace_product', targetId: id, rule: 'R11' }
  await auditedChange(
    ctx,
    actor,
    { ...event, action: 'directory.product.create', details: { name, isvName } },
    async (trx) => {
      await trx
        .insertInto('marketplace_products')
        .values({
          id,
          name,
          isv_name: isvName,
          description: clean(input.description) ?? null,
          support_url: clean(input.supportUrl) ?? null,
          support_email: clean(input.supportEmail) ?? null,
          support_phone: clean(input.supportPhone) ?? null,
          created_at: ctx.now(),
        })
        .execute()
    },
  )
  return productOr404(ctx, actor, id)
}

export async function updateProduct(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<ProductInput> & { retired?: boolean | undefined },
): Promise<Product> {
  const current = await productOr404(ctx, actor, id)
  checkContacts(patch)
  const name = patch.name?.trim()
  if (name !== undefined) {
    if (!name) throw bad('name is required')
    await assertNameFree(ctx, name, id)
  }
  const set = {
    ...(name === undefined ? {} : { name }),
    ...(patch.isvName === undefined ? {} : { isv_name: patch.isvName.trim() || current.isvName }),
    ...(clean(patch.description) === undefined ? {} : { description: clean(patch.description) ?? null }),
    ...(clean(patch.supportUrl) === undefined ? {} : { support_url: clean(patch.supportUrl) ?? null }),
    ...(clean(patch.supportEmail) === undefined ? {} : { support_email: clean(patch.supportEmail) ?? null }),
    ...(clean(patch.supportPhone) === undefined ? {} : { support_phone: clean(patch.supportPhone) ?? null }),
    ...(patch.retired === undefined
      ? {}
      : { retired_at: patch.retired ? (current.retiredAt ?? ctx.now()) : null }),
  }
  if (Object.keys(set).length === 0) return current
  const event = {
    tenantId: actor.homeTenantId,
    action:
      patch.retired === true && !current.retiredAt ? 'directory.product.retire' : 'directory.product.update',
    targetType: 'marketplace_product',
    targetId: id,
    rule: 'R11',
    details: { changed: Object.keys(set) },
  }
  await auditedChange(ctx, actor, event, (trx) =>
    trx.updateTable('marketplace_products').set(set).where('id', '=', id).execute(),
  )
  return productOr404(ctx, actor, id)
}
