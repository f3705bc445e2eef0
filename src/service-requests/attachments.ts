import { createHash } from 'node:crypto'

/**
 * What may be attached to a request, decided from the bytes, not from the name or the declared
 * type: screenshots, documents, logs, exports and archives of logs. Anything a browser could run
 * (HTML, SVG, scripts, executables) is refused.
 */
const BINARY_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'application/gzip',
])

/** Text files by extension; the bytes must be UTF-8 text. */
const TEXT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  har: 'application/json',
  xml: 'application/xml',
  md: 'text/markdown',
}

export const MAX_ATTACHMENTS_PER_REQUEST = 20

export type AttachmentCheck =
  | { ok: true; contentType: string; fileName: string; sha256: string }
  | { ok: false; code: 'attachment_type' | 'attachment_content_mismatch' | 'attachment_empty'; type: string }

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? ''
  // control characters and characters that mean something to shells or headers go
  const cleaned = [...base]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '"<>|:*?'.includes(c) ? '_' : c))
    .join('')
    .trim()
    .replace(/^\.+/, '')
  return (cleaned || 'file').slice(0, 255)
}

const extensionOf = (name: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] ?? '').toLowerCase()

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

export async function checkAttachment(fileName: string, bytes: Uint8Array): Promise<AttachmentCheck> {
  const name = safeFileName(fileName)
  if (bytes.length === 0) return { ok: false, code: 'attachment_empty', type: '' }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  // loaded on the first upload, not at every start
  const { fileTypeFromBuffer } = await import('file-type')
  const sniffed = await fileTypeFromBuffer(bytes)
  const extension = extensionOf(name)
  if (sniffed) {
    if (!BINARY_TYPES.has(sniffed.mime)) return { ok: false, code: 'attachment_type', type: sniffed.mime }
    return { ok: true, contentType: sniffed.mime, fileName: name, sha256 }
  }
  const textType = TEXT_TYPES[extension]
  if (!textType) return { ok: false, code: 'attachment_type', type: extension ? `.${extension}` : name }
  if (!isUtf8Text(bytes)) return { ok: false, code: 'attachment_content_mismatch', type: textType }
  // markup that a browser would render is not a log
  if (/^\s*<(?:!doctype\s+html|html|svg|script)\b/i.test(new TextDecoder().decode(bytes.subarray(0, 512)))) {
    return { ok: false, code: 'attachment_type', type: 'text/html' }
  }
  return { ok: true, contentType: textType, fileName: name, sha256 }
}
