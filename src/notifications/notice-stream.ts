import type { AppContext } from '../platform/context.ts'
import { NOTICE_TOPIC } from './notices.ts'

/** How often, and how long apart, a stream looks for a notice announced before its transaction committed. */
const VISIBLE_TRIES = 20
const VISIBLE_WAIT_MS = 100

/**
 * Writes `event: notification` to a live stream for each new in-app notice of `userId` — only
 * theirs, and only once the notice is readable (it is announced from inside the transaction that
 * writes it; a notice rolled back is never announced). The data is the id and the unread count:
 * the page reads the list itself, with the same rule as ever.
 */
export function streamNotices(ctx: AppContext, userId: string, write: (text: string) => void): () => void {
  let open = true
  let queue = Promise.resolve()
  const unsubscribe = ctx.events.subscribe(NOTICE_TOPIC, (payload) => {
    if (payload.userId !== userId) return
    const id = Number(payload.id)
    if (!Number.isSafeInteger(id)) return
    queue = queue
      .then(async () => {
        for (let attempt = 0; attempt < VISIBLE_TRIES && open; attempt++) {
          const row = await ctx.db
            .selectFrom('notifications')
            .select('id')
            .where('id', '=', id)
            .where('user_id', '=', userId)
            .executeTakeFirst()
          if (row) {
            const { n } = await ctx.db
              .selectFrom('notifications')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('user_id', '=', userId)
              .where('read_at', 'is', null)
              .executeTakeFirstOrThrow()
            if (open) write(`event: notification\ndata: ${JSON.stringify({ id, unread: Number(n) })}\n\n`)
            return
          }
          await new Promise((resolve) => setTimeout(resolve, VISIBLE_WAIT_MS))
        }
      })
      .catch(() => undefined)
  })
  return () => {
    open = false
    unsubscribe()
  }
}
