import { createHash, randomBytes } from 'node:crypto'
import { createApplicationIn, type CreatedApp } from '../../src/authority/apps.service.ts'
import type { TestApp } from '../support/app.ts'
import { tenantIdOf } from '../support/app.ts'

export const FABRIKAM = tenantIdOf('fabrikam.example')
export const ROSSI = tenantIdOf('rossi.example')
export const NORTHWIND = tenantIdOf('northwind.example')

/** Registers an app in a tenant as the operator would with `tramite app create` (consented at once). */
export function registerApp(
  t: TestApp,
  tenantId: string,
  options: { name?: string; publicClient?: boolean; redirectUris?: string[]; permissions?: string[] } = {},
): Promise<CreatedApp> {
  return createApplicationIn(t.ctx, tenantId, null, {
    displayName: options.name ?? 'MSP tool',
    publicClient: options.publicClient ?? false,
    redirectUris: options.redirectUris ?? [],
    permissions: options.permissions ?? [],
    consent: true,
    secret: true,
  })
}

/** POSTs a form to an authority endpoint, as the SDKs do. */
export function postForm(t: TestApp, url: string, form: Record<string, string>) {
  return t.request('POST', url, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: new URLSearchParams(form).toString(),
  })
}

export function claimsOf(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'))
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}
