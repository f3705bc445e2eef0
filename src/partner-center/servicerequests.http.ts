import type { FastifyReply, FastifyRequest } from 'fastify'
import Type from 'typebox'
import { customerForActor, partnerTenantOf } from '../customers/customers.service.ts'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { RequestStatus } from '../platform/db/schema.ts'
import { AppError, notFound } from '../platform/errors.ts'
import { t, type Locale } from '../platform/i18n/i18n.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import type { NoteRecord, ServiceRequestRecord } from '../service-requests/service-requests.data.ts'
import { expectedVersion } from '../service-requests/service-requests.http.ts'
import {
  addNoteAsActor,
  getRequestForActor,
  listRequestsForActor,
  setStatusAsActor,
} from '../service-requests/service-requests.service.ts'
import {
  etagOf,
  presentServiceRequest,
  serviceRequestPage,
  type ProductNames,
} from './servicerequest-presenters.ts'

/**
 * Partner Center v1 service requests, in its documented shapes, over the same business functions
 * as the portal: the signed-in partner's requests (its customers' and its own), one request, and
 * PATCH with a ServiceRequest body (NewNote adds a note, Status closes or reopens). Property names
 * of the body are case-insensitive (the docs send PascalCase, the SDKs camelCase); the other
 * ServiceRequest fields are ignored, as the real service ignores them (the SDKs send every field).
 */

const MAX_NOTE = 20000

/** Messages of this adapter's own checks, in the caller's language (X-Locale). */
const MESSAGES = {
  en: {
    body_object: 'the body must be a ServiceRequest JSON object.',
    duplicate: '{field} is given more than once (property names are case-insensitive).',
    note_object: 'NewNote must be an object with a Text.',
    note_text: 'NewNote.Text must be a non-empty text of at most {max} characters.',
    status_value: 'Status must be none, open, closed or attention_needed; “{value}” is not.',
    nothing:
      'there is nothing to change: send NewNote.Text to add a note, or a Status (closed, open) to move the request.',
    filter_json:
      'filter must be a JSON object such as {"Field":"Status","Value":"open","Operator":"equals"}.',
    filter_field: 'filter.Field must be Status (the only field service requests can be filtered on).',
    filter_operator: 'filter.Operator must be equals.',
    list_status: '{field} must be open, closed or attention_needed; “{value}” is not.',
    filter_conflict: 'status and filter ask for different statuses.',
    if_match: 'If-Match must be an ETag this server returned for this service request.',
  },
  it: {
    body_object: 'il corpo deve essere un oggetto JSON ServiceRequest.',
    duplicate:
      '{field} è presente più di una volta (i nomi delle proprietà non distinguono maiuscole e minuscole).',
    note_object: 'NewNote deve essere un oggetto con un Text.',
    note_text: 'NewNote.Text deve essere un testo non vuoto di al massimo {max} caratteri.',
    status_value: 'Status deve valere none, open, closed o attention_needed; «{value}» non è ammesso.',
    nothing:
      'non c’è nulla da modificare: invia NewNote.Text per aggiungere una nota, oppure uno Status (closed, open) per cambiare lo stato della richiesta.',
    filter_json:
      'filter deve essere un oggetto JSON come {"Field":"Status","Value":"open","Operator":"equals"}.',
    filter_field: 'filter.Field deve essere Status (l’unico campo su cui filtrare le richieste di servizio).',
    filter_operator: 'filter.Operator deve essere equals.',
    list_status: '{field} deve valere open, closed o attention_needed; «{value}» non è ammesso.',
    filter_conflict: 'status e filter chiedono stati diversi.',
    if_match: 'If-Match deve essere un ETag restituito da questo server per questa richiesta di servizio.',
  },
} as const satisfies Record<Locale, Record<string, string>>

type Problem = keyof (typeof MESSAGES)['en']

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  )

