import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLE_IDS } from '../../src/catalog/catalog.ts'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROOT = '/v1.0/tenantRelationships/delegatedAdminRelationships'
const TAILSPIN = tenantIdOf('tailspin.example')
const ROSSI = tenantIdOf('rossi.example')
const TIER1 = demoId('group', 'fabrikam.example/Tier1 Support')
const DAY = 86400_000

describe.each(dialects())('GDAP over the Graph v1.0 API (%s)', (dialect) => {
  let t: TestApp
  let anna: string
  let tailspinAdmin: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    anna = await t.tokenFor('anna@fabrikam.example')
    tailspinAdmin = await t.tokenFor('admin@tailspin.example')
  })
  afterAll(() => t?.close())

  const create = (token: string, body: Record<string, unknown>) => t.request('POST', ROOT, { token, body })
  const get = (token: string, id: string) => t.request('GET', `${ROOT}/${id}`, { token })

  async function newRelationship(name: string, extra: Record<string, unknown> = {}) {
    const res = await create(anna, {
      displayName: name,
      duration: 'P365D',
      customer: { tenantId: TAILSPIN },
      accessDetails: {
        unifiedRoles: [
          { roleDefinitionId: ROLE_IDS.serviceSupportAdministrator },
          { roleDefinitionId: ROLE_IDS.directoryReaders },
        ],
      },
      ...extra,
    })
    expect(res.status, res.body).toBe(201)
    return res.json()
  }

  async function activate(name: string) {
    const rel = await newRelationship(name)
    await t.request('POST', `${ROOT}/${rel.id}/requests`, {
      token: anna,
      body: { action: 'lockForApproval' },
    })
    await t.request('POST', `${ROOT}/${rel.id}/requests`, {
      token: tailspinAdmin,
      body: { action: 'approve' },
    })
    await t.runJobs()
    return rel.id as string
  }

  it('when the partner renews access to Tailspin, then create → lock → customer approves → active → assign → the delegated token works again', async () => {
    await expect(t.tokenFor('anna@fabrikam.example', 'tailspin.example')).rejects.toMatchObject({
      code: 'no_delegated_access',
    })

    const created = await newRelationship('Fabrikam-Tailspin 2026')
    expect(created).toMatchObject({
      '@odata.context': expect.stringMatching(
        /\/v1\.0\/\$metadata#tenantRelationships\/delegatedAdminRelationships\/\$entity$/,
      ),
      displayName: 'Fabrikam-Tailspin 2026',
      status: 'created',
      duration: 'P365D',
      autoExtendDuration: 'PT0S',
      customer: { tenantId: TAILSPIN, displayName: 'Tailspin Toys' },
      activatedDateTime: null,
      endDateTime: null,
    })
    expect(created.id).toMatch(/^[0-9a-f-]{36}-[0-9a-f-]{36}$/)
    expect(created['@odata.etag']).toMatch(/^W\/"/)

    const lock = await t.request('POST', `${ROOT}/${created.id}/requests`, {
      token: anna,
      body: { action: 'lockForApproval' },
    })
    expect(lock.status).toBe(201)
    expect(lock.json()).toMatchObject({ action: 'lockForApproval', status: 'succeeded' })
    expect((await get(anna, created.id)).json().status).toBe('approvalPending')

    // the partner cannot approve its own request; the customer can
    expect(
      (
        await t.request('POST', `${ROOT}/${created.id}/requests`, {
          token: anna,
          body: { action: 'approve' },
        })
      ).status,
    ).toBe(409)
    const approve = await t.request('POST', `${ROOT}/${created.id}/requests`, {
      token: tailspinAdmin,
      body: { action: 'approve' },
    })
    expect(approve.status).toBe(201)
    expect(approve.json()).toMatchObject({ action: 'approve', status: 'pending' })
    expect((await get(anna, created.id)).json().status).toBe('activating')

    const report = await t.runJobs()
    expect(report.activated).toBe(1)
    const active = (await get(tailspinAdmin, created.id)).json()
    expect(active.status).toBe('active')
    expect(new Date(active.endDateTime).getTime() - new Date(active.activatedDateTime).getTime()).toBe(
      365 * DAY,
    )
    const requests = (await t.request('GET', `${ROOT}/${created.id}/requests`, { token: anna })).json().value
    expect(requests.map((r: { action: string; status: string }) => `${r.action}:${r.status}`)).toEqual([
      'lockForApproval:succeeded',
      'approve:succeeded',
    ])

    // the relationship alone gives nothing: a group must be assigned
    await expect(t.tokenFor('anna@fabrikam.example', 'tailspin.example')).rejects.toMatchObject({
      code: 'no_delegated_access',
    })
    const assign = await t.request('POST', `${ROOT}/${created.id}/accessAssignments`, {
      token: anna,
      body: {
        accessContainer: { accessContainerId: TIER1, accessContainerType: 'securityGroup' },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.serviceSupportAdministrator }] },
      },
    })
    expect(assign.status, assign.body).toBe(201)
    expect(assign.json()).toMatchObject({
      status: 'pending',
      accessContainer: { accessContainerId: TIER1, accessContainerType: 'securityGroup' },
    })
    await t.runJobs()
    const assignments = (
      await t.request('GET', `${ROOT}/${created.id}/accessAssignments`, { token: anna })
    ).json().value
    expect(assignments.map((a: { status: string }) => a.status)).toEqual(['active'])

    const token = await t.tokenFor('anna@fabrikam.example', 'tailspin.example')
    const advice = (
      await t.request('GET', `/api/advice?customer=${TAILSPIN}&workload=office365`, { token: anna })
    ).json()
    expect(advice).toMatchObject({
      allowed: true,
      rule: 'R9',
      grant: { relationshipName: 'Fabrikam-Tailspin 2026' },
    })

    // the customer terminates: access ends, the token is refused, advice says why (R1)
    const terminate = await t.request('POST', `${ROOT}/${created.id}/requests`, {
      token: tailspinAdmin,
      body: { action: 'terminate' },
    })
    expect(terminate.json()).toMatchObject({ action: 'terminate', status: 'pending' })
    expect((await get(anna, created.id)).json().status).toBe('terminating')
    await t.runJobs()
    expect((await get(anna, created.id)).json().status).toBe('terminated')
    expect((await t.request('GET', '/api/session', { token })).status).toBe(401)
    const after = (
      await t.request('GET', `/api/advice?customer=${TAILSPIN}&workload=office365`, { token: anna })
    ).json()
    expect(after).toMatchObject({ allowed: false, rule: 'R1' })

    // every state change is in the audit log
    const audit = (await t.request('GET', `/api/audit?tenant=${TAILSPIN}`, { token: tailspinAdmin })).json()
      .items
    const actions = audit
      .filter((e: { relationshipId: string }) => e.relationshipId === created.id)
      .map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'gdap.relationship.create',
        'gdap.relationship.lockForApproval',
        'gdap.relationship.approve',
        'gdap.relationship.activate',
        'gdap.assignment.create',
        'gdap.assignment.activate',
        'gdap.relationship.terminate',
        'gdap.relationship.terminated',
      ]),
    )
  })

  it('when another partner or another customer asks for the relationship, then 404 — it is not revealed', async () => {
    const rel = await newRelationship('Fabrikam-Tailspin private')
    for (const email of ['ada@adatum.example', 'nora@northwind.example', 'admin@rossi.example']) {
      const token = await t.tokenFor(email)
      expect((await get(token, rel.id)).status, email).toBe(404)
      const list = (await t.request('GET', ROOT, { token })).json().value as { id: string }[]
      expect(
        list.some((r) => r.id === rel.id),
        email,
      ).toBe(false)
    }
    expect((await get(await t.tokenFor('engineer@contoso.example'), rel.id)).status).toBe(403)
  })

  it('when the lifecycle rules are broken, then Graph-shaped 4xx errors explain why and nothing changes', async () => {
    const bad = await create(anna, {
      displayName: 'x',
      duration: 'P731D',
      accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.serviceSupportAdministrator }] },
    })
    expect(bad.status).toBe(400)
    // Graph's code on top, ours (the precise reason) in innerError
    expect(bad.json().error).toMatchObject({
      code: 'BadRequest',
      innerError: { code: 'invalid_duration', 'request-id': expect.any(String) },
    })
    expect(bad.headers['request-id']).toBe(bad.json().error.innerError['request-id'])
    const ga = await create(anna, {
      displayName: 'with GA',
      duration: 'P30D',
      autoExtendDuration: 'P180D',
      accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.globalAdministrator }] },
    })
    expect(ga.json().error).toMatchObject({
      code: 'BadRequest',
      innerError: { code: 'auto_extend_with_global_admin' },
    })
    const unknown = await create(anna, {
      displayName: 'bad role',
      duration: 'P30D',
      accessDetails: { unifiedRoles: [{ roleDefinitionId: crypto.randomUUID() }] },
    })
    expect(unknown.json().error.innerError.code).toBe('unknown_role')
    const helpdesk = await create(await t.tokenFor('hugo@fabrikam.example'), {
      displayName: 'not an admin agent',
      duration: 'P30D',
      accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.directoryReaders }] },
    })
    expect(helpdesk.status).toBe(403)
    expect(helpdesk.json().error).toMatchObject({
      code: 'Forbidden',
      innerError: { code: 'admin_agent_required' },
    })

    const rel = await newRelationship('ETag checks')
    const noMatch = await t.request('PATCH', `${ROOT}/${rel.id}`, {
      token: anna,
      body: { displayName: 'renamed' },
    })
    expect(noMatch.status).toBe(428)
    expect(noMatch.json().error.code).toBe('PreconditionRequired')
    const renamed = await t.request('PATCH', `${ROOT}/${rel.id}`, {
      token: anna,
      body: { displayName: 'renamed' },
      headers: { 'if-match': rel['@odata.etag'] },
    })
    expect(renamed.status).toBe(200)
    expect(renamed.json().displayName).toBe('renamed')
    const stale = await t.request('PATCH', `${ROOT}/${rel.id}`, {
      token: anna,
      body: { displayName: 'again' },
      headers: { 'if-match': rel['@odata.etag'] },
    })
    expect(stale.status).toBe(412)
    expect(stale.json().error.code).toBe('PreconditionFailed')
    const duplicate = await newRelationship('Name in use')
    const clash = await t.request('PATCH', `${ROOT}/${rel.id}`, {
      token: anna,
      body: { displayName: duplicate.displayName },
      headers: { 'if-match': renamed.json()['@odata.etag'] },
    })
    expect(clash.status).toBe(409)
    expect(clash.json().error).toMatchObject({ code: 'Conflict', innerError: { code: 'display_name_taken' } })

    const activeId = await activate('Active edits')
    const current = (await get(anna, activeId)).json()
    const edit = await t.request('PATCH', `${ROOT}/${activeId}`, {
      token: anna,
      body: { duration: 'P30D' },
      headers: { 'if-match': current['@odata.etag'] },
    })
    expect(edit.status).toBe(409)
    expect(edit.json().error.innerError.code).toBe('only_auto_extend_while_active')
    const extend = await t.request('PATCH', `${ROOT}/${activeId}`, {
      token: anna,
      body: { autoExtendDuration: 'P180D' },
      headers: { 'if-match': current['@odata.etag'] },
    })
    expect(extend.status).toBe(200)
    expect(extend.json().autoExtendDuration).toBe('P180D')
    const del = await t.request('DELETE', `${ROOT}/${activeId}`, {
      token: anna,
      headers: { 'if-match': '*' },
    })
    expect(del.status).toBe(409)
    expect(
      (
        await t.request('DELETE', `${ROOT}/${duplicate.id}`, {
          token: anna,
          headers: { 'if-match': duplicate['@odata.etag'] },
        })
      ).status,
    ).toBe(204)
    expect((await get(anna, duplicate.id)).status).toBe(404)
  })

  it('when listing with $filter, $top and $select, then pages follow @odata.nextLink', async () => {
    for (const n of [1, 2, 3]) await newRelationship(`Paged ${n}`)
    const first = (
      await t.request(
        'GET',
        `${ROOT}?$filter=${encodeURIComponent(`status eq 'created' and customer/tenantId eq '${TAILSPIN}'`)}&$top=2&$select=displayName,status`,
        { token: anna },
      )
    ).json()
    expect(first.value).toHaveLength(2)
    expect(Object.keys(first.value[0]).sort()).toEqual([
      '@odata.etag',
      '@odata.type',
      'displayName',
      'status',
    ])
    expect(first['@odata.context']).toMatch(
      /\$metadata#tenantRelationships\/delegatedAdminRelationships\(displayName,status\)$/,
    )
    const seen = [...first.value]
    let next = first['@odata.nextLink']
    while (next) {
      const page = (await t.request('GET', next.replace(/^https?:\/\/[^/]+/, ''), { token: anna })).json()
      seen.push(...page.value)
      next = page['@odata.nextLink']
    }
    expect(seen.every((r) => r.status === 'created')).toBe(true)
    expect(new Set(seen.map((r) => r['@odata.etag'])).size).toBe(seen.length)
    expect(seen.map((r) => r.displayName)).toEqual(expect.arrayContaining(['Paged 1', 'Paged 2', 'Paged 3']))
    const bad = await t.request('GET', `${ROOT}?$filter=${encodeURIComponent("status ne 'x'")}`, {
      token: anna,
    })
    expect(bad.status).toBe(400)
    expect(bad.json().error.code).toBe('BadRequest') // 'x' is no relationship status
  })

  it('when assignment roles change, then an operation runs and applies them; a role outside the relationship is refused', async () => {
    const id = await activate('Operations')
    const created = await t.request('POST', `${ROOT}/${id}/accessAssignments`, {
      token: anna,
      body: {
        accessContainer: { accessContainerId: TIER1, accessContainerType: 'securityGroup' },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.directoryReaders }] },
      },
    })
    const assignment = created.json()
    await t.runJobs()
    const fresh = (
      await t.request('GET', `${ROOT}/${id}/accessAssignments/${assignment.id}`, { token: anna })
    ).json()
    const outside = await t.request('PATCH', `${ROOT}/${id}/accessAssignments/${assignment.id}`, {
      token: anna,
      headers: { 'if-match': fresh['@odata.etag'] },
      body: { accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.globalAdministrator }] } },
    })
    expect(outside.status).toBe(400)
    const update = await t.request('PATCH', `${ROOT}/${id}/accessAssignments/${assignment.id}`, {
      token: anna,
      headers: { 'if-match': fresh['@odata.etag'] },
      body: { accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.serviceSupportAdministrator }] } },
    })
    expect(update.status).toBe(202)
    const operationPath = String(update.headers.location).replace(/^https?:\/\/[^/]+/, '')
    expect((await t.request('GET', operationPath, { token: anna })).json()).toMatchObject({
      status: 'notStarted',
      operationType: 'delegatedAdminAccessAssignmentUpdate',
    })
    await t.runJobs()
    expect((await t.request('GET', operationPath, { token: anna })).json().status).toBe('succeeded')
    const after = (
      await t.request('GET', `${ROOT}/${id}/accessAssignments/${assignment.id}`, { token: anna })
    ).json()
    expect(after.accessDetails.unifiedRoles).toEqual([
      { roleDefinitionId: ROLE_IDS.serviceSupportAdministrator },
    ])

    const removed = await t.request('DELETE', `${ROOT}/${id}/accessAssignments/${assignment.id}`, {
      token: anna,
      headers: { 'if-match': after['@odata.etag'] },
    })
    expect(removed.status).toBe(204)
    await t.runJobs()
    expect(
      (await t.request('GET', `${ROOT}/${id}/accessAssignments/${assignment.id}`, { token: anna })).json()
        .status,
    ).toBe('deleted')
  })

  it('when time passes, then relationships expire, lapse or auto-extend at once, and notices go out once', async () => {
    const rossiRel = (
      await t.db.db
        .selectFrom('gdap_relationships')
        .select(['id'])
        .where('customer_tenant_id', '=', ROSSI)
        .executeTakeFirstOrThrow()
    ).id
    await t.db.db
      .updateTable('gdap_relationships')
      .set({ end_at: new Date(Date.now() + 5 * DAY) })
      .where('id', '=', rossiRel)
      .execute()
    await t.runJobs()
    await t.runJobs()
    const annaNotes = (
      await t.request('GET', '/api/notifications', { token: anna, headers: { 'accept-language': 'it' } })
    ).json()
    const rossiNotes = (
      await t.request('GET', '/api/notifications', { token: await t.tokenFor('admin@rossi.example') })
    ).json()
    expect(annaNotes.items.filter((n: { kind: string }) => n.kind === 'gdap.expires_in_7')).toHaveLength(1)
    expect(annaNotes.items[0].text).toMatch(/termina tra 7 giorni/)
    expect(rossiNotes.items.map((n: { kind: string }) => n.kind)).toEqual(['gdap.expires_in_7'])
    expect(
      (
        await t.request('GET', '/api/notifications', { token: await t.tokenFor('hugo@fabrikam.example') })
      ).json().items,
    ).toEqual([])

    // the end passes: access stops at that instant, the job then records it and sends the last notice
    t.clock.offsetMs = 6 * DAY
    try {
      expect((await get(anna, rossiRel)).json().status).toBe('expired')
      await expect(t.tokenFor('anna@fabrikam.example', 'rossi.example')).rejects.toMatchObject({
        code: 'no_delegated_access',
      })
      const report = await t.runJobs()
      expect(report.expired).toBe(1)
      expect((await t.request('GET', '/api/notifications', { token: anna })).json().items[0].kind).toBe(
        'gdap.expired',
      )
    } finally {
      t.clock.offsetMs = 0
    }

    // auto-extend renews at the end, again and again; no notices while it is on
    const extending = await activate('Auto-extending')
    const current = (await get(anna, extending)).json()
    await t.request('PATCH', `${ROOT}/${extending}`, {
      token: anna,
      body: { autoExtendDuration: 'P180D' },
      headers: { 'if-match': current['@odata.etag'] },
    })
    t.clock.offsetMs = 400 * DAY
    try {
      const later = (await get(anna, extending)).json()
      expect(later.status).toBe('active')
      expect(new Date(later.endDateTime).getTime()).toBeGreaterThan(Date.now() + 400 * DAY)
      expect((await t.runJobs()).extended).toBeGreaterThanOrEqual(1)
      const stored = await t.db.db
        .selectFrom('gdap_relationships')
        .select(['end_at', 'status'])
        .where('id', '=', extending)
        .executeTakeFirstOrThrow()
      expect(stored.status).toBe('active')
      expect(stored.end_at!.getTime()).toBe(new Date(later.endDateTime).getTime())
    } finally {
      t.clock.offsetMs = 0
    }

    // an approval request left for 90 days lapses
    const pending = await newRelationship('Never approved')
    await t.request('POST', `${ROOT}/${pending.id}/requests`, {
      token: anna,
      body: { action: 'lockForApproval' },
    })
    t.clock.offsetMs = 91 * DAY
    try {
      expect((await get(anna, pending.id)).json().status).toBe('expired')
      expect(
        (
          await t.request('POST', `${ROOT}/${pending.id}/requests`, {
            token: tailspinAdmin,
            body: { action: 'approve' },
          })
        ).status,
      ).toBe(409)
    } finally {
      t.clock.offsetMs = 0
    }
  })
})
