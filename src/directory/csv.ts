import type { Kysely } from 'kysely'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import type { Locale } from '../platform/i18n/i18n.ts'

/**
 * CSV import and export, generic: RFC 4180 text (quoted fields, "" escapes, CRLF or LF, a BOM is
 * dropped), a header row naming the columns, a dry run that reports every row's problems, and an
 * all-or-nothing apply (one transaction, run only when no row has a problem). Users use it
 * (users-csv.ts); customers and subscriptions reuse it with their own `CsvImport`.
 *
 *   const report = await runCsvImport(ctx, text, USERS_CSV, { mode: 'dry-run', locale, scope })
 *   // report.problems: [{ row: 3, column: 'userPrincipalName', code: 'email_taken', message: '…' }]
 */

export const CSV_MAX_BYTES = 2 * 1024 * 1024
export const CSV_MAX_ROWS = 5_000

export interface CsvProblem {
  /** The row's line in the file (the header is row 1), or 0 for the whole file. */
  row: number
  column: string | null
  code: string
  message: string
}

export type CsvRecord = Record<string, string>

/** What one kind of import declares: its columns, how a row is read, checked and applied. */
export interface CsvImport<Row, Scope> {
  columns: readonly string[]
  required: readonly string[]
  /** Reads one record into a row, or says what is wrong with it (no database access). */
  parse(
    record: CsvRecord,
    locale: Locale,
  ): { row: Row; problems: [] } | { row: null; problems: Omit<CsvProblem, 'row'>[] }
  /** Checks the parsed rows against each other and the database; answers problems by row index. */
  check(
    ctx: AppContext,
    scope: Scope,
    rows: Row[],
    locale: Locale,
  ): Promise<Map<number, Omit<CsvProblem, 'row'>[]>>
  /** Applies every row in one transaction; answers how many rows changed something. */
  apply(trx: Kysely<Database>, ctx: AppContext, scope: Scope, rows: Row[]): Promise<number>
}

export interface CsvReport {
  mode: 'dry-run' | 'apply'
  rows: number
  valid: number
  problems: CsvProblem[]
  /** Rows that changed something (apply only; 0 when anything was wrong). */
  applied: number
}

const WORDS = {
  en: {
    too_large: `The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MiB.`,
    too_many: `The file has more than ${CSV_MAX_ROWS} rows; split it.`,
    empty: 'The file is empty: the first row must name the columns.',
    unterminated: 'A quoted field is not closed.',
    unknown_column: 'Unknown column {column} (expected: {expected}).',
    missing_column: 'The column {column} is missing.',
    duplicate_column: 'The column {column} appears twice.',
    field_count: 'The row has {found} fields; the header has {expected}.',
    required: '{column} is required.',
  },
  it: {
    too_large: `Il file supera ${CSV_MAX_BYTES / 1024 / 1024} MiB.`,
    too_many: `Il file ha più di ${CSV_MAX_ROWS} righe; dividilo.`,
    empty: 'Il file è vuoto: la prima riga deve indicare le colonne.',
    unterminated: 'Un campo tra virgolette non è chiuso.',
    unknown_column: 'Colonna sconosciuta {column} (attese: {expected}).',
    missing_column: 'Manca la colonna {column}.',
    duplicate_column: 'La colonna {column} compare due volte.',
    field_count: 'La riga ha {found} campi; l’intestazione ne ha {expected}.',
    required: '{column} è obbligatorio.',
  },
} as const

export function csvWords(
  locale: Locale,
  key: keyof (typeof WORDS)['en'],
  params: Record<string, string | number> = {},
) {
  return WORDS[locale === 'it' ? 'it' : 'en'][key].replace(/\{(\w+)\}/g, (w, n: string) =>
    String(params[n] ?? w),
  )
}

/** Parses RFC 4180 text into rows of fields, with each row's line number. Throws on an open quote. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  let i = 0
  const endRow = () => {
    fields.push(field)
    // a blank line, or one of empty fields only (what spreadsheets leave at the end), is no row
    if (fields.some((f) => f !== '')) rows.push({ line: rowLine, fields })
    fields = []
    field = ''
  }
  while (i < input.length) {
    const c = input[i]!
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
      i++
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else field += c
    i++
  }
  if (quoted) throw new CsvSyntaxError(rowLine)
  if (field !== '' || fields.length > 0) endRow()
  return rows
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quoted field from line ${line}`)
  }
}

/**
 * The records of a CSV text keyed by its (trimmed) header, each with its line, values trimmed —
 * for imports that check their columns themselves. Throws CsvSyntaxError on an open quote.
 */
export function parseCsvTable(text: string): {
  header: string[]
  rows: { line: number; values: Record<string, string> }[]
} {
  const [head, ...rest] = parseCsv(text)
  const header = (head?.fields ?? []).map((h) => h.trim())
  return {
    header,
    rows: rest.map((r) => ({
      line: r.line,
      values: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])),
    })),
  }
}

type Cell = string | number | boolean | null | undefined

/**
 * One CSV line (no line break): fields quoted when needed; a cell a spreadsheet would run as a
 * formula (starting with = + - @ or a tab/CR) is quoted and prefixed with '.
 */
