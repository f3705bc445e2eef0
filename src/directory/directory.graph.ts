import type { FastifyRequest } from 'fastify'
import Type, { type Static, type TSchema } from 'typebox'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { graphBase, graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import {
  applyODataQuery,
  COUNT_OPTIONS,
  LIST_OPTIONS,
  type ODataEntity,
  odataCollection,
  odataContextPath,
  odataEntity,
  odataQuerystring,
  parseODataQuery,
  selectProperties,
  sendODataCount,
} from '../platform/http/odata-query.ts'
import { DirectoryError } from './directory.messages.ts'
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
import type { DirectoryGroup, DirectoryUser } from './people.data.ts'
import { createUser, deleteUser, getUser, listUsers, updateUser } from './people.service.ts'

/**
 * Microsoft Graph v1.0's directory, in the caller's tenant: `/users`, `/invitations`, `/groups`
 * (security groups), `/groups/{id}/members` with `members/$ref`, `transitiveMembers`,
 * `/users/{id}/memberOf` and `transitiveMemberOf`. Graph's shapes and errors; OData options on lists.
 */

export function presentUser(u: DirectoryUser) {
  return {
    '@odata.type': '#microsoft.graph.user',
    id: u.id,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    mail: u.email,
    userPrincipalName: u.email,
    jobTitle: u.jobTitle,
    mobilePhone: u.phone,
    businessPhones: [] as string[],
    preferredLanguage: u.locale,
    accountEnabled: u.accountEnabled,
    userType: 'Member',
    createdDateTime: u.createdAt.toISOString(),
  }
}

export function presentGroup(g: DirectoryGroup) {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: g.id,
    displayName: g.displayName,
    description: g.description,
    mailNickname: g.mailNickname ?? g.displayName.replace(/[^A-Za-z0-9]/g, ''),
    mail: null as string | null,
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [] as string[],
    createdDateTime: g.createdAt.toISOString(),
  }
}

type GraphUser = ReturnType<typeof presentUser>
type GraphGroup = ReturnType<typeof presentGroup>
/** A user or a group, as members and memberships list them. */
type DirectoryObject = { id: string; '@odata.type': string; displayName: string } & Record<string, unknown>

const ISO = { type: 'dateTime', filter: true, orderby: true } as const
const TEXT = { type: 'string', filter: ['eq', 'ne', 'in', 'startswith'], orderby: true } as const

const USER = odataEntity<GraphUser>({
  type: 'microsoft.graph.user',
  key: 'id',
  maxTop: 999,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'displayName', desc: false }],
  properties: {
    id: { type: 'guid', filter: ['eq', 'ne', 'in'] },
    displayName: TEXT,
    givenName: TEXT,
    surname: TEXT,
    mail: TEXT,
    userPrincipalName: TEXT,
    jobTitle: TEXT,
    mobilePhone: {},
    businessPhones: {},
    preferredLanguage: { type: 'string', filter: ['eq', 'ne', 'in'] },
    accountEnabled: { type: 'boolean', filter: ['eq', 'ne'] },
    userType: { type: 'string', filter: ['eq', 'ne'] },
    createdDateTime: ISO,
  },
})

const GROUP = odataEntity<GraphGroup>({
  type: 'microsoft.graph.group',
  key: 'id',
  maxTop: 999,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'displayName', desc: false }],
  properties: {
    id: { type: 'guid', filter: ['eq', 'ne', 'in'] },
    displayName: TEXT,
    description: { type: 'string', filter: ['eq', 'ne', 'startswith'] },
    mailNickname: TEXT,
    mail: {},
    mailEnabled: { type: 'boolean', filter: ['eq', 'ne'] },
    securityEnabled: { type: 'boolean', filter: ['eq', 'ne'] },
    groupTypes: {},
    createdDateTime: ISO,
  },
})

const OBJECT = odataEntity<DirectoryObject>({
  type: 'microsoft.graph.directoryObject',
  key: 'id',
  maxTop: 999,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'displayName', desc: false }],
  properties: {
    id: { type: 'guid', filter: ['eq', 'ne', 'in'] },
    displayName: TEXT,
    mail: TEXT,
    userPrincipalName: TEXT,
    accountEnabled: { type: 'boolean', filter: ['eq', 'ne'] },
    givenName: {},
    surname: {},
    jobTitle: {},
    description: {},
    mailNickname: {},
    mailEnabled: {},
    securityEnabled: {},
    groupTypes: {},
    createdDateTime: {},
  },
})

