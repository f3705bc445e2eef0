import { sql } from 'kysely'
import { loadConfig, type Config } from '../config/config.ts'
import { publishIncident, updateIncidentAsEngineer } from '../health/health.service.ts'
import { actorFor, type Actor } from '../identity/actor.ts'
import { findUserByEmail } from '../identity/users.data.ts'
import { TokenService } from '../identity/tokens.ts'
import { noAuthCache } from '../identity/auth-cache.ts'
import type { AppContext } from '../platform/context.ts'
import type { Db } from '../platform/db/database.ts'
import { localEventBus } from '../platform/events.ts'
import { createMetricsRegistry } from '../platform/http/metrics.ts'
import {
  addNoteAsActor,
  createServiceRequest,
  setStatusAsActor,
  updateRequestAsActor,
} from '../service-requests/service-requests.service.ts'
import { tenantIdOf } from './world.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * What the demo world has been doing before it is opened (docs/daily-loop.md, "The demo world's
 * day"): anna's requests at Rossi in each state, the engineer's work on them, an Exchange incident
 * affecting Rossi now and a Teams incident resolved three days ago. Made through the same service
 * functions as the portal's, with the clock set back to each moment, so the requests' events, the
 * notices and the audit trail agree; the titles are fixed (acceptance checks and tests use them).
 */
export const DEMO_REQUESTS = {
  /** The engineer asked anna for information: waits on the partner. */
  waitingOnPartner: 'Cassetta postale condivisa non visibile ai nuovi utenti',
  /** Filed 3 h 15 min ago, moderate (4 h target), no answer yet: at risk of missing first response. */
  atRisk: 'La sincronizzazione di OneDrive si blocca su alcuni PC',
  /** Answered by the engineer, closed by anna four days ago. */
  closed: 'Licenze non assegnate dopo il rinnovo',
  /** anna answered the engineer's question 50 minutes ago: waits on the engineer (his unread notice). */
  answeredByPartner: 'Richiesta MFA a ogni accesso da Outlook',
} as const

export const DEMO_INCIDENTS = {
  /** Exchange Online, affecting Rossi, not resolved. */
  active: 'Delays sending mail to external recipients',
  /** Microsoft Teams, affecting Rossi and Tailspin, service restored three days ago. */
  resolved: "Some users can't join Teams meetings from the desktop client",
} as const

/** The moment a step happens, relative to the seed's `now`. */
type Clock = { at(offset: number): void; now(): Date }

function clockFrom(now: Date): Clock {
  let current = now
  return {
    at(offset) {
      current = new Date(now.getTime() - offset)
    },
    now: () => current,
  }
}

async function actorByEmail(ctx: AppContext, email: string): Promise<Actor> {
  const user = await findUserByEmail(ctx.db, email)
  if (!user) throw new Error(`demo user ${email} missing`)
  return actorFor(user, 'session')
}

/**
 * Plays the demo world's recent past through the services. Called once, right after the world
 * itself is created. Mail that this past would have sent is not queued (its addresses are not real
 * mailboxes, and it would all leave at once when the server starts); the in-app notices stay, with
 * the time they were sent, and those the person has acted on since are read.
 */
