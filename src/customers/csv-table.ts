/**
 * RFC 4180 CSV: a header row, then records; quoted fields may hold commas, quotes ("") and line
 * breaks. Reading answers each record as an object keyed by the header (with its 1-based line).
 */

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error at line ${line}`)
  }
}

export function parseCsv(text: string): {
  header: string[]
  rows: { line: number; values: Record<string, string> }[]
} {
  const records: { line: number; fields: string[] }[] = []
  let field = ''
  let fields: string[] = []
  let quoted = false
  let line = 1
  let recordLine = 1
  const src = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        field += c
      }
      continue
    }
    if (c === '"') {
      if (field !== '') throw new CsvSyntaxError(line)
      quoted = true
    } else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      fields.push(field)
      if (fields.some((f) => f !== '')) records.push({ line: recordLine, fields })
      fields = []
      field = ''
      line++
      recordLine = line
    } else field += c
  }
  if (quoted) throw new CsvSyntaxError(line)
  fields.push(field)
  if (fields.some((f) => f !== '')) records.push({ line: recordLine, fields })
  const [head, ...rest] = records
  const header = (head?.fields ?? []).map((h) => h.trim())
  return {
    header,
    rows: rest.map((r) => ({
      line: r.line,
      values: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])),
    })),
  }
}

const needsQuotes = /[",\r\n]|^[=+\-@\t]/

/** One CSV line; a field that a spreadsheet would read as a formula is quoted and prefixed with '. */
export function csvLine(values: (string | number | null | undefined)[]): string {
  return values
    .map((v) => {
      const s = v === null || v === undefined ? '' : String(v)
      if (!needsQuotes.test(s)) return s
      const safe = /^[=+\-@\t]/.test(s) ? `'${s}` : s
      return `"${safe.replace(/"/g, '""')}"`
    })
    .join(',')
}