export function csvLine(values: readonly Cell[]): string {
  return values
    .map((v) => {
      const text = v === null || v === undefined ? '' : String(v)
      const formula = typeof v === 'string' && /^[=+\-@\t\r]/.test(text)
      if (!formula && !/[",\r\n]/.test(text)) return text
      return `"${(formula ? `'${text}` : text).replace(/"/g, '""')}"`
    })
    .join(',')
}

/** Writes rows as CSV (CRLF, fields quoted when needed, formula-looking cells neutralized). */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  return [csvLine(columns), ...rows.map((r) => csvLine(columns.map((c) => r[c])))].join('\r\n') + '\r\n'
}

/** Reads a CSV file into records keyed by column, or the file-level problems. */
export function readCsv(
  text: string,
  spec: { columns: readonly string[]; required: readonly string[] },
  locale: Locale,
): { records: { line: number; record: CsvRecord }[]; problems: CsvProblem[] } {
  const fileProblem = (
    code: keyof (typeof WORDS)['en'],
    params: Record<string, string | number> = {},
    column: string | null = null,
    row = 0,
  ): CsvProblem => ({
    row,
    column,
    code: `csv_${code}`,
    message: csvWords(locale, code, params),
  })
  if (Buffer.byteLength(text) > CSV_MAX_BYTES) return { records: [], problems: [fileProblem('too_large')] }
  let rows: { line: number; fields: string[] }[]
  try {
    rows = parseCsv(text)
  } catch (error) {
    const line = error instanceof CsvSyntaxError ? error.line : 0
    return { records: [], problems: [fileProblem('unterminated', {}, null, line)] }
  }
  if (rows.length === 0) return { records: [], problems: [fileProblem('empty')] }
  if (rows.length - 1 > CSV_MAX_ROWS) return { records: [], problems: [fileProblem('too_many')] }
  const header = rows[0]!.fields.map((h) => h.trim())
  const problems: CsvProblem[] = []
  const seen = new Set<string>()
  for (const name of header) {
    if (!spec.columns.includes(name))
      problems.push(
        fileProblem('unknown_column', { column: name, expected: spec.columns.join(', ') }, name, 1),
      )
    if (seen.has(name)) problems.push(fileProblem('duplicate_column', { column: name }, name, 1))
    seen.add(name)
  }
  for (const name of spec.required)
    if (!seen.has(name)) problems.push(fileProblem('missing_column', { column: name }, name, 1))
  if (problems.length) return { records: [], problems }
  const records: { line: number; record: CsvRecord }[] = []
  for (const row of rows.slice(1)) {
    if (row.fields.length !== header.length) {
      problems.push(
        fileProblem('field_count', { found: row.fields.length, expected: header.length }, null, row.line),
      )
      continue
    }
    const record: CsvRecord = {}
    header.forEach((name, i) => (record[name] = row.fields[i]!.trim()))
    const missing = spec.required.filter((c) => record[c] === '')
    for (const column of missing) problems.push(fileProblem('required', { column }, column, row.line))
    if (missing.length === 0) records.push({ line: row.line, record })
  }
  return { records, problems }
}

/**
 * The dry run and the apply: read, parse and check every row (collecting every problem), then —
 * for `apply`, and only when no row has a problem — apply them all in one transaction. The checks
 * run again at apply time; a change that races them still fails the transaction as a whole
 * (unique keys), so an import never lands half.
 */
export async function runCsvImport<Row, Scope>(
  ctx: AppContext,
  text: string,
  spec: CsvImport<Row, Scope>,
  options: { mode: 'dry-run' | 'apply'; locale: Locale; scope: Scope },
): Promise<CsvReport> {
  const { records, problems } = readCsv(text, spec, options.locale)
  const rows: Row[] = []
  const lines: number[] = []
  for (const { line, record } of records) {
    const parsed = spec.parse(record, options.locale)
    if (parsed.row === null) problems.push(...parsed.problems.map((p) => ({ ...p, row: line })))
    else {
      rows.push(parsed.row)
      lines.push(line)
    }
  }
  const addChecks = (checked: Map<number, Omit<CsvProblem, 'row'>[]>) => {
    for (const [index, list] of checked) problems.push(...list.map((p) => ({ ...p, row: lines[index] ?? 0 })))
  }
  addChecks(await spec.check(ctx, options.scope, rows, options.locale))
  const total =
    records.length +
    new Set(problems.filter((p) => p.row > 1 && !records.some((r) => r.line === p.row)).map((p) => p.row))
      .size
  const report = (applied: number): CsvReport => ({
    mode: options.mode,
    rows: total,
    valid: rows.length - new Set(problems.filter((p) => lines.includes(p.row)).map((p) => p.row)).size,
    problems: problems.sort((a, b) => a.row - b.row),
    applied,
  })
  if (options.mode === 'dry-run' || problems.length > 0) return report(0)
  const applied = await ctx.db.transaction().execute(async (trx) => spec.apply(trx, ctx, options.scope, rows))
  return report(applied)
}