export async function seedDemoActivity(db: Db, now: Date, config: Config = loadConfig({})): Promise<void> {
  const clock = clockFrom(now)
  const ctx: AppContext = {
    config,
    db,
    // read only by the audit seal, which the seed never runs
    dbKind: 'pglite',
    tokens: new TokenService(db, { lifetimeSeconds: 3600, authorityUrl: config.authorityUrl }),
    // nobody listens while the world is made: its events are history, not news
    events: localEventBus(),
    metrics: createMetricsRegistry(),
    // the seed authenticates nobody by cookie
    authCache: noAuthCache(),
    now: clock.now,
  }
  const anna = await actorByEmail(ctx, 'anna@fabrikam.example')
  const engineer = await actorByEmail(ctx, 'engineer@contoso.example')
  const rossi = tenantIdOf('rossi.example')
  const outboxBefore = await lastId(ctx, 'email_outbox')
  // the last notice dated so far: each step's dating answers the ids it dated, so none is read again
  let noticesBefore = await lastId(ctx, 'notifications')

  /** Runs a step at `offset` before now; the notices it sent get that time. */
  const step = async <T>(offset: number, run: () => Promise<T>): Promise<T> => {
    clock.at(offset)
    const result = await run()
    // (created_at is never updated by the app; the seed dates its own history once)
    const dated = await sql<{ id: number }>`update notifications set created_at = ${clock.now()}
      where id > ${noticesBefore} returning id::int as id`.execute(ctx.db)
    noticesBefore = Math.max(noticesBefore, ...dated.rows.map((row) => row.id))
    return result
  }
  const file = (
    title: string,
    supportTopicId: string,
    severity: 'moderate' | 'minimal',
    description: string,
  ) =>
    createServiceRequest(
      ctx,
      anna,
      { customerTenantId: rossi, workload: 'office365', supportTopicId, title, description, severity },
      'it',
    )

  // closed: answered by the engineer, closed by anna
  const closed = await step(5 * DAY, () =>
    file(
      DEMO_REQUESTS.closed,
      'o365.licensing',
      'minimal',
      'Dopo il rinnovo di Microsoft 365, dodici utenti di Rossi Costruzioni risultano senza licenza.',
    ),
  )
  await step(5 * DAY - HOUR, () =>
    updateRequestAsActor(ctx, engineer, closed.id, { assignedTo: engineer.userId }),
  )
  await step(5 * DAY - 2 * HOUR, () =>
    addNoteAsActor(
      ctx,
      engineer,
      closed.id,
      'Le licenze sono state riassegnate: il rinnovo aveva creato una nuova sottoscrizione. Gli utenti possono accedere di nuovo.',
    ),
  )
  await step(4 * DAY, () => setStatusAsActor(ctx, anna, closed.id, 'closed'))

  // resolved incident: Teams, Rossi and Tailspin
  const resolved = await step(3 * DAY, () =>
    publishIncident(ctx, engineer, {
      title: DEMO_INCIDENTS.resolved,
      classification: 'incident',
      status: 'investigating',
      serviceIds: ['microsoftteams'],
      tenantIds: [rossi, tenantIdOf('tailspin.example')],
      impactDescription: 'Users may be unable to join Teams meetings from the desktop client.',
      message: "We're investigating reports that users can't join meetings from the Teams desktop client.",
    }),
  )
  await step(3 * DAY - 5 * HOUR, () =>
    updateIncidentAsEngineer(ctx, engineer, resolved.id, undefined, {
      status: 'serviceRestored',
      message: "We've deployed a fix and confirmed that users can join meetings again.",
    }),
  )

  // answered by the partner: the engineer asked, anna answered 50 minutes ago
  const answered = await step(2 * DAY, () =>
    file(
      DEMO_REQUESTS.answeredByPartner,
      'o365.signin',
      'moderate',
      'Da ieri Outlook chiede la verifica MFA a ogni avvio a tutti gli utenti dell’ufficio di Torino.',
    ),
  )
  await step(2 * DAY - 30 * MINUTE, () =>
    updateRequestAsActor(ctx, engineer, answered.id, { assignedTo: engineer.userId }),
  )
  await step(2 * DAY - HOUR, () =>
    addNoteAsActor(
      ctx,
      engineer,
      answered.id,
      'Potete indicarci la versione di Outlook e se i PC sono registrati in Entra ID?',
      undefined,
      { requestInformation: true },
    ),
  )
  await step(50 * MINUTE, () =>
    addNoteAsActor(
      ctx,
      anna,
      answered.id,
      'Outlook versione 2410 (Microsoft 365 Apps), PC registrati in Entra ID con Intune.',
    ),
  )

  // waiting on the partner: the engineer asked anna yesterday
  const waiting = await step(26 * HOUR, () =>
    file(
      DEMO_REQUESTS.waitingOnPartner,
      'o365.exchange',
      'moderate',
      'La cassetta postale condivisa "ufficio.tecnico" non compare in Outlook per i tre utenti creati questa settimana.',
    ),
  )
  await step(25 * HOUR, () =>
    updateRequestAsActor(ctx, engineer, waiting.id, { assignedTo: engineer.userId }),
  )
  await step(24 * HOUR, () =>
    addNoteAsActor(
      ctx,
      engineer,
      waiting.id,
      'Potete inviarci l’output di Get-MailboxPermission per la cassetta condivisa e l’indirizzo di uno dei nuovi utenti?',
      undefined,
      { requestInformation: true },
    ),
  )

  // active incident: Exchange Online, Rossi
  await step(90 * MINUTE, () =>
    publishIncident(ctx, engineer, {
      title: DEMO_INCIDENTS.active,
      classification: 'incident',
      status: 'serviceDegradation',
      serviceIds: ['Exchange'],
      tenantIds: [rossi],
      startAt: new Date(now.getTime() - 2 * HOUR),
      impactDescription: 'Mail sent to external recipients may be delayed by up to an hour.',
      message: "We're investigating delays affecting mail sent to recipients outside the organization.",
    }),
  )

  // at risk: filed 3 h 15 min ago, moderate (first response within 4 h), nobody has answered
  await step(3 * HOUR + 15 * MINUTE, () =>
    file(
      DEMO_REQUESTS.atRisk,
      'o365.sharepoint',
      'moderate',
      'Su cinque PC del cantiere di Milano il client di OneDrive resta fermo su "Elaborazione modifiche".',
    ),
  )

  // what each person has seen since: the closed request's and the resolved incident's notices
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: new Date(now.getTime() - 3 * DAY) })
    .where('read_at', 'is', null)
    .where(({ or, eb }) =>
      or([
        eb('link', '=', `/service-requests/${closed.id}`),
        eb('link', '=', `/health/incidents/${resolved.id}`),
      ]),
    )
    .execute()
  await ctx.db.deleteFrom('email_outbox').where('id', '>', outboxBefore).execute()
}

async function lastId(ctx: AppContext, table: 'notifications' | 'email_outbox'): Promise<number> {
  const row = await ctx.db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(id), 0)::int`.as('id'))
    .executeTakeFirstOrThrow()
  return row.id
}
