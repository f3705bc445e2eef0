import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../../src/app.ts'
import type { EmailReport } from '../../src/email/email.delivery.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { runSlaJob } from '../../src/service-requests/sla.jobs.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { userIdOf } from '../support/directory.ts'
import { fileRequest } from '../support/requests.ts'
import { startInbox, type TestInbox } from './smtp-inbox.ts'

const ANNA = 'anna@fabrikam.example'
const ENGINEER = 'engineer@contoso.example'
const HOUR = 3_600_000

/** Sends until nothing is due. */
async function drain(t: TestApp): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const report = (await t.runTask('email')) as EmailReport
    if (report.sent + report.failed + report.retried === 0) return
  }
}

describe.each(dialects())(
  'R14: the desk is emailed when a first-response target is missed (%s)',
  (dialect) => {
    let t: TestApp
    let inbox: TestInbox
    let anna: string
    let engineer: string
    beforeAll(async () => {
      inbox = await startInbox()
      t = await startTestApp(dialect, { SMTP_URL: inbox.url, PUBLIC_URL: 'https://tramite.example' })
      anna = await t.tokenFor(ANNA)
      engineer = await t.tokenFor(ENGINEER)
    })
    afterAll(async () => {
      await t?.close()
      await inbox?.stop()
    })

    const setEngineerLocale = (locale: string | null) =>
      t.db.db.updateTable('users').set({ locale }).where('email', '=', ENGINEER).execute()

    it('when an unassigned request misses its target while several instances look, then the engineer gets one email in English over SMTP, and the contact none', async () => {
      await setEngineerLocale('en-US')
      const { id, title } = await fileRequest(t, anna, {
        severity: 'critical',
        contact: { phone: '+39 02 1234' },
      })
      // emails about the filing itself go first, so what follows is the breach's alone
      await drain(t)
      const before = inbox.about(id).length

      const second = dialect === 'postgres' ? await openDatabase({ kind: 'postgres', url: t.db.url! }) : null
      const other = second ? createContext(t.config, second, () => t.ctx.now()) : t.ctx
      t.clock.offsetMs = 2 * HOUR + 60_000
      try {
        await Promise.all([runSlaJob(t.ctx), runSlaJob(other), runSlaJob(t.ctx)])
        await runSlaJob(other)
        // the outbox works on the application's clock too
        await drain(t)
      } finally {
        t.clock.offsetMs = 0
        if (second) {
          await other.events.close()
          await other.authCache.close()
          await second.close()
        }
      }

      const mails = inbox.about(id).slice(before)
      expect(mails).toHaveLength(1)
      const mail = mails[0]!
      expect(mail.to).toMatchObject({ value: [{ address: ENGINEER }] })
      expect(mail.subject).toBe(`[Tramite ${id}] ${title} — First-response target missed`)
      expect(mail.text).toContain('passed its first-response target (R14) without a response')
      expect(mail.text).toContain('Nobody is assigned to it yet')
      expect(mail.text).toContain('Customer: Rossi Costruzioni S.p.A.')
      expect(mail.text).toContain('Requester: Fabrikam')
      expect(mail.text).toContain('Severity: Critical')
      expect(mail.text).toContain(`https://tramite.example/service-requests/${id}`)
      expect(mail.html).toContain('<html lang="en">')
      expect(mail.inReplyTo).toBe(`<request-${id}@tramite.example>`)
      const rows = await t.db.db
        .selectFrom('email_outbox')
        .select(['to_address', 'status'])
        .where('request_id', '=', id)
        .where('to_address', '=', ENGINEER)
        .execute()
      expect(rows).toEqual([{ to_address: ENGINEER, status: 'sent' }])
      // the breach is the desk's business: anna, the contact, hears nothing of it
      expect(mails.some((m) => JSON.stringify(m.to).includes(ANNA))).toBe(false)
    })

    it('when a request assigned to an engineer who reads Italian misses its target, then the email is in Italian and says it is theirs', async () => {
      await setEngineerLocale('it-IT')
      try {
        const { id } = await fileRequest(t, anna, { severity: 'minimal', title: 'Licenze non assegnate' })
        const current = await t.request('GET', `/api/service-requests/${id}`, { token: engineer })
        const assigned = await t.request('PATCH', `/api/service-requests/${id}`, {
          token: engineer,
          headers: { 'if-match': String(current.headers.etag) },
          body: { assignedTo: await engineerId() },
        })
        expect(assigned.status, assigned.body).toBe(200)
        await drain(t)
        const before = inbox.about(id).length

        t.clock.offsetMs = 8 * HOUR + 60_000
        try {
          await t.runTask('sla')
          await drain(t)
        } finally {
          t.clock.offsetMs = 0
        }
        const mails = inbox.about(id).slice(before)
        expect(mails).toHaveLength(1)
        expect(mails[0]!.to).toMatchObject({ value: [{ address: ENGINEER }] })
        expect(mails[0]!.subject).toBe(
          `[Tramite ${id}] Licenze non assegnate — Tempo di prima risposta superato`,
        )
        expect(mails[0]!.text).toContain('È assegnata a te')
        expect(mails[0]!.text).toContain('Gravità: Minima')
        expect(mails[0]!.html).toContain('<html lang="it">')
      } finally {
        await setEngineerLocale(null)
      }
    })

    it('when the engineer chose in-app notices only for missed targets, then the breach raises a notice and sends no email; by default one email in all (no notice email besides)', async () => {
      const toEngineer = (id: string) =>
        inbox.messages.filter(
          (m) => JSON.stringify(m.to).includes(ENGINEER) && `${m.subject} ${m.text}`.includes(id),
        )
      const breach = async (id: string) => {
        await drain(t)
        const before = toEngineer(id).length
        t.clock.offsetMs = 2 * HOUR + 60_000
        try {
          await t.runTask('sla')
          await drain(t)
        } finally {
          t.clock.offsetMs = 0
        }
        return toEngineer(id).slice(before)
      }
      const me = await engineerId()
      const notices = (id: string) =>
        t.db.db
          .selectFrom('notifications')
          .select('id')
          .where('user_id', '=', me)
          .where('kind', '=', 'service_request.sla_breached')
          .where('link', '=', `/service-requests/${id}`)
          .execute()

      const first = await fileRequest(t, anna, { severity: 'critical' })
      const byDefault = await breach(first.id)
      expect(byDefault.map((m) => m.subject)).toEqual([
        `[Tramite ${first.id}] ${first.title} — First-response target missed`,
      ])
      expect(await notices(first.id)).toHaveLength(1)

      await t.db.db
        .insertInto('notification_preferences')
        .values({ user_id: me, topic: 'sla_breached', channel: 'app' })
        .execute()
      try {
        const second = await fileRequest(t, anna, { severity: 'critical' })
        expect(await breach(second.id)).toEqual([])
        expect(await notices(second.id)).toHaveLength(1)
      } finally {
        await t.db.db.deleteFrom('notification_preferences').where('user_id', '=', me).execute()
      }
    })

    const engineerId = () => userIdOf(t, ENGINEER)
  },
)
