import { mkdir, rename, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type { Config } from '../config/config.ts'
import type { AppContext } from '../platform/context.ts'
import type { OutboxStatus } from '../platform/db/schema.ts'
import { counterOf, gaugeOf } from '../platform/http/metrics.ts'
import type { Task } from '../platform/scheduler.ts'
import { mailHostOf } from './email.events.ts'
import {
  claimDueEmails,
  countEmailsByStatus,
  markEmailFailed,
  markEmailSent,
  type OutboxRow,
  releaseEmails,
} from './email.outbox.ts'

/** How long a sender holds the messages it claimed; a crashed sender's come back after it. */
export const EMAIL_LEASE_MS = 2 * 60_000
const BATCH_SIZE = 20
/**
 * No message is started with less of the lease left than one send may take (the SMTP timeouts
 * below add up to it), so a slow server never lets a second sender take a message mid-send.
 */
const SEND_BUDGET_MS = 60_000
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }

/** 30 s after the first failed attempt, doubling each time, never more than an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 60 * 60_000)
}

export interface EmailReport {
  sent: number
  /** Given up: permanently rejected, or out of attempts. */
  failed: number
  /** Failed this time, to be tried again later. */
  retried: number
  errors: { id: number; error: string }[]
}

export interface OutgoingEmail {
  from: string
  to: string
  subject: string
  text: string
  html: string
  messageId: string
  inReplyTo?: string | undefined
  references?: string | undefined
  date: Date
  headers: Record<string, string>
}

/** Where messages go: an SMTP server, or .eml files in a directory (no SMTP configured). */
interface Sender {
  describe: string
  send(email: OutgoingEmail, row: OutboxRow): Promise<void>
  close(): Promise<void>
}

function smtpSender(url: string): Sender {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 1, ...SMTP_TIMEOUTS })
  const target = new URL(url)
  return {
    describe: `SMTP ${target.protocol}//${target.host}`,
    async send(email) {
      await transport.sendMail(email)
    },
    async close() {
      transport.close()
    },
  }
}

/** The zero-setup fallback: each message becomes an .eml file any mail client opens. */
function pickupSender(dir: string): Sender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    describe: `.eml files in ${dir}`,
    async send(email, row) {
      const info = await transport.sendMail(email)
      await mkdir(dir, { recursive: true })
      const name = `${email.date.toISOString().replace(/[:.]/g, '-')}-${row.id}.eml`
      // written aside, then renamed: whoever picks files up never reads half a message
      const partial = join(dir, `.${name}.partial`)
      await writeFile(partial, info.message as Buffer)
      await rename(partial, join(dir, name))
    },
    async close() {
      transport.close()
    },
  }
}

const LOG_LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 }

/** A JSON log line like the server's (pino's shape), for a task that has no request to log on. */
function log(config: Config, level: 'info' | 'warn', msg: string, fields: Record<string, unknown> = {}) {
  const threshold = LOG_LEVELS[config.LOG_LEVEL] ?? Infinity
  if (LOG_LEVELS[level]! < threshold) return
  const line = { level: LOG_LEVELS[level], time: Date.now(), pid: process.pid, hostname: hostname() }
  process.stdout.write(`${JSON.stringify({ ...line, component: 'email', ...fields, msg })}\n`)
}

interface SmtpError {
  message?: string
  code?: string
  command?: string
  responseCode?: number
}

/**
 * A 5xx answer to the recipient or to the message itself will be the same next time (no such
 * mailbox, message refused), and so will an address nodemailer cannot use: the message fails at
 * once instead of retrying for hours.
 */
function isPermanent(error: SmtpError): boolean {
  if (error.code === 'EENVELOPE' && error.command === 'API') return true
  return (
    typeof error.responseCode === 'number' &&
    error.responseCode >= 500 &&
    (error.command === 'RCPT TO' || error.command === 'DATA')
  )
}

/**
 * An error about the server rather than one message (unreachable, timed out, refused our
 * login or sender): the other messages of the batch would meet it too.
 */
function isServerError(error: SmtpError): boolean {
  return !(error.command === 'RCPT TO' || error.command === 'DATA' || error.code === 'EENVELOPE')
}

function describeError(error: unknown): string {
  const e = error as SmtpError
  return (e?.message ?? String(error)).replace(/\s+/g, ' ').trim() || 'unknown error'
}

