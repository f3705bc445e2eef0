import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose'
import Provider from 'oidc-provider'

/**
 * A real OpenID Connect provider (panva's `oidc-provider`) on 127.0.0.1, for single sign-on
 * tests. Its development login form accepts any password; the login (pre-filled from Tramite's
 * login_hint) names the account, whose claims come from `accounts`. Consent is granted at once.
 *
 * The provider is reached through a relay on its issuer's port, as a network between Tramite and
 * the provider would carry it: `tamper(mode)` makes the relay alter the next ID tokens the way an
 * attacker (or a misconfigured provider) would — another audience, expired, a nonce replayed
 * from an earlier sign-in, or signed with a key that is not the provider's.
 */
export type Tampering =
  | 'none'
  | 'wrong-audience'
  | 'expired'
  | 'replayed-nonce'
  | 'bad-signature'
  /** not an attack: the provider reports that it did MFA itself (amr pwd, mfa), signed with its key */
  | 'provider-mfa'

export interface TestIdentityProvider {
  issuer: string
  clientId: string
  clientSecret: string
  tamper(mode: Tampering): void
  close(): Promise<void>
}

export interface AccountClaims {
  email: string
  email_verified?: boolean
  name?: string
  groups?: string[]
}

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

export async function startIdentityProvider(options: {
  redirectUri: string
  postLogoutRedirectUri: string
  accounts: Record<string, AccountClaims>
}): Promise<TestIdentityProvider> {
  const relay: Server = createServer()
  const issuer = `http://127.0.0.1:${await listen(relay)}`
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-idp-key', alg: 'RS256', use: 'sig' }
  const clientId = 'tramite'
  const clientSecret = `tramite-secret-${crypto.randomUUID()}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-1234567890'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    pkce: { required: () => true },
    // the ID token itself carries the scopes' claims (email, email_verified, name, groups)
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
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
  // the provider builds its URLs from the host asked for: the relay's, forwarded
  provider.proxy = true
  const upstream: Server = createServer(provider.callback())
  const upstreamBase = `http://127.0.0.1:${await listen(upstream)}`

  let mode: Tampering = 'none'
  let lastNonce: string | null = null
  const signingKey = await importJWK(jwk as JWK, 'RS256')
  const { privateKey: strangerKey } = await generateKeyPair('RS256')

  async function alterIdToken(idToken: string): Promise<string> {
    const claims = decodeJwt(idToken)
    const previousNonce = lastNonce
    lastNonce = typeof claims.nonce === 'string' ? claims.nonce : null
    if (mode === 'none') return idToken
    const now = Math.floor(Date.now() / 1000)
    const altered = { ...claims }
    if (mode === 'wrong-audience') altered.aud = 'another-application'
    if (mode === 'expired') Object.assign(altered, { iat: now - 7200, exp: now - 3600 })
    if (mode === 'replayed-nonce') altered.nonce = previousNonce ?? 'an-earlier-nonce'
    if (mode === 'provider-mfa') altered.amr = ['pwd', 'mfa']
    const key = mode === 'bad-signature' ? strangerKey : signingKey
    return new SignJWT(altered).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).sign(key)
  }

  relay.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined && name !== 'host' && name !== 'connection')
          headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      headers.set('x-forwarded-host', req.headers.host ?? new URL(issuer).host)
      headers.set('x-forwarded-proto', 'http')
      const answer = await fetch(`${upstreamBase}${req.url}`, {
        method: req.method!,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : null,
        redirect: 'manual',
      })
      let body = Buffer.from(await answer.arrayBuffer())
      if (req.url?.startsWith('/token') && answer.ok) {
        const json = JSON.parse(body.toString()) as { id_token?: string }
        if (json.id_token) json.id_token = await alterIdToken(json.id_token)
        body = Buffer.from(JSON.stringify(json))
      }
      const out: Record<string, string | string[]> = {}
      answer.headers.forEach((value, name) => {
        if (
          name !== 'content-length' &&
          name !== 'content-encoding' &&
          name !== 'transfer-encoding' &&
          name !== 'set-cookie'
        )
          out[name] = value
      })
      const cookies = answer.headers.getSetCookie()
      if (cookies.length > 0) out['set-cookie'] = cookies
      res.writeHead(answer.status, out)
      res.end(body)
    })().catch((error: unknown) => {
      res.writeHead(502)
      res.end(String(error))
    })
  })

  return {
    issuer,
    clientId,
    clientSecret,
    tamper(next) {
      mode = next
    },
    async close() {
      relay.closeAllConnections()
      upstream.closeAllConnections()
      await new Promise<void>((resolve) => relay.close(() => resolve()))
      await new Promise<void>((resolve) => upstream.close(() => resolve()))
    },
  }
}
