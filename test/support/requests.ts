import { expect } from 'vitest'
import { tenantIdOf, type TestApp } from './app.ts'

/** The request most tests file: anna's (or any partner user's) Teams problem at Rossi. */
export const TEAMS_AT_ROSSI = {
  customerTenantId: tenantIdOf('rossi.example'),
  workload: 'office365',
  supportTopicId: 'o365.teams',
  title: 'Teams calls drop',
  description: 'Calls drop after two minutes for all users.',
  severity: 'moderate',
}

/** Files TEAMS_AT_ROSSI (with `extra` over it) through the portal API; expects 201. */
export async function fileRequest(
  t: TestApp,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string } & Record<string, any>> {
  const res = await t.request('POST', '/api/service-requests', {
    token,
    body: { ...TEAMS_AT_ROSSI, ...extra },
  })
  expect(res.status, res.body).toBe(201)
  return res.json()
}

/** A trial customer's own Microsoft 365 request to its partner (R10: handled by the partner); expects 201. */
export async function fileToPartner(
  t: TestApp,
  token: string,
  body: { title: string; description: string; severity: string },
): Promise<{ id: string } & Record<string, any>> {
  const res = await t.request('POST', '/api/service-requests', {
    token,
    body: { workload: 'office365', handledBy: 'partner', ...body },
  })
  expect(res.status, res.body).toBe(201)
  return res.json()
}
