/**
 * Portal weight: what a browser downloads to show the first page, read from Chromium's own network
 * log (bytes on the wire, after compression) on a cold cache: the sign-in page, and /customers
 * opened with a session (the page a partner lands on). Target: first page's JavaScript ≤ 300 KB
 * compressed.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { fmt, signIn, startServer } from '../support.ts'

const CEILING_KB = 300

export async function portalBench(log: (line: string) => void): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    log(`  skipped: no Chromium at ${executablePath}`)
    return
  }
  const dataDir = `/tmp/tramite-bench-portal-${process.pid}`
  const server = await startServer({ TRAMITE_DATA_DIR: dataDir, SCHEDULER_INTERVAL_SECONDS: '3600' })
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  })
  try {
    const session = await signIn(server.url, 'anna@fabrikam.example')
    const [name, value] = session.cookie.split('=') as [string, string]
    for (const [label, path, cookie] of [
      ['sign-in page', '/signin', false],
      ['/customers, signed in', '/customers', true],
    ] as const) {
      const context = await browser.newContext()
      if (cookie) await context.addCookies([{ name, value, url: server.url }])
      const page = await context.newPage()
      const scripts: Promise<{ wire: number; raw: number; encoding: string }>[] = []
      page.on('requestfinished', (request) => {
        if (request.resourceType() !== 'script') return
        scripts.push(
          (async () => {
            const sizes = await request.sizes()
            const response = await request.response()
            return {
              wire: sizes.responseBodySize,
              raw: (await response?.body())?.length ?? 0,
              encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
            }
          })(),
        )
      })
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
      const done = await Promise.all(scripts)
      const wire = done.reduce((sum, s) => sum + s.wire, 0) / 1024
      const raw = done.reduce((sum, s) => sum + s.raw, 0) / 1024
      const encodings = [...new Set(done.map((s) => s.encoding))].join(', ')
      log(
        `  ${label.padEnd(24)} ${done.length} scripts, ${fmt(wire)} KB on the wire (${encodings}), ${fmt(raw)} KB uncompressed` +
          ` ${wire <= CEILING_KB ? 'ok' : `MISSED (≤ ${CEILING_KB} KB)`}`,
      )
      const json = await fetch(`${server.url}/api/service-requests?limit=50`, {
        headers: { ...session.headers, 'accept-encoding': 'br, gzip' },
      })
      if (cookie)
        log(
          `  JSON (/api/service-requests, 50 rows): content-encoding ${json.headers.get('content-encoding') ?? 'none'}`,
        )
      await context.close()
    }
  } finally {
    await browser.close()
    await server.stop()
    const { rmSync } = await import('node:fs')
    rmSync(dataDir, { recursive: true, force: true })
  }
}
