import { csvLine, CsvSyntaxError, parseCsvTable } from '../directory/csv.ts'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError } from '../platform/errors.ts'
import { type Locale, t } from '../platform/i18n/i18n.ts'
import { customerForActor, customersForActor, partnerTenantOf } from './customers.service.ts'
import { createCustomerAsActor } from './onboarding.service.ts'
import { createOrderAsActor } from './orders.service.ts'
import { listSubscriptions } from './subscriptions.data.ts'

/**
 * Bulk administration of customers and subscriptions as CSV. An import first runs every row
 * through the same services as Partner Center's calls, inside one transaction that is always
 * rolled back on a dry run or on any problem — so the report names every row's problem and an
 * apply writes all rows or none.
 */

export const CUSTOMER_COLUMNS = [
  'companyName',
  'domain',
  'country',
  'locale',
  'adminFirstName',
  'adminLastName',
  'email',
  'addressLine1',
  'city',
  'postalCode',
  'associatedPartnerId',
] as const
export const SUBSCRIPTION_COLUMNS = [
  'customerDomain',
  'offerId',
  'quantity',
  'friendlyName',
  'termDuration',
] as const
const MAX_ROWS = 1000

export type ImportKind = 'customers' | 'subscriptions'

export interface RowOutcome {
  line: number
  key: string
  problems: { code: string; message: string }[]
  /** After an apply: what was created (a customer's tenant id and one-time credentials, or a subscription id). */
  created?: Record<string, string>
}

export interface ImportReport {
  kind: ImportKind
  dryRun: boolean
  applied: boolean
  rows: RowOutcome[]
}

class Rollback extends Error {}

const importProblem = (status: number, code: string, en: string, it: string) =>
  Object.assign(new AppError(status, code, 'error.validation', { detail: en }), {
    localize: (locale: Locale) => ({ message: locale === 'it' ? it : en }),
  })

