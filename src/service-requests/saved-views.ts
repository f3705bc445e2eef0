import { randomUUID } from 'node:crypto'
import { Value } from 'typebox/value'
import { actingUserId, type Actor } from '../identity/actor.ts'
import type { Db } from '../platform/db/database.ts'
import { forbidden, notFound } from '../platform/errors.ts'
import { SavedViewFiltersSchema } from './desk-views.schema.ts'
import { SavedViewError } from './saved-views.messages.ts'

/** How many views a person may keep of their own. */
export const MAX_SAVED_VIEWS = 20
const NAME_MAX = 60
/** The list's filter keys, in the order a saved query keeps them (paging and cursors are dropped). */
const FILTER_KEYS = Object.keys(SavedViewFiltersSchema.properties)

export interface SavedView {
  id: string
  name: string
  query: Record<string, string>
}

/**
 * The list's filters a query string states: the list's filter keys only (anything else — paging,
 * a cursor, unknown keys — is dropped), empty values dropped, each value one the list accepts.
 */
export function savedFilters(queryString: string): Record<string, string> {
  const params = new URLSearchParams(queryString.replace(/^\?/, ''))
  const kept: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim()
    if (value) kept[key] = value
  }
  if (!Value.Check(SavedViewFiltersSchema, kept)) {
    const [first] = Value.Errors(SavedViewFiltersSchema, kept)
    const where = first?.instancePath.replace(/^\//, '') || 'query'
    throw new SavedViewError(400, 'view_query_invalid', { detail: `${where}: ${first?.message ?? ''}` })
  }
  if (Object.keys(kept).length === 0) throw new SavedViewError(400, 'view_query_empty')
  return kept
}

const toView = (row: { id: string; name: string; query: string }): SavedView => ({
  id: row.id,
  name: row.name,
  query: Object.fromEntries(new URLSearchParams(row.query)),
})

/** The person's own views, oldest first (none for an application acting alone). */
export async function listSavedViews(db: Db, actor: Actor): Promise<SavedView[]> {
  const userId = actingUserId(actor)
  if (!userId) return []
  const rows = await db
    .selectFrom('saved_views')
    .select(['id', 'name', 'query'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toView)
}

/**
 * Saves the list's filters under a name of the person's. The person's row is locked while the
 * name and the limit are checked, so two saves at once cannot both pass them.
 */
export async function saveView(
  db: Db,
  actor: Actor,
  input: { name: string; query: string },
  now: Date,
): Promise<SavedView> {
  const userId = actingUserId(actor)
  if (!userId) throw forbidden()
  const name = input.name.trim()
  if (name.length < 1 || name.length > NAME_MAX) throw new SavedViewError(400, 'view_name_invalid')
  const filters = savedFilters(input.query)
  const query = new URLSearchParams(filters).toString()
  const id = randomUUID()
  await db
    .transaction()
    .execute(async (trx) => {
      await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst()
      const mine = await trx.selectFrom('saved_views').select('name').where('user_id', '=', userId).execute()
      if (mine.some((v) => v.name.toLowerCase() === name.toLowerCase()))
        throw new SavedViewError(409, 'view_name_taken', { name })
      if (mine.length >= MAX_SAVED_VIEWS)
        throw new SavedViewError(409, 'too_many_views', { limit: String(MAX_SAVED_VIEWS) })
      await trx
        .insertInto('saved_views')
        .values({ id, user_id: userId, name, query, created_at: now })
        .execute()
    })
    .catch((error: unknown) => {
      // The unique index compares names with the database's lower(): a clash it finds is the same refusal.
      if ((error as { code?: unknown })?.code === '23505')
        throw new SavedViewError(409, 'view_name_taken', { name })
      throw error
    })
  return { id, name, query: filters }
}

/** Deletes one of the person's own views; anyone else's (or an unknown id) is not found. */
export async function deleteView(db: Db, actor: Actor, id: string): Promise<void> {
  const userId = actingUserId(actor)
  if (!userId) throw notFound()
  const result = await db
    .deleteFrom('saved_views')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (Number(result.numDeletedRows) === 0) throw notFound()
}
