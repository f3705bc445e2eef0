import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Actor } from '../identity/actor.ts'
import { hashPassword } from '../identity/passwords.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import { auditedChange } from './audited.ts'
import { adminTenantOf, directoryTenantOf } from './directory-access.ts'
import { DirectoryError } from './directory.messages.ts'
import { checkPassword, issueInvitation, type IssuedInvitation } from './invitations.ts'
import { type DirectoryUser, userByIdOrEmail, userIn, usersOf } from './people.data.ts'

/**
 * Users of the caller's tenant: list, read, create (with a password, or invited by email),
 * update (including accountEnabled), delete (the row stays for history; sign-in, memberships and
 * roles go). Every change is audited in its transaction; bad input changes nothing.
 */

export interface NewUser {
  email: string
  displayName: string
  givenName?: string | null | undefined
  surname?: string | null | undefined
  jobTitle?: string | null | undefined
  phone?: string | null | undefined
  locale?: string | null | undefined
  accountEnabled?: boolean | undefined
  /** Set a password now (Graph's passwordProfile), else the person is invited. */
  password?: string | undefined
  /** Queue the invitation email (when there is no password). */
  sendInvitation?: boolean | undefined
}

export type UserPatch = Partial<Omit<NewUser, 'email' | 'password' | 'sendInvitation'>>

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function normalizeEmail(value: string): string {
  const email = value.trim().toLowerCase()
  if (!EMAIL.test(email) || email.length > 254) throw new DirectoryError(400, 'email_invalid', { value })
  return email
}

export async function listUsers(ctx: AppContext, actor: Actor): Promise<DirectoryUser[]> {
  return usersOf(ctx.db, directoryTenantOf(actor), ctx.now())
}

export async function getUser(ctx: AppContext, actor: Actor, key: string): Promise<DirectoryUser> {
  const user = await userByIdOrEmail(ctx.db, directoryTenantOf(actor), key, ctx.now())
  if (!user) throw new DirectoryError(404, 'not_your_object', { kind: 'user', id: key })
  return user
}

/** Fails (409) when the address is taken by anyone, in any tenant (sign-in is by email). */
export async function assertEmailFree(db: Kysely<Database>, email: string): Promise<void> {
  const taken = await db
    .selectFrom('users')
    .select(['id', 'deleted_at'])
    .where('email', '=', email)
    .executeTakeFirst()
  if (taken)
    throw new DirectoryError(409, taken.deleted_at ? 'email_taken_deleted' : 'email_taken', { email })
}

/** Inserts a user in `tenantId` inside the caller's transaction (validation done by the caller). */
export async function insertUser(
  trx: Kysely<Database>,
  tenantId: string,
  input: NewUser & { email: string },
  passwordHash: string | null,
  now: Date,
): Promise<string> {
  const id = randomUUID()
  await trx
    .insertInto('users')
    .values({
      id,
      tenant_id: tenantId,
      email: input.email,
      display_name: input.displayName.trim(),
      given_name: input.givenName ?? null,
      surname: input.surname ?? null,
      job_title: input.jobTitle ?? null,
      phone: input.phone ?? null,
      locale: input.locale ?? null,
      password_hash: passwordHash,
      disabled: input.accountEnabled === false,
      created_at: now,
    })
    .execute()
  return id
}

export async function tenantNameOf(db: Kysely<Database>, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('tenants')
    .select('display_name')
    .where('id', '=', tenantId)
    .executeTakeFirst()
  return row?.display_name ?? tenantId
}

export interface CreatedUser {
  user: DirectoryUser
  invitation: IssuedInvitation | null
}

export async function createUser(ctx: AppContext, actor: Actor, input: NewUser): Promise<CreatedUser> {
  const tenantId = adminTenantOf(actor)
  const email = normalizeEmail(input.email)
  if (input.password !== undefined) checkPassword(input.password)
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
  const event = (created: { id: string; invitation: IssuedInvitation | null }) => ({
    tenantId,
    action: created.invitation ? 'directory.user.invite' : 'directory.user.create',
    targetType: 'user',
    targetId: created.id,
    details: { email, accountEnabled: input.accountEnabled !== false },
  })
  const { id, invitation } = await auditedChange(ctx, actor, event, async (trx) => {
    await assertEmailFree(trx, email)
    const now = ctx.now()
    const id = await insertUser(trx, tenantId, { ...input, email }, passwordHash, now)
    const invitation =
      passwordHash === null
        ? await issueInvitation(trx, ctx, {
            userId: id,
            createdByUserId: actor.principal === 'user' ? actor.userId : null,
            ...(input.sendInvitation === false
              ? {}
              : {
                  email: {
                    to: email,
                    name: input.displayName,
                    tenantName: await tenantNameOf(trx, tenantId),
                    locale: input.locale ?? null,
                    inviter: actor.displayName || actor.homeTenantName,
                  },
                }),
          })
        : null
    return { id, invitation }
  })
  return { user: (await userIn(ctx.db, tenantId, id, ctx.now()))!, invitation }
}