const CULTURES = new Set(['it-IT', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES'])
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const DOMAIN =
  /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/

function rowProblems(kind: ImportKind, v: Record<string, string>, locale: Locale): RowOutcome['problems'] {
  const out: RowOutcome['problems'] = []
  const bad = (field: string, en: string, it: string) =>
    out.push({ code: 'invalid_field', message: `${field}: ${locale === 'it' ? it : en}` })
  const required =
    kind === 'customers'
      ? [
          'companyName',
          'domain',
          'country',
          'locale',
          'adminFirstName',
          'adminLastName',
          'email',
          'addressLine1',
          'city',
        ]
      : ['customerDomain', 'offerId', 'quantity']
  for (const f of required) if (!v[f]) bad(f, 'is required', 'è obbligatorio')
  if (kind === 'customers') {
    if (v.domain && !DOMAIN.test(v.domain.toLowerCase()))
      bad('domain', 'must be a DNS domain name', 'deve essere un nome di dominio DNS')
    if (v.country && !/^[A-Za-z]{2}$/.test(v.country))
      bad('country', 'must be a two-letter country code', 'deve essere un codice paese di due lettere')
    if (v.locale && !CULTURES.has(v.locale))
      bad(
        'locale',
        `must be one of ${[...CULTURES].join(', ')}`,
        `deve essere uno tra ${[...CULTURES].join(', ')}`,
      )
    if (v.email && !EMAIL.test(v.email))
      bad('email', 'must be an email address', 'deve essere un indirizzo email')
    if (v.associatedPartnerId && !/^[0-9a-f-]{36}$/i.test(v.associatedPartnerId))
      bad('associatedPartnerId', 'must be a GUID', 'deve essere un GUID')
  } else {
    if (v.quantity && !/^[1-9]\d{0,5}$/.test(v.quantity))
      bad('quantity', 'must be a whole number from 1 to 100000', 'deve essere un numero intero da 1 a 100000')
    if (v.termDuration && !['P1M', 'P1Y', 'P3Y'].includes(v.termDuration))
      bad('termDuration', 'must be P1M, P1Y or P3Y', 'deve essere P1M, P1Y o P3Y')
  }
  return out
}

export async function importCsv(
  ctx: AppContext,
  actor: Actor,
  kind: ImportKind,
  csv: string,
  options: { dryRun: boolean; locale: Locale },
): Promise<ImportReport> {
  partnerTenantOf(actor)
  let parsed: ReturnType<typeof parseCsvTable>
  try {
    parsed = parseCsvTable(csv)
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error
    throw importProblem(
      400,
      'csv_syntax',
      `The CSV is not well formed at line ${error.line}.`,
      `Il CSV non è ben formato alla riga ${error.line}.`,
    )
  }
  const columns: readonly string[] = kind === 'customers' ? CUSTOMER_COLUMNS : SUBSCRIPTION_COLUMNS
  const missing = columns.filter(
    (c) =>
      !['associatedPartnerId', 'postalCode', 'friendlyName', 'termDuration'].includes(c) &&
      !parsed.header.includes(c),
  )
  if (missing.length) {
    throw importProblem(
      400,
      'csv_columns',
      `The header lacks the columns: ${missing.join(', ')}.`,
      `L'intestazione non ha le colonne: ${missing.join(', ')}.`,
    )
  }
  if (parsed.rows.length === 0 || parsed.rows.length > MAX_ROWS) {
    throw importProblem(
      400,
      'csv_rows',
      `The CSV must hold 1 to ${MAX_ROWS} rows.`,
      `Il CSV deve contenere da 1 a ${MAX_ROWS} righe.`,
    )
  }
  const rows: RowOutcome[] = []
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const tx = { ...ctx, db: trx }
      for (const { line, values } of parsed.rows) {
        const outcome: RowOutcome = {
          line,
          key:
            kind === 'customers'
              ? (values.domain ?? '')
              : `${values.customerDomain ?? ''} ${values.offerId ?? ''}`,
          problems: rowProblems(kind, values, options.locale),
        }
        rows.push(outcome)
        if (outcome.problems.length) continue
        try {
          outcome.created =
            kind === 'customers'
              ? await importCustomer(tx, actor, values)
              : await importSubscription(tx, actor, values)
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error
          const message =
            error.localize?.(options.locale).message ?? t(options.locale, error.messageKey, error.params)
          outcome.problems.push({ code: error.code, message })
        }
      }
      if (options.dryRun || rows.some((r) => r.problems.length)) throw new Rollback()
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  const applied = !options.dryRun && rows.every((r) => r.problems.length === 0)
  return {
    kind,
    dryRun: options.dryRun,
    applied,
    rows: rows.map((r) => (applied ? r : { line: r.line, key: r.key, problems: r.problems })),
  }
}

async function importCustomer(ctx: AppContext, actor: Actor, v: Record<string, string>) {
  const email = v.email!.toLowerCase()
  const { customer, credentials } = await createCustomerAsActor(ctx, actor, {
    companyName: v.companyName!,
    domain: v.domain!.toLowerCase(),
    country: v.country!.toUpperCase(),
    locale: v.locale!,
    profile: {
      email,
      addressLine1: v.addressLine1!,
      city: v.city!,
      postalCode: v.postalCode || null,
      billingFirstName: v.adminFirstName!,
      billingLastName: v.adminLastName!,
      billingEmail: email,
    },
    admin: { givenName: v.adminFirstName!, surname: v.adminLastName! },
    associatedPartnerId: v.associatedPartnerId?.toLowerCase() || undefined,
  })
  return { tenantId: customer.tenantId, userName: credentials.userName, password: credentials.password }
}

async function importSubscription(ctx: AppContext, actor: Actor, v: Record<string, string>) {
  const customers = await customersForActor(ctx, actor, {
    offset: 0,
    limit: 1,
    nameStartsWith: v.customerDomain,
  })
  const customer = customers.items.find((c) => c.defaultDomain === v.customerDomain!.toLowerCase())
  const order = await createOrderAsActor(ctx, actor, customer?.tenantId ?? v.customerDomain!, {
    billingCycle: undefined,
    lineItems: [
      {
        lineItemNumber: 0,
        offerId: v.offerId!,
        quantity: Number(v.quantity),
        friendlyName: v.friendlyName || undefined,
        termDuration: (v.termDuration || undefined) as 'P1M' | 'P1Y' | 'P3Y' | undefined,
      },
    ],
  })
  return { subscriptionId: order.lineItems[0]!.subscriptionId ?? '', orderId: order.id }
}

/** The partner's customers as CSV, in the import's columns (plus tenant id and relationship). */
export async function exportCustomersCsv(ctx: AppContext, actor: Actor): Promise<string> {
  const lines = [
    csvLine([
      'tenantId',
      ...CUSTOMER_COLUMNS.filter((c) => !c.startsWith('admin') && c !== 'email'),
      'relationship',
      'indirectProviderTenantId',
    ]),
  ]
  for (let offset = 0; ; offset += 500) {
    const page = await customersForActor(ctx, actor, { offset, limit: 500 })
    for (const c of page.items) {
      lines.push(
        csvLine([
          c.tenantId,
          c.displayName,
          c.defaultDomain,
          c.country,
          c.locale,
          c.profile?.addressLine1,
          c.profile?.city,
          c.profile?.postalCode,
          c.reseller?.tenantId,
          c.relationship,
          c.indirectProvider?.tenantId,
        ]),
      )
    }
    if (offset + page.items.length >= page.total) break
  }
  return `${lines.join('\r\n')}\r\n`
}

/** The subscriptions the partner sold (provides or resells), across its customers, as CSV. */
export async function exportSubscriptionsCsv(ctx: AppContext, actor: Actor): Promise<string> {
  const partnerId = partnerTenantOf(actor)
  const lines = [
    csvLine([
      'customerTenantId',
      ...SUBSCRIPTION_COLUMNS,
      'subscriptionId',
      'billing',
      'status',
      'channel',
      'orderId',
    ]),
  ]
  for (let offset = 0; ; offset += 500) {
    const page = await customersForActor(ctx, actor, { offset, limit: 500 })
    for (const c of page.items) {
      await customerForActor(ctx, actor, c.tenantId)
      for (const s of await listSubscriptions(ctx.db, partnerId, c.tenantId, { onlySoldByPartner: true })) {
        lines.push(
          csvLine([
            c.tenantId,
            c.defaultDomain,
            s.offerId,
            s.quantity,
            s.friendlyName,
            s.termDuration,
            s.id,
            s.billing,
            s.status,
            s.channel,
            s.orderId,
          ]),
        )
      }
    }
    if (offset + page.items.length >= page.total) break
  }
  return `${lines.join('\r\n')}\r\n`
}
