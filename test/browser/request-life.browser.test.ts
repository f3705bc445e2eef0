import { describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { SCREENSHOTS as SHOTS, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest, fileToPartner } from '../support/requests.ts'

const WAIT = { timeout: 20_000 }
const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const TAILSPIN = tenantIdOf('tailspin.example')

describe.each(dialects())('a request’s life in Chromium (%s)', (dialect) => {
  const app = useBrowserApp(dialect)

  it('when anna closes and reopens a request (Italian), then each asks first and the history shows who and why', async () => {
    const { id } = await fileRequest(app.t, await app.t.tokenFor('anna@fabrikam.example'))
    const page = await app.signedIn('anna@fabrikam.example', 'it-IT')
    await page.goto(`${app.baseUrl}/service-requests/${id}`)
    await page.getByTestId('request-timeline').waitFor(WAIT)

    await page.getByTestId('request-close').click()
    await page.getByTestId('request-close-reason').fill('Risolto con l’aggiornamento del client.')
    await page.getByTestId('request-close-confirm').click()
    await expect
      .poll(() => page.getByTestId('request-detail').getAttribute('data-status'), WAIT)
      .toBe('closed')

    await page.getByTestId('request-reopen').click()
    await page.getByTestId('request-reopen-confirm').click()
    // no reason, no reopening: the dialog says why and stays
    expect(await page.getByTestId('request-reopen-dialog').textContent()).toContain('Indica perché la riapri')
    await page.getByTestId('request-reopen-reason').fill('Le chiamate cadono di nuovo a Roma.')
    await page.getByTestId('request-reopen-confirm').click()
    await expect.poll(() => page.getByTestId('request-detail').getAttribute('data-status'), WAIT).toBe('open')

    await expect.poll(() => page.getByTestId('timeline-reason').count(), WAIT).toBe(2)
    const history = (await page.getByTestId('request-timeline').textContent()) ?? ''
    expect(history).toContain('Anna Moretti ha chiuso la richiesta')
    expect(history).toContain('Motivo: Risolto con l’aggiornamento del client.')
    expect(history).toContain('Anna Moretti ha riaperto la richiesta')
    expect(history).toContain('Motivo: Le chiamate cadono di nuovo a Roma.')
    await page.screenshot({ path: `${SHOTS}/request-life-it.png`, fullPage: true })
    await page.context().close()
  })

  it('when ada escalates Bianchi’s request to the vendor (English), then New request opens pre-filled and the filed request is linked both ways', async () => {
    const sent = await fileToPartner(app.t, await app.t.tokenFor('admin@bianchi.example'), {
      title: 'Mail stuck in the outbox',
      description: 'Since this morning.',
      severity: 'moderate',
    })
    const page = await app.signedIn('ada@adatum.example', 'en-US')
    await page.goto(`${app.baseUrl}/service-requests/${sent.id}`)
    await page.getByTestId('request-escalate').click()
    await page.waitForURL((url) => url.pathname === '/service-requests/new', WAIT)
    const url = new URL(page.url())
    expect(url.searchParams.get('customer')).toBe(BIANCHI)
    expect(url.searchParams.get('escalates')).toBe(sent.id)
    await expect
      .poll(() => page.getByTestId('escalation-note').textContent(), WAIT)
      .toContain('Mail stuck in the outbox')

    // the admin center's form, in Bianchi's tenant, starts from the customer's request
    await page.goto(
      `${app.baseUrl}/admin-center/support/new?tenant=${BIANCHI}&workload=office365&escalates=${sent.id}`,
    )
    await page.getByTestId('m365-form').waitFor(WAIT)
    expect(await page.getByTestId('escalation-note').textContent()).toContain(sent.id)
    const title = page.locator('[data-testid="m365-title"] input, input[data-testid="m365-title"]').first()
    expect(await title.inputValue()).toBe('Mail stuck in the outbox')

    const filed = await app.t.request('POST', '/api/service-requests', {
      token: await app.t.tokenFor('ada@adatum.example'),
      body: {
        customerTenantId: BIANCHI,
        workload: 'office365',
        title: 'Mail stuck in the outbox',
        description: 'Escalated for Bianchi.',
        severity: 'moderate',
        escalationOf: sent.id,
      },
    })
    expect(filed.status, filed.body).toBe(201)
    const escalation = filed.json().id as string
    await page.goto(`${app.baseUrl}/service-requests/${sent.id}`)
    await expect
      .poll(() => page.getByTestId('request-escalated-as').textContent(), WAIT)
      .toContain(escalation)
    expect(await page.getByTestId('request-timeline').textContent()).toContain(
      `Ada Russo escalated it to the vendor as request ${escalation}`,
    )
    await page.goto(`${app.baseUrl}/service-requests/${escalation}`)
    await expect.poll(() => page.getByTestId('request-escalation-of').textContent(), WAIT).toContain(sent.id)
    await page.context().close()
  })

  it('when anna opens Rossi’s page (English), then it is the hub: its requests, its health, and each service’s admin portal in the delegated context', async () => {
    await fileRequest(app.t, await app.t.tokenFor('anna@fabrikam.example'))
    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/customers/${ROSSI}`)
    await page.getByTestId('customer-hub').waitFor(WAIT)
    await expect.poll(() => page.getByTestId('customer-hub-request').count(), WAIT).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('customer-hub-portal').count(), WAIT).toBeGreaterThan(0)
    const hrefs = await page
      .getByTestId('customer-hub-portal')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.length).toBeGreaterThanOrEqual(2)
    for (const href of hrefs) expect(new URL(href, app.baseUrl).searchParams.get('tenant')).toBe(ROSSI)
    await page.screenshot({ path: `${SHOTS}/customer-hub-en.png`, fullPage: true })

    await page.locator('[data-testid="customer-hub-portal"][data-workload="office365"]').click()
    await expect
      .poll(() => page.getByTestId('m365-portal').getAttribute('data-context'), WAIT)
      .toBe('delegated')
    expect(await page.getByTestId('m365-portal').getAttribute('data-tenant-id')).toBe(ROSSI)
    await page.context().close()
  })

  it('when anna may not act for Tailspin (expired GDAP, English), then the remedy is a button to the pre-filled form, and the portal by URL shows the same advice by name', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/service-requests/new?customer=${TAILSPIN}&workload=office365`)
    await page.getByTestId('remedy-new-relationship').first().waitFor(WAIT)
    await page.getByTestId('remedy-new-relationship').first().click()
    await page.waitForURL((url) => url.pathname === '/gdap/new', WAIT)
    const url = new URL(page.url())
    expect(url.searchParams.get('customer')).toBe(TAILSPIN)
    expect(url.searchParams.get('roles')).toBe('f023fd81-a637-4b56-95fd-791ac0226033')
    await page.getByTestId('gdap-new-form').waitFor(WAIT)

    await page.goto(`${app.baseUrl}/admin-center/support?tenant=${TAILSPIN}`)
    const refusal = page.getByTestId('portal-access-refusal')
    await refusal.waitFor(WAIT)
    const text = (await refusal.textContent()) ?? ''
    expect(text).toContain('Tailspin Toys')
    expect(text).not.toContain(TAILSPIN)
    expect(await refusal.getAttribute('data-rule')).toBeTruthy()
    expect(await page.getByTestId('remedy-trace').count()).toBe(1)
    await page.screenshot({ path: `${SHOTS}/portal-access-advice-en.png` })
    await page.context().close()
  })
})
