import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import fc from 'fast-check'
import Type from 'typebox'
import { describe, expect, it } from 'vitest'
import { Nullable } from '../../src/platform/http/contract.ts'
import { lazySerializerBuilder } from '../../src/platform/http/lazy-schemas.ts'
import { withNullableKeyword } from '../../src/platform/http/nullable-serializer.ts'
import { ServiceRequestPageSchema } from '../../src/service-requests/service-request.schema.ts'

// Response serializers read `anyOf: [T, null]` as `T` with `nullable: true` (nullable-serializer.ts):
// the JSON must be the same as Fastify's own serializer writes from the schema as declared.

type Serialize = (data: unknown) => string
const route = (schema: unknown) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' })
const plain = (schema: unknown): Serialize =>
  SerializerSelector()({}, {})(route(schema) as never) as unknown as Serialize
const rewritten = (schema: unknown): Serialize =>
  lazySerializerBuilder()({}, {})(route(schema) as never) as unknown as Serialize

describe('nullable response schemas', () => {
  it('when a schema says "T or null", then the serializer gets T marked nullable and the route keeps its schema', () => {
    const schema = Type.Object({
      partner: Nullable(Type.Object({ tenantId: Type.String(), name: Nullable(Type.String()) })),
      consent: Nullable(Type.Enum(['Yes', 'No'])),
    })
    const before = JSON.stringify(schema)
    const out = withNullableKeyword(schema) as { properties: Record<string, Record<string, unknown>> }
    expect(out.properties.partner).toMatchObject({
      type: 'object',
      nullable: true,
      properties: { name: { type: 'string', nullable: true } },
    })
    expect(out.properties.partner).not.toHaveProperty('anyOf')
    expect(out.properties.consent).toEqual({ type: 'string', enum: ['Yes', 'No'], nullable: true })
    expect(JSON.stringify(schema)).toBe(before)
  })

  it('when a union is more than "T or null", or a property is named like a keyword, then it is left as declared', () => {
    const schema = Type.Object({
      either: Type.Union([Type.String(), Type.Integer(), Type.Null()]),
      two: Type.Union([Type.Object({ a: Type.String() }), Type.Object({ b: Type.String() })]),
      required: Nullable(Type.String()),
      enum: Type.String(),
    })
    const out = withNullableKeyword(schema) as { properties: Record<string, unknown>; required: string[] }
    expect(out.properties.either).toEqual(JSON.parse(JSON.stringify(schema.properties.either)))
    expect(out.properties.two).toEqual(JSON.parse(JSON.stringify(schema.properties.two)))
    expect(out.properties.required).toEqual({ type: 'string', nullable: true })
    expect(out.properties.enum).toEqual({ type: 'string' })
    expect(out.required).toEqual(['either', 'two', 'required', 'enum'])
  })

  it('when a response keeps another union, then Ajv, which validates that union, accepts the nullable enums beside it', () => {
    const schema = Type.Object({
      status: Type.Union([Type.Enum(['active', 'expired']), Type.Literal('inactive')]),
      blockedBy: Nullable(Type.Enum(['relationship', 'roles'])),
      untyped: Nullable(Type.Unsafe<unknown>({ enum: [1, 'a'] })),
    })
    const declared = plain(schema)
    const fast = rewritten(schema)
    for (const value of [
      { status: 'inactive', blockedBy: null, untyped: null },
      { status: 'active', blockedBy: 'roles', untyped: 1 },
    ]) {
      expect(fast(value)).toBe(declared(value))
    }
  })

  it("when any page of service requests is serialized, then the JSON is the declared schema's, byte for byte", () => {
    const nullableString = fc.option(fc.string(), { nil: null })
    const party = fc.record({ tenantId: fc.uuid(), name: fc.string() })
    const date = fc
      .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
      .map((d) => d.toISOString())
    const request = fc.record({
      id: fc.stringMatching(/^\d{16}$/),
      tenant: party,
      partner: fc.option(fc.record({ tenantId: fc.uuid(), name: nullableString }), { nil: null }),
      handledBy: fc.constantFrom('vendor', 'partner'),
      handler: fc.record({
        kind: fc.constantFrom('vendor', 'partner'),
        tenantId: nullableString,
        name: fc.string(),
      }),
      requester: party,
      waitingOn: fc.option(
        fc.record({ party: fc.constantFrom('you', 'requester', 'vendor', 'partner'), name: fc.string() }),
        { nil: null },
      ),
      workload: fc.constantFrom('azure', 'office365'),
      subscription: fc.option(fc.record({ id: fc.uuid(), name: nullableString }), { nil: null }),
      problemType: fc.constantFrom('technical', 'billing'),
      supportTopic: fc.option(fc.record({ id: fc.string(), name: nullableString }), { nil: null }),
      azure: fc.option(
        fc.record({
          service: fc.record({ id: fc.uuid(), name: fc.string() }),
          problemClassification: fc.option(fc.record({ id: fc.uuid(), name: fc.string() }), { nil: null }),
        }),
        { nil: null },
      ),
      title: fc.string(),
      description: fc.string({ unit: 'binary' }),
      severity: fc.constantFrom('minimal', 'critical'),
      status: fc.constantFrom('open', 'closed'),
      contact: fc.record({
        userId: nullableString,
        name: fc.string(),
        email: fc.string(),
        phone: nullableString,
        tenantId: fc.uuid(),
        preferredLanguage: fc.constantFrom('it', 'en'),
      }),
      createdBy: fc.record({ userId: nullableString, name: nullableString, tenantId: fc.uuid() }),
      delegation: fc.option(
        fc.record({
          partnerTenantId: fc.uuid(),
          partnerName: fc.string(),
          relationshipId: nullableString,
          relationshipName: nullableString,
          roleName: nullableString,
          groupName: nullableString,
        }),
        { nil: null },
      ),
      rule: fc.string(),
      supportPlan: fc.string(),
      entitlementId: nullableString,
      advancedDiagnosticConsent: fc.constantFrom('Yes', 'No', null),
      locale: fc.string(),
      country: fc.string(),
      createdAt: date,
      modifiedAt: date,
      closedAt: fc.option(date, { nil: null }),
      firstResponseDueAt: fc.option(date, { nil: null }),
      version: fc.integer(),
      linkedIncident: fc.option(
        fc.record({ id: fc.string(), title: nullableString, status: nullableString }),
        {
          nil: null,
        },
      ),
      assignedTo: fc.option(fc.record({ userId: fc.uuid(), name: nullableString }), { nil: null }),
      externalReference: nullableString,
      sla: fc.record({
        state: fc.constantFrom('none', 'running', 'breached'),
        firstResponseDueAt: fc.option(date, { nil: null }),
        firstResponseAt: fc.option(date, { nil: null }),
        breachedAt: fc.option(date, { nil: null }),
        remainingMinutes: fc.option(fc.integer(), { nil: null }),
      }),
    })
    const page = fc.record({
      total: fc.nat(),
      totalCapped: fc.boolean(),
      nextCursor: nullableString,
      items: fc.array(request, { maxLength: 5 }),
    })
    const declared = plain(ServiceRequestPageSchema)
    const fast = rewritten(ServiceRequestPageSchema)
    fc.assert(
      fc.property(page, (p) => {
        expect(fast(p)).toBe(declared(p))
      }),
      { numRuns: 300 },
    )
  })
})
