import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { loadTls } from '../../src/platform/tls.ts'
import { afterAll, beforeAll } from 'vitest'
import { startTestApp, type TestApp } from './app.ts'
import type { Dialect } from './dialects.ts'

/**
 * Serves the test app over HTTPS on localhost with the dev certificate, as `TRAMITE_TLS=dev` does,
 * for clients (the official SDKs) that send tokens only over TLS. Trust it with NODE_EXTRA_CA_CERTS.
 */
export async function serveHttps(
  t: TestApp,
  port = 0,
): Promise<{ url: string; certPath: string; close(): Promise<void> }> {
  await t.app.ready()
  const tls = (await loadTls({ ...t.config, TRAMITE_TLS: 'dev' }))!
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => t.app.routing(req, res))
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve))
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}`,
    certPath: tls.certPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A free port of localhost, to name in AUTHORITY_URL before the app starts (issuers carry it). */
export async function freePort(): Promise<number> {
  const net = await import('node:net')
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/**
 * For a describe block: the app under test on `dialect`, also served over HTTPS (see serveHttps).
 * Read `app.t` and `app.https` inside tests (they are set in beforeAll).
 */
export function useHttpsApp(dialect: Dialect): {
  t: TestApp
  https: Awaited<ReturnType<typeof serveHttps>>
} {
  const app = {} as ReturnType<typeof useHttpsApp>
  beforeAll(async () => {
    app.t = await startTestApp(dialect)
    app.https = await serveHttps(app.t)
  })
  afterAll(async () => {
    await app.https?.close()
    await app.t?.close()
  })
  return app
}
