import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const ANNA = 'anna@fabrikam.example'
const NORA = 'nora@northwind.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const BIANCHI_ADMIN = 'admin@bianchi.example'
const ENGINEER = 'engineer@contoso.example'
const LIMIT = 4096

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

function multipart(fileName: string, content: Buffer, declaredType = 'application/octet-stream') {
  const boundary = `----tramite${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    rawBody: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

describe.each(dialects())('attachments (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  let requestId: string
  beforeAll(async () => {
    t = await startTestApp(dialect, { ATTACHMENT_MAX_BYTES: String(LIMIT) })
    for (const p of [ANNA, NORA, ROSSI_ADMIN, BIANCHI_ADMIN, ENGINEER]) tokens[p] = await t.tokenFor(p)
    const res = await t.request('POST', '/api/service-requests', {
      token: tokens[ANNA]!,
      body: {
        customerTenantId: ROSSI,
        workload: 'office365',
        title: 'Outlook crashes on start',
        description: 'Crash log and screenshot attached.',
        severity: 'moderate',
      },
    })
    requestId = res.json().id
  })
  afterAll(() => t?.close())

  const upload = (who: string, fileName: string, content: Buffer, query = '', declared?: string) =>
    t.request('POST', `/api/service-requests/${requestId}/attachments${query}`, {
      token: tokens[who]!,
      ...multipart(fileName, content, declared),
    })
  const download = (who: string, url: string) => t.request('GET', url, { token: tokens[who]! })
  const attachmentCount = async () =>
    (
      await t.db.db
        .selectFrom('service_request_attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('request_id', '=', requestId)
        .executeTakeFirstOrThrow()
    ).n

  it('when anna attaches a screenshot and a log, then everyone who may read the request downloads the same bytes, as a download', async () => {
    const shot = await upload(ANNA, 'schermata.png', PNG, '', 'image/png')
    expect(shot.status, shot.body).toBe(201)
    const log = await upload(ANNA, 'outlook.log', Buffer.from('2026-11-25 09:00 crash in mso.dll\n'))
    expect(log.status, log.body).toBe(201)
    const files = log.json().attachments as {
      fileName: string
      contentType: string
      url: string
      sha256: string
    }[]
    expect(files.map((f) => [f.fileName, f.contentType])).toEqual([
      ['schermata.png', 'image/png'],
      ['outlook.log', 'text/plain'],
    ])
    expect(files[0]!.sha256).toBe(createHash('sha256').update(PNG).digest('hex'))
    expect(shot.headers.location).toBe(files[0]!.url)

    for (const reader of [ANNA, ROSSI_ADMIN, ENGINEER]) {
      const res = await download(reader, files[0]!.url)
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="schermata.png"/)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toContain('sandbox')
    }
    const text = await download(ROSSI_ADMIN, files[1]!.url)
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(text.body).toContain('crash in mso.dll')
    // the request detail lists them
    const detail = (
      await t.request('GET', `/api/service-requests/${requestId}`, { token: tokens[ROSSI_ADMIN]! })
    ).json()
    expect(detail.attachments).toHaveLength(2)
  })

  it('when a file is not an allowed type or lies about it, then it is refused and nothing is stored', async () => {
    const before = await attachmentCount()
    const cases: [string, Buffer, string][] = [
      ['page.html', Buffer.from('<!doctype html><script>alert(1)</script>'), 'attachment_type'],
      ['page.txt', Buffer.from('<html><body>hi</body></html>'), 'attachment_type'],
      ['setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]), 'attachment_type'],
      ['image.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'attachment_type'],
      ['binary.log', Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01]), 'attachment_content_mismatch'],
      ['empty.txt', Buffer.alloc(0), 'attachment_empty'],
    ]
    for (const [name, content, code] of cases) {
      const res = await upload(ANNA, name, content)
      expect(res.status, `${name}: ${res.body}`).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.json().error.code, name).toBe(code)
    }
    // the bytes decide: a PNG named .txt is stored as a PNG
    const renamed = await upload(ANNA, 'notes.txt', PNG)
    expect(renamed.json().attachments.at(-1)).toMatchObject({
      fileName: 'notes.txt',
      contentType: 'image/png',
    })
    expect(await attachmentCount()).toBe(before + 1)
  })

  it('when a file is over the size limit, then 413 in the caller’s language and nothing is stored', async () => {
    const before = await attachmentCount()
    const body = multipart('big.log', Buffer.alloc(LIMIT + 1, 'a'))
    const big = await t.request('POST', `/api/service-requests/${requestId}/attachments`, {
      token: tokens[ANNA]!,
      rawBody: body.rawBody,
      headers: { ...body.headers, 'accept-language': 'it' },
    })
    expect(big.status).toBe(413)
    expect(big.json().error.code).toBe('attachment_too_large')
    expect(big.json().error.message).toContain('Il file supera')
    expect(await attachmentCount()).toBe(before)
    const notMultipart = await t.request('POST', `/api/service-requests/${requestId}/attachments`, {
      token: tokens[ANNA]!,
      body: { file: 'x' },
    })
    expect(notMultipart.status).toBe(415)
  })

  it('when the engineer attaches an internal file, then the requester can neither see nor download it', async () => {
    const res = await upload(
      ENGINEER,
      'trace.json',
      Buffer.from('{"trace":"internal"}'),
      '?visibility=internal',
    )
    expect(res.status, res.body).toBe(201)
    const internal = res.json().attachments.find((a: { visibility: string }) => a.visibility === 'internal')
    expect(internal).toMatchObject({ fileName: 'trace.json', contentType: 'application/json' })
    expect((await download(ENGINEER, internal.url)).status).toBe(200)
    for (const outsider of [ANNA, ROSSI_ADMIN]) {
      expect((await download(outsider, internal.url)).status).toBe(404)
      const detail = (
        await t.request('GET', `/api/service-requests/${requestId}`, { token: tokens[outsider]! })
      ).json()
      expect(detail.attachments.map((a: { id: string }) => a.id)).not.toContain(internal.id)
    }
    const annaInternal = await upload(ANNA, 'mine.log', Buffer.from('x'), '?visibility=internal')
    expect(annaInternal.status).toBe(403)
  })

  it('when another tenant reaches for an attachment, then 404 and no upload', async () => {
    const detail = (
      await t.request('GET', `/api/service-requests/${requestId}`, { token: tokens[ANNA]! })
    ).json()
    const url = detail.attachments[0].url as string
    const before = await attachmentCount()
    for (const outsider of [NORA, BIANCHI_ADMIN]) {
      expect((await download(outsider, url)).status).toBe(404)
      expect((await upload(outsider, 'x.log', Buffer.from('x'))).status).toBe(404)
    }
    expect((await download(ANNA, `/api/service-requests/${requestId}/attachments/not-a-uuid`)).status).toBe(
      404,
    )
    expect(await attachmentCount()).toBe(before)
  })
})