/** A 400 `validation_failed` whose message is localized from this adapter's catalog. */
class InvalidServiceRequestCall extends AppError {
  constructor(
    readonly problem: Problem,
    readonly location: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(400, 'validation_failed', 'error.validation', { detail: problem })
  }

  override localize(locale: Locale) {
    const message = fill(MESSAGES[locale][this.problem], this.values)
    return {
      message: t(locale, 'error.validation', { detail: message }),
      details: [{ location: this.location, rule: this.problem, message }],
    }
  }
}

const invalid = (problem: Problem, location: string, values: Record<string, string | number> = {}) =>
  new InvalidServiceRequestCall(problem, location, values)

type WireStatus = 'none' | RequestStatus

/** The SDKs write enum values as "open", "Open" or "attention_needed", or as numbers (0–3). */
function parseStatus(raw: unknown): WireStatus | undefined {
  if (typeof raw === 'number') return (['none', 'open', 'closed', 'attention_needed'] as const)[raw]
  if (typeof raw !== 'string') return undefined
  const key = raw.toLowerCase().replace(/[\s_-]/g, '')
  if (key === 'attentionneeded') return 'attention_needed'
  return (['none', 'open', 'closed'] as const).find((s) => s === key)
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A property by its name in any letter case; given twice in different cases, a 400. */
function property(object: Record<string, unknown>, name: string, location: string): unknown {
  const keys = Object.keys(object).filter((k) => k.toLowerCase() === name.toLowerCase())
  if (keys.length > 1) throw invalid('duplicate', location, { field: location.replace(/^body\./, '') })
  return keys.length === 1 ? object[keys[0]!] : undefined
}

interface PatchIntent {
  note?: string
  status?: WireStatus
}

/** What a PATCH asks for; every other ServiceRequest field is ignored. */
function parsePatch(body: unknown): PatchIntent {
  if (!isObject(body)) throw invalid('body_object', 'body')
  const intent: PatchIntent = {}
  const newNote = property(body, 'NewNote', 'body.NewNote')
  if (newNote !== undefined && newNote !== null) {
    if (!isObject(newNote)) throw invalid('note_object', 'body.NewNote')
    const text = property(newNote, 'Text', 'body.NewNote.Text')
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_NOTE) {
      throw invalid('note_text', 'body.NewNote.Text', { max: MAX_NOTE })
    }
    intent.note = text
  }
  const status = property(body, 'Status', 'body.Status')
  if (status !== undefined && status !== null) {
    const parsed = parseStatus(status)
    if (!parsed) throw invalid('status_value', 'body.Status', { value: String(status) })
    intent.status = parsed
  }
  return intent
}

/** A list filter's status: none is not a status a request can be in. */
function listStatus(raw: unknown, field: string): RequestStatus {
  const parsed = parseStatus(raw)
  if (!parsed || parsed === 'none')
    throw invalid('list_status', `querystring.${field}`, { field, value: String(raw) })
  return parsed
}

/**
 * The SDKs' filter: a JSON SimpleFieldFilter, {"Field":"Status","Value":"open","Operator":"equals"},
 * URL-encoded by the SDK before the HTTP client encodes the query (so it may arrive encoded once more).
 */
function parseStatusFilter(raw: string): RequestStatus {
  let filter: unknown
  for (const candidate of [raw, raw.includes('%') ? safeDecode(raw) : undefined]) {
    if (candidate === undefined) continue
    try {
      filter = JSON.parse(candidate)
      break
    } catch {
      // try the next form
    }
  }
  if (!isObject(filter)) throw invalid('filter_json', 'querystring.filter')
  const field = property(filter, 'Field', 'querystring.filter.Field')
  if (typeof field !== 'string' || field.toLowerCase() !== 'status')
    throw invalid('filter_field', 'querystring.filter.Field')
  const operator = property(filter, 'Operator', 'querystring.filter.Operator')
  if (operator !== undefined && (typeof operator !== 'string' || operator.toLowerCase() !== 'equals'))
    throw invalid('filter_operator', 'querystring.filter.Operator')
  return listStatus(property(filter, 'Value', 'querystring.filter.Value'), 'filter.Value')
}

function safeDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

function statusFilterOf(query: { status?: string | undefined; filter?: string | undefined }) {
  const fromFilter = query.filter === undefined ? undefined : parseStatusFilter(query.filter)
  const fromStatus = query.status === undefined ? undefined : listStatus(query.status, 'status')
  if (fromFilter && fromStatus && fromFilter !== fromStatus)
    throw invalid('filter_conflict', 'querystring.filter')
  return fromFilter ?? fromStatus
}

async function productNames(ctx: AppContext): Promise<ProductNames> {
  const rows = await ctx.db.selectFrom('workloads').select(['id', 'name_en', 'name_it']).execute()
  return new Map(rows.map((r) => [r.id, { en: r.name_en, it: r.name_it }]))
}

/** Only public notes reach Partner Center, even when the partner is the one working the request. */
const publicNotes = (notes: NoteRecord[]): NoteRecord[] => notes.filter((n) => n.visibility !== 'internal')

/**
 * The request, if the caller may read it and — on the customer-scoped routes — it is that
 * customer's; a customer that is not the partner's, or a request of another tenant, is 404.
 */
async function readScoped(
  ctx: AppContext,
  actor: Actor,
  id: string,
  customerTenantId: string | undefined,
): Promise<{ request: ServiceRequestRecord; notes: NoteRecord[] }> {
  partnerTenantOf(actor)
  const customer = customerTenantId ? await customerForActor(ctx, actor, customerTenantId) : null
  const found = await getRequestForActor(ctx, actor, id)
  if (customer && found.request.tenantId !== customer.tenantId) throw notFound()
  return found
}

const tags = ['Partner Center v1']
const looseObject = Type.Object({}, { additionalProperties: true })
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) })
const CustomerIdParams = Type.Object({
  customerTenantId: Type.String({ maxLength: 64 }),
  id: Type.String({ maxLength: 40 }),
})
const ListQuery = Type.Object({
  offset: Type.Integer({ minimum: 0, default: 0 }),
  size: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
  status: Type.Optional(
    Type.String({ maxLength: 40, description: 'open, closed or attention_needed (any letter case)' }),
  ),
  filter: Type.Optional(
    Type.String({
      maxLength: 1000,
      description: 'The SDKs\' SimpleFieldFilter: {"Field":"Status","Value":"open","Operator":"equals"}',
    }),
  ),
})
const PatchBody = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'A ServiceRequest (property names in any letter case): NewNote.Text adds a note; Status "closed" closes, "open" reopens a closed request; other fields are ignored.',
  },
)

