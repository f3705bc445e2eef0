import { describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const ADMIN_AGENTS = demoId('group', 'fabrikam.example/Admin Agents')
const HUGO = demoId('user', 'hugo@fabrikam.example')
const WAIT = { timeout: 20_000 }

describe.each(dialects())('the directory’s people pages (%s)', { timeout: 180_000 }, (dialect) => {
  const app = useBrowserApp(dialect)

  it('when hugo (helpdesk agent, no admin role) opens the directory, then he reads it but is offered no change', async () => {
    const page = await app.signedIn('hugo@fabrikam.example', 'en-US', { from: '/directory/users' })
    await expect.poll(() => page.getByTestId('directory-read-only').isVisible(), WAIT).toBe(true)
    expect(await page.getByTestId('nav-directory-users').isVisible()).toBe(true)
    expect(await page.getByTestId('user-invite').count()).toBe(0)
    // the read-only note shows before the list has loaded: wait for the list
    await expect
      .poll(() => page.getByTestId('user-row').filter({ hasText: 'Anna Moretti' }).count(), WAIT)
      .toBe(1)
    await page.goto(`${app.baseUrl}/directory/groups/${ADMIN_AGENTS}`)
    await expect.poll(() => page.getByTestId('group-members').isVisible(), WAIT).toBe(true)
    expect(await page.getByTestId('group-add-user').count()).toBe(0)
    await page.goto(`${app.baseUrl}/directory/entitlements`)
    await expect
      .poll(() => page.getByTestId('entitlement-list').textContent(), WAIT)
      .toContain('Azure support plan')
    expect(await page.getByTestId('entitlement-add').count()).toBe(0)
    expect(await page.getByTestId('directory-read-only').isVisible()).toBe(true)
    await page.context().close()
  })

  it('when anna invites Paola in English and Paola opens the link in a fresh browser in Italian, then she sees who invited her, chooses a password and is signed in', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US', { from: '/directory/users' })
    await expect.poll(() => page.getByTestId('user-list').isVisible(), WAIT).toBe(true)
    await page.getByTestId('user-invite').click()
    const dialog = page.getByTestId('user-dialog')
    await dialog.locator('input[name="email"]').fill('paola@fabrikam.example')
    await dialog.locator('input[name="displayName"]').fill('Paola Bruni')
    await dialog.locator('input[name="jobTitle"]').fill('Service desk')
    await dialog.getByRole('button', { name: 'Invite user' }).click()
    const created = page.getByTestId('user-created')
    await expect.poll(() => created.isVisible(), WAIT).toBe(true)
    expect(await created.textContent()).toContain('Paola Bruni is invited')
    const link = (await page.getByTestId('user-invitation-url').textContent())!
    expect(link).toMatch(/\/invitation#[A-Za-z0-9_-]{40,}$/)
    await expect
      .poll(() => page.getByTestId('user-row').filter({ hasText: 'Paola Bruni' }).textContent(), WAIT)
      .toContain('Invited')
    await screenshotWhole(page, 'directory-users-en.png')
    await page.context().close()

    const context = await app.browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })
    const invitee = await context.newPage()
    await invitee.goto(link.replace(/^https?:\/\/[^/]+/, app.baseUrl))
    const card = invitee.getByTestId('invitation')
    await expect
      .poll(() => card.textContent(), WAIT)
      .toContain('Anna Moretti ti ha invitato a usare Tramite per Fabrikam')
    expect(await card.textContent()).toContain('Paola Bruni (paola@fabrikam.example)')
    await invitee.locator('input[name="password"]').fill('paola-chooses-this')
    await invitee.locator('input[name="confirm"]').fill('paola-chooses-this!')
    expect(await invitee.textContent('body')).toContain('Le due password sono diverse.')
    expect(await invitee.getByTestId('invitation-accept').isDisabled()).toBe(true)
    await invitee.locator('input[name="confirm"]').fill('paola-chooses-this')
    await expect.poll(() => invitee.getByTestId('invitation-accept').isEnabled(), WAIT).toBe(true)
    await invitee.screenshot({ path: 'test-results/screenshots/directory-invitation-it.png' })
    await invitee.getByTestId('invitation-accept').click()
    await invitee.waitForURL(
      (url) => !url.pathname.startsWith('/invitation') && !url.pathname.startsWith('/signin'),
      WAIT,
    )
    await expect
      .poll(() => invitee.getByTestId('signed-in-user').textContent(), WAIT)
      .toContain('Paola Bruni')

    // the link works once: opened again, it says so in Italian
    const again = await context.newPage()
    await again.goto(link.replace(/^https?:\/\/[^/]+/, app.baseUrl))
    await expect
      .poll(() => again.getByTestId('error-message').getAttribute('data-error-code'), WAIT)
      .toBe('invitation_used')
    expect(await again.getByTestId('error-message').textContent()).toContain('già stato usato')
    await context.close()
  })

  it('when anna adds hugo to Admin Agents in Italian, then hugo’s page shows the admin agent role, the group and what it lets him do in Rossi, linked to the access trace', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'it-IT', { from: `/directory/users/${HUGO}` })
    const roles = page.getByTestId('user-partner-roles')
    await expect.poll(() => roles.textContent(), WAIT).toContain('Agente helpdesk')
    expect(await roles.textContent()).not.toContain('Agente amministratore')

    await page.goto(`${app.baseUrl}/directory/groups/${ADMIN_AGENTS}`)
    await expect
      .poll(() => page.getByTestId('group-role').textContent(), WAIT)
      .toContain('Agente amministratore')
    await page.getByTestId('group-add-user').click()
    const dialog = page.getByTestId('group-add-member-dialog')
    await dialog
      .locator('select[name="member"]')
      .selectOption({ label: 'Hugo Blanc (hugo@fabrikam.example)' })
    await dialog.getByRole('button', { name: 'Aggiungi' }).click()
    await expect.poll(() => page.getByTestId('group-members').textContent(), WAIT).toContain('Hugo Blanc')
    await screenshotWhole(page, 'directory-group-it.png')

    await page.getByTestId('group-members').getByRole('link', { name: 'Hugo Blanc' }).click()
    await expect.poll(() => roles.textContent(), WAIT).toContain('Agente amministratore')
    const groups = page.getByTestId('user-groups')
    expect(await groups.textContent()).toContain('Admin Agents')
    expect(await groups.textContent()).toContain('Dà: Agente amministratore')
    const rossi = page.getByTestId('access-row').filter({ hasText: 'Rossi Costruzioni' })
    await expect.poll(() => rossi.textContent(), WAIT).toContain('Owner')
    const trace = rossi.getByTestId('access-trace-link')
    expect(await trace.getAttribute('href')).toBe(
      `/gdap/trace?customer=${demoId('tenant', 'rossi.example')}&user=hugo%40fabrikam.example`,
    )
    await screenshotWhole(page, 'directory-user-it.png')
    await trace.click()
    await page.waitForURL(/\/gdap\/trace/, WAIT)
    await page.context().close()
  })

  it('when anna imports users from CSV in English, then the dry run lists every bad row’s problem, nothing changes until a clean dry run, and the apply adds the people to their group', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US', { from: '/directory/users/import' })
    const header = 'userPrincipalName,displayName,jobTitle,groups'
    const bad = `${header}\nluca@fabrikam.example,Luca Verdi,Engineer,Tier1 Support\nnot-an-address,Someone,,\nmarco@fabrikam.example,Marco Gialli,,No Such Group\n`
    await page.getByTestId('csv-text').fill(bad)
    await page.getByTestId('csv-dry-run').click()
    const problems = page.getByTestId('csv-problems')
    await expect.poll(() => problems.textContent(), WAIT).toContain('Not an email address: not-an-address.')
    expect(await problems.textContent()).toContain('There is no group No Such Group in this tenant.')
    expect(await page.getByTestId('csv-report').textContent()).toContain('3 rows, 1 without problems.')
    expect(await page.getByTestId('csv-apply').isDisabled()).toBe(true)
    await screenshotWhole(page, 'directory-csv-problems-en.png')

    await page
      .getByTestId('csv-text')
      .fill(`${header}\nluca@fabrikam.example,Luca Verdi,Engineer,Tier1 Support\n`)
    await page.getByTestId('csv-dry-run').click()
    await expect
      .poll(() => page.getByTestId('csv-report').textContent(), WAIT)
      .toContain('Every row is valid')
    const before = await app.t.db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'luca@fabrikam.example')
      .execute()
    expect(before).toEqual([])
    await page.getByTestId('csv-apply').click()
    await expect.poll(() => page.getByTestId('csv-report').textContent(), WAIT).toContain('1 rows applied.')

    await page.goto(`${app.baseUrl}/directory/groups`)
    const tier1 = page.getByTestId('group-row').filter({ hasText: 'Tier1 Support' })
    await expect.poll(() => tier1.count(), WAIT).toBe(1)
    await tier1.getByRole('link', { name: 'Tier1 Support' }).click()
    await expect.poll(() => page.getByTestId('group-members').textContent(), WAIT).toContain('Luca Verdi')
    await page.context().close()
  })

  it('R13: when anna adds a Premier contract and moves its end date in English, then the entitlements page lists it with the new date', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US', { from: '/directory/entitlements' })
    await expect
      .poll(() => page.getByTestId('entitlement-list').textContent(), WAIT)
      .toContain('Azure support plan')
    await page.getByTestId('entitlement-add').click()
    const dialog = page.getByTestId('entitlement-dialog')
    await dialog.locator('select[name="kind"]').selectOption('premier')
    await dialog.locator('input[name="reference"]').fill('PREM-2026-0042')
    await dialog.locator('textarea[name="description"]').fill('Premier Support for Partners')
    await dialog.locator('input[name="validUntil"]').fill('2027-06-30')
    await dialog.getByRole('button', { name: 'Add' }).click()
    const row = page.getByTestId('entitlement-row').filter({ hasText: 'PREM-2026-0042' })
    await expect.poll(() => row.textContent(), WAIT).toContain('Premier contract')
    expect(await row.textContent()).toContain('Jun 30, 2027')

    await row.getByRole('button', { name: 'Change' }).click()
    await page.getByTestId('entitlement-dialog').locator('input[name="validUntil"]').fill('2028-06-30')
    await page.getByTestId('entitlement-dialog').getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => row.textContent(), WAIT).toContain('Jun 30, 2028')
    await screenshotWhole(page, 'directory-entitlements-en.png')
    const stored = await app.t.db.db
      .selectFrom('support_entitlements')
      .select(['kind', 'valid_until'])
      .where('reference', '=', 'PREM-2026-0042')
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ kind: 'premier', valid_until: '2028-06-30' })
    await page.context().close()
  })

  it('when anna deletes a group in English, then the question names it, Cancel keeps it, and Delete removes it and goes back to the groups', async () => {
    const token = await app.t.tokenFor('anna@fabrikam.example')
    const created = await app.t.request('POST', '/api/directory/groups', {
      token,
      body: { displayName: 'Night shift' },
    })
    expect(created.status, created.body).toBe(201)
    const groupId: string = created.json().id
    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/directory/groups/${groupId}`)
    await page.getByTestId('group-delete').click()
    const dialog = page.getByTestId('directory-confirm')
    await dialog.waitFor(WAIT)
    expect(await dialog.textContent()).toContain('Delete Night shift?')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached', ...WAIT })
    expect((await app.t.request('GET', `/api/directory/groups/${groupId}`, { token })).status).toBe(200)

    await page.getByTestId('group-delete').click()
    await page.getByTestId('directory-confirm').getByRole('button', { name: 'Delete group' }).click()
    await page.waitForURL((url) => url.pathname === '/directory/groups', WAIT)
    await expect.poll(() => page.getByTestId('group-row').count(), WAIT).toBeGreaterThan(0)
    expect(await page.getByTestId('group-row').filter({ hasText: 'Night shift' }).count()).toBe(0)
    expect((await app.t.request('GET', `/api/directory/groups/${groupId}`, { token })).status).toBe(404)
    await page.context().close()
  })
})
