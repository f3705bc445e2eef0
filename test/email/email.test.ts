import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../../src/app.ts'
import type { EmailReport } from '../../src/email/email.delivery.ts'
import { createEmailTask } from '../../src/email/email.delivery.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { recordRequestEvent, requestEventId } from '../../src/service-requests/request-events.ts'
import { findServiceRequest } from '../../src/service-requests/service-requests.data.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { userIdOf } from '../support/directory.ts'
import { startInbox, type TestInbox } from './smtp-inbox.ts'

const ROSSI = tenantIdOf('rossi.example')
const ANNA = 'anna@fabrikam.example'
const HUGO = 'hugo@fabrikam.example'
const ENGINEER = 'engineer@contoso.example'

/** What the people of the demo world do, over the portal API. */
function desk(t: TestApp) {
  const tokens = new Map<string, string>()
  const as = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await t.tokenFor(email))
    return tokens.get(email)!
  }
  return {
    async file(extra: Record<string, unknown> = {}, language = 'it-IT'): Promise<string> {
      const res = await t.request('POST', '/api/service-requests', {
        token: await as(ANNA),
        headers: { 'accept-language': language },
        body: {
          customerTenantId: ROSSI,
          workload: 'office365',
          supportTopicId: 'o365.teams',
          title: 'Le chiamate Teams cadono',
          description: 'Le chiamate cadono dopo due minuti per tutti gli utenti.',
          severity: 'moderate',
          ...extra,
        },
      })
      expect(res.status, res.body).toBe(201)
      return res.json().id as string
    },
    async note(email: string, id: string, body: Record<string, unknown>) {
      const res = await t.request('POST', `/api/service-requests/${id}/notes`, {
        token: await as(email),
        body,
      })
      expect(res.status, res.body).toBe(200)
      return res.json()
    },
    async patch(email: string, id: string, body: Record<string, unknown>) {
      const token = await as(email)
      const current = await t.request('GET', `/api/service-requests/${id}`, { token })
      const res = await t.request('PATCH', `/api/service-requests/${id}`, {
        token,
        headers: { 'if-match': current.headers.etag as string },
        body,
      })
      expect(res.status, res.body).toBe(200)
      return res.json()
    },
    async post(email: string, id: string, action: 'close' | 'reopen') {
      // reopening says why (the reason shows on the request's timeline)
      const body = action === 'reopen' ? { reason: 'The problem is back' } : undefined
      const res = await t.request('POST', `/api/service-requests/${id}/${action}`, {
        token: await as(email),
        ...(body ? { body } : {}),
      })
      expect(res.status, res.body).toBe(200)
    },
  }
}

const outboxOf = (t: TestApp, requestId: string) =>
  t.db.db.selectFrom('email_outbox').selectAll().where('request_id', '=', requestId).orderBy('id').execute()

const userId = userIdOf

const runEmail = (t: TestApp) => t.runTask('email') as Promise<EmailReport>

/** Sends until nothing is due (several runs when more than a batch waits). */
async function drain(t: TestApp): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const report = await runEmail(t)
    if (report.sent + report.failed + report.retried === 0) return
  }
}

