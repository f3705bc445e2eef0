import type { Kysely } from 'kysely'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import { type NotificationTopic, reachesEmail } from '../notifications/notification-topics.ts'
import { channelsFor, channelsForAddresses } from '../notifications/preferences.data.ts'
import type { RequestEvent } from '../service-requests/request-events.ts'
import { type EmailKind, emailLocaleOf, renderRequestEmail, renderSlaBreachEmail } from './email.templates.ts'

/** The host that names Tramite's messages and threads (Message-ID, In-Reply-To). */
export function mailHostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost'
  } catch {
    return 'localhost'
  }
}

/** Every email about one request carries this in In-Reply-To and References: mail clients thread them. */
export const threadIdOf = (requestId: string, host: string) => `<request-${requestId}@${host}>`

/** An address nodemailer can put in an envelope as it is (no display name, no separators). */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/

/**
 * Who hears of a change: the request's contact and, for Azure tickets, the ticket's contact
 * addresses — each once (case-insensitively), and never the person who made the change.
 */
export function recipientsOf(event: {
  request: Pick<RequestEvent['request'], 'contact' | 'armContact'>
  actor: Pick<RequestEvent['actor'], 'userId' | 'email'>
}): string[] {
  const { request, actor } = event
  const actorEmail = actor.email?.toLowerCase() ?? null
  const candidates: string[] = []
  if (!(actor.userId && request.contact.userId === actor.userId)) candidates.push(request.contact.email)
  if (request.armContact) {
    candidates.push(
      request.armContact.primaryEmailAddress,
      ...(request.armContact.additionalEmailAddresses ?? []),
    )
  }
  const seen = new Set<string>()
  const recipients: string[] = []
  for (const raw of candidates) {
    const address = raw?.trim()
    if (!address || !ADDRESS.test(address)) continue
    const key = address.toLowerCase()
    if (key === actorEmail || seen.has(key)) continue
    seen.add(key)
    recipients.push(address)
  }
  return recipients
}

/**
 * What the email of an event says, or null when the event is not emailed (assignment, external
 * reference, SLA breach: the desk's business, not the contact's).
 */
async function emailKindOf(trx: Kysely<Database>, event: RequestEvent): Promise<EmailKind | null> {
  const { request } = event
  switch (event.type) {
    case 'service_request.created':
      return 'created'
    case 'service_request.note_added': {
      if (!event.note) return null
      // an internal note never leaves the desk, whatever the event says
      const note = await trx
        .selectFrom('service_request_notes')
        .select('visibility')
        .where('id', '=', event.note.id)
        .where('request_id', '=', request.id)
        .executeTakeFirst()
      if (note?.visibility !== 'public') return null
      // a note that leaves the request waiting on its contacts asks them something
      return request.status === 'attention_needed' ? 'information_requested' : 'note'
    }
    case 'service_request.status_changed': {
      // A note that moved the status (asking for information, answering) is one email: the
      // note's, which already says what the request now waits for.
      if (await publicNoteInSameChange(trx, event)) return null
      if (request.status === 'attention_needed') return 'information_requested'
      if (request.status === 'closed') return 'closed'
      return event.previous?.status === 'closed' ? 'reopened' : 'open_again'
    }
    case 'service_request.severity_changed':
      return event.previous?.severity && event.previous.severity !== request.severity
        ? 'severity_changed'
        : null
    case 'service_request.attachment_added':
      return event.attachment ? 'attachment' : null
    default:
      return null
  }
}

/**
 * A public note the same actor added to the request during this change: a change reads the
 * clock once before it starts (`event.at`) and writes its note after, so an earlier note is older.
 */
export async function publicNoteInSameChange(trx: Kysely<Database>, event: RequestEvent): Promise<boolean> {
  let query = trx
    .selectFrom('service_request_notes')
    .select('id')
    .where('request_id', '=', event.request.id)
    .where('visibility', '=', 'public')
    .where('created_at', '>=', event.at)
  if (event.actor.userId) query = query.where('author_user_id', '=', event.actor.userId)
  return (await query.limit(1).executeTakeFirst()) !== undefined
}

/** The notice topic whose preference governs an email kind (the others are the request's own record). */
const EMAIL_TOPICS: Partial<Record<EmailKind, NotificationTopic>> = {
  information_requested: 'information_requested',
  note: 'answer',
  closed: 'request_lifecycle',
  reopened: 'request_lifecycle',
  open_again: 'request_lifecycle',
}

