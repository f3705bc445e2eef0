import { describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { dialects } from '../support/dialects.ts'
import { useHttpsApp } from '../support/https.ts'
import { runSdkScript, stepsByName } from '../support/sdk-script.ts'

describe.each(dialects())(
  'the official Microsoft Graph client runs a partner’s users and groups (%s)',
  { timeout: 120_000 },
  (dialect) => {
    const app = useHttpsApp(dialect)

    it('when anna uses @microsoft/microsoft-graph-client, then she creates a user and nested groups, transitiveMembers follows the nesting, and members/$ref to Admin Agents makes and unmakes an admin agent at once', async () => {
      const run = await runSdkScript('graph-directory.ts', {
        NODE_EXTRA_CA_CERTS: app.https.certPath,
        TRAMITE_URL: app.https.url,
        PARTNER_TOKEN: await app.t.tokenFor('anna@fabrikam.example'),
        RUN_ID: 'sdk',
      })
      expect(run.code, run.stderr + run.stdout).toBe(0)
      const steps = stepsByName(run.stdout)
      const { id: userId } = steps.createUser
      const { escalations, nightShift } = steps.createGroups
      expect(steps.createUser).toMatchObject({
        userPrincipalName: 'marco.sdk@fabrikam.example',
        accountEnabled: true,
      })
      expect(steps.findUser).toMatchObject({ ids: [userId], displayName: 'Marco Galli' })
      expect(steps.nested.direct).toEqual([nightShift])
      expect(steps.nested.transitive.sort()).toEqual([nightShift, userId].sort())
      expect(steps.nested.userTransitiveMemberOf.sort()).toEqual([escalations, nightShift].sort())
      expect(steps.cycle).toMatchObject({ refused: true, statusCode: 400 })
      expect(steps.adminAgentAdded).toMatchObject({ inAdminAgents: true })
      expect(steps.adminAgentAdded.roles).toContain('admin_agent')
      expect(steps.adminAgentRemoved).toMatchObject({ inAdminAgents: false })
      expect(steps.adminAgentRemoved.roles).not.toContain('admin_agent')
      expect(steps.removed).toMatchObject({ found: false, statusCode: 404 })

      const actions = await app.t.db.db
        .selectFrom('audit_events')
        .select(['action', 'target_id'])
        .where('action', 'like', 'directory.%')
        .orderBy('id')
        .execute()
      expect(actions.map((a) => a.action)).toEqual([
        'directory.user.create',
        'directory.group.create',
        'directory.group.create',
        'directory.group.member.add',
        'directory.group.member.add',
        'directory.group.member.add',
        'directory.group.member.remove',
        'directory.group.member.remove',
        'directory.group.member.remove',
        'directory.group.delete',
        'directory.group.delete',
        'directory.user.delete',
      ])
      expect(actions[5]!.target_id).toBe(demoId('group', 'fabrikam.example/Admin Agents'))
    })
  },
)