describe.each(dialects())('email over SMTP (%s)', (dialect) => {
  let t: TestApp
  let inbox: TestInbox
  let people: ReturnType<typeof desk>
  beforeAll(async () => {
    inbox = await startInbox()
    t = await startTestApp(dialect, { SMTP_URL: inbox.url, PUBLIC_URL: 'https://tramite.example' })
    people = desk(t)
  })
  afterAll(async () => {
    await t?.close()
    await inbox?.stop()
  })

  it('when the engineer asks anna for information on her request for Rossi, then anna receives one email in Italian through the SMTP server', async () => {
    const id = await people.file()
    const answered = await people.note(ENGINEER, id, {
      text: 'Quale versione del client Teams usate?',
      requestInformation: true,
    })
    expect(answered.status).toBe('attention_needed')

    const report = await runEmail(t)
    expect(report).toMatchObject({ sent: 1, failed: 0, retried: 0 })
    const mails = inbox.about(id)
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.to).toMatchObject({ value: [{ address: ANNA }] })
    expect(mail.from).toMatchObject({ value: [{ address: 'no-reply@localhost', name: 'Tramite' }] })
    expect(mail.subject).toBe(`[Tramite ${id}] Le chiamate Teams cadono — Richiesta di informazioni`)
    expect(mail.text).toContain('Sam Rivera (Contoso Cloud) ha bisogno di altre informazioni')
    expect(mail.text).toContain('> Quale versione del client Teams usate?')
    expect(mail.text).toContain('Rispondi aggiungendo una nota alla richiesta')
    expect(mail.text).toContain('Stato: Richiede attenzione (attende una tua risposta)')
    expect(mail.text).toContain('Gravità: Moderata')
    expect(mail.text).toContain(`https://tramite.example/service-requests/${id}`)
    expect(mail.text).toContain('Ricevi questa email perché il tuo indirizzo è tra i contatti')
    expect(mail.html).toContain('<html lang="it">')
    expect(mail.html).toContain(`href="https://tramite.example/service-requests/${id}"`)
    expect(mail.html).toContain('Quale versione del client Teams usate?')
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated')

    // threaded on the request, with the Message-ID the outbox recorded
    expect(mail.inReplyTo).toBe(`<request-${id}@tramite.example>`)
    expect(mail.references).toBe(`<request-${id}@tramite.example>`)
    const [row] = await outboxOf(t, id)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, locale: 'it', locked_until: null })
    expect(row!.sent_at).toBeInstanceOf(Date)
    expect(mail.messageId).toBe(`<${row!.id}.${id}@tramite.example>`)
    expect(row!.message_id).toBe(mail.messageId)

    // nothing more to send
    expect(await runEmail(t)).toMatchObject({ sent: 0, failed: 0, retried: 0 })
    expect(inbox.about(id)).toHaveLength(1)
  })

  it('when the SMTP server is down, then the email waits in the outbox and is delivered exactly once when it is back', async () => {
    const id = await people.file()
    await inbox.stop()
    await people.note(ENGINEER, id, { text: 'Potete inviarci i log del client?', requestInformation: true })

    const down = await runEmail(t)
    expect(down).toMatchObject({ sent: 0, failed: 0, retried: 1 })
    const [waiting] = await outboxOf(t, id)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, locked_until: null, message_id: null })
    expect(waiting!.last_error).toMatch(/ECONNREFUSED/)
    const delay = waiting!.next_attempt_at.getTime() - t.ctx.now().getTime()
    expect(delay).toBeGreaterThan(25_000)
    expect(delay).toBeLessThanOrEqual(30_000)
    const metrics = (await t.request('GET', '/metrics')).body
    expect(metrics).toMatch(/tramite_email_outbox\{status="pending"\} [1-9]/)
    expect(metrics).toMatch(/tramite_email_failures_total [1-9]/)

    await inbox.start()
    // back, but the retry is not due yet
    expect(await runEmail(t)).toMatchObject({ sent: 0, retried: 0 })
    expect(inbox.about(id)).toHaveLength(0)

    t.clock.offsetMs += 31_000
    expect(await runEmail(t)).toMatchObject({ sent: 1, failed: 0, retried: 0 })
    t.clock.offsetMs += 60 * 60_000
    expect(await runEmail(t)).toMatchObject({ sent: 0 })
    const mails = inbox.about(id)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('Richiesta di informazioni')
    expect(mails[0]!.text).toContain('Potete inviarci i log del client?')
    const [sent] = await outboxOf(t, id)
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 })
    expect((await t.request('GET', '/metrics')).body).toMatch(/tramite_emails_sent_total [1-9]/)
  })

  it('when the same event is recorded twice, then its contact gets one email', async () => {
    const id = await people.file()
    const after = await people.note(ENGINEER, id, { text: 'Stiamo verificando.' })
    const note = after.notes.find((n: { text: string }) => n.text === 'Stiamo verificando.')
    const request = (await findServiceRequest(t.ctx.db, id))!
    const event = {
      id: requestEventId('service_request.note_added', id, `note-${note.id}`),
      type: 'service_request.note_added' as const,
      at: t.ctx.now(),
      request,
      actor: {
        userId: await userId(t, ENGINEER),
        email: ENGINEER,
        name: 'Sam Rivera',
        tenantId: tenantIdOf('contoso.example'),
        side: 'vendor' as const,
      },
      visibility: 'public' as const,
      note: { id: note.id as number, text: 'Stiamo verificando.' },
    }
    for (let i = 0; i < 2; i++) {
      await t.ctx.db.transaction().execute((trx) => recordRequestEvent(trx, t.ctx, event))
    }

    expect(await outboxOf(t, id)).toHaveLength(1)
    await drain(t)
    const mails = inbox.about(id)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe(`[Tramite ${id}] Le chiamate Teams cadono — Nuova nota`)
  })

  it('when anna files and writes on her own request, then she is not emailed about her own changes', async () => {
    const id = await people.file()
    await people.note(ANNA, id, { text: 'Succede solo nella sede di Milano.' })
    await people.post(ANNA, id, 'close')
    await people.post(ANNA, id, 'reopen')
    await drain(t)
    expect(await outboxOf(t, id)).toHaveLength(0)
    expect(inbox.about(id)).toHaveLength(0)

    // someone else's public note does reach her
    await people.note(ENGINEER, id, { text: 'Grazie, controlliamo.' })
    await drain(t)
    expect(inbox.about(id).map((m) => m.to)).toMatchObject([{ value: [{ address: ANNA }] }])
  })

  it('when anna names hugo as the contact, then hugo gets the confirmation of the new request and anna does not', async () => {
    const id = await people.file({ contact: { userId: await userId(t, HUGO) } })
    await drain(t)
    const mails = inbox.about(id)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toMatchObject({ value: [{ address: HUGO }] })
    expect(mails[0]!.subject).toBe(`[Tramite ${id}] Le chiamate Teams cadono — Richiesta ricevuta`)
    expect(mails[0]!.text).toContain(
      'Anna Moretti (Fabrikam) ha aperto questa richiesta di servizio e ti ha indicato come referente.',
    )
  })

  it('when the engineer writes an internal note, then nobody is emailed', async () => {
    const id = await people.file()
    const after = await people.note(ENGINEER, id, {
      text: 'Interno: probabilmente è il bug 4711, non dirlo al partner.',
      visibility: 'internal',
    })
    expect(after.notes.at(-1)).toMatchObject({ visibility: 'internal' })
    await drain(t)
    expect(await outboxOf(t, id)).toHaveLength(0)
    expect(inbox.about(id)).toHaveLength(0)
    expect(inbox.messages.some((m) => m.text?.includes('bug 4711'))).toBe(false)
  })

  it('when a note holds HTML, then the HTML body carries it escaped and the text body as written', async () => {
    const id = await people.file()
    const hostile = '<script>alert("x")</script> & <b>bold</b>'
    await people.note(ENGINEER, id, { text: hostile })
    await drain(t)
    const [mail] = inbox.about(id)
    const html = String(mail!.html)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>bold</b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;')
    expect(mail!.text).toContain(`> ${hostile}`)
  })

  it('when the engineer lowers the severity, closes and reassigns an English request, then the contact is told of the severity and the closing only, in English', async () => {
    const id = await people.file({}, 'en-GB')
    await people.patch(ENGINEER, id, { severity: 'minimal' })
    await people.patch(ENGINEER, id, { assignedTo: await userId(t, ENGINEER) })
    await people.patch(ENGINEER, id, { externalReference: 'PSA-1234' })
    await people.post(ENGINEER, id, 'close')
    await drain(t)
    const subjects = inbox.about(id).map((m) => m.subject)
    expect(subjects).toEqual([
      `[Tramite ${id}] Le chiamate Teams cadono — Severity changed`,
      `[Tramite ${id}] Le chiamate Teams cadono — Request closed`,
    ])
    const [severity, closed] = inbox.about(id)
    expect(severity!.text).toContain(
      'Sam Rivera (Contoso Cloud) changed the severity from Moderate to Minimal.',
    )
    expect(closed!.text).toContain('If the problem comes back, you can reopen the request in the portal.')
    expect(closed!.text).toContain('Status: Closed')

    // anna reopens: she is not told; the engineer closes again: she is
    await people.post(ANNA, id, 'reopen')
    await people.post(ENGINEER, id, 'close')
    await drain(t)
    expect(inbox.about(id).map((m) => m.subject!.split(' — ')[1])).toEqual([
      'Severity changed',
      'Request closed',
      'Request closed',
    ])
  })

  it('when anna answers a request for information, then the engineer’s question and her answer make one email each, with no separate status email', async () => {
    const id = await people.file({ contact: { userId: await userId(t, HUGO) } })
    await people.note(ENGINEER, id, { text: 'Da quando succede?', requestInformation: true })
    await people.note(ANNA, id, { text: 'Da lunedì.' })
    await people.patch(ENGINEER, id, { status: 'attention_needed' })
    await people.patch(ENGINEER, id, { status: 'open' })
    await drain(t)
    expect(inbox.about(id).map((m) => m.subject!.split(' — ')[1])).toEqual([
      'Richiesta ricevuta',
      'Richiesta di informazioni',
      'Nuova nota',
      'Richiesta di informazioni',
      'Richiesta di nuovo in lavorazione',
    ])
    const answer = inbox.about(id)[2]!
    expect(answer.to).toMatchObject({ value: [{ address: HUGO }] })
    expect(answer.text).toContain('Anna Moretti (Fabrikam) ha aggiunto una nota:')
    expect(answer.text).toContain('Stato: Aperta')
  })

  it('when the server refuses a recipient for good, then the email fails at once without retrying', async () => {
    inbox.reject.add(HUGO)
    try {
      const id = await people.file({ contact: { userId: await userId(t, HUGO) } })
      const report = await runEmail(t)
      expect(report).toMatchObject({ sent: 0, failed: 1, retried: 0 })
      expect(report.errors[0]!.error).toMatch(/550/)
      const [row] = await outboxOf(t, id)
      expect(row).toMatchObject({ status: 'failed', attempts: 1, locked_until: null })
      expect(row!.last_error).toMatch(/No such mailbox/)
      t.clock.offsetMs += 2 * 60 * 60_000
      expect(await runEmail(t)).toMatchObject({ sent: 0, failed: 0, retried: 0 })
    } finally {
      inbox.reject.delete(HUGO)
    }
  })

  it('when every attempt fails, then the email is given up after EMAIL_MAX_ATTEMPTS with its last error', async () => {
    const id = await people.file()
    await inbox.stop()
    try {
      await people.note(ENGINEER, id, { text: 'Nessuno la leggerà.' })
      const max = t.config.EMAIL_MAX_ATTEMPTS
      expect(max).toBe(12)
      for (let attempt = 1; attempt <= max; attempt++) {
        const report = await runEmail(t)
        expect(report).toMatchObject(attempt < max ? { retried: 1, failed: 0 } : { retried: 0, failed: 1 })
        t.clock.offsetMs += 60 * 60_000 + 1_000
      }
      const [row] = await outboxOf(t, id)
      expect(row).toMatchObject({ status: 'failed', attempts: max })
      expect(row!.last_error).toMatch(/ECONNREFUSED/)
      expect(await runEmail(t)).toMatchObject({ sent: 0, failed: 0, retried: 0 })
    } finally {
      await inbox.start()
    }
    expect(inbox.about(id)).toHaveLength(0)
  })

  it('when the lease runs short during a batch, then the unsent emails are handed back untried for the next run', async () => {
    const rows = await t.db.db
      .insertInto('email_outbox')
      .values(
        [1, 2, 3].map((i) => ({
          dedupe_key: `lease-${i}`,
          to_address: `lease${i}@fabrikam.example`,
          locale: 'en',
          subject: `[Lease] message ${i}`,
          body_text: `message ${i}`,
          body_html: `<p>message ${i}</p>`,
          next_attempt_at: t.ctx.now(),
        })),
      )
      .returning('id')
      .execute()
    const ids = rows.map((r) => r.id)
    // while the first message is with the server, the clock passes the point where no further
    // send may start (a minute before the lease ends)
    inbox.onMessage = () => {
      t.clock.offsetMs += 61_000
    }
    try {
      expect(await runEmail(t)).toMatchObject({ sent: 1, failed: 0, retried: 0 })
    } finally {
      inbox.onMessage = null
    }
    const after = await t.db.db
      .selectFrom('email_outbox')
      .select(['id', 'status', 'attempts', 'locked_until'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute()
    expect(after).toEqual([
      { id: ids[0], status: 'sent', attempts: 1, locked_until: null },
      { id: ids[1], status: 'pending', attempts: 0, locked_until: null },
      { id: ids[2], status: 'pending', attempts: 0, locked_until: null },
    ])
    expect(await runEmail(t)).toMatchObject({ sent: 2 })
    expect(inbox.messages.filter((m) => m.subject?.startsWith('[Lease]'))).toHaveLength(3)
  })

  it('when a sender crashed holding an email, then the email is sent once its lease has run out', async () => {
    const id = await people.file()
    await people.note(ENGINEER, id, { text: 'Abbiamo trovato la causa.' })
    const [row] = await outboxOf(t, id)
    // what a sender that claimed it and died leaves behind
    await t.db.db
      .updateTable('email_outbox')
      .set({ attempts: 1, locked_until: new Date(t.ctx.now().getTime() + 2 * 60_000) })
      .where('id', '=', row!.id)
      .execute()
    expect(await runEmail(t)).toMatchObject({ sent: 0 })
    expect(inbox.about(id)).toHaveLength(0)

    t.clock.offsetMs += 2 * 60_000 + 1_000
    expect(await runEmail(t)).toMatchObject({ sent: 1 })
    expect(inbox.about(id)).toHaveLength(1)
    expect((await outboxOf(t, id))[0]).toMatchObject({ status: 'sent', attempts: 2 })
  })
})

