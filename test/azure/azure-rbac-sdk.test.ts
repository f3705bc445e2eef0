import { describe, expect, it } from 'vitest'
import { dialects } from '../support/dialects.ts'
import { useHttpsApp } from '../support/https.ts'
import { runSdkScript, stepsByName } from '../support/sdk-script.ts'

describe.each(dialects())(
  'the official @azure/arm-authorization client against Tramite (%s)',
  { timeout: 120_000 },
  (dialect) => {
    const app = useHttpsApp(dialect)

    it('R6: when role assignments on Rossi’s subscription are made and removed with the SDK, then anna’s right to file for Azure follows each one, and only an Owner or the tenant’s administrator changes them', async () => {
      const run = await runSdkScript('azure-rbac.ts', {
        NODE_EXTRA_CA_CERTS: app.https.certPath,
        TRAMITE_URL: app.https.url,
        ANNA_TOKEN: await app.t.tokenFor('anna@fabrikam.example', 'rossi.example'),
        ANNA_HOME_TOKEN: await app.t.tokenFor('anna@fabrikam.example'),
        ROSSI_ADMIN_TOKEN: await app.t.tokenFor('admin@rossi.example'),
      })
      expect(run.code, run.stderr + run.stdout).toBe(0)
      const steps = stepsByName(run.stdout)
      expect(steps.roleDefinitions).toMatchObject({
        names: ['Owner', 'Contributor', 'Reader', 'Support Request Contributor'],
        srcId: 'cfd33db0-3dd1-45e3-aa9d-cdbdf3b6f24e',
        ownerId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
      })
      expect(steps.roleDefinitionsFiltered.names).toEqual(['Reader'])
      expect(steps.roleDefinition).toMatchObject({ roleName: 'Owner', type: 'BuiltInRole' })
      expect(steps.list.adminAgentsOwner).toMatchObject({ principalType: 'ForeignGroup' })
      expect(steps.before).toMatchObject({ allowed: true, rule: 'R6' })
      expect(steps.create).toMatchObject({ principalType: 'ForeignGroup' })
      expect(steps.get.description).toBe('Fabrikam Tier1 files Azure tickets for Rossi')
      expect(steps.listByPrincipal.names).toEqual([steps.create.name])
      expect(steps.duplicate).toMatchObject({ refused: true, statusCode: 409, code: 'RoleAssignmentExists' })
      expect(steps.unknownPrincipal).toMatchObject({
        refused: true,
        statusCode: 400,
        code: 'PrincipalNotFound',
      })
      // Support Request Contributor through Tier1 still lets anna file, but no longer change RBAC
      expect(steps.ownerRemoved).toMatchObject({ allowed: true, rule: 'R6' })
      expect(steps.annaNoLongerOwner).toMatchObject({
        refused: true,
        statusCode: 403,
        code: 'AuthorizationFailed',
      })
      expect(steps.contributorRemoved).toMatchObject({ allowed: false, rule: 'R6' })
      expect(steps.ownerRestored).toMatchObject({ allowed: true, rule: 'R6', principalType: 'ForeignGroup' })

      const actions = await app.t.db.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'like', 'azure.role_assignment.%')
        .orderBy('id')
        .execute()
      expect(actions.map((a) => a.action)).toEqual([
        'azure.role_assignment.create',
        'azure.role_assignment.delete',
        'azure.role_assignment.delete',
        'azure.role_assignment.create',
      ])
    })
  },
)
