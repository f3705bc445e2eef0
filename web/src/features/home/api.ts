import type { Static } from 'typebox'
import type {
  HomeGdapSchema,
  HomeIncidentSchema,
  HomeSchema,
  RequestSectionSchema,
  RequestSummarySchema,
} from '../../../../src/home/home.schema.ts'
import { apiRequest } from '../../shared/api/client.ts'

// The server's schemas are the contract: these types are derived from them, never retyped.
export type Home = Static<typeof HomeSchema>
export type RequestSection = Static<typeof RequestSectionSchema>
export type RequestSummary = Static<typeof RequestSummarySchema>
export type HomeIncident = Static<typeof HomeIncidentSchema>
export type HomeGdap = Static<typeof HomeGdapSchema>

export function getHome(signal: AbortSignal): Promise<Home> {
  return apiRequest<Home>('/api/home', { signal })
}