/** A new invitation for a user who has not set a password yet (or to reset a lost one). */
export async function reinviteUser(ctx: AppContext, actor: Actor, key: string): Promise<IssuedInvitation> {
  const tenantId = adminTenantOf(actor)
  const user = await getUser(ctx, actor, key)
  const event = { tenantId, action: 'directory.user.invite', targetType: 'user', targetId: user.id }
  return auditedChange(ctx, actor, event, async (trx) =>
    issueInvitation(trx, ctx, {
      userId: user.id,
      createdByUserId: actor.principal === 'user' ? actor.userId : null,
      email: {
        to: user.email,
        name: user.displayName,
        tenantName: await tenantNameOf(trx, tenantId),
        locale: user.locale,
        inviter: actor.displayName || actor.homeTenantName,
      },
    }),
  )
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  key: string,
  patch: UserPatch,
): Promise<DirectoryUser> {
  const tenantId = adminTenantOf(actor)
  const user = await getUser(ctx, actor, key)
  if (patch.accountEnabled === false && actor.principal === 'user' && user.id === actor.userId)
    throw new DirectoryError(409, 'self_change')
  const set = {
    ...(patch.displayName === undefined ? {} : { display_name: patch.displayName.trim() }),
    ...(patch.givenName === undefined ? {} : { given_name: patch.givenName }),
    ...(patch.surname === undefined ? {} : { surname: patch.surname }),
    ...(patch.jobTitle === undefined ? {} : { job_title: patch.jobTitle }),
    ...(patch.phone === undefined ? {} : { phone: patch.phone }),
    ...(patch.locale === undefined ? {} : { locale: patch.locale }),
    ...(patch.accountEnabled === undefined ? {} : { disabled: !patch.accountEnabled }),
  }
  if (Object.keys(set).length === 0) return user
  const action =
    patch.accountEnabled === undefined || patch.accountEnabled === user.accountEnabled
      ? 'directory.user.update'
      : patch.accountEnabled
        ? 'directory.user.enable'
        : 'directory.user.disable'
  const event = { tenantId, action, targetType: 'user', targetId: user.id }
  await auditedChange(ctx, actor, { ...event, details: { changed: Object.keys(patch) } }, (trx) =>
    trx.updateTable('users').set(set).where('id', '=', user.id).where('tenant_id', '=', tenantId).execute(),
  )
  return (await userIn(ctx.db, tenantId, user.id, ctx.now()))!
}

/**
 * Deletes a user: the row stays (requests, notes and the audit trail name them), marked deleted
 * and disabled; memberships, role rows and open invitations go, so nothing they held remains.
 */
export async function deleteUser(ctx: AppContext, actor: Actor, key: string): Promise<void> {
  const tenantId = adminTenantOf(actor)
  const user = await getUser(ctx, actor, key)
  if (actor.principal === 'user' && user.id === actor.userId) throw new DirectoryError(409, 'self_change')
  const event = { tenantId, action: 'directory.user.delete', targetType: 'user', targetId: user.id }
  const details = (groups: { group_id: string }[]) => ({
    email: user.email,
    groups: groups.map((g) => g.group_id),
    roles: user.roles,
  })
  await auditedChange(
    ctx,
    actor,
    (groups: { group_id: string }[]) => ({ ...event, details: details(groups) }),
    async (trx) => {
      const now = ctx.now()
      await trx
        .updateTable('users')
        .set({ deleted_at: now, disabled: true })
        .where('id', '=', user.id)
        .where('tenant_id', '=', tenantId)
        .execute()
      const groups = await trx
        .deleteFrom('group_user_members')
        .where('user_id', '=', user.id)
        .returning('group_id')
        .execute()
      await trx.deleteFrom('user_roles').where('user_id', '=', user.id).execute()
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute()
      await trx
        .updateTable('user_invitations')
        .set({ revoked_at: now })
        .where('user_id', '=', user.id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute()
      return groups
    },
  )
}
