/**
 * One set of type parsers for both engines, so a row reads the same on PGlite and PostgreSQL:
 * int8 (bigint, count(*)) as a JavaScript number, numeric as a string (no silent rounding),
 * date as 'YYYY-MM-DD' (no time-zone shift), timestamptz as a Date.
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const

function parseInt8(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint value ${value} is beyond 2^53; read it as text`)
  return n
}

const identity = (value: string): string => value

export const textParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.NUMERIC]: identity,
  [OID.DATE]: identity,
}
