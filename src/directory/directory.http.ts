import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { CsvContent, NoContent } from '../platform/http/contract.ts'
import type { App } from '../platform/http/server.ts'
import { customerAccess } from './access-overview.ts'
import { directoryTenantOf, isDirectoryAdmin, isVendorAdmin } from './directory-access.ts'
import {
  addEntitlement,
  ENTITLEMENT_KINDS,
  listEntitlements,
  removeEntitlement,
  updateEntitlement,
} from './entitlements.service.ts'
import {
  addMember,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listMembers,
  membershipsOf,
  removeMember,
  updateGroup,
} from './groups.service.ts'
import {
  CreatedUserSchema,
  CsvReportSchema as CsvReportOut,
  DirectoryGroupSchema as GroupOut,
  DirectoryMeSchema,
  DirectoryUserSchema as UserOut,
  EntitlementSchema as EntitlementOut,
  GroupDetailSchema,
  GroupListItemSchema,
  ReinvitationSchema,
  UserDetailSchema,
} from './directory.schema.ts'
import type { DirectoryGroup, DirectoryUser, Member } from './people.data.ts'
import { createUser, deleteUser, getUser, listUsers, reinviteUser, updateUser } from './people.service.ts'
import { exportUsersCsv, importUsersCsv } from './users-csv.ts'

/**
 * The portal's directory API (/api/directory): the people pages — users, groups, who is in what
 * directly and through nesting, and what that lets them do in which customer — plus the partner's
 * own support entitlements (R13) and users as CSV. Thin adapters over the services Graph uses too.
 */

const N = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()])
const Id = Type.String({ maxLength: 320 })
const Opt = (max: number) => Type.Optional(N(Type.String({ maxLength: max })))

