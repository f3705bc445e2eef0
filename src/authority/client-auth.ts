import { X509Certificate } from 'node:crypto'
import { decodeProtectedHeader, importX509, jwtVerify } from 'jose'
import type { AppContext } from '../platform/context.ts'
import { type ApplicationRecord, findCertificate, findSecretByHash } from './applications.data.ts'
import { hashSecret } from './grants.data.ts'
import { oauthErrors } from './oauth-errors.ts'

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export interface ClientCredentials {
  clientSecret?: string
  clientAssertion?: string
  clientAssertionType?: string
}

/** How the client proved who it is (the `azpacr` claim): 0 public, 1 secret, 2 certificate. */
export type ClientAuthMethod = '0' | '1' | '2'

/**
 * Checks the credentials a client sent with a token request. A confidential client must prove
 * itself with a secret or a certificate-signed assertion; a public client sends neither (PKCE
 * protects its codes). Answers the `azpacr` value the tokens carry.
 */
export async function authenticateClient(
  ctx: AppContext,
  app: ApplicationRecord,
  credentials: ClientCredentials,
  tokenEndpoints: string[],
): Promise<ClientAuthMethod> {
  if (credentials.clientAssertion !== undefined) {
    if (credentials.clientAssertionType !== CLIENT_ASSERTION_TYPE) {
      throw oauthErrors.badParameter(
        'client_assertion_type',
        `must be ${CLIENT_ASSERTION_TYPE}`,
        `deve essere ${CLIENT_ASSERTION_TYPE}`,
      )
    }
    await verifyAssertion(ctx, app, credentials.clientAssertion, tokenEndpoints)
    return '2'
  }
  if (credentials.clientSecret !== undefined) {
    const secret = await findSecretByHash(ctx.db, app.id, hashSecret(credentials.clientSecret))
    if (!secret) throw oauthErrors.invalidClientSecret(app.clientId)
    if (secret.expiresAt <= ctx.now()) throw oauthErrors.expiredClientSecret(app.clientId)
    return '1'
  }
  if (app.publicClient) return '0'
  throw oauthErrors.missingClientAuth(app.clientId)
}

const SIGNING_ALGS = ['RS256', 'PS256', 'ES256']

async function verifyAssertion(
  ctx: AppContext,
  app: ApplicationRecord,
  assertion: string,
  audiences: string[],
): Promise<void> {
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(assertion)
  } catch {
    throw oauthErrors.invalidAssertion('it is not a JWT', 'non è un JWT')
  }
  const sha256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined
  const sha1 = typeof header.x5t === 'string' ? header.x5t : undefined
  if (!sha256 && !sha1) {
    throw oauthErrors.invalidAssertion(
      'its header names no certificate (x5t or x5t#S256)',
      'la sua intestazione non indica alcun certificato (x5t o x5t#S256)',
    )
  }
  const certificate = await findCertificate(ctx.db, app.id, {
    ...(sha256 ? { sha256 } : {}),
    ...(sha1 ? { sha1 } : {}),
  })
  if (!certificate) throw oauthErrors.unknownCertificate(app.clientId)
  const now = ctx.now()
  if (certificate.expiresAt <= now || certificate.notBefore > now) {
    throw oauthErrors.invalidAssertion(
      'the certificate has expired or is not valid yet',
      'il certificato è scaduto o non è ancora valido',
    )
  }
  const alg = typeof header.alg === 'string' && SIGNING_ALGS.includes(header.alg) ? header.alg : null
  if (!alg)
    throw oauthErrors.invalidAssertion(
      `the algorithm ${String(header.alg)} is not accepted`,
      `l'algoritmo ${String(header.alg)} non è accettato`,
    )
  try {
    const key = await importX509(certificate.certificatePem, alg)
    const { payload } = await jwtVerify(assertion, key, {
      algorithms: [alg],
      issuer: app.clientId,
      subject: app.clientId,
      audience: audiences,
      requiredClaims: ['exp', 'jti'],
      clockTolerance: 300,
      currentDate: now,
    })
    // Entra refuses assertions meant to live longer than a day
    if (typeof payload.exp === 'number' && payload.exp - Math.floor(now.getTime() / 1000) > 86400) {
      throw new Error('too long')
    }
  } catch {
    throw oauthErrors.invalidAssertion(
      `its signature, issuer and subject (the client id), audience (${audiences[0]}) or lifetime are not right`,
      `la firma, l'emittente e il soggetto (l'id client), il destinatario (${audiences[0]}) o la durata non sono corretti`,
    )
  }
}

/** What Tramite keeps of an uploaded certificate (never a private key). */
export function describeCertificate(pem: string): {
  thumbprintSha1: string
  thumbprintSha256: string
  subject: string
  certificatePem: string
  notBefore: Date
  expiresAt: Date
} | null {
  try {
    const cert = new X509Certificate(pem)
    return {
      thumbprintSha1: Buffer.from(cert.fingerprint.replace(/:/g, ''), 'hex').toString('base64url'),
      thumbprintSha256: Buffer.from(cert.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url'),
      subject: cert.subject.replace(/\n/g, ', '),
      certificatePem: cert.toString(),
      notBefore: new Date(cert.validFrom),
      expiresAt: new Date(cert.validTo),
    }
  } catch {
    return null
  }
}