describe.each(dialects())('email without SMTP (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  it('when SMTP_URL is not set, then each email is written as an .eml file in the data directory and counts as sent', async () => {
    const people = desk(t)
    const id = await people.file()
    await people.note(ENGINEER, id, { text: 'Ci serve il registro eventi.', requestInformation: true })
    expect(await runEmail(t)).toMatchObject({ sent: 1, failed: 0, retried: 0 })

    const dir = join(t.config.dataDir, 'mail')
    const files = readdirSync(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[\dT-]+Z-\d+\.eml$/)
    const mail = await simpleParser(readFileSync(join(dir, files[0]!)))
    expect(mail.to).toMatchObject({ value: [{ address: ANNA }] })
    expect(mail.subject).toBe(`[Tramite ${id}] Le chiamate Teams cadono — Richiesta di informazioni`)
    expect(mail.text).toContain('Ci serve il registro eventi.')
    expect(mail.inReplyTo).toBe(`<request-${id}@localhost>`)
    const [row] = await outboxOf(t, id)
    expect(row).toMatchObject({ status: 'sent', message_id: mail.messageId })
  })
})

describe.each(dialects().filter((d) => d === 'postgres'))('email from several instances (%s)', (dialect) => {
  let t: TestApp
  let inbox: TestInbox
  beforeAll(async () => {
    inbox = await startInbox()
    t = await startTestApp(dialect, { SMTP_URL: inbox.url })
  })
  afterAll(async () => {
    await t?.close()
    await inbox?.stop()
  })

  it('when two instances send the same outbox at once, then every email is delivered exactly once', async () => {
    // a second instance: its own connection pool and SMTP connection, on the same database
    const handle = await openDatabase({ kind: 'postgres', url: t.db.url! }, { poolMax: 5 })
    const other = createContext(t.config, handle, () => t.ctx.now())
    const otherTask = createEmailTask(other)
    try {
      const total = 45
      await t.db.db
        .insertInto('email_outbox')
        .values(
          Array.from({ length: total }, (_, i) => ({
            dedupe_key: `concurrency-${i}`,
            to_address: `contact${i}@fabrikam.example`,
            locale: 'en',
            subject: `[Concurrency] message ${i}`,
            body_text: `message ${i}`,
            body_html: `<p>message ${i}</p>`,
            next_attempt_at: t.ctx.now(),
          })),
        )
        .execute()
      inbox.delayMs = 5

      const reports: EmailReport[] = []
      for (let round = 0; round < 5; round++) {
        const both = (await Promise.all([
          t.runTask('email'),
          otherTask.run(),
          t.runTask('email'),
        ])) as EmailReport[]
        reports.push(...both)
        if (both.every((r) => r.sent === 0)) break
      }
      // each instance got a share of the first round
      expect(reports[0]!.sent).toBeGreaterThan(0)
      expect(reports[1]!.sent).toBeGreaterThan(0)
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(total)

      const received = inbox.messages.filter((m) => m.subject?.startsWith('[Concurrency]'))
      expect(received).toHaveLength(total)
      expect(new Set(received.map((m) => m.messageId)).size).toBe(total)
      expect(new Set(received.map((m) => m.subject)).size).toBe(total)
      const rows = await t.db.db
        .selectFrom('email_outbox')
        .select(['status', 'attempts'])
        .where('dedupe_key', 'like', 'concurrency-%')
        .execute()
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true)
    } finally {
      inbox.delayMs = 0
      await otherTask.close?.()
      await other.events.close()
      await other.authCache.close()
      await handle.close()
    }
  })
})
