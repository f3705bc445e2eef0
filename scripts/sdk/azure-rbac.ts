/**
 * `npm run sdk:azure-rbac`: the official @azure/arm-authorization client, unmodified, over HTTPS
 * against Tramite, setting up R6 on Rossi's Azure subscription:
 * - anna (Fabrikam, whose Admin Agents own the subscription) reads the role definitions and the
 *   assignments, gives Fabrikam's "Tier1 Support" group Support Request Contributor (a foreign
 *   principal in Rossi's tenant), reads it back, then removes her Admin Agents' Owner: she can still
 *   file (Support Request Contributor) but no longer change assignments;
 * - Rossi's administrator (the tenant's global administrator) removes the Support Request
 *   Contributor (anna can no longer file: R6) and gives Fabrikam's Admin Agents Owner again.
 * After each step it asks the advice API whether anna may file for Rossi's Azure.
 *
 * Start the server with TRAMITE_TLS=dev, then: NODE_EXTRA_CA_CERTS=data/tls/cert.pem npm run sdk:azure-rbac
 * TRAMITE_URL (default https://localhost:3443); ANNA_TOKEN (delegated, Rossi), ANNA_HOME_TOKEN,
 * ROSSI_ADMIN_TOKEN default to tokens the CLI mints. Prints one JSON line per step.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { demoId, tenantIdOf } from '../../src/demo/world.ts'

const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')
const cliToken = (user: string, tenant?: string) =>
  execFileSync(
    process.execPath,
    [
      'bin/tramite.js',
      'token',
      '--user',
      user,
      ...(tenant ? ['--tenant', tenant] : []),
      '--audience',
      'https://management.azure.com',
    ],
    { encoding: 'utf8' },
  ).trim()

const ROSSI = tenantIdOf('rossi.example')
const subscriptionId =
  process.env.ROSSI_SUBSCRIPTION ?? demoId('subscription', 'rossi.example/Rossi Produzione')
const ADMIN_AGENTS = demoId('group', 'fabrikam.example/Admin Agents')
const TIER1 = demoId('group', 'fabrikam.example/Tier1 Support')
const scope = `subscriptions/${subscriptionId}`
const annaToken = process.env.ANNA_TOKEN ?? cliToken('anna@fabrikam.example', ROSSI)
const annaHomeToken = process.env.ANNA_HOME_TOKEN ?? cliToken('anna@fabrikam.example')
const adminToken = process.env.ROSSI_ADMIN_TOKEN ?? cliToken('admin@rossi.example')

const client = (token: string) =>
  new AuthorizationManagementClient(
    { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    subscriptionId,
    { endpoint: url.origin, retryOptions: { maxRetries: 0 } },
  )
const log = (step: string, data: Record<string, unknown>) => console.log(JSON.stringify({ step, ...data }))
const annaMayFile = async () => {
  const res = await fetch(
    `${url.origin}/api/advice?customer=${ROSSI}&workload=azure&subscription=${subscriptionId}`,
    {
      headers: { authorization: `Bearer ${annaHomeToken}` },
    },
  )
  const advice = (await res.json()) as { allowed: boolean; rule: string | null }
  return { allowed: advice.allowed, rule: advice.rule }
}
const refusal = async (work: () => Promise<unknown>) => {
  try {
    await work()
    return { refused: false }
  } catch (error) {
    const e = error as { statusCode?: number; code?: string }
    return { refused: true, statusCode: e.statusCode, code: e.code }
  }
}

const anna = client(annaToken)
const admin = client(adminToken)

const definitions = []
for await (const d of anna.roleDefinitions.list(scope)) definitions.push(d)
const src = definitions.find((d) => d.roleName === 'Support Request Contributor')!
const owner = definitions.find((d) => d.roleName === 'Owner')!
log('roleDefinitions', { names: definitions.map((d) => d.roleName), srcId: src.name, ownerId: owner.name })
const filtered = []
for await (const d of anna.roleDefinitions.list(scope, { filter: "roleName eq 'Reader'" }))
  filtered.push(d.roleName)
log('roleDefinitionsFiltered', { names: filtered })
const got = await anna.roleDefinitions.get(scope, owner.name!)
log('roleDefinition', { roleName: got.roleName, type: got.roleType })

const atScope = []
for await (const a of anna.roleAssignments.listForSubscription({ filter: 'atScope()' })) atScope.push(a)
const adminAgentsOwner = atScope.find(
  (a) => a.principalId === ADMIN_AGENTS && a.roleDefinitionId === owner.id,
)!
log('list', {
  count: atScope.length,
  adminAgentsOwner: { principalType: adminAgentsOwner.principalType, scope: adminAgentsOwner.scope },
})
log('before', await annaMayFile())

const tier1Name = randomUUID()
const created = await anna.roleAssignments.create(scope, tier1Name, {
  roleDefinitionId: src.id!,
  principalId: TIER1,
  principalType: 'ForeignGroup',
  description: 'Fabrikam Tier1 files Azure tickets for Rossi',
})
log('create', {
  name: created.name,
  principalType: created.principalType,
  roleDefinitionId: created.roleDefinitionId,
})
const fetched = await anna.roleAssignments.get(scope, tier1Name)
log('get', { principalId: fetched.principalId, description: fetched.description })
const byPrincipal = []
for await (const a of anna.roleAssignments.listForScope(scope, { filter: `principalId eq '${TIER1}'` }))
  byPrincipal.push(a.name)
log('listByPrincipal', { names: byPrincipal })
log(
  'duplicate',
  await refusal(() =>
    anna.roleAssignments.create(scope, randomUUID(), { roleDefinitionId: src.id!, principalId: TIER1 }),
  ),
)
log(
  'unknownPrincipal',
  await refusal(() =>
    anna.roleAssignments.create(scope, randomUUID(), {
      roleDefinitionId: src.id!,
      principalId: randomUUID(),
    }),
  ),
)

await anna.roleAssignments.delete(scope, adminAgentsOwner.name!)
log('ownerRemoved', await annaMayFile())
log(
  'annaNoLongerOwner',
  await refusal(() =>
    anna.roleAssignments.create(scope, randomUUID(), {
      roleDefinitionId: owner.id!,
      principalId: ADMIN_AGENTS,
    }),
  ),
)

await admin.roleAssignments.delete(scope, tier1Name)
log('contributorRemoved', await annaMayFile())

const restored = await admin.roleAssignments.create(scope, randomUUID(), {
  roleDefinitionId: owner.id!,
  principalId: ADMIN_AGENTS,
  principalType: 'ForeignGroup',
})
log('ownerRestored', { ...(await annaMayFile()), principalType: restored.principalType })
