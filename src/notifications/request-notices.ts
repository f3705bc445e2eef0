import type { AppContext } from '../platform/context.ts'
import type { Db } from '../platform/db/database.ts'
import { partnerRoleHolders } from '../directory/partner-roles.ts'
import { publicNoteInSameChange } from '../email/email.events.ts'
import type { RequestEvent } from '../service-requests/request-events.ts'
import type { NoticeKind } from './notification-topics.ts'
import { sendNotice } from './notices.ts'

/**
 * The people a request event concerns, told in the app (and by email when they chose it):
 * information requested from the requester, an answer to either side, a customer's new request to
 * its partner's admin agents, a request closed or reopened. Never the person who made the change.
 */
export async function sendRequestNotices(db: Db, ctx: AppContext, event: RequestEvent): Promise<void> {
  if (event.visibility !== 'public') return
  const { request, actor } = event
  const requesterSide = unique([request.contact.userId ?? null, request.createdByUserId])
  const responderSide = unique([request.assignedToUserId])
  const byResponder =
    request.handledBy === 'vendor' ? actor.side === 'vendor' : actor.tenantId === request.partnerTenantId

  const notices: { kind: NoticeKind; to: string[] }[] = []
  switch (event.type) {
    case 'service_request.created':
      if (filingNoticesPartner(request))
        notices.push({
          kind: 'service_request.customer_request',
          to: await partnerRoleHolders(db, request.partnerTenantId, 'admin_agent'),
        })
      break
    case 'service_request.note_added':
      if (byResponder)
        notices.push({
          kind:
            request.status === 'attention_needed'
              ? 'service_request.information_requested'
              : 'service_request.answered',
          to: requesterSide,
        })
      else notices.push({ kind: 'service_request.answered', to: responderSide })
      break
    case 'service_request.status_changed': {
      // a note that moved the status is one notice: the note's
      if (await publicNoteInSameChange(db, event)) break
      const to = unique([...requesterSide, ...responderSide])
      if (request.status === 'attention_needed')
        notices.push({ kind: 'service_request.information_requested', to: requesterSide })
      else if (request.status === 'closed') notices.push({ kind: 'service_request.closed', to })
      else if (event.previous?.status === 'closed') notices.push({ kind: 'service_request.reopened', to })
      break
    }
    default:
      break
  }

  const params = {
    request: request.id,
    title: request.title,
    by: actor.name,
    customer: request.tenantName,
    severity: request.severity,
  }
  for (const notice of notices) {
    for (const userId of notice.to) {
      if (userId === actor.userId) continue
      await sendNotice(
        db,
        ctx,
        {
          userId,
          kind: notice.kind,
          params,
          link: `/service-requests/${request.id}`,
          dedupeKey: `${notice.kind}:${event.id}:${userId}`,
        },
        // the contact's email is the request's own message to its contacts (email.events.ts)
        { emailElsewhere: userId === request.contact.userId },
      )
    }
  }
}

/** A new request handled by a partner is announced to the partner's admin agents. */
export const filingNoticesPartner = (
  request: Pick<RequestEvent['request'], 'handledBy' | 'partnerTenantId'>,
): request is typeof request & { partnerTenantId: string } =>
  request.handledBy === 'partner' && request.partnerTenantId !== null

const unique = (ids: (string | null | undefined)[]): string[] => [
  ...new Set(ids.filter((id): id is string => Boolean(id))),
]
