import type { AppContext } from '../platform/context.ts'
import type { Db } from '../platform/db/database.ts'
import { emailLocaleOf, escapeHtml } from '../email/email.templates.ts'
import { notificationText } from './notification-texts.ts'
import { reachesApp, reachesEmail, topicOfKind } from './notification-topics.ts'
import type { NewNotification } from './notifications.data.ts'
import { channelsFor } from './preferences.data.ts'

/** The event bus topic a new in-app notice is announced on: `{ userId, id }` (the live streams listen). */
export const NOTICE_TOPIC = 'notifications.new'

/**
 * Tells one person of something, where they chose to hear of its topic: an in-app notice (announced
 * on the live stream), an email through the outbox, both or neither. Written in the caller's
 * transaction, once per dedupe key however often it runs. Answers whether anything new was sent.
 */
export async function sendNotice(
  db: Db,
  ctx: AppContext,
  n: NewNotification,
  /** The email side is another message's (a request's email to its contacts, which honours the same choice). */
  options: { emailElsewhere?: boolean } = {},
): Promise<boolean> {
  const topic = topicOfKind(n.kind)
  const channel = topic ? ((await channelsFor(db, [n.userId], topic)).get(n.userId) ?? 'app') : 'app'
  let sent = false
  if (reachesApp(channel)) {
    const row = await db
      .insertInto('notifications')
      .values({
        user_id: n.userId,
        kind: n.kind,
        params: JSON.stringify(n.params),
        link: n.link,
        dedupe_key: n.dedupeKey,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (row) {
      sent = true
      await ctx.events.publish(NOTICE_TOPIC, { userId: n.userId, id: Number(row.id) })
    }
  }
  if (reachesEmail(channel) && !options.emailElsewhere) sent = (await enqueueNoticeEmail(db, ctx, n)) || sent
  return sent
}

/** The notice as an email to the user's address, in their language, with a link to the thing. */
async function enqueueNoticeEmail(db: Db, ctx: AppContext, n: NewNotification): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select(['email', 'locale', 'display_name'])
    .where('id', '=', n.userId)
    .where('disabled', '=', false)
    .executeTakeFirst()
  if (!user) return false
  const locale = emailLocaleOf(user.locale)
  const text = notificationText(n, locale)
  const link = n.link ? `${ctx.config.publicUrl}${n.link}` : ctx.config.publicUrl
  const open = locale === 'it' ? 'Apri in Tramite' : 'Open in Tramite'
  const greeting = locale === 'it' ? `Ciao ${user.display_name},` : `Hello ${user.display_name},`
  const footer =
    locale === 'it'
      ? 'Scegli dove ricevere questi avvisi in Tramite, Avvisi → Preferenze.'
      : 'Choose where these notices reach you in Tramite, Notifications → Preferences.'
  const now = ctx.now()
  const inserted = await db
    .insertInto('email_outbox')
    .values({
      dedupe_key: `notice:${n.dedupeKey}`,
      request_id: null,
      to_address: user.email,
      locale,
      subject: `[Tramite] ${text}`,
      body_text: `${greeting}\n\n${text}\n\n${open}: ${link}\n\n${footer}\n`,
      body_html: `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p><p style="color:#616161">${escapeHtml(footer)}</p>`,
      thread_id: null,
      next_attempt_at: now,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}
