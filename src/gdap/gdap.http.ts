import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { type Flag, relationshipInsights, roleCatalog, traceAccess } from './gdap-insights.service.ts'
import {
  AccessTraceSchema,
  GDAP_FLAGS,
  GdapInvitationSchema,
  GdapRoleListSchema,
  PartnerUserListSchema,
  RelationshipOverviewSchema,
  SecurityGroupListSchema,
} from './gdap.schema.ts'
import { GdapError, partyOf, visibleRelationship } from './gdap.service.ts'

const FLAGS: Flag[] = [...GDAP_FLAGS]
const iso = (d: Date | null) => (d ? d.toISOString() : null)

/**
 * The portal's GDAP views. Changes go through the Graph-compatible API (/v1.0/…), which the web
 * portal calls like any tool; these routes add what the portal needs on top: the role picker, the
 * partner's groups and users, the views across customers, and the access trace.
 */
export function registerGdapPortalRoutes(app: App, ctx: AppContext): void {
  const tags = ['GDAP (portal)']

  app.get(
    '/api/gdap/roles',
    {
      schema: {
        tags,
        summary: 'Roles GDAP can grant; the least-privileged for support first',
        response: { 200: GdapRoleListSchema },
      },
    },
    async (request) => {
      partyOf(actorOf(request))
      return { items: await roleCatalog(ctx, request.locale) }
    },
  )

  app.get(
    '/api/gdap/groups',
    {
      schema: {
        tags,
        summary: "The partner's security groups (for access assignments)",
        response: { 200: SecurityGroupListSchema },
      },
    },
    async (request) => {
      const party = partyOf(actorOf(request))
      if (party.side !== 'partner') throw new GdapError(403, 'gdap_not_allowed')
      const rows = await ctx.db
        .selectFrom('security_groups as g')
        .select(['g.id', 'g.display_name as displayName', 'g.description'])
        .where('g.tenant_id', '=', party.tenantId)
        .orderBy('g.display_name')
        .execute()
      return { items: rows }
    },
  )

  app.get(
    '/api/gdap/users',
    {
      schema: {
        tags,
        summary: "The partner's users (for the access trace)",
        response: { 200: PartnerUserListSchema },
      },
    },
    async (request) => {
      const party = partyOf(actorOf(request))
      if (party.side !== 'partner') throw new GdapError(403, 'gdap_not_allowed')
      const rows = await ctx.db
        .selectFrom('users')
        .select(['id', 'email', 'display_name as displayName'])
        .where('tenant_id', '=', party.tenantId)
        .orderBy('display_name')
        .execute()
      return { items: rows }
    },
  )

  app.get(
    '/api/gdap/relationships',
    {
      schema: {
        tags,
        summary:
          'Relationships across customers, with what needs attention (expiring soon, lost access, no support role, Global Administrator)',
        querystring: Type.Object(
          {
            flag: Type.Optional(Type.Enum(FLAGS)),
            customer: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RelationshipOverviewSchema },
      },
    },
    async (request) => {
      const all = await relationshipInsights(ctx, actorOf(request))
      const counts = Object.fromEntries(
        FLAGS.map((f) => [f, all.filter((i) => i.flags.includes(f)).length]),
      ) as Record<Flag, number>
      const items = all
        .filter((i) => !request.query.flag || i.flags.includes(request.query.flag))
        .filter((i) => !request.query.customer || i.relationship.customerTenantId === request.query.customer)
        .map(({ relationship: r, assignments, flags }) => ({
          id: r.id,
          displayName: r.displayName,
          partner: { tenantId: r.partnerTenantId, name: r.partnerName },
          customer: r.customerTenantId ? { tenantId: r.customerTenantId, name: r.customerName } : null,
          status: r.status,
          duration: r.duration,
          autoExtendDuration: r.autoExtendDuration,
          createdAt: r.createdAt.toISOString(),
          activatedAt: iso(r.activatedAt),
          endAt: iso(r.endAt),
          version: r.version,
          roles: r.roles,
          assignments: assignments.map((a) => ({
            id: a.id,
            status: a.status,
            group: { id: a.groupId, displayName: a.groupName },
            roles: a.roles,
          })),
          flags,
        }))
      return { counts, total: all.length, items }
    },
  )

  app.get(
    '/api/gdap/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Who asks: the partner behind a relationship, for the customer’s approval page',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: GdapInvitationSchema },
      },
    },
    async (request) => {
      const r = await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      const partner = await ctx.db
        .selectFrom('tenants as t')
        .innerJoin('partners as p', 'p.tenant_id', 't.id')
        .select([
          't.id as tenantId',
          't.display_name as name',
          't.default_domain as domain',
          'p.mpn_id as mpnId',
          'p.partner_type as partnerType',
        ])
        .where('t.id', '=', r.partnerTenantId)
        .executeTakeFirstOrThrow()
      return {
        id: r.id,
        displayName: r.displayName,
        status: r.status,
        duration: r.duration,
        roles: r.roles,
        partner,
      }
    },
  )

  app.get(
    '/api/gdap/trace',
    {
      schema: {
        tags,
        summary: 'Why can a user (not) act in a customer: groups → assignments → roles → relationship → rule',
        querystring: Type.Object(
          { user: Type.String({ minLength: 3, maxLength: 320 }), customer: Type.String({ maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: AccessTraceSchema },
      },
    },
    async (request) =>
      traceAccess(ctx, actorOf(request), request.query.user, request.query.customer, request.locale),
  )
}
