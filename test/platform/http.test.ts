import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')

describe.each(dialects())('HTTP platform (%s)', (dialect) => {
  let t: TestApp
  let token: string
  beforeAll(async () => {
    t = await startTestApp(dialect, { BODY_LIMIT_BYTES: '4096' })
    token = await t.tokenFor('anna@fabrikam.example')
  })
  afterAll(() => t?.close())

  it('when the service is up, then /healthz, /readyz and /metrics answer without credentials', async () => {
    expect((await t.request('GET', '/healthz')).json()).toEqual({ status: 'ok' })
    expect((await t.request('GET', '/readyz')).json()).toEqual({ status: 'ready', database: dialect })
    await t.request('GET', '/v1/customers', { token })
    const metrics = await t.request('GET', '/metrics')
    expect(metrics.headers['content-type']).toMatch(/text\/plain/)
    expect(metrics.body).toMatch(
      /tramite_http_requests_total\{method="GET",route="\/v1\/customers",status="200"\} \d+/,
    )
    expect(metrics.body).toMatch(/tramite_process_cpu_seconds_total/)
  })

  it('when /metrics is read, then it tells the memory apart: resident set, JS heap, buffers and (PGlite) the engine', async () => {
    const body = (await t.request('GET', '/metrics')).body
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1])
    expect(value('tramite_process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(value('tramite_nodejs_heap_size_used_bytes')).toBeGreaterThan(0)
    expect(value('tramite_nodejs_array_buffers_bytes')).toBeGreaterThan(0)
    if (dialect === 'pglite') {
      // WebAssembly memory comes in 64 KiB pages, and PostgreSQL's shared buffers alone are 16 MB
      const wasm = value('tramite_pglite_wasm_memory_bytes')
      expect(wasm % 65536).toBe(0)
      expect(wasm).toBeGreaterThan(16 * 1024 * 1024)
    } else {
      expect(body).not.toMatch(/tramite_pglite_wasm_memory_bytes/)
    }
  })

  it('when any request is served, then it carries a request id (echoed when the caller sends one) and security headers', async () => {
    const given = await t.request('GET', '/healthz', { headers: { 'x-request-id': 'abc-123' } })
    expect(given.headers['x-request-id']).toBe('abc-123')
    const generated = await t.request('GET', '/healthz', {
      headers: { 'x-request-id': 'bad id with spaces' },
    })
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(generated.headers['x-content-type-options']).toBe('nosniff')
    expect(generated.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(String(generated.headers['content-security-policy'])).toMatch(/default-src 'self'/)
    expect(String(generated.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/)
    expect(generated.headers['strict-transport-security']).toBeUndefined()
  })

  it('when /openapi.json is read, then it is an OpenAPI 3.1 document listing the APIs, and /docs is browsable', async () => {
    const doc = (await t.request('GET', '/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/session',
        '/api/customers',
        '/api/customers/{tenantId}',
        '/v1/customers',
      ]),
    )
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    const docs = await t.request('GET', '/docs/', { headers: { accept: 'text/html' } })
    expect(docs.status).toBe(200)
    expect(docs.body).toMatch(/swagger/i)
  })

  it('when the JSON body is malformed, then 400 bad_json, localized', async () => {
    const res = await t.request('POST', '/api/session', {
      rawBody: '{"email": "anna@',
      headers: { 'content-type': 'application/json', 'accept-language': 'it' },
    })
    expect(res.status).toBe(400)
    expect(res.json().error).toMatchObject({
      code: 'bad_json',
      message: 'Il corpo della richiesta non è un JSON valido.',
    })
    expect(res.json().error.requestId).toBeTruthy()
  })

  it('when fields have the wrong types or are missing, then 400 validation_failed naming the field', async () => {
    const wrong = await t.request('POST', '/api/session', { body: { email: 42, password: ['x'] } })
    expect(wrong.status).toBe(400)
    expect(wrong.json().error.code).toBe('validation_failed')
    expect(wrong.json().error.details[0].location).toMatch(/^body/)
    const extra = await t.request('POST', '/api/session', {
      body: { email: 'a@b.c', password: 'x', admin: true },
    })
    expect(extra.status).toBe(400)
    const italian = await t.request('POST', '/api/session', {
      body: {},
      headers: { 'accept-language': 'it' },
    })
    expect(italian.json().error.message).toMatch(/^La richiesta non è valida: .*(deve|richiest)/)
    const query = await t.request('GET', '/api/customers?limit=abc', { token })
    expect(query.status).toBe(400)
    expect(query.json().error.details[0].location).toBe('querystring.limit')
  })

  it('when the body is larger than the limit, then 413 body_too_large', async () => {
    const res = await t.request('POST', '/api/session', {
      rawBody: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(10_000) }),
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(413)
    expect(res.json().error.code).toBe('body_too_large')
  })

  it('when the content type is not JSON, then 415', async () => {
    const res = await t.request('POST', '/api/session', {
      rawBody: 'email=a',
      headers: { 'content-type': 'text/xml' },
    })
    expect(res.status).toBe(415)
    expect(res.json().error.code).toBe('unsupported_media_type')
  })

  it('when a route does not exist, then 404 route_not_found (API paths never get the web page)', async () => {
    const res = await t.request('GET', '/api/nothing-here', { headers: { accept: 'text/html' } })
    expect(res.status).toBe(404)
    expect(res.json().error.code).toBe('route_not_found')
    const pc = await t.request('GET', '/v1/nothing', { token })
    expect(pc.status).toBe(404)
    expect(pc.json()).toMatchObject({ code: 'route_not_found', source: 'Tramite' })
  })

  it('when random input hits every route, then the answer is never a 5xx and nothing changes', async () => {
    const before = await counts()
    const routes = [
      ['POST', '/api/session'],
      ['GET', '/api/session'],
      ['DELETE', '/api/session'],
      ['GET', '/api/customers'],
      ['GET', `/api/customers/${ROSSI}`],
      ['GET', '/v1/customers'],
      ['GET', `/v1/customers/${ROSSI}`],
      ['GET', `/v1/customers/${ROSSI}/subscriptions`],
      ['GET', '/api/advice'],
      ['GET', `/api/advice?customer=${ROSSI}&workload=azure`],
      ['POST', '/api/service-requests'],
      ['GET', '/api/service-requests'],
      ['GET', '/api/service-requests/2611250000000001'],
      ['POST', '/api/service-requests/2611250000000001/notes'],
      ['POST', '/api/service-requests/2611250000000001/close'],
      ['PATCH', '/api/service-requests/2611250000000001'],
      ['POST', '/api/service-requests/2611250000000001/attachments'],
      ['GET', '/api/desk/engineers'],
      ['GET', '/v1/servicerequests'],
      ['PATCH', '/v1/servicerequests/2611250000000001'],
      ['GET', '/api/support-topics'],
      ['GET', '/api/audit'],
    ] as const
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.json(), fc.string(), fc.constant('')),
        fc.dictionary(
          fc.constantFrom('q', 'limit', 'offset', 'size', 'filter', 'seekOperation', 'x'),
          fc.string({ maxLength: 30 }),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        fc.boolean(),
        async ([method, path], body, query, contentType, authenticated) => {
          const qs = new URLSearchParams(query).toString()
          const sep = path.includes('?') ? '&' : '?'
          const res = await t.request(method, `${path}${qs ? `${sep}${qs}` : ''}`, {
            ...(method === 'GET' ? {} : { rawBody: body, headers: { 'content-type': contentType } }),
            ...(authenticated ? { token } : {}),
          })
          expect(res.status, `${method} ${path}?${qs} → ${res.body}`).toBeLessThan(500)
          if (res.status >= 400) {
            const parsed = res.json()
            const code = parsed.error?.code ?? parsed.code
            expect(typeof code).toBe('string')
            expect(res.body).not.toMatch(/at .*\.ts:\d+/) // never a stack trace
          }
        },
      ),
      { numRuns: 600 },
    )
    expect(await counts()).toEqual(before)
  }, 120_000)

  async function counts() {
    const db = t.db.db
    const n = async (
      table:
        | 'tenants'
        | 'users'
        | 'subscriptions'
        | 'gdap_relationships'
        | 'customer_relationships'
        | 'service_requests',
    ) =>
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    return {
      tenants: await n('tenants'),
      users: await n('users'),
      subscriptions: await n('subscriptions'),
      gdap: await n('gdap_relationships'),
      customers: await n('customer_relationships'),
      requests: await n('service_requests'),
    }
  }
})
