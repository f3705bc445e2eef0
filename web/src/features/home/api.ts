import { api, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type Home = ResponseOf<'/api/home', 'get'>
type PartnerHome = Extract<Home, { persona: 'partner' }>
export type RequestSection = PartnerHome['atRisk']
export type RequestSummary = RequestSection['items'][number]
export type HomeIncident = PartnerHome['incidents'][number]
export type HomeGdap = PartnerHome['gdap'][number]

export function getHome(signal: AbortSignal): Promise<Home> {
  return api.get('/api/home', { signal })
}
