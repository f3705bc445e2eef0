import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  headers: IncomingHttpHeaders
  body: string
  json: any
}

export interface Receiver {
  url: string
  received: Received[]
  /** The status codes the next requests get, in order; 200 once they run out. */
  answer(...statuses: number[]): void
  close(): Promise<void>
}

/** A real HTTP receiver on 127.0.0.1, as a PSA tool would run one. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = []
  const statuses: number[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: req.headers, body, json: JSON.parse(body) })
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/tramite`,
    received,
    answer: (...s) => statuses.push(...s),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Checks `X-Tramite-Signature` the way docs/webhooks.md tells receivers to: recompute the HMAC of
 * "<t>.<raw body>" with the secret and compare. Written here from the docs, not from the server's code.
 */
export function signatureOf(secret: string, header: string | string[] | undefined, body: string) {
  const parts = Object.fromEntries(
    String(header)
      .split(',')
      .map((p) => p.split('=', 2) as [string, string]),
  )
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex')
  return { t: Number(parts.t), v1: parts.v1, valid: parts.v1 === expected }
}