export function registerPartnerCenterServiceRequestRoutes(pc: App, ctx: AppContext): void {
  const list = async (
    request: FastifyRequest,
    query: { offset: number; size: number; status?: string | undefined; filter?: string | undefined },
    customerTenantId: string | undefined,
  ) => {
    const actor = actorOf(request)
    partnerTenantOf(actor)
    const customer = customerTenantId ? await customerForActor(ctx, actor, customerTenantId) : null
    const status = statusFilterOf(query)
    const { offset, size } = query
    const page = await listRequestsForActor(ctx, actor, {
      tenantId: customer?.tenantId,
      status,
      offset,
      limit: size,
      // Partner Center's totalCount counts the page's items: no count of the whole list is needed
      withTotal: false,
    })
    const products = await productNames(ctx)
    const path = customer ? `/customers/${customer.tenantId}/servicerequests` : '/servicerequests'
    return serviceRequestPage(
      page.items.map((r) => presentServiceRequest(r, request.locale, products)),
      (o) => `${path}?offset=${o}&size=${size}${status ? `&status=${status}` : ''}`,
      { offset, size, more: page.nextCursor !== null },
    )
  }

  const present = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: { request: ServiceRequestRecord; notes: NoteRecord[] },
  ) => {
    reply.header('etag', etagOf(found.request))
    return presentServiceRequest(
      found.request,
      request.locale,
      await productNames(ctx),
      publicNotes(found.notes),
    )
  }

  /**
   * A note, a status move, or both. Who may move a request where is the desk rules' call (the
   * service's); this adapter only orders the steps: a reopen comes before the note, any other move
   * after it. A Status equal to the current one beside a NewNote is the SDKs' get-modify-patch
   * round trip (they send back every field they read) and moves nothing by itself.
   */
  const patch = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    customerTenantId: string | undefined,
  ) => {
    const actor = actorOf(request)
    partnerTenantOf(actor)
    const intent = parsePatch(request.body)
    let version = expectedVersion(request, id, () => invalid('if_match', 'headers.if-match'))
    const current = (await readScoped(ctx, actor, id, customerTenantId)).request
    const note = intent.note
    const target =
      intent.status === undefined ||
      intent.status === 'none' ||
      (note !== undefined && intent.status === current.status)
        ? undefined
        : intent.status
    const steps: (() => Promise<ServiceRequestRecord>)[] = []
    const move = (status: RequestStatus) => () => setStatusAsActor(ctx, actor, id, status, version)
    if (target === 'open') steps.push(move(target))
    if (note !== undefined) steps.push(() => addNoteAsActor(ctx, actor, id, note, version))
    if (target !== undefined && target !== 'open') steps.push(move(target))
    if (steps.length === 0) throw invalid('nothing', 'body')
    for (const step of steps) {
      const updated = await step()
      // with If-Match, each step also checks that nobody changed the request since the previous one
      if (version !== undefined) version = updated.version
    }
    return present(request, reply, await readScoped(ctx, actor, id, customerTenantId))
  }

  pc.get(
    '/servicerequests',
    {
      schema: {
        tags,
        summary: "The partner's service requests: its customers' and its own, newest first",
        querystring: ListQuery,
        response: { 200: looseObject },
      },
    },
    (request) => list(request, request.query, undefined),
  )

  pc.get(
    '/servicerequests/:id',
    {
      schema: {
        tags,
        summary: 'One service request with its notes (Get service request details by ID)',
        params: IdParams,
        response: { 200: looseObject },
      },
    },
    async (request, reply) =>
      present(request, reply, await readScoped(ctx, actorOf(request), request.params.id, undefined)),
  )

  pc.patch(
    '/servicerequests/:id',
    {
      schema: {
        tags,
        summary: 'Update a service request: add a note, close, reopen',
        params: IdParams,
        body: PatchBody,
        response: { 200: looseObject },
      },
    },
    (request, reply) => patch(request, reply, request.params.id, undefined),
  )

  pc.get(
    '/customers/:customerTenantId/servicerequests',
    {
      schema: {
        tags,
        summary: "A customer's service requests (Get all service requests for a customer)",
        params: Type.Object({ customerTenantId: Type.String({ maxLength: 64 }) }),
        querystring: ListQuery,
        response: { 200: looseObject },
      },
    },
    (request) => list(request, request.query, request.params.customerTenantId),
  )

  pc.get(
    '/customers/:customerTenantId/servicerequests/:id',
    {
      schema: {
        tags,
        summary: "One of a customer's service requests, with its notes",
        params: CustomerIdParams,
        response: { 200: looseObject },
      },
    },
    async (request, reply) =>
      present(
        request,
        reply,
        await readScoped(ctx, actorOf(request), request.params.id, request.params.customerTenantId),
      ),
  )

  pc.patch(
    '/customers/:customerTenantId/servicerequests/:id',
    {
      schema: {
        tags,
        summary: "Update one of a customer's service requests: add a note, close, reopen",
        params: CustomerIdParams,
        body: PatchBody,
        response: { 200: looseObject },
      },
    },
    (request, reply) => patch(request, reply, request.params.id, request.params.customerTenantId),
  )
}
