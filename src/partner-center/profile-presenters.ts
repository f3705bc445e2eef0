import type { PartnerProfileRecord } from '../customers/partner-profile.data.ts'
import type { PartnerRelationshipRecord } from '../customers/partner-relationships.data.ts'
import type { TenantProfile } from '../customers/profiles.data.ts'
import { link, present, presentAddress } from './presenters.ts'

/** Partner Center's shapes for the signed-in partner's own profiles and its partner relationships. */

export function presentOrganizationProfile(profile: TenantProfile) {
  return {
    id: profile.tenantId,
    companyName: profile.companyName,
    defaultAddress: presentAddress(profile.country, profile, true),
    tenantId: profile.tenantId,
    domain: profile.domain,
    ...present({ email: profile.email }),
    language: profile.locale.split('-')[0]!,
    culture: profile.locale,
    profileType: 'OrganizationProfile',
    links: { self: link('/profiles/organization') },
    attributes: { etag: String(profile.version), objectType: 'OrganizationProfile' },
  }
}

export function presentMpnProfile(partner: PartnerProfileRecord) {
  return {
    partnerName: partner.name,
    mpnId: partner.mpnId,
    profileType: 'MpnProfile',
    links: { self: link('/profiles/mpn') },
    attributes: { objectType: 'MpnProfile' },
  }
}

export function presentSupportProfile(partner: PartnerProfileRecord) {
  return {
    ...present({
      email: partner.supportEmail,
      telephone: partner.supportPhone,
      website: partner.supportWebsite,
    }),
    profileType: 'support_profile',
    links: { self: link('/profiles/supportprofile') },
    attributes: { objectType: 'PartnerSupportProfile' },
  }
}

export function presentPartnerRelationship(r: PartnerRelationshipRecord) {
  return {
    id: r.tenantId,
    name: r.name,
    relationshipType: r.relationshipType,
    state: 'Active',
    mpnId: r.mpnId,
    location: r.country,
    attributes: { objectType: 'PartnerRelationship' },
  }
}
