import Type from 'typebox'
import { CustomerError } from '../customers/customers.messages.ts'
import { customerForActor } from '../customers/customers.service.ts'
import {
  customerPartnerRelationshipsForActor,
  mpnProfileForActor,
  organizationProfileForActor,
  partnerRelationshipsForActor,
  supportProfileForActor,
  updateSupportProfileAsActor,
} from '../customers/partner-profile.service.ts'
import type { PartnerRelationshipType } from '../customers/partner-relationships.data.ts'
import type { AppContext } from '../platform/context.ts'
import { validationFailed } from '../platform/errors.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { WireBody } from '../platform/http/wire-body.ts'
import { collection, presentBillingProfile, presentCompanyProfile } from './presenters.ts'
import {
  presentMpnProfile,
  presentOrganizationProfile,
  presentPartnerRelationship,
  presentSupportProfile,
} from './profile-presenters.ts'

const looseObject = Type.Object({}, { additionalProperties: true })
const CustomerId = Type.Object({ customerTenantId: Type.String({ maxLength: 64 }) })
const tags = ['Partner Center v1']

/** PartnerRelationshipType as the SDKs send it: member name, wire value or the enum's number. */
function parseRelationshipType(raw: string): PartnerRelationshipType {
  const key = raw.toLowerCase().replace(/[\s_-]/g, '')
  if (key === 'isindirectresellerof' || key === '1') return 'is_indirect_reseller_of'
  if (key === 'isindirectcloudsolutionproviderof' || key === '2')
    return 'is_indirect_cloud_solution_provider_of'
  throw new CustomerError(400, 'unknown_relationship_type', { value: raw })
}

/** The SDKs' reseller filter: {"Field":"Name","Value":"Ada","Operator":"starts_with"}. */
function parseNameFilter(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let filter: { Field?: unknown; Value?: unknown; Operator?: unknown }
  try {
    filter = JSON.parse(raw) as typeof filter
  } catch {
    throw validationFailed('filter must be a JSON object with Field, Value and Operator')
  }
  if (String(filter.Field ?? '').toLowerCase() !== 'name') throw validationFailed('filter.Field must be Name')
  if (String(filter.Operator ?? '').toLowerCase() !== 'starts_with')
    throw validationFailed('filter.Operator must be starts_with')
  if (typeof filter.Value !== 'string' || filter.Value.length === 0 || filter.Value.length > 100) {
    throw validationFailed('filter.Value must be a non-empty string of at most 100 characters')
  }
  return filter.Value
}

const WEBSITE =
  /^(https?:\/\/)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d+)?(\/\S*)?$/i
const PHONE = /^\+?[0-9 ().-]{4,40}$/

/** The partner's own profiles, its indirect-model relationships, and a customer's company and billing profiles. */
export function registerPartnerCenterProfileRoutes(pc: App, ctx: AppContext): void {
  pc.get(
    '/profiles/organization',
    { schema: { tags, summary: "The partner's organization profile", response: { 200: looseObject } } },
    async (request) =>
      presentOrganizationProfile((await organizationProfileForActor(ctx, actorOf(request))).profile),
  )

  pc.get(
    '/profiles/mpn',
    {
      schema: {
        tags,
        summary: "The partner's Microsoft Partner Network profile, or another partner's by mpnId",
        querystring: Type.Object({ mpnId: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: { 200: looseObject },
      },
    },
    async (request) =>
      presentMpnProfile(await mpnProfileForActor(ctx, actorOf(request), request.query.mpnId)),
  )

  // the documentation reads it at /profiles/support and writes it at /profiles/supportprofile: both answer
  for (const path of ['/profiles/supportprofile', '/profiles/support']) {
    pc.get(
      path,
      {
        schema: {
          tags,
          summary: "The partner's support contact (what R7 puts on tickets filed for customers)",
          response: { 200: looseObject },
        },
      },
      async (request) => presentSupportProfile(await supportProfileForActor(ctx, actorOf(request))),
    )
    pc.put(
      path,
      {
        schema: {
          tags,
          summary: "Changes the partner's support contact (admin agents)",
          body: Type.Object(
            {},
            {
              additionalProperties: true,
              description: 'A SupportProfile: Email (required), Telephone, Website.',
            },
          ),
          response: { 200: looseObject },
        },
      },
      async (request) => {
        const body = WireBody.of(request.body)
        const email = body.email('Email', { required: true })
        const phone = body.text('Telephone', { max: 40 })
        if (phone !== undefined && !PHONE.test(phone)) {
          body.fail(
            'Telephone',
            'format',
            {},
            {
              en: 'must be a phone number (digits, spaces, + ( ) . -).',
              it: 'deve essere un numero di telefono (cifre, spazi, + ( ) . -).',
            },
          )
        }
        const website = body.text('Website', { max: 2000 })
        if (website !== undefined && !WEBSITE.test(website)) {
          body.fail(
            'Website',
            'format',
            {},
            {
              en: 'must be a web address such as https://support.example.com.',
              it: 'deve essere un indirizzo web come https://support.example.com.',
            },
          )
        }
        body.check()
        return presentSupportProfile(
          await updateSupportProfileAsActor(ctx, actorOf(request), {
            email: email!,
            phone: phone ?? null,
            website: website ?? null,
          }),
        )
      },
    )
  }

  pc.get(
    '/relationships',
    {
      schema: {
        tags,
        summary:
          "The partner's indirect-model relationships (a provider's resellers, a reseller's providers)",
        querystring: Type.Object({
          relationship_type: Type.Optional(Type.String({ maxLength: 60 })),
          filter: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { relationship_type: type, filter } = request.query
      const relationships = await partnerRelationshipsForActor(
        ctx,
        actorOf(request),
        type === undefined ? undefined : [parseRelationshipType(type)],
        parseNameFilter(filter),
      )
      return collection(relationships.map(presentPartnerRelationship), '/relationships')
    },
  )

  pc.get(
    '/customers/:customerTenantId/relationships',
    {
      schema: {
        tags,
        summary: 'The other partner of the indirect model for this customer (its reseller, or its provider)',
        params: CustomerId,
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { customerTenantId } = request.params
      const relationships = await customerPartnerRelationshipsForActor(
        ctx,
        actorOf(request),
        customerTenantId,
      )
      return collection(
        relationships.map(presentPartnerRelationship),
        `/customers/${customerTenantId}/relationships`,
      )
    },
  )

  pc.get(
    '/customers/:customerTenantId/profiles/company',
    {
      schema: {
        tags,
        summary: "The customer's company profile (address, email, registration number)",
        params: CustomerId,
        response: { 200: looseObject },
      },
    },
    async (request) =>
      presentCompanyProfile(await customerForActor(ctx, actorOf(request), request.params.customerTenantId)),
  )

  pc.get(
    '/customers/:customerTenantId/profiles/billing',
    {
      schema: {
        tags,
        summary: "The customer's billing profile (billing contact and address)",
        params: CustomerId,
        response: { 200: looseObject },
      },
    },
    async (request) =>
      presentBillingProfile(await customerForActor(ctx, actorOf(request), request.params.customerTenantId)),
  )
}
