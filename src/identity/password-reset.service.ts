import { createHash, randomBytes } from 'node:crypto'
import { recordAudit } from '../audit/audit.data.ts'
import { emailLocaleOf, escapeHtml } from '../email/email.templates.ts'
import type { AppContext } from '../platform/context.ts'
import { hashPassword } from './passwords.ts'
import { revokeAllSessions } from './sessions.data.ts'
import { clearFailedSignIns, normaliseIdentity } from './signin-throttle.ts'
import { SignInError } from './signin.messages.ts'
import { providerForEmail } from './sso.data.ts'
import { findUserByEmail, findUserById } from './users.data.ts'

/**
 * "Forgot password": a single-use link that expires (PASSWORD_RESET_MINUTES), sent through the
 * email outbox in the request's transaction. Only the token's SHA-256 is stored. The answer is
 * the same whether or not the address has an account. Using the link sets the password, ends
 * every session of the account and clears its sign-in throttle.
 */

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url')

export const MIN_PASSWORD_LENGTH = 12

export async function requestPasswordReset(ctx: AppContext, email: string, uiLocale: string): Promise<void> {
  const identity = normaliseIdentity(email)
  const user = await findUserByEmail(ctx.db, identity)
  // accounts of a federated domain sign in at their provider; disabled ones not at all
  if (!user || user.disabled || user.tenantStatus !== 'active') return
  if (await providerForEmail(ctx.db, identity)) return
  const token = randomBytes(32).toString('base64url')
  const now = ctx.now()
  const minutes = ctx.config.PASSWORD_RESET_MINUTES
  const locale = emailLocaleOf(user.locale ?? uiLocale ?? user.tenantLocale)
  const link = `${ctx.config.publicUrl}/reset-password#token=${token}`
  const content = renderResetEmail(locale, user.displayName, link, minutes)
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + minutes * 60_000),
      })
      .execute()
    await trx
      .insertInto('email_outbox')
      .values({
        dedupe_key: `password-reset:${hashToken(token)}`,
        request_id: null,
        to_address: user.email,
        locale,
        subject: content.subject,
        body_text: content.text,
        body_html: content.html,
        thread_id: null,
        next_attempt_at: now,
        created_at: now,
      })
      .execute()
    await recordAudit(trx, {
      actorUserId: null,
      actorEmail: null,
      actorTenantId: null,
      tenantId: user.tenantId,
      action: 'password.reset_requested',
      targetType: 'user',
      targetId: user.id,
      result: 'done',
    })
  })
}

export function checkPasswordPolicy(password: string, email: string): void {
  const normalised = password.normalize('NFKC')
  if (
    [...normalised].length < MIN_PASSWORD_LENGTH ||
    normaliseIdentity(password) === normaliseIdentity(email)
  )
    throw new SignInError(400, 'password_too_weak')
}

/** Uses a reset link once: sets the new password and ends every session of the account. */
export async function completePasswordReset(ctx: AppContext, token: string, password: string): Promise<void> {
  const now = ctx.now()
  const invalid = () =>
    new SignInError(400, 'reset_link_invalid', { minutes: ctx.config.PASSWORD_RESET_MINUTES })
  const row = await ctx.db
    .selectFrom('password_resets')
    .select(['user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row || row.used_at || row.expires_at <= now) throw invalid()
  const user = await findUserById(ctx.db, row.user_id)
  if (!user || user.disabled || user.tenantStatus !== 'active') throw invalid()
  checkPasswordPolicy(password, user.email)
  const passwordHash = await hashPassword(password)
  await ctx.db.transaction().execute(async (trx) => {
    // used once: the conditional update decides between two concurrent uses
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) throw invalid()
    // every other link of the account stops working too
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute()
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute()
    await revokeAllSessions(trx, user.id)
    await recordAudit(trx, {
      actorUserId: user.id,
      actorEmail: user.email,
      actorTenantId: user.tenantId,
      tenantId: user.tenantId,
      action: 'password.reset',
      targetType: 'user',
      targetId: user.id,
      result: 'done',
    })
  })
  await clearFailedSignIns(ctx.db, user.email)
}

const RESET_WORDS = {
  en: {
    subject: 'Reset your Tramite password',
    lead: 'Hello {name}, someone (hopefully you) asked to reset the password of your Tramite account.',
    action: 'Choose a new password',
    expiry:
      'The link works once, for {minutes} minutes. If you did not ask for it, ignore this email: your password stays as it is.',
  },
  it: {
    subject: 'Reimposta la password di Tramite',
    lead: 'Ciao {name}, qualcuno (speriamo tu) ha chiesto di reimpostare la password del tuo account Tramite.',
    action: 'Scegli una nuova password',
    expiry:
      'Il link vale una sola volta, per {minutes} minuti. Se non l’hai chiesto tu, ignora questa email: la password resta invariata.',
  },
} as const

function renderResetEmail(locale: 'it' | 'en', name: string, link: string, minutes: number) {
  const w = RESET_WORDS[locale]
  const lead = w.lead.replace('{name}', name)
  const expiry = w.expiry.replace('{minutes}', String(minutes))
  return {
    subject: w.subject,
    text: `${lead}\n\n${w.action}: ${link}\n\n${expiry}\n`,
    html: [
      '<!doctype html>',
      `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(w.subject)}</title></head><body>`,
      `<p>${escapeHtml(lead)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(w.action)}</a></p>`,
      `<p>${escapeHtml(expiry)}</p>`,
      '</body></html>',
    ].join('\n'),
  }
}
