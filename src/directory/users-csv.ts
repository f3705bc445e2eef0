import type { Kysely } from 'kysely'
import { recordAudit } from '../audit/audit.data.ts'
import { auditActor, type Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { adminTenantOf, directoryTenantOf } from './directory-access.ts'
import { directoryText } from './directory.messages.ts'
import { type CsvImport, type CsvProblem, type CsvReport, runCsvImport, toCsv } from './csv.ts'
import { issueInvitation } from './invitations.ts'
import { groupsOf, memberOf, usersOf } from './people.data.ts'
import { insertUser, tenantNameOf } from './people.service.ts'

/**
 * Users as CSV: export the tenant's people (with their direct groups), import new and changed
 * ones. A new user is invited by email; an existing user of the tenant (same address) is updated
 * and added to the groups named (never removed from others).
 */

export const USER_COLUMNS = [
  'userPrincipalName',
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'mobilePhone',
  'preferredLanguage',
  'accountEnabled',
  'groups',
] as const

/** A row; a field is undefined when the file has no such column (an existing user keeps it). */
interface UserRow {
  email: string
  displayName: string
  givenName: string | null | undefined
  surname: string | null | undefined
  jobTitle: string | null | undefined
  phone: string | null | undefined
  locale: string | null | undefined
  /** Undefined when the column is missing or empty: a new user is enabled, an existing one keeps theirs. */
  accountEnabled: boolean | undefined
  groups: string[]
}

interface Scope {
  actor: Actor
  tenantId: string
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const LANGUAGE = /^[a-z]{2}(-[A-Z]{2})?$/
const TEXT = {
  en: {
    bad_email: 'Not an email address: {value}.',
    too_long: '{column} is longer than {max} characters.',
    bad_boolean: 'accountEnabled must be true or false (got {value}).',
    bad_language: 'preferredLanguage must look like it-IT or en (got {value}).',
    duplicate_row: 'The address {value} is also on row {other}.',
    unknown_group: 'There is no group {value} in this tenant.',
  },
  it: {
    bad_email: 'Non è un indirizzo email: {value}.',
    too_long: '{column} supera {max} caratteri.',
    bad_boolean: 'accountEnabled deve essere true o false (ricevuto {value}).',
    bad_language: 'preferredLanguage deve essere come it-IT o en (ricevuto {value}).',
    duplicate_row: "L'indirizzo {value} è anche alla riga {other}.",
    unknown_group: 'Nel tenant non esiste il gruppo {value}.',
  },
} as const

const say = (locale: Locale, key: keyof (typeof TEXT)['en'], params: Record<string, string | number>) =>
  TEXT[locale === 'it' ? 'it' : 'en'][key].replace(/\{(\w+)\}/g, (w, n: string) => String(params[n] ?? w))

type Problem = Omit<CsvProblem, 'row'>

const USERS_CSV: CsvImport<UserRow, Scope> = {
  columns: USER_COLUMNS,
  required: ['userPrincipalName', 'displayName'],
  parse(record, locale) {
    const problems: Problem[] = []
    const problem = (
      column: string,
      code: keyof (typeof TEXT)['en'],
      params: Record<string, string | number>,
    ) => problems.push({ column, code, message: say(locale, code, { column, ...params }) })
    const email = (record.userPrincipalName ?? '').toLowerCase()
    if (!EMAIL.test(email) || email.length > 254)
      problem('userPrincipalName', 'bad_email', { value: record.userPrincipalName ?? '' })
    const limits: [string, number][] = [
      ['displayName', 256],
      ['givenName', 64],
      ['surname', 64],
      ['jobTitle', 128],
      ['mobilePhone', 64],
    ]
    for (const [column, max] of limits)
      if ((record[column] ?? '').length > max) problem(column, 'too_long', { max })
    const enabled = (record.accountEnabled ?? '').toLowerCase()
    if (!['', 'true', 'false'].includes(enabled))
      problem('accountEnabled', 'bad_boolean', { value: record.accountEnabled ?? '' })
    const language = record.preferredLanguage ?? ''
    if (language && !LANGUAGE.test(language))
      problem('preferredLanguage', 'bad_language', { value: language })
    if (problems.length) return { row: null, problems }
    const orNull = (v: string | undefined) => (v === undefined ? undefined : v || null)
    return {
      row: {
        email,
        displayName: record.displayName!,
        givenName: orNull(record.givenName),
        surname: orNull(record.surname),
        jobTitle: orNull(record.jobTitle),
        phone: orNull(record.mobilePhone),
        locale: orNull(record.preferredLanguage),
        accountEnabled: enabled === '' ? undefined : enabled === 'true',
        groups: (record.groups ?? '')
          .split(';')
          .map((g) => g.trim())
          .filter(Boolean),
      },
      problems: [],
    }
  },
  async check(ctx, scope, rows, locale) {
    const problems = new Map<number, Problem[]>()
    const add = (index: number, p: Problem) => problems.set(index, [...(problems.get(index) ?? []), p])
    const firstRow = new Map<string, number>()
    rows.forEach((row, index) => {
      const other = firstRow.get(row.email)
      if (other !== undefined)
        add(index, {
          column: 'userPrincipalName',
          code: 'duplicate_row',
          message: say(locale, 'duplicate_row', { value: row.email, other: `#${other + 1}` }),
        })
      else firstRow.set(row.email, index)
    })
    const emails = [...firstRow.keys()]
    const taken = emails.length
      ? await ctx.db
          .selectFrom('users')
          .select(['email', 'tenant_id', 'deleted_at'])
          .where('email', 'in', emails)
          .execute()
      : []
    const groupNames = new Set(
      (await groupsOf(ctx.db, scope.tenantId)).map((g) => g.displayName.toLowerCase()),
    )
    rows.forEach((row, index) => {
      const owner = taken.find((t) => t.email === row.email)
      if (owner && (owner.tenant_id !== scope.tenantId || owner.deleted_at)) {
        const problem = owner.deleted_at ? 'email_taken_deleted' : 'email_taken'
        add(index, {
          column: 'userPrincipalName',
          code: problem,
          message: directoryText(locale, problem, { email: row.email }),
        })
      }
      // as the API: nobody disables their own account
      if (row.accountEnabled === false && scope.actor.principal === 'user' && row.email === scope.actor.email)
        add(index, {
          column: 'accountEnabled',
          code: 'self_change',
          message: directoryText(locale, 'self_change', {}),
        })
      for (const group of row.groups)
        if (!groupNames.has(group.toLowerCase()))
          add(index, {
            column: 'groups',
            code: 'unknown_group',
            message: say(locale, 'unknown_group', { value: group }),
          })
    })
    return problems
  },
  async apply(trx, ctx, scope, rows) {
    return applyUsers(trx, ctx, scope, rows)
  },
}

async function applyUsers(
  trx: Kysely<Database>,
  ctx: AppContext,
  scope: Scope,
  rows: UserRow[],
): Promise<number> {
  const now = ctx.now()
  const groups = new Map(
    (await groupsOf(trx, scope.tenantId)).map((g) => [g.displayName.toLowerCase(), g.id]),
  )
  const tenantName = await tenantNameOf(trx, scope.tenantId)
  let changed = 0
  for (const row of rows) {
    const existing = await trx
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('email', '=', row.email)
      .where('tenant_id', '=', scope.tenantId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    let userId: string
    if (existing) {
      userId = existing.id
      // only the columns the file has: a missing column keeps what the user holds
      await trx
        .updateTable('users')
        .set({
          display_name: row.displayName,
          ...(row.givenName === undefined ? {} : { given_name: row.givenName }),
          ...(row.surname === undefined ? {} : { surname: row.surname }),
          ...(row.jobTitle === undefined ? {} : { job_title: row.jobTitle }),
          ...(row.phone === undefined ? {} : { phone: row.phone }),
          ...(row.locale === undefined ? {} : { locale: row.locale }),
          ...(row.accountEnabled === undefined ? {} : { disabled: !row.accountEnabled }),
        })
        .where('id', '=', userId)
        .execute()
    } else {
      userId = await insertUser(trx, scope.tenantId, { ...row, email: row.email }, null, now)
      await issueInvitation(trx, ctx, {
        userId,
        createdByUserId: scope.actor.principal === 'user' ? scope.actor.userId : null,
        email: {
          to: row.email,
          name: row.displayName,
          tenantName,
          locale: row.locale ?? null,
          inviter: scope.actor.displayName || tenantName,
        },
      })
    }
    for (const name of row.groups)
      await trx
        .insertInto('group_user_members')
        .values({ group_id: groups.get(name.toLowerCase())!, user_id: userId })
        .onConflict((oc) => oc.doNothing())
        .execute()
    await recordAudit(trx, {
      ...auditActor(scope.actor),
      tenantId: scope.tenantId,
      action: !existing
        ? 'directory.user.invite'
        : row.accountEnabled === undefined || row.accountEnabled === !existing.disabled
          ? 'directory.user.update'
          : row.accountEnabled
            ? 'directory.user.enable'
            : 'directory.user.disable',
      targetType: 'user',
      targetId: userId,
      result: 'done',
      details: { source: 'csv', email: row.email, groups: row.groups },
    })
    changed++
  }
  return changed
}

export async function importUsersCsv(
  ctx: AppContext,
  actor: Actor,
  text: string,
  mode: 'dry-run' | 'apply',
  locale: Locale,
): Promise<CsvReport> {
  const tenantId = adminTenantOf(actor)
  return runCsvImport(ctx, text, USERS_CSV, { mode, locale, scope: { actor, tenantId } })
}

export async function exportUsersCsv(ctx: AppContext, actor: Actor): Promise<string> {
  const tenantId = directoryTenantOf(actor)
  const users = await usersOf(ctx.db, tenantId, ctx.now())
  const rows = []
  for (const u of users) {
    const groups = await memberOf(ctx.db, tenantId, { kind: 'user', id: u.id }, false)
    rows.push({
      userPrincipalName: u.email,
      displayName: u.displayName,
      givenName: u.givenName,
      surname: u.surname,
      jobTitle: u.jobTitle,
      mobilePhone: u.phone,
      preferredLanguage: u.locale,
      accountEnabled: u.accountEnabled,
      groups: groups.map((m) => m.group.displayName).join(';'),
    })
  }
  return toCsv(USER_COLUMNS, rows)
}
