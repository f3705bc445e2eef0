import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/audit.data.ts'
import { emailLocaleOf, escapeHtml } from '../email/email.templates.ts'
import { hashPassword } from '../identity/passwords.ts'
import { signInMethodFor } from '../identity/signin.service.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import { DirectoryError } from './directory.messages.ts'

/**
 * Invitations: a single-use, expiring link that lets a person set their password and sign in.
 * Only the SHA-256 of the secret is stored; the link is shown once (to the inviter, and in the
 * email the outbox sends in the transaction that created it).
 */

export const INVITATION_DAYS = 7
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 256

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex')

export const invitationUrl = (ctx: AppContext, secret: string) =>
  `${ctx.config.publicUrl}/invitation#${secret}`

export interface IssuedInvitation {
  id: string
  url: string
  expiresAt: Date
}

/**
 * Issues an invitation for `userId` (earlier unaccepted ones are revoked) and, when `email` is
 * set, queues the email that carries it. Runs in the caller's transaction.
 */
export async function issueInvitation(
  trx: Kysely<Database>,
  ctx: AppContext,
  input: {
    userId: string
    createdByUserId: string | null
    email?: { to: string; name: string; tenantName: string; locale: string | null; inviter: string }
  },
): Promise<IssuedInvitation> {
  const now = ctx.now()
  const secret = randomBytes(32).toString('base64url')
  const id = randomUUID()
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000)
  await trx
    .updateTable('user_invitations')
    .set({ revoked_at: now })
    .where('user_id', '=', input.userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute()
  await trx
    .insertInto('user_invitations')
    .values({
      id,
      user_id: input.userId,
      token_hash: hashOf(secret),
      created_by_user_id: input.createdByUserId,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute()
  const url = invitationUrl(ctx, secret)
  if (input.email) {
    const locale = emailLocaleOf(input.email.locale)
    const content = invitationEmail(locale, { ...input.email, url, expiresAt })
    await trx
      .insertInto('email_outbox')
      .values({
        dedupe_key: `invitation:${id}`,
        request_id: null,
        to_address: input.email.to,
        locale,
        subject: content.subject,
        body_text: content.text,
        body_html: content.html,
        thread_id: null,
        next_attempt_at: now,
        created_at: now,
      })
      .execute()
  }
  return { id, url, expiresAt }
}

function invitationEmail(
  locale: 'it' | 'en',
  v: { name: string; tenantName: string; inviter: string; url: string; expiresAt: Date },
) {
  const date = v.expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
  const words =
    locale === 'it'
      ? {
          subject: `Invito a Tramite per ${v.tenantName}`,
          lines: [
            `Ciao ${v.name},`,
            `${v.inviter} ti ha invitato a usare Tramite per ${v.tenantName}.`,
            `Apri questo link per scegliere la tua password (vale una sola volta, fino al ${date}):`,
          ],
          ignore: 'Se non aspettavi questo invito, ignora questo messaggio.',
        }
      : {
          subject: `Your invitation to Tramite for ${v.tenantName}`,
          lines: [
            `Hello ${v.name},`,
            `${v.inviter} invited you to use Tramite for ${v.tenantName}.`,
            `Open this link to choose your password (it works once, until ${date}):`,
          ],
          ignore: 'If you did not expect this invitation, ignore this message.',
        }
  return {
    subject: words.subject,
    text: [...words.lines, '', v.url, '', words.ignore, ''].join('\n'),
    html: `<!doctype html><html><body>${words.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(v.url)}">${escapeHtml(v.url)}</a></p><p>${escapeHtml(words.ignore)}</p></body></html>`,
  }
}

export interface InvitationView {
  email: string
  displayName: string
  tenantName: string
  /** Who sent it: null for the operator at the CLI (setup, partner create). */
  invitedBy: string | null
  signIn: 'password' | 'sso'
  expiresAt: Date
}

async function findUsable(db: Kysely<Database>, secret: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) throw new DirectoryError(404, 'invitation_invalid')
  const row = await db
    .selectFrom('user_invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select([
      'i.id',
      'i.user_id as userId',
      'i.expires_at as expiresAt',
      'i.accepted_at as acceptedAt',
      'i.revoked_at as revokedAt',
      'i.created_by_user_id as createdBy',
      'u.email',
      'u.display_name as displayName',
      'u.deleted_at as deletedAt',
      'u.tenant_id as tenantId',
      't.display_name as tenantName',
    ])
    .where('i.token_hash', '=', hashOf(secret))
    .executeTakeFirst()
  if (!row || row.revokedAt || row.deletedAt) throw new DirectoryError(404, 'invitation_invalid')
  if (row.acceptedAt) throw new DirectoryError(410, 'invitation_used')
  if (row.expiresAt.getTime() <= now.getTime()) throw new DirectoryError(410, 'invitation_expired')
  return row
}

/** What the acceptance page shows before the person chooses a password. */
export async function readInvitation(ctx: AppContext, secret: string): Promise<InvitationView> {
  const row = await findUsable(ctx.db, secret, ctx.now())
  const inviter = row.createdBy
    ? await ctx.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', row.createdBy)
        .executeTakeFirst()
    : undefined
  return {
    email: row.email,
    displayName: row.displayName,
    tenantName: row.tenantName,
    invitedBy: inviter?.display_name ?? null,
    signIn: await signInMethodFor(ctx, row.email),
    expiresAt: row.expiresAt,
  }
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN)
    throw new DirectoryError(400, 'password_too_short', { min: String(PASSWORD_MIN) })
  if (password.length > PASSWORD_MAX)
    throw new DirectoryError(400, 'password_too_long', { max: String(PASSWORD_MAX) })
}

/**
 * Accepts an invitation: sets the password once. The invitation is claimed with a conditional
 * update, so two tabs submitting at once set it once.
 */
export async function acceptInvitation(
  ctx: AppContext,
  secret: string,
  password: string,
): Promise<{ email: string }> {
  checkPassword(password)
  const row = await findUsable(ctx.db, secret, ctx.now())
  const passwordHash = await hashPassword(password)
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now()
    const claimed = await trx
      .updateTable('user_invitations')
      .set({ accepted_at: now })
      .where('id', '=', row.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!claimed) throw new DirectoryError(410, 'invitation_used')
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', row.userId).execute()
    await recordAudit(trx, {
      actorUserId: row.userId,
      actorEmail: row.email,
      actorTenantId: row.tenantId,
      tenantId: row.tenantId,
      action: 'directory.invitation.accept',
      targetType: 'user',
      targetId: row.userId,
      result: 'done',
    })
  })
  return { email: row.email }
}
