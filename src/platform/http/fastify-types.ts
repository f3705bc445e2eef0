import type { Actor } from '../../identity/actor.ts'
import type { Locale } from '../i18n/i18n.ts'

export type AuthMode = 'required' | 'optional' | 'none'

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's language, from Accept-Language (or X-Locale on Partner Center routes). */
    locale: Locale
    /** The authenticated caller, set by the authentication hook (null when anonymous). */
    actor: Actor | null
    /** The anti-forgery token of the browser session, when the caller uses one. */
    sessionCsrfToken: string | null
  }
  interface FastifyContextConfig {
    /** Whether the route needs a signed-in caller; 'required' when unset. */
    auth?: AuthMode
  }
}