const Id = Type.String({ maxLength: 320 })
const open = { additionalProperties: true }
const Str = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]))

const UserFields = {
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  givenName: Str(64),
  surname: Str(64),
  jobTitle: Str(128),
  mobilePhone: Str(64),
  preferredLanguage: Str(10),
  accountEnabled: Type.Optional(Type.Boolean()),
}

/** The object id at the end of an @odata.id or @odata.bind URL (…/directoryObjects/{id}, …/users/{id}). */
export function referencedId(url: unknown): string {
  const match =
    typeof url === 'string' ? /\/(?:directoryObjects|users|groups)\/([^/?#()]+)\/?$/i.exec(url) : null
  if (!match) throw new DirectoryError(400, 'bad_reference')
  return decodeURIComponent(match[1]!)
}

export function directoryGraphRoutes(graph: GraphScope, ctx: AppContext): void {
  const tags = ['Microsoft Graph v1.0: directory']
  const context = graphContext

  function list<T extends Record<string, unknown>>(
    path: string,
    entity: ODataEntity<T>,
    summary: string,
    load: (request: FastifyRequest) => Promise<T[]>,
    contextPath: (request: FastifyRequest) => string,
  ): void {
    const params = path.includes(':id') ? { params: Type.Object({ id: Id }) } : {}
    graph.get(
      path,
      {
        schema: {
          tags,
          summary: `${summary} ($filter, $select, $orderby, $top, $count)`,
          ...params,
          querystring: odataQuerystring,
        },
      },
      async (request) => {
        const q = parseODataQuery(request.query, entity, { allow: LIST_OPTIONS })
        const page = applyODataQuery(await load(request), q)
        return odataCollection(request, q, page, context(request, odataContextPath(contextPath(request), q)))
      },
    )
    graph.get(
      `${path}/$count`,
      {
        schema: {
          tags,
          summary: `How many (${summary.toLowerCase()}; $filter)`,
          ...params,
          querystring: odataQuerystring,
        },
      },
      async (request, reply) => {
        const q = parseODataQuery(request.query, entity, { allow: COUNT_OPTIONS })
        return sendODataCount(reply, applyODataQuery(await load(request), q).count)
      },
    )
  }
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

  /** GET (with $select), PATCH and DELETE of one user or group: `/{set}/{id}`, 204 on changes. */
  function item<T extends Record<string, unknown>, B extends TSchema>(
    set: 'users' | 'groups',
    entity: ODataEntity<T>,
    op: {
      summaries: { get: string; patch: string; delete: string }
      body: B
      get: (actor: Actor, id: string) => Promise<T>
      update: (actor: Actor, id: string, body: Static<B>) => Promise<unknown>
      remove: (actor: Actor, id: string) => Promise<unknown>
    },
  ): void {
    const params = Type.Object({ id: Id })
    graph.get(
      `/${set}/:id`,
      { schema: { tags, summary: op.summaries.get, params, querystring: odataQuerystring } },
      async (request) => {
        const q = parseODataQuery(request.query, entity, { allow: ['select'] })
        const found = await op.get(actorOf(request), request.params.id)
        return {
          '@odata.context': context(request, odataContextPath(`${set}/$entity`, q)),
          ...selectProperties(found, q),
        }
      },
    )
    graph.patch(
      `/${set}/:id`,
      { schema: { tags, summary: op.summaries.patch, params, body: op.body } },
      async (request, reply) => {
        await op.update(actorOf(request), request.params.id, request.body as Static<B>)
        return reply.status(204).send()
      },
    )
    graph.delete(
      `/${set}/:id`,
      { schema: { tags, summary: op.summaries.delete, params } },
      async (request, reply) => {
        await op.remove(actorOf(request), request.params.id)
        return reply.status(204).send()
      },
    )
  }

  /** Members or memberships as directory objects (users and groups in their full shapes). */
  async function asObjects(
    request: FastifyRequest,
    ids: { kind: 'user' | 'group'; id: string }[],
  ): Promise<DirectoryObject[]> {
    const actor = actorOf(request)
    const users = new Map((await listUsers(ctx, actor)).map((u) => [u.id, u]))
    const groups = new Map((await listGroups(ctx, actor)).map((g) => [g.id, g]))
    return ids.flatMap((x) => {
      const found = x.kind === 'user' ? users.get(x.id) : groups.get(x.id)
      if (!found) return []
      return [x.kind === 'user' ? presentUser(found as DirectoryUser) : presentGroup(found as DirectoryGroup)]
    })
  }

  // ── users ────────────────────────────────────────────────────────────────────────────
  list(
    '/users',
    USER,
    'List users',
    async (request) => (await listUsers(ctx, actorOf(request))).map(presentUser),
    () => 'users',
  )

  graph.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (with passwordProfile: can sign in at once; without: invited by email)',
        body: Type.Object(
          {
            ...UserFields,
            displayName: Type.String({ minLength: 1, maxLength: 256 }),
            userPrincipalName: Type.String({ minLength: 3, maxLength: 254 }),
            mail: Str(254),
            mailNickname: Str(64),
            passwordProfile: Type.Optional(
              Type.Object(
                {
                  password: Type.String({ maxLength: 256 }),
                  forceChangePasswordNextSignIn: Type.Optional(Type.Boolean()),
                },
                open,
              ),
            ),
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const b = request.body
      const { user } = await createUser(ctx, actorOf(request), {
        email: b.userPrincipalName,
        displayName: b.displayName,
        givenName: b.givenName,
        surname: b.surname,
        jobTitle: b.jobTitle,
        phone: b.mobilePhone,
        locale: b.preferredLanguage,
        accountEnabled: b.accountEnabled,
        password: b.passwordProfile?.password,
      })
      reply.status(201).header('location', `${graphBase(request)}/users/${user.id}`)
      return { '@odata.context': context(request, 'users/$entity'), ...presentUser(user) }
    },
  )

  item('users', USER, {
    summaries: {
      get: 'Get a user by id or userPrincipalName ($select)',
      patch: 'Update a user (accountEnabled false disables sign-in and every token)',
      delete: 'Delete a user (history kept; memberships and sign-in removed)',
    },
    body: Type.Object(UserFields, open),
    get: async (actor, id) => presentUser(await getUser(ctx, actor, id)),
    update: (actor, id, b) =>
      updateUser(ctx, actor, id, {
        displayName: b.displayName,
        givenName: b.givenName,
        surname: b.surname,
        jobTitle: b.jobTitle,
        phone: b.mobilePhone,
        locale: b.preferredLanguage,
        accountEnabled: b.accountEnabled,
      }),
    remove: (actor, id) => deleteUser(ctx, actor, id),
  })

  for (const transitive of [false, true]) {
    const nav = transitive ? 'transitiveMemberOf' : 'memberOf'
    list(
      `/users/:id/${nav}`,
      OBJECT,
      transitive
        ? 'Groups the user belongs to, directly or through nesting'
        : 'Groups the user is a direct member of',
      async (request) => {
        const actor = actorOf(request)
        const user = await getUser(ctx, actor, idOf(request))
        const groups = await membershipsOf(ctx, actor, { kind: 'user', id: user.id }, transitive)
        return groups.map((m) => presentGroup(m.group))
      },
      (request) => `users('${idOf(request)}')/${nav}`,
    )
    list(
      `/groups/:id/${nav}`,
      OBJECT,
      transitive ? 'Groups this group is nested in, at any depth' : 'Groups this group is a direct member of',
      async (request) => {
        const actor = actorOf(request)
        const group = await getGroup(ctx, actor, idOf(request))
        return (await membershipsOf(ctx, actor, { kind: 'group', id: group.id }, transitive)).map((m) =>
          presentGroup(m.group),
        )
      },
      (request) => `groups('${idOf(request)}')/${nav}`,
    )
  }

  graph.post(
    '/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite a person into the caller’s tenant (a single-use link to set their password, emailed unless sendInvitationMessage is false)',
        body: Type.Object(
          {
            invitedUserEmailAddress: Type.String({ minLength: 3, maxLength: 254 }),
            inviteRedirectUrl: Type.Optional(Type.String({ maxLength: 2000 })),
            invitedUserDisplayName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
            sendInvitationMessage: Type.Optional(Type.Boolean()),
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const b = request.body
      const { user, invitation } = await createUser(ctx, actorOf(request), {
        email: b.invitedUserEmailAddress,
        displayName: b.invitedUserDisplayName ?? b.invitedUserEmailAddress.split('@')[0]!,
        sendInvitation: b.sendInvitationMessage !== false,
      })
      reply.status(201)
      return {
        '@odata.context': context(request, 'invitations/$entity'),
        id: invitation!.id,
        invitedUserEmailAddress: user.email,
        invitedUserDisplayName: user.displayName,
        inviteRedeemUrl: invitation!.url,
        inviteRedirectUrl: b.inviteRedirectUrl ?? ctx.config.publicUrl,
        sendInvitationMessage: b.sendInvitationMessage !== false,
        invitedUserType: 'Member',
        status: 'PendingAcceptance',
        invitedUser: { id: user.id },
      }
    },
  )

  // ── groups ───────────────────────────────────────────────────────────────────────────
  list(
    '/groups',
    GROUP,
    'List security groups',
    async (request) => (await listGroups(ctx, actorOf(request))).map(presentGroup),
    () => 'groups',
  )

  graph.post(
    '/groups',
    {
      schema: {
        tags,
        summary: 'Create a security group (members@odata.bind adds members at once)',
        body: Type.Object(
          {
            displayName: Type.String({ minLength: 1, maxLength: 256 }),
            description: Str(1024),
            mailNickname: Str(64),
            mailEnabled: Type.Optional(Type.Boolean()),
            securityEnabled: Type.Optional(Type.Boolean()),
            groupTypes: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10 })),
            'members@odata.bind': Type.Optional(
              Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20 }),
            ),
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const b = request.body
      if (b.mailEnabled === true || b.securityEnabled === false || (b.groupTypes?.length ?? 0) > 0)
        throw new DirectoryError(400, 'unsupported_group')
      const members = (b['members@odata.bind'] ?? []).map(referencedId)
      const actor = actorOf(request)
      const group = await createGroup(ctx, actor, {
        displayName: b.displayName,
        description: b.description,
        mailNickname: b.mailNickname,
      })
      for (const member of members) await addMember(ctx, actor, group.id, member)
      reply.status(201).header('location', `${graphBase(request)}/groups/${group.id}`)
      return { '@odata.context': context(request, 'groups/$entity'), ...presentGroup(group) }
    },
  )

  item('groups', GROUP, {
    summaries: {
      get: 'Get a group ($select)',
      patch: 'Update a group',
      delete: 'Delete a group (not a role group, nor one GDAP assignments use)',
    },
    body: Type.Object(
      {
        displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
        description: Str(1024),
        mailNickname: Str(64),
      },
      open,
    ),
    get: async (actor, id) => presentGroup(await getGroup(ctx, actor, id)),
    update: (actor, id, b) =>
      updateGroup(ctx, actor, id, {
        displayName: b.displayName,
        description: b.description,
        mailNickname: b.mailNickname,
      }),
    remove: (actor, id) => deleteGroup(ctx, actor, id),
  })

  for (const transitive of [false, true]) {
    const nav = transitive ? 'transitiveMembers' : 'members'
    list(
      `/groups/:id/${nav}`,
      OBJECT,
      transitive ? 'Members through any depth of nesting' : 'Direct members (users and nested groups)',
      async (request) =>
        asObjects(request, await listMembers(ctx, actorOf(request), idOf(request), transitive)),
      (request) => `groups('${idOf(request)}')/${nav}`,
    )
  }

  graph.post(
    '/groups/:id/members/$ref',
    {
      schema: {
        tags,
        summary: 'Add a member (a user, or a group to nest) by @odata.id',
        params: Type.Object({ id: Id }),
        body: Type.Object({ '@odata.id': Type.String({ maxLength: 2000 }) }, open),
      },
    },
    async (request, reply) => {
      await addMember(ctx, actorOf(request), request.params.id, referencedId(request.body['@odata.id']))
      return reply.status(204).send()
    },
  )

  graph.delete(
    '/groups/:id/members/:memberId/$ref',
    { schema: { tags, summary: 'Remove a direct member', params: Type.Object({ id: Id, memberId: Id }) } },
    async (request, reply) => {
      await removeMember(ctx, actorOf(request), request.params.id, request.params.memberId)
      return reply.status(204).send()
    },
  )
}
