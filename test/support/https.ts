import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { loadTls } from '../../src/platform/tls.ts'
import type { TestApp } from './app.ts'

/**
 * Serves the test app over HTTPS on localhost with the dev certificate, as `TRAMITE_TLS=dev` does,
 * for clients (the official SDKs) that send tokens only over TLS. Trust it with NODE_EXTRA_CA_CERTS.
 */
export async function serveHttps(
  t: TestApp,
): Promise<{ url: string; certPath: string; close(): Promise<void> }> {
  await t.app.ready()
  const tls = (await loadTls({ ...t.config, TRAMITE_TLS: 'dev' }))!
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => t.app.routing(req, res))
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
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
