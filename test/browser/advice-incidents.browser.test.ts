import { describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, SCREENSHOTS as SHOTS, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const TAILSPIN = tenantIdOf('tailspin.example')

/** R4 in the New request flow: health first, then follow the incident or file linked to it. */
describe.each(dialects())('incidents before a request, in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)

  it('when Exchange is degraded for Rossi, then anna’s Office 365 request lists the incident first, she follows it and files linked to it, and the request shows the incident’s status', async () => {
    const { t, baseUrl } = app
    const engineer = await t.tokenFor('engineer@contoso.example')
    const anna = await t.tokenFor('anna@fabrikam.example')
    const published = await t.request('POST', '/api/health/incidents', {
      token: engineer,
      body: {
        title: 'Outbound mail delayed',
        classification: 'incident',
        status: 'serviceDegradation',
        impactDescription: 'Outbound mail is delayed for some users.',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI, TAILSPIN],
        message: 'We are investigating delays in outbound mail.',
      },
    })
    expect(published.status, published.body).toBe(201)
    const incidentId = published.json().id as string

    const page = await app.signedIn('anna@fabrikam.example', 'en-US', {
      viewport: { width: 1280, height: 1000 },
    })
    await page.goto(`${baseUrl}/customers/${ROSSI}`)
    await page.getByTestId('customer-new-request').click()
    await page.locator('[data-testid="workload-option"][data-workload="office365"]').check()
    const advice = page.locator('[data-testid="advice"][data-loading="false"]')
    await advice.waitFor()
    expect(await advice.getAttribute('data-allowed')).toBe('true')

    // the incident comes before anything else the advice says
    const incident = page.locator(`[data-testid="advice-incident"][data-incident-id="${incidentId}"]`)
    await incident.waitFor()
    const order = await advice.evaluate((root, id) => {
      const all = Array.from(
        root.querySelectorAll('[data-testid="advice-incident"], [data-testid="advice-check"]'),
      )
      return all
        .map((e) =>
          e.getAttribute('data-testid') === 'advice-incident' ? e.getAttribute('data-incident-id') : 'check',
        )
        .indexOf(id)
    }, incidentId)
    expect(order).toBe(0)
    expect(await incident.textContent()).toContain('Outbound mail delayed')
    expect(await incident.getByTestId('incident-status').getAttribute('data-status')).toBe(
      'serviceDegradation',
    )

    await incident.getByTestId('incident-follow').click()
    await expect.poll(() => incident.getAttribute('data-followed')).toBe('true')
    const followers = await t.ctx.db
      .selectFrom('incident_followers')
      .select('incident_id')
      .where('incident_id', '=', incidentId)
      .execute()
    expect(followers).toHaveLength(1)

    await incident.getByTestId('incident-link-request').click()
    await page.screenshot({ path: `${SHOTS}/advice-incident-en.png`, fullPage: true })
    await page.getByTestId('wizard-handover').click()

    // the Microsoft 365 admin center, in Rossi's context, carries the link
    await page.getByTestId('delegated-banner').waitFor()
    expect(await page.getByTestId('m365-linked-incident').textContent()).toContain(incidentId)
    await page.locator('[data-testid="m365-category"]').first().check()
    await page.getByTestId('m365-title').fill('Mail to customers arrives hours late')
    await page.getByTestId('m365-description').fill('Since this morning, for the whole sales team.')
    await page.getByTestId('m365-submit').click()
    await page.waitForURL((url) => url.pathname === '/admin-center/support/requests')

    const list = await t.request('GET', '/api/service-requests?customer=' + ROSSI, { token: anna })
    const filed = (list.json().items as { id: string; title: string }[]).find(
      (r) => r.title === 'Mail to customers arrives hours late',
    )
    expect(filed).toBeDefined()
    const stored = await t.request('GET', `/api/service-requests/${filed!.id}`, { token: anna })
    expect(stored.json().linkedIncident?.id).toBe(incidentId)

    // the request shows the incident and its status; once restored, the status follows
    await t.request('PATCH', `/api/health/incidents/${incidentId}`, {
      token: engineer,
      headers: { 'if-match': published.headers.etag as string },
      body: { status: 'serviceRestored', message: 'Mail flow is back to normal.' },
    })
    await page.goto(`${baseUrl}/service-requests/${filed!.id}`)
    const link = page.getByTestId('request-linked-incident-link')
    await link.waitFor()
    expect(await link.textContent()).toContain(incidentId)
    expect(
      await page
        .locator('[data-testid="request-detail"] [data-testid="incident-status"]')
        .getAttribute('data-status'),
    ).toBe('serviceRestored')
    await page.context().close()
  }, 90_000)
})
