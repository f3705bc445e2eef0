import { apiRequest } from '../../shared/api/client.ts'

export interface InvitingPartner {
  tenantId: string
  displayName: string
  partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
  mpnId: string
}

/** What a reseller relationship link offers (GET /api/partner-invitations/current). */
export interface Invitation {
  partner: InvitingPartner
  indirectProvider: InvitingPartner | null
  relationship: 'reseller' | 'advisor'
  alreadyAccepted: boolean
}

export interface InvitationLink {
  partnerId: string
  indirectProviderId?: string | undefined
}

export const readInvitation = (link: InvitationLink, signal?: AbortSignal) =>
  apiRequest<Invitation>('/api/partner-invitations/current', {
    query: { partnerId: link.partnerId, indirectProviderId: link.indirectProviderId },
    signal,
  })

export const acceptInvitation = (link: InvitationLink) =>
  apiRequest<Invitation>('/api/partner-invitations/accept', {
    method: 'POST',
    body: link.indirectProviderId ? link : { partnerId: link.partnerId },
  })