function outgoing(row: OutboxRow, config: Config, host: string, now: Date): OutgoingEmail {
  return {
    from: config.SMTP_FROM,
    to: row.to_address,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    // the same on every attempt: a message sent twice (a crash between send and mark) is one to
    // the recipient's mail client
    messageId: `<${row.id}.${row.request_id ?? 'tramite'}@${host}>`,
    inReplyTo: row.thread_id ?? undefined,
    references: row.thread_id ?? undefined,
    date: now,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'Content-Language': row.locale,
    },
  }
}

/**
 * Sends what is due in the outbox: claims a batch under a lease (so several instances never
 * send the same message, and a crashed one's messages come back), sends each outside any
 * transaction, and records the outcome. A delivery error never escapes: it is retried with
 * backoff, given up after EMAIL_MAX_ATTEMPTS (or at once when the server refuses it for good),
 * and reported.
 */
export async function deliverEmails(ctx: AppContext, sender: Sender): Promise<EmailReport> {
  const report: EmailReport = { sent: 0, failed: 0, retried: 0, errors: [] }
  const host = mailHostOf(ctx.config.publicUrl)
  const maxAttempts = ctx.config.EMAIL_MAX_ATTEMPTS
  const sentTotal = counterOf(
    ctx.metrics,
    'tramite_emails_sent_total',
    'Emails handed to the SMTP server (or written as .eml files).',
  )
  const failuresTotal = counterOf(
    ctx.metrics,
    'tramite_email_failures_total',
    'Failed email delivery attempts (retried later, or given up).',
  )
  const claimedAt = ctx.now()
  const leaseUntil = new Date(claimedAt.getTime() + EMAIL_LEASE_MS)
  const rows = await claimDueEmails(ctx.db, claimedAt, leaseUntil, BATCH_SIZE)

  const fail = async (row: OutboxRow, message: string, permanent: boolean) => {
    const giveUp = permanent || row.attempts >= maxAttempts
    const retryAt = giveUp ? null : new Date(ctx.now().getTime() + retryDelayMs(row.attempts))
    await markEmailFailed(ctx.db, row.id, message, retryAt)
    failuresTotal.inc()
    report.errors.push({ id: row.id, error: message })
    if (giveUp) report.failed += 1
    else report.retried += 1
  }

  let serverDown: string | null = null
  for (const [index, row] of rows.entries()) {
    if (serverDown) {
      // the server is unreachable for all of them: each attempt counts, none waits on a timeout
      await fail(row, serverDown, false)
      continue
    }
    if (ctx.now().getTime() > leaseUntil.getTime() - SEND_BUDGET_MS) {
      await releaseEmails(
        ctx.db,
        rows.slice(index).map((r) => r.id),
        leaseUntil,
      )
      break
    }
    const email = outgoing(row, ctx.config, host, ctx.now())
    try {
      await sender.send(email, row)
    } catch (error) {
      const message = describeError(error)
      await fail(row, message, isPermanent(error as SmtpError))
      if (isServerError(error as SmtpError)) serverDown = message
      continue
    }
    await markEmailSent(ctx.db, row.id, email.messageId, ctx.now())
    sentTotal.inc()
    report.sent += 1
  }
  if (report.errors.length > 0) {
    log(ctx.config, 'warn', 'email delivery failed', {
      sent: report.sent,
      failed: report.failed,
      retried: report.retried,
      errors: report.errors,
    })
  }
  return report
}

/** The outbox by status, counted when Prometheus scrapes. */
function registerOutboxGauge(ctx: AppContext): void {
  const statuses: OutboxStatus[] = ['pending', 'sent', 'failed']
  gaugeOf(
    ctx.metrics,
    'tramite_email_outbox',
    'Emails in the outbox, by status.',
    ['status'],
    async (gauge) => {
      const counts = await countEmailsByStatus(ctx.db)
      for (const status of statuses) gauge.set({ status }, counts.find((c) => c.status === status)?.n ?? 0)
    },
  )
}

/**
 * The scheduled task that sends the email outbox: over SMTP_URL, or — with no SMTP configured
 * (the zero-setup start) — as .eml files in TRAMITE_DATA_DIR/mail, which count as sent.
 */
export function createEmailTask(ctx: AppContext): Task {
  const { config } = ctx
  const sender = config.SMTP_URL ? smtpSender(config.SMTP_URL) : pickupSender(join(config.dataDir, 'mail'))
  registerOutboxGauge(ctx)
  if (!config.SMTP_URL) {
    log(config, 'info', `SMTP_URL is not set: emails are written as ${sender.describe} and count as sent`)
  }
  return {
    name: 'email',
    run: () => deliverEmails(ctx, sender),
    close: () => sender.close(),
  }
}
