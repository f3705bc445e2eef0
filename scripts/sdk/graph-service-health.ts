/**
 * `npm run sdk:graph-health`: the official Microsoft Graph client reads service health in a
 * customer's tenant — as anna (Fabrikam) with a delegated token for Rossi: health overviews with
 * their issues, the issue list, one issue with its posts. Needs TRAMITE_TLS=dev and
 * NODE_EXTRA_CA_CERTS=data/tls/cert.pem; TOKEN defaults to the CLI's delegated token.
 */
import { execFileSync } from 'node:child_process'
import { Client } from '@microsoft/microsoft-graph-client'
import { tenantIdOf } from '../../src/demo/world.ts'

const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')
const token =
  process.env.TOKEN ??
  execFileSync(
    process.execPath,
    ['bin/tramite.js', 'token', '--user', 'anna@fabrikam.example', '--tenant', tenantIdOf('rossi.example')],
    {
      encoding: 'utf8',
    },
  ).trim()

const client = Client.initWithMiddleware({
  baseUrl: url.origin,
  defaultVersion: 'v1.0',
  customHosts: new Set([url.hostname]),
  authProvider: { getAccessToken: async () => token },
})
const log = (step: string, data: Record<string, unknown>) => console.log(JSON.stringify({ step, ...data }))

const overviews = await client.api('/admin/serviceAnnouncement/healthOverviews').expand('issues').get()
const degraded = overviews.value.filter((s: { status: string }) => s.status !== 'serviceOperational')
log('healthOverviews', {
  services: overviews.value.length,
  degraded: degraded.map((s: { id: string; status: string; issues: { id: string }[] }) => ({
    id: s.id,
    status: s.status,
    issues: s.issues.map((i) => i.id),
  })),
})

const issues = await client.api('/admin/serviceAnnouncement/issues').top(50).get()
log('issues', { ids: issues.value.map((i: { id: string }) => i.id) })

for (const issue of issues.value as { id: string }[]) {
  const one = await client.api(`/admin/serviceAnnouncement/issues/${issue.id}`).get()
  log('issue', {
    id: one.id,
    service: one.service,
    status: one.status,
    classification: one.classification,
    posts: one.posts.length,
  })
}
