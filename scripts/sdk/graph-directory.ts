/**
 * `npm run sdk:graph-directory`: the official Microsoft Graph JavaScript client, unmodified, runs a
 * partner's people against Tramite over HTTPS, as anna (Fabrikam's admin agent): creates a user with
 * a password, two security groups, nests one in the other, adds the user to the inner one and reads
 * the outer one's transitiveMembers; makes the user an admin agent by adding them to Admin Agents
 * with members/$ref, and takes it back; then removes what it made.
 *
 * Start the server with TRAMITE_TLS=dev, then: NODE_EXTRA_CA_CERTS=data/tls/cert.pem npm run sdk:graph-directory
 * TRAMITE_URL (default https://localhost:3443); PARTNER_TOKEN defaults to a Graph token the CLI
 * mints for anna@fabrikam.example; ADMIN_AGENTS_ID to Fabrikam's Admin Agents group. The new user
 * signs in with the password it was given, and reads their roles after each membership change.
 * One JSON line per step.
 */
import { execFileSync } from 'node:child_process'
import { Client, GraphError } from '@microsoft/microsoft-graph-client'
import { demoId } from '../../src/demo/world.ts'

const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')
const cliToken = (user: string) =>
  execFileSync(
    process.execPath,
    ['bin/tramite.js', 'token', '--user', user, '--audience', 'https://graph.microsoft.com'],
    { encoding: 'utf8' },
  ).trim()

const graph = Client.initWithMiddleware({
  baseUrl: url.origin,
  defaultVersion: 'v1.0',
  // the client sends the bearer token only to https hosts it knows
  customHosts: new Set([url.hostname]),
  authProvider: {
    getAccessToken: async () => process.env.PARTNER_TOKEN ?? cliToken('anna@fabrikam.example'),
  },
})
const adminAgents = process.env.ADMIN_AGENTS_ID ?? demoId('group', 'fabrikam.example/Admin Agents')
const suffix = process.env.RUN_ID ?? String(Date.now())
const log = (step: string, data: Record<string, unknown>) => console.log(JSON.stringify({ step, ...data }))
const ref = (id: string) => ({ '@odata.id': `${url.origin}/v1.0/directoryObjects/${id}` })
const ids = (page: { value: { id: string }[] }) => page.value.map((o) => o.id)

const user: { id: string; userPrincipalName: string; accountEnabled: boolean } = await graph
  .api('/users')
  .post({
    accountEnabled: true,
    displayName: 'Marco Galli',
    givenName: 'Marco',
    surname: 'Galli',
    userPrincipalName: `marco.${suffix}@fabrikam.example`,
    mailNickname: 'marco',
    passwordProfile: { password: 'Graph-SDK-password-1', forceChangePasswordNextSignIn: false },
  })
log('createUser', {
  id: user.id,
  userPrincipalName: user.userPrincipalName,
  accountEnabled: user.accountEnabled,
})

const found = await graph
  .api('/users')
  .filter(`userPrincipalName eq '${user.userPrincipalName}'`)
  .select(['id', 'displayName'])
  .get()
log('findUser', { ids: ids(found), displayName: found.value[0]?.displayName })

const group = (displayName: string) =>
  graph.api('/groups').post({
    displayName,
    mailEnabled: false,
    mailNickname: displayName.replace(/\W/g, ''),
    securityEnabled: true,
  })
const escalations = await group(`Escalations ${suffix}`)
const nightShift = await group(`Night Shift ${suffix}`)
log('createGroups', { escalations: escalations.id, nightShift: nightShift.id })

await graph.api(`/groups/${escalations.id}/members/$ref`).post(ref(nightShift.id))
await graph.api(`/groups/${nightShift.id}/members/$ref`).post(ref(user.id))
const direct = await graph.api(`/groups/${escalations.id}/members`).get()
const transitive = await graph.api(`/groups/${escalations.id}/transitiveMembers`).get()
const memberOf = await graph.api(`/users/${user.id}/transitiveMemberOf`).get()
log('nested', {
  direct: ids(direct),
  transitive: ids(transitive),
  userTransitiveMemberOf: ids(memberOf),
})

let loop: Record<string, unknown> = { refused: false }
try {
  await graph.api(`/groups/${nightShift.id}/members/$ref`).post(ref(escalations.id))
} catch (error) {
  const e = error as GraphError
  loop = { refused: true, statusCode: e.statusCode, code: e.code }
}
log('cycle', loop)

await graph.api(`/groups/${adminAgents}/members/$ref`).post(ref(user.id))
const agents = await graph.api(`/groups/${adminAgents}/transitiveMembers`).select(['id']).get()
log('adminAgentAdded', { inAdminAgents: ids(agents).includes(user.id), roles: await rolesOf(user) })

await graph.api(`/groups/${adminAgents}/members/${user.id}/$ref`).delete()
const after = await graph.api(`/groups/${adminAgents}/transitiveMembers`).select(['id']).get()
log('adminAgentRemoved', { inAdminAgents: ids(after).includes(user.id), roles: await rolesOf(user) })

await graph.api(`/groups/${nightShift.id}/members/${user.id}/$ref`).delete()
await graph.api(`/groups/${escalations.id}/members/${nightShift.id}/$ref`).delete()
await graph.api(`/groups/${nightShift.id}`).delete()
await graph.api(`/groups/${escalations.id}`).delete()
await graph.api(`/users/${user.id}`).delete()
let gone: Record<string, unknown> = { found: true }
try {
  await graph.api(`/users/${user.id}`).get()
} catch (error) {
  gone = { found: false, statusCode: (error as GraphError).statusCode }
}
log('removed', gone)

/** The user's roles as the portal sees them at once: signed in with their own password. */
async function rolesOf(u: { userPrincipalName: string }): Promise<string[]> {
  const signIn = await fetch(`${url.origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: u.userPrincipalName, password: 'Graph-SDK-password-1' }),
  })
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`)
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
  const session = await fetch(`${url.origin}/api/session`, { headers: { cookie } })
  return ((await session.json()) as { user: { roles: string[] } }).user.roles
}