const user = (u: DirectoryUser) => ({ ...u, createdAt: u.createdAt.toISOString() })
const group = (g: DirectoryGroup) => ({
  id: g.id,
  displayName: g.displayName,
  description: g.description,
  mailNickname: g.mailNickname,
  partnerRole: g.partnerRole,
  createdAt: g.createdAt.toISOString(),
})
const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function registerDirectoryRoutes(app: App, ctx: AppContext): void {
  const tags = ['directory']

  app.get(
    '/api/directory/me',
    {
      schema: {
        tags,
        summary: 'What the caller may do in the directory',
        response: {
          200: DirectoryMeSchema,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      return {
        directoryAdmin: isDirectoryAdmin(actor) && !actor.delegated,
        vendorAdmin: isVendorAdmin(actor),
        tenantKind: actor.homeTenantKind,
      }
    },
  )

  // ── users ────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/directory/users',
    { schema: { tags, summary: 'The users of your tenant', response: { 200: Type.Array(UserOut) } } },
    async (request) => (await listUsers(ctx, actorOf(request))).map(user),
  )

  app.get(
    '/api/directory/users/:id',
    {
      schema: {
        tags,
        summary:
          'A user: groups (direct and through nesting) and what they let the user do in which customer',
        params: Type.Object({ id: Id }),
        response: { 200: UserDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const found = await getUser(ctx, actor, request.params.id)
      const memberships = await membershipsOf(ctx, actor, { kind: 'user', id: found.id }, true)
      const names = new Map(memberships.map((m) => [m.group.id, m.group.displayName]))
      const access = await customerAccess(
        ctx.db,
        directoryTenantOf(actor),
        [...names.keys()],
        found.id,
        ctx.now(),
      )
      return {
        user: user(found),
        memberOf: memberships.map((m) => ({
          group: group(m.group),
          via: m.via ? { id: m.via, displayName: names.get(m.via) ?? m.via } : null,
        })),
        access: access.map((a) => ({ ...a, gdap: a.gdap.map((g) => ({ ...g, endAt: iso(g.endAt) })) })),
      }
    },
  )

  const UserFields = {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    givenName: Opt(64),
    surname: Opt(64),
    jobTitle: Opt(128),
    phone: Opt(64),
    locale: Opt(10),
    accountEnabled: Type.Optional(Type.Boolean()),
  }

  app.post(
    '/api/directory/users',
    {
      schema: {
        tags,
        summary: 'Add a user: with a password, or invited by email (single-use link)',
        body: Type.Object({
          ...UserFields,
          email: Type.String({ minLength: 3, maxLength: 254 }),
          displayName: Type.String({ minLength: 1, maxLength: 256 }),
          password: Type.Optional(Type.String({ maxLength: 256 })),
        }),
        response: { 201: CreatedUserSchema },
      },
    },
    async (request, reply) => {
      const created = await createUser(ctx, actorOf(request), request.body)
      reply.status(201)
      return { user: user(created.user), invitationUrl: created.invitation?.url ?? null }
    },
  )

  app.patch(
    '/api/directory/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (accountEnabled: false disables them)',
        params: Type.Object({ id: Id }),
        body: Type.Object(UserFields),
        response: { 200: UserOut },
      },
    },
    async (request) => user(await updateUser(ctx, actorOf(request), request.params.id, request.body)),
  )

  app.delete(
    '/api/directory/users/:id',
    {
      schema: {
        tags,
        summary: 'Delete a user (their history stays)',
        params: Type.Object({ id: Id }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteUser(ctx, actorOf(request), request.params.id)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/directory/users/:id/invitation',
    {
      schema: {
        tags,
        summary: 'Send a new invitation (earlier ones stop working)',
        params: Type.Object({ id: Id }),
        response: { 200: ReinvitationSchema },
      },
    },
    async (request) => {
      const invitation = await reinviteUser(ctx, actorOf(request), request.params.id)
      return { invitationUrl: invitation.url, expiresAt: invitation.expiresAt.toISOString() }
    },
  )

  app.get(
    '/api/directory/users.csv',
    {
      schema: {
        tags,
        summary: 'Export the users as CSV (with their direct groups)',
        response: { 200: { description: 'The users, one row each', content: CsvContent } },
      },
    },
    async (request, reply) => {
      const csv = await exportUsersCsv(ctx, actorOf(request))
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="users.csv"')
        .send(csv)
    },
  )

  app.post(
    '/api/directory/users/import',
    {
      schema: {
        tags,
        summary: 'Import users from CSV: dry-run reports every row’s problem; apply changes all rows or none',
        body: Type.Object({
          mode: Type.Union([Type.Literal('dry-run'), Type.Literal('apply')]),
          csv: Type.String({ maxLength: 2 * 1024 * 1024 }),
        }),
        response: { 200: CsvReportOut, 422: CsvReportOut },
      },
    },
    async (request, reply) => {
      const report = await importUsersCsv(
        ctx,
        actorOf(request),
        request.body.csv,
        request.body.mode,
        request.locale,
      )
      if (report.mode === 'apply' && report.problems.length > 0) reply.status(422)
      return report
    },
  )

  // ── groups ───────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/directory/groups',
    {
      schema: {
        tags,
        summary: 'The security groups of your tenant, with their direct and transitive member counts',
        response: { 200: Type.Array(GroupListItemSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const groups = await listGroups(ctx, actor)
      const out = []
      for (const g of groups) {
        const transitive = await listMembers(ctx, actor, g.id, true)
        out.push({
          ...group(g),
          directMembers: transitive.filter((m) => m.via === null).length,
          transitiveUsers: transitive.filter((m) => m.kind === 'user').length,
        })
      }
      return out
    },
  )

  app.get(
    '/api/directory/groups/:id',
    {
      schema: {
        tags,
        summary:
          'A group: its members (direct and through nesting), the groups it is nested in, and the access it gives',
        params: Type.Object({ id: Id }),
        response: { 200: GroupDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const found = await getGroup(ctx, actor, request.params.id)
      const transitive = await listMembers(ctx, actor, found.id, true)
      const direct = await listMembers(ctx, actor, found.id, false)
      const parents = await membershipsOf(ctx, actor, { kind: 'group', id: found.id }, true)
      const names = new Map<string, string>([
        ...transitive.filter((m) => m.kind === 'group').map((m) => [m.id, m.displayName] as [string, string]),
        ...parents.map((p) => [p.group.id, p.group.displayName] as [string, string]),
      ])
      const member = (m: Member) => ({
        ...m,
        via: m.via ? { id: m.via, displayName: names.get(m.via) ?? m.via } : null,
      })
      const access = await customerAccess(ctx.db, directoryTenantOf(actor), [found.id], null, ctx.now())
      return {
        group: group(found),
        members: direct.map(member),
        transitiveMembers: transitive.map(member),
        memberOf: parents.map((p) => ({
          group: group(p.group),
          via: p.via ? { id: p.via, displayName: names.get(p.via) ?? p.via } : null,
        })),
        access: access.map((a) => ({ ...a, gdap: a.gdap.map((g) => ({ ...g, endAt: iso(g.endAt) })) })),
      }
    },
  )

  app.post(
    '/api/directory/groups',
    {
      schema: {
        tags,
        summary: 'Create a security group',
        body: Type.Object({
          displayName: Type.String({ minLength: 1, maxLength: 256 }),
          description: Opt(1024),
        }),
        response: { 201: GroupOut },
      },
    },
    async (request, reply) => {
      reply.status(201)
      return group(await createGroup(ctx, actorOf(request), request.body))
    },
  )

  app.patch(
    '/api/directory/groups/:id',
    {
      schema: {
        tags,
        summary: 'Rename or describe a group',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
          description: Opt(1024),
        }),
        response: { 200: GroupOut },
      },
    },
    async (request) => group(await updateGroup(ctx, actorOf(request), request.params.id, request.body)),
  )

  app.delete(
    '/api/directory/groups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a group',
        params: Type.Object({ id: Id }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteGroup(ctx, actorOf(request), request.params.id)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/directory/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member: a user, or a group to nest (adding to AdminAgents makes an admin agent)',
        params: Type.Object({ id: Id }),
        body: Type.Object({ memberId: Id }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await addMember(ctx, actorOf(request), request.params.id, request.body.memberId)
      return reply.status(204).send()
    },
  )

  app.delete(
    '/api/directory/groups/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Remove a direct member',
        params: Type.Object({ id: Id, memberId: Id }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeMember(ctx, actorOf(request), request.params.id, request.params.memberId)
      return reply.status(204).send()
    },
  )

  // ── the partner's own support entitlements (R13) ──────────────────────────────────────
  app.get(
    '/api/directory/entitlements',
    {
      schema: {
        tags,
        summary: 'Your partner organization’s support entitlements (R13)',
        response: { 200: Type.Array(EntitlementOut) },
      },
    },
    async (request) =>
      (await listEntitlements(ctx, actorOf(request))).map((e) => ({
        ...e,
        createdAt: e.createdAt.toISOString(),
      })),
  )

  app.post(
    '/api/directory/entitlements',
    {
      schema: {
        tags,
        summary: 'Add a support entitlement: partner agreement, Premier contract or Azure support plan',
        body: Type.Object({
          kind: Type.Union(ENTITLEMENT_KINDS.map((k) => Type.Literal(k))),
          reference: Type.String({ minLength: 1, maxLength: 100 }),
          description: Type.String({ maxLength: 500 }),
          validUntil: Type.String({ maxLength: 10 }),
        }),
        response: { 201: EntitlementOut },
      },
    },
    async (request, reply) => {
      const e = await addEntitlement(ctx, actorOf(request), request.body)
      reply.status(201)
      return { ...e, createdAt: e.createdAt.toISOString() }
    },
  )

  app.patch(
    '/api/directory/entitlements/:id',
    {
      schema: {
        tags,
        summary: 'Change an entitlement’s reference, description or end date',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          description: Type.Optional(Type.String({ maxLength: 500 })),
          validUntil: Type.Optional(Type.String({ maxLength: 10 })),
        }),
        response: { 200: EntitlementOut },
      },
    },
    async (request) => {
      const e = await updateEntitlement(ctx, actorOf(request), request.params.id, request.body)
      return { ...e, createdAt: e.createdAt.toISOString() }
    },
  )

  app.delete(
    '/api/directory/entitlements/:id',
    {
      schema: {
        tags,
        summary: 'Remove an entitlement (kept for the requests filed under it)',
        params: Type.Object({ id: Id }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeEntitlement(ctx, actorOf(request), request.params.id)
      return reply.status(204).send()
    },
  )
}