/** The recipients minus the Tramite users who chose not to hear of this kind by email. */
async function withoutOptedOut(db: Kysely<Database>, recipients: string[], kind: EmailKind) {
  const topic = EMAIL_TOPICS[kind]
  if (!topic || recipients.length === 0) return recipients
  const channels = await channelsForAddresses(db, recipients, topic)
  return recipients.filter((to) => {
    const channel = channels.get(to.toLowerCase())
    return channel === undefined || reachesEmail(channel)
  })
}

/**
 * Puts the emails a public request event owes its contacts into the outbox, in the transaction
 * of the change: one row per event and recipient, keyed so that recording the same event again
 * adds nothing. The sender (email.delivery.ts) takes them from there.
 */
export async function enqueueRequestEmails(
  trx: Kysely<Database>,
  ctx: AppContext,
  event: RequestEvent,
): Promise<void> {
  if (event.type === 'service_request.sla_breached') return enqueueSlaBreachEmails(trx, ctx, event)
  if (event.visibility !== 'public') return
  const kind = await emailKindOf(trx, event)
  if (!kind) return
  const recipients = await withoutOptedOut(trx, recipientsOf(event), kind)
  if (recipients.length === 0) return

  const { request, actor } = event
  const organization = actor.tenantId
    ? ((
        await trx
          .selectFrom('tenants')
          .select('display_name')
          .where('id', '=', actor.tenantId)
          .executeTakeFirst()
      )?.display_name ?? null)
    : null
  const locale = emailLocaleOf(request.locale)
  const content = renderRequestEmail({
    kind,
    locale,
    request,
    actor: { name: actor.name, organization },
    link: `${ctx.config.publicUrl}/service-requests/${encodeURIComponent(request.id)}`,
    note: event.note?.text,
    attachment: event.attachment,
    previousSeverity: event.previous?.severity,
  })
  const threadId = threadIdOf(request.id, mailHostOf(ctx.config.publicUrl))
  const now = ctx.now()
  await trx
    .insertInto('email_outbox')
    .values(
      recipients.map((to) => ({
        dedupe_key: `${event.id}:${to.toLowerCase()}`,
        request_id: request.id,
        to_address: to,
        locale,
        subject: content.subject,
        body_text: content.text,
        body_html: content.html,
        thread_id: threadId,
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}

/**
 * A missed first-response target (R14) is the desk's business: the request's assignee hears of it
 * by email, or — unassigned, or the assignee gone — every support engineer, each in their own
 * language. The event's id is the breach's (one per request), so the outbox's dedupe key makes it
 * one email per breach and engineer however many instances or retries record it.
 */
async function enqueueSlaBreachEmails(
  trx: Kysely<Database>,
  ctx: AppContext,
  event: RequestEvent,
): Promise<void> {
  const { request } = event
  const engineers = trx
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.id', 'u.email', 'u.locale', 't.locale as tenantLocale'])
    .where('ur.role', '=', 'support_engineer')
    .where('t.kind', '=', 'vendor')
    .where('u.disabled', '=', false)
    .orderBy('u.email')
  const assignee = request.assignedToUserId
    ? await engineers.where('u.id', '=', request.assignedToUserId).execute()
    : []
  const candidates = assignee.length > 0 ? assignee : await engineers.execute()
  // each engineer's choice for this topic (app, email, both, none) decides whether they are emailed
  const channels = await channelsFor(
    trx,
    candidates.map((e) => e.id),
    'sla_breached',
  )
  const recipients = candidates.filter((e) => reachesEmail(channels.get(e.id) ?? 'both'))
  if (recipients.length === 0) return
  const threadId = threadIdOf(request.id, mailHostOf(ctx.config.publicUrl))
  const link = `${ctx.config.publicUrl}/service-requests/${encodeURIComponent(request.id)}`
  const now = ctx.now()
  const rows = recipients
    .filter((engineer) => ADDRESS.test(engineer.email))
    .map((engineer) => {
      const locale = emailLocaleOf(engineer.locale ?? engineer.tenantLocale)
      const content = renderSlaBreachEmail({
        locale,
        request,
        requester: request.createdByTenantName,
        dueAt: request.firstResponseDueAt ?? event.at,
        assigned: assignee.length > 0,
        link,
      })
      return {
        dedupe_key: `${event.id}:${engineer.email.toLowerCase()}`,
        request_id: request.id,
        to_address: engineer.email,
        locale,
        subject: content.subject,
        body_text: content.text,
        body_html: content.html,
        thread_id: threadId,
        next_attempt_at: now,
        created_at: now,
      }
    })
  if (rows.length === 0) return
  await trx
    .insertInto('email_outbox')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}
