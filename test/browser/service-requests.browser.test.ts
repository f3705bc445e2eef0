import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, SCREENSHOTS as SHOTS, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')

describe.each(dialects())('service requests in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)

  const settledAdvice = (page: Page) => page.locator('[data-testid="advice"][data-loading="false"]')

  it('when anna files an Azure request for Rossi from the customer page, then she acts in Rossi’s context and the request is filed under R6', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'it-IT')
    await page.goto(`${app.baseUrl}/customers/${ROSSI}`)
    await page.getByTestId('customer-new-request').click()
    await page.locator('[data-testid="workload-option"][data-workload="azure"]').check()
    const advice = settledAdvice(page)
    await advice.waitFor()
    expect(await advice.getAttribute('data-allowed')).toBe('true')
    expect(await advice.getAttribute('data-rule')).toBe('R6')
    const checks = await page
      .locator('[data-testid="advice-check"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')))
    expect(checks.length).toBeGreaterThanOrEqual(5)
    expect(checks.every((ok) => ok === 'true')).toBe(true)
    // R2/R3: the wizard hands over to the workload's own portal, in Rossi's delegated context
    await page.getByTestId('wizard-handover').click()
    const banner = page.getByTestId('delegated-banner')
    await banner.waitFor()
    expect(await banner.getAttribute('data-tenant-id')).toBe(ROSSI)
    expect(await banner.textContent()).toContain('Rossi Costruzioni S.p.A.')
    const plan = page.locator('[data-testid="azure-support-plan"][data-allowed="true"]')
    await plan.waitFor()
    expect(await plan.getAttribute('data-kind')).toBe('csp')
    await page.getByTestId('azure-service').selectOption({ index: 1 })
    await page.getByTestId('azure-problem').selectOption({ index: 1 })
    await page.getByTestId('azure-summary').fill('VM non raggiungibile')
    await page.getByTestId('azure-description').fill('La VM di produzione non risponde da stamattina.')
    await page
      .locator('[data-testid="azure-severity"] [data-testid="severity-option"][data-severity="critical"]')
      .check()
    expect(await page.getByTestId('azure-contact-email').inputValue()).toBe('anna@fabrikam.example')
    await page.screenshot({ path: `${SHOTS}/new-request-azure-it.png`, fullPage: true })
    await page.getByTestId('azure-create').click()

    const ticket = page.getByTestId('azure-ticket')
    await ticket.waitFor()
    expect(await page.getByTestId('azure-ticket-plan').textContent()).toContain('Cloud Solution Provider')
    expect(
      await page
        .locator('[data-testid="azure-ticket-sla"] [data-sla-minutes]')
        .getAttribute('data-sla-minutes'),
    ).toBe('120')
    await page.getByTestId('azure-message-subject').fill('Regione')
    await page.getByTestId('azure-message-body').fill('Solo West Europe è coinvolta.')
    await page.getByTestId('azure-send-message').click()
    await page.getByTestId('azure-communication').first().waitFor()
    await page.screenshot({ path: `${SHOTS}/azure-ticket-it.png`, fullPage: true })
    await page.getByTestId('azure-ticket-partner-link').click()

    const detail = page.getByTestId('request-detail')
    await detail.waitFor()
    expect(await page.getByTestId('request-rule').textContent()).toContain('R6')
    expect(await page.getByTestId('request-delegation').textContent()).toContain('Tier1 Support')
    await page.getByTestId('note-text').fill('Il problema riguarda solo la regione West Europe.')
    await page.getByTestId('note-submit').click()
    await page.locator('[data-testid="request-note"]').first().waitFor()
    expect(await page.locator('[data-testid="request-note"]').first().textContent()).toContain('West Europe')
    await page.screenshot({ path: `${SHOTS}/request-detail-it.png`, fullPage: true })

    // the customer's administrator sees it in the list
    const admin = await app.signedIn('admin@rossi.example', 'en-US')
    await admin.goto(`${app.baseUrl}/service-requests`)
    await admin.getByTestId('request-list').waitFor()
    await expect.poll(() => admin.getByTestId('request-list').textContent()).toContain('VM non raggiungibile')
    await page.context().close()
    await admin.context().close()
  })

  it('when ada chooses Azure for Bianchi, then R5 refuses with its remedy; Office 365 is allowed', async () => {
    const page = await app.signedIn('ada@adatum.example', 'en-US')
    await page.goto(`${app.baseUrl}/service-requests/new`)
    await page.locator(`[data-testid="customer-option"][data-tenant-id="${BIANCHI}"]`).check()
    await page.getByTestId('wizard-next').first().click()
    await page.locator('[data-testid="workload-option"][data-workload="azure"]').check()
    const refusal = page.locator('[data-testid="refusal"]')
    await refusal.waitFor()
    expect(await refusal.getAttribute('data-rule')).toBe('R5')
    expect(await page.getByTestId('refusal-remedy').textContent()).toContain('Northwind Distribution')
    await page.screenshot({ path: `${SHOTS}/new-request-refused-r5-en.png`, fullPage: true })
    await page.locator('[data-testid="workload-option"][data-workload="office365"]').check()
    await expect.poll(async () => settledAdvice(page).getAttribute('data-rule')).toBe('R9')
    expect(await settledAdvice(page).getAttribute('data-allowed')).toBe('true')
    await page.context().close()
  })

  it('when a trial customer’s admin asks, then R10 offers only the partner, and the request goes to Adatum', async () => {
    const page = await app.signedIn('admin@bianchi.example', 'it-IT')
    await page.goto(`${app.baseUrl}/service-requests/new`)
    await page.locator('[data-testid="workload-option"][data-workload="office365"]').check()
    // the partner is its only path: the wizard starts on it, not on R10's refusal
    await expect.poll(async () => settledAdvice(page).getAttribute('data-allowed')).toBe('true')
    expect(await page.locator('[data-testid="refusal"][data-rule="R10"]').count()).toBe(0)
    expect(await settledAdvice(page).textContent()).toContain('Adatum')
    // the vendor by its name, never "il fornitore"
    const picker = (await page.getByTestId('handled-by-picker').textContent()) ?? ''
    expect(picker).toContain('Apri la richiesta con Contoso Cloud')
    expect(picker).not.toContain('fornitore')
    await page.screenshot({ path: `${SHOTS}/new-request-r10-partner-it.png`, fullPage: true })
    // and it goes on to the details on that path
    await page.getByTestId('wizard-next').last().click()
    await page.getByTestId('wizard-step-details').waitFor()
    await page.context().close()
  })
})
