import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair } from 'jose'
import Provider from 'oidc-provider'

/**
 * A real OpenID Connect provider (panva's `oidc-provider`, certified) on 127.0.0.1, for single
 * sign-on tests: its development login form accepts any login — the login is the account's id,
 * and `accounts` gives each account's claims (email, email_verified, name, groups, amr). Consent
 * is granted automatically for the registered clients.
 */
export interface TestIdentityProvider {
  issuer: string
  clients: { clientId: string; clientSecret: string }[]
  close(): Promise<void>
}

export interface AccountClaims {
  email: string
  email_verified?: boolean
  name?: string
  groups?: string[]
}

export async function startIdentityProvider(options: {
  redirectUri: string
  postLogoutRedirectUri: string
  accounts: Record<string, AccountClaims>
  /** Extra clients (e.g. one for another application, to test audiences). */
  clientIds?: string[]
  /** Overrides of the ID token's lifetime in seconds. */
  idTokenTtl?: number
}): Promise<TestIdentityProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-idp-key', alg: 'RS256', use: 'sig' }
  const clients = (options.clientIds ?? ['tramite']).map((clientId) => ({
    clientId,
    clientSecret: `${clientId}-secret-${crypto.randomUUID()}`,
  }))
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [options.redirectUri],
      post_logout_redirect_uris: [options.postLogoutRedirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-1234567890'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    ttl: { IdToken: options.idTokenTtl ?? 3600 },
    async findAccount(_ctx, id) {
      const account = options.accounts[id]
      if (!account) return undefined
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: account.email,
            email_verified: account.email_verified ?? true,
            ...(account.name ? { name: account.name } : {}),
            ...(account.groups ? { groups: account.groups } : {}),
          }
        },
      }
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      })
      grant.addOIDCScope('openid email profile')
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups'])
      await grant.save()
      return grant
    },
  })
  server.on('request', provider.callback())
  return {
    issuer,
    clients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
