import { SignInError } from './signin.messages.ts'
import type { UserRecord } from './users.data.ts'

/**
 * Did this sign-in use more than one factor? A session or token says so in its `amr` (RFC 8176):
 * 'mfa' is added by Tramite's own second step, and by single sign-on when the identity provider
 * reports that it did MFA itself.
 */
export const didMfa = (amr: readonly string[]): boolean => amr.includes('mfa')

/**
 * The tenant policy "require MFA": a user of a tenant that requires it acts in a customer's tenant
 * (a delegated token, a delegated action) only with a session or token that did MFA. Acting in
 * one's own tenant is not affected. Called wherever tokens are issued and wherever delegated
 * actions are decided.
 */
export function assertMfaForTenant(user: UserRecord, contextTenantId: string, amr: readonly string[]): void {
  if (contextTenantId === user.tenantId) return
  if (user.tenantRequiresMfa && !didMfa(amr)) throw new SignInError(403, 'mfa_required')
}
