import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { azureClassificationId, azureServiceId } from '../../src/catalog/azure-catalog.ts'
import { demoId } from '../../src/demo/world.ts'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const FABRIKAM = tenantIdOf('fabrikam.example')
const NORTHWIND = tenantIdOf('northwind.example')
const ROSSI_SUB = demoId('subscription', 'rossi.example/Rossi Produzione')
const FABRIKAM_SUB = demoId('subscription', 'fabrikam.example/Fabrikam Internal')
const V = '?api-version=2020-04-01'
const WAIT = { timeout: 30_000 }
/** The ARM ticket the R14 test files in Rossi's subscription. */
const SLA_RESTART = `/subscriptions/${ROSSI_SUB}/providers/Microsoft.Support/supportTickets/sla-restart${V}`

describe.each(dialects())('workload portals in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)
  /** A request as the API gives it to anna. */
  const storedForAnna = async (id: string) =>
    (
      await app.t.request('GET', `/api/service-requests/${id}`, {
        token: await app.t.tokenFor('anna@fabrikam.example'),
      })
    ).json()
  /** The R14 test's ticket as ARM gives it. */
  const armTicket = async (token: string) => (await app.t.request('GET', SLA_RESTART, { token })).json()

  const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ''

  it('when anna opens the Microsoft 365 admin center for Rossi in English, then she acts in Rossi’s tenant, files an Office 365 request as its contact (R7) and finds it in all support tickets', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/admin-center/support/new?tenant=${ROSSI}`)

    const banner = page.getByTestId('delegated-banner')
    await banner.waitFor(WAIT)
    expect(await banner.getAttribute('data-tenant-id')).toBe(ROSSI)
    const bannerText = await text(page, 'delegated-banner-text')
    expect(bannerText).toContain('Rossi Costruzioni S.p.A.')
    expect(bannerText).toContain('Anna Moretti')
    expect(bannerText).toContain('Fabrikam')
    expect(await page.getByTestId('m365-support').getAttribute('data-context')).toBe('delegated')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')

    await page.locator('[data-testid="m365-workload-option"][data-workload="office365"]').check()
    const advice = page.locator('[data-testid="advice"][data-loading="false"]')
    await advice.waitFor(WAIT)
    expect(await advice.getAttribute('data-allowed')).toBe('true')
    expect(await advice.getAttribute('data-rule')).toBe('R9')

    const form = page.getByTestId('m365-form')
    await form.waitFor(WAIT)
    await page.locator('[data-testid="m365-category"]').first().waitFor(WAIT)
    await page.locator('[data-testid="m365-category"]').first().check()
    await page.getByTestId('m365-title').fill('Mailbox sync stopped')
    await page
      .getByTestId('m365-description')
      .fill('Since this morning Outlook no longer syncs the shared mailbox of the site office.')
    await page
      .locator('[data-testid="m365-severity"] [data-testid="severity-option"][data-severity="critical"]')
      .check()
    // R7: on the customer's behalf the contact is the partner's user, never the customer's admin
    expect(await text(page, 'm365-contact-email')).toBe('anna@fabrikam.example')
    expect(await text(page, 'm365-contact-name')).toContain('Anna Moretti')
    expect(await text(page, 'm365-contact-name')).toContain('Fabrikam')
    expect(await text(page, 'm365-contact-note')).toContain('Rossi Costruzioni S.p.A.')
    await screenshotWhole(page, 'portal-m365-new-en.png')
    await page.getByTestId('m365-submit').click()

    // back in "View all support tickets" of the same delegated context, with the new request
    const created = page.getByTestId('m365-request-created')
    await created.waitFor(WAIT)
    const id = (await created.getAttribute('data-request-id')) ?? ''
    expect(id).not.toBe('')
    expect(new URL(page.url()).pathname).toBe('/admin-center/support/requests')
    expect(new URL(page.url()).searchParams.get('tenant')).toBe(ROSSI)
    expect(await page.getByTestId('delegated-banner').getAttribute('data-tenant-id')).toBe(ROSSI)
    const row = page.locator(`[data-testid="m365-request-row"][data-request-id="${id}"]`)
    await row.waitFor(WAIT)
    expect(await row.getAttribute('data-tenant-id')).toBe(ROSSI)
    expect(await row.getAttribute('data-workload')).toBe('office365')
    expect(await row.textContent()).toContain('Mailbox sync stopped')
    expect(await row.locator('[data-testid="m365-request-category"]').textContent()).toContain('Office 365')
    expect(await row.locator('[data-testid="m365-request-contact"]').textContent()).toContain(
      'anna@fabrikam.example',
    )
    await expect.poll(() => page.getByTestId('m365-requests-refresh').isEnabled(), WAIT).toBe(true)
    await screenshotWhole(page, 'portal-m365-requests-en.png')

    // what was stored: Rossi's request, filed by Fabrikam through GDAP, anna as its contact
    const stored = await storedForAnna(id)
    expect(stored).toMatchObject({
      tenant: { tenantId: ROSSI },
      workload: 'office365',
      severity: 'critical',
      rule: 'R9',
      supportPlan: 'csp',
      contact: { email: 'anna@fabrikam.example', tenantId: FABRIKAM },
      delegation: { partnerTenantId: FABRIKAM, groupName: 'Tier1 Support' },
    })
    expect(JSON.stringify(stored.contact)).not.toContain('rossi.example')

    // the partner portal's page of the request says the same
    await row.locator('[data-testid="m365-request-link"]').click()
    await page.getByTestId('request-detail').waitFor(WAIT)
    const contact = await text(page, 'request-contact')
    expect(contact).toContain('anna@fabrikam.example')
    expect(contact).not.toContain('admin@rossi.example')
    await page.context().close()
  }, 120_000)

  it('R10: when the administrators of a trial and of a paid customer open their own Microsoft 365 admin center, then the trial one can only reach its partner, the paid one the vendor', async () => {
    // Bianchi holds a Microsoft 365 trial: the vendor is refused (R10), its partner Adatum is offered
    const trial = await app.signedIn('admin@bianchi.example', 'it-IT')
    await trial.goto(`${app.baseUrl}/admin-center/support/new`)
    await trial.getByTestId('own-context-banner').waitFor(WAIT)
    expect(await trial.getByTestId('m365-support').getAttribute('data-context')).toBe('own')
    await trial.locator('[data-testid="m365-workload-option"][data-workload="office365"]').check()
    await trial.locator('[data-testid="refusal"][data-rule="R10"]').waitFor(WAIT)
    expect(await trial.getByTestId('m365-form').count()).toBe(0)
    expect(await trial.getByTestId('partner-contact').first().textContent()).toContain('Adatum')
    await trial.getByTestId('refusal-alternative-action').first().click()
    await expect
      .poll(
        () => trial.locator('[data-testid="advice"][data-loading="false"]').getAttribute('data-allowed'),
        WAIT,
      )
      .toBe('true')
    await trial.locator('[data-testid="m365-category"]').first().check()
    await trial.getByTestId('m365-title').fill('Licenze di prova in scadenza')
    await trial
      .getByTestId('m365-description')
      .fill('Vorremmo capire come passare agli abbonamenti a pagamento.')
    await trial.getByTestId('m365-submit').click()
    const trialCreated = trial.getByTestId('m365-request-created')
    await trialCreated.waitFor(WAIT)
    const bianchiAdmin = await app.t.tokenFor('admin@bianchi.example')
    const toPartner = (
      await app.t.request(
        'GET',
        `/api/service-requests/${await trialCreated.getAttribute('data-request-id')}`,
        {
          token: bianchiAdmin,
        },
      )
    ).json()
    expect(toPartner.handledBy).toBe('partner')
    expect(toPartner.partner.name).toBe('Adatum')
    await trial.context().close()

    // Rossi pays for Microsoft 365: its administrator files with the vendor (the partner is offered too)
    const paid = await app.signedIn('admin@rossi.example', 'en-US')
    await paid.goto(`${app.baseUrl}/admin-center/support/new`)
    await paid.locator('[data-testid="m365-workload-option"][data-workload="office365"]').check()
    const advice = paid.locator('[data-testid="advice"][data-loading="false"]')
    await advice.waitFor(WAIT)
    expect(await advice.getAttribute('data-allowed')).toBe('true')
    await paid.getByTestId('m365-handled-by').waitFor(WAIT)
    await paid.locator('[data-testid="m365-category"]').first().check()
    await paid.getByTestId('m365-title').fill('Calendar sharing fails')
    await paid.getByTestId('m365-description').fill('Shared calendars show no events since Monday.')
    await paid.getByTestId('m365-submit').click()
    const paidCreated = paid.getByTestId('m365-request-created')
    await paidCreated.waitFor(WAIT)
    const toVendor = (
      await app.t.request(
        'GET',
        `/api/service-requests/${await paidCreated.getAttribute('data-request-id')}`,
        {
          token: await app.t.tokenFor('admin@rossi.example'),
        },
      )
    ).json()
    expect(toVendor.handledBy).toBe('vendor')
    expect(toVendor.contact.email).toBe('admin@rossi.example')
    await paid.context().close()
  }, 90_000)

  it('R5: when ada opens Azure support for Bianchi, then the portal shows the refusal with its rule and remedy and offers no Create button', async () => {
    const page = await app.signedIn('ada@adatum.example', 'en-US')
    await page.goto(`${app.baseUrl}/azure/support/new?tenant=${BIANCHI}`)
    const banner = page.getByTestId('delegated-banner')
    await banner.waitFor(WAIT)
    expect(await banner.getAttribute('data-tenant-id')).toBe(BIANCHI)
    expect(await text(page, 'delegated-banner-text')).toContain('Bianchi Logistica S.r.l.')

    const refusal = page.locator('[data-testid="refusal"]')
    await refusal.waitFor(WAIT)
    expect(await refusal.getAttribute('data-rule')).toBe('R5')
    expect(await refusal.getAttribute('data-reason')).toBe('reseller_not_provider')
    expect(await refusal.locator('[data-testid="refusal-rule"]').textContent()).toContain('R5')
    expect(await text(page, 'refusal-message')).toMatch(/Indirect resellers/)
    expect(await text(page, 'refusal-remedy')).toContain('Northwind Distribution')
    expect(await page.locator('[data-testid="azure-support-plan"]').getAttribute('data-allowed')).toBe(
      'false',
    )
    expect(await page.getByTestId('azure-create').count()).toBe(0)
    expect(await page.getByTestId('azure-contact').count()).toBe(0)
    await screenshotWhole(page, 'portal-azure-refused-en.png')

    await page.context().close()
  }, 90_000)

  it('R6: when the partner’s Admin Agents lose their Azure role on Rossi’s subscription, then anna is refused with the RBAC remedy and no Create button', async () => {
    const rbac = () =>
      app.t.db.db
        .updateTable('azure_role_assignments')
        .where('principal_id', '=', demoId('group', 'fabrikam.example/Admin Agents'))
        .where('subscription_id', '=', ROSSI_SUB)
    await rbac().set({ role_name: 'Reader' }).execute()
    try {
      const page = await app.signedIn('anna@fabrikam.example', 'en-US')
      await page.goto(`${app.baseUrl}/azure/support/new?tenant=${ROSSI}`)
      const refusal = page.locator('[data-testid="refusal"]')
      await refusal.waitFor(WAIT)
      expect(await refusal.getAttribute('data-rule')).toBe('R6')
      expect(await refusal.getAttribute('data-reason')).toBe('azure_rbac_missing')
      expect(await text(page, 'refusal-remedy')).toContain('Support Request Contributor')
      // R8's billing path does not need RBAC: it stays open
      expect(
        await page.locator('[data-testid="refusal-alternative"]').getAttribute('data-problem-type'),
      ).toBe('billing')
      expect(await page.getByTestId('azure-create').count()).toBe(0)
      await screenshotWhole(page, 'portal-azure-refused-r6-en.png')
      await page.context().close()
    } finally {
      await rbac().set({ role_name: 'Owner' }).execute()
    }
  }, 90_000)

  it('R6/R8: when Northwind’s Admin Agents lose their Azure role on Bianchi’s subscription, then nora’s technical request is refused and the billing alternative is offered and allowed', async () => {
    const rbac = () =>
      app.t.db.db
        .updateTable('azure_role_assignments')
        .where('principal_id', '=', demoId('group', 'northwind.example/Admin Agents'))
    await rbac().set({ role_name: 'Reader' }).execute()
    try {
      const page = await app.signedIn('nora@northwind.example', 'en-US')
      await page.goto(`${app.baseUrl}/azure/support/new?tenant=${BIANCHI}`)
      const refusal = page.locator('[data-testid="refusal"]')
      await refusal.waitFor(WAIT)
      expect(await refusal.getAttribute('data-rule')).toBe('R6')
      expect(await refusal.getAttribute('data-reason')).toBe('azure_rbac_missing')
      expect(await text(page, 'refusal-message')).toContain('Directory Readers')
      expect(await page.getByTestId('azure-create').count()).toBe(0)
      const alternative = page.locator('[data-testid="refusal-alternative"][data-rule="R8"]')
      expect(await alternative.getAttribute('data-problem-type')).toBe('billing')
      await alternative.locator('[data-testid="refusal-alternative-action"]').click()

      const plan = page.locator('[data-testid="azure-support-plan"][data-allowed="true"]')
      await plan.waitFor(WAIT)
      expect(await plan.getAttribute('data-rule')).toBe('R8')
      expect(await plan.getAttribute('data-kind')).toBe('csp')
      expect(await page.getByTestId('azure-issue-type').inputValue()).toBe('billing')
      expect(await page.getByTestId('refusal').count()).toBe(0)
      await page.getByTestId('azure-create').waitFor(WAIT)
      await page.context().close()
    } finally {
      await rbac().set({ role_name: 'Owner' }).execute()
    }
  }, 90_000)

  it('R12/R13: when anna opens Azure support directly in Italian, then she works in Fabrikam’s own context and files under Fabrikam’s Azure support plan, not CSP', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'it-IT')
    await page.goto(`${app.baseUrl}/azure/support/new`)
    const banner = page.getByTestId('own-context-banner')
    await banner.waitFor(WAIT)
    expect(await banner.getAttribute('data-tenant-id')).toBe(FABRIKAM)
    expect(await text(page, 'own-context-banner-text')).toContain('Fabrikam')
    expect(await text(page, 'own-context-banner-text')).toContain('R12')
    expect(await page.getByTestId('delegated-banner').count()).toBe(0)
    expect(await page.locator('html').getAttribute('lang')).toBe('it')

    const plan = page.locator('[data-testid="azure-support-plan"][data-allowed="true"]')
    await plan.waitFor(WAIT)
    expect(await plan.getAttribute('data-rule')).toBe('R13')
    expect(await plan.getAttribute('data-kind')).toBe('azure_support_plan')
    expect(await plan.textContent()).not.toContain('Cloud Solution Provider')
    expect(await page.getByTestId('azure-subscription').inputValue()).toBe(FABRIKAM_SUB)
    expect(await page.locator('[data-testid="azure-subscription"] option').allTextContents()).toEqual([
      'Fabrikam Internal',
    ])

    await page.getByTestId('azure-service').selectOption({ index: 1 })
    await page.locator('[data-testid="azure-problem"] option:nth-child(2)').waitFor({ state: 'attached' })
    await page.getByTestId('azure-problem').selectOption({ index: 1 })
    await page.getByTestId('azure-summary').fill('Backup notturno non completato')
    await page
      .getByTestId('azure-description')
      .fill('Il backup della VM interna di Fabrikam fallisce da due notti con un timeout.')
    expect(await page.getByTestId('azure-contact-email').inputValue()).toBe('anna@fabrikam.example')
    await screenshotWhole(page, 'portal-azure-own-it.png')
    await page.getByTestId('azure-create').click()

    const ticket = page.getByTestId('azure-ticket')
    await ticket.waitFor(WAIT)
    expect(await page.getByTestId('own-context-banner').getAttribute('data-tenant-id')).toBe(FABRIKAM)
    const planText = await text(page, 'azure-ticket-plan')
    expect(planText).not.toContain('Cloud Solution Provider')
    expect(planText).toContain('Piano di supporto Azure')
    expect(await text(page, 'azure-ticket-subscription')).toContain(FABRIKAM_SUB)
    await expect.poll(() => text(page, 'azure-ticket-subscription'), WAIT).toContain('Fabrikam Internal')
    await screenshotWhole(page, 'portal-azure-own-ticket-it.png')

    const stored = await storedForAnna((await ticket.getAttribute('data-ticket-id'))!)
    expect(stored).toMatchObject({
      tenant: { tenantId: FABRIKAM },
      rule: 'R13',
      supportPlan: 'azure_support_plan',
      delegation: null,
    })
    expect(stored.entitlementId).not.toBeNull()
    await page.context().close()
  }, 120_000)

  it('R13: when nora opens Azure support directly, then Northwind’s own subscription without an entitlement is refused with the remedy', async () => {
    const page = await app.signedIn('nora@northwind.example', 'it-IT')
    await page.goto(`${app.baseUrl}/azure/support/new`)
    await page.getByTestId('own-context-banner').waitFor(WAIT)
    expect(await page.getByTestId('own-context-banner').getAttribute('data-tenant-id')).toBe(NORTHWIND)
    const refusal = page.locator('[data-testid="refusal"]')
    await refusal.waitFor(WAIT)
    expect(await refusal.getAttribute('data-rule')).toBe('R13')
    expect(await text(page, 'refusal-remedy')).not.toBe('')
    expect(await page.getByTestId('azure-create').count()).toBe(0)
    await page.context().close()
  }, 90_000)

  it('R14: when anna follows a Rossi ticket in English, then raising its severity restarts the first-response target, and she closes, reopens and writes to it', async () => {
    // a ticket filed an hour ago at minimal severity (8 h), through ARM
    const hourMs = 60 * 60_000
    app.t.clock.offsetMs = -hourMs
    let created: { properties: { serviceLevelAgreement: { startTime: string; slaMinutes: number } } }
    try {
      const token = await app.t.tokenFor('anna@fabrikam.example', 'rossi.example')
      const service = `/providers/Microsoft.Support/services/${azureServiceId('vm-windows')}`
      const put = await app.t.request('PUT', SLA_RESTART, {
        token,
        body: {
          properties: {
            serviceId: service,
            problemClassificationId: `${service}/problemClassifications/${azureClassificationId('vm-windows', 'connectivity')}`,
            title: 'Slow disk on the file server',
            description: 'Disk latency above 200 ms since the last maintenance window.',
            severity: 'minimal',
            contactDetails: {
              firstName: 'Anna',
              lastName: 'Moretti',
              preferredContactMethod: 'email',
              primaryEmailAddress: 'anna@fabrikam.example',
              preferredTimeZone: 'Europe/Rome',
              country: 'ita',
              preferredSupportLanguage: 'en-US',
            },
          },
        },
      })
      expect(put.status, put.body).toBe(202)
      created = await armTicket(token)
    } finally {
      app.t.clock.offsetMs = 0
    }
    expect(created.properties.serviceLevelAgreement.slaMinutes).toBe(480)
    const firstStart = new Date(created.properties.serviceLevelAgreement.startTime).getTime()

    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/azure/support/requests?tenant=${ROSSI}`)
    const row = page.locator('[data-testid="azure-request-row"][data-ticket-name="sla-restart"]')
    await row.waitFor(WAIT)
    expect(await row.getAttribute('data-severity')).toBe('minimal')
    await row.locator('[data-testid="azure-request-link"]').click()

    const ticket = page.getByTestId('azure-ticket')
    await ticket.waitFor(WAIT)
    expect(await page.getByTestId('delegated-banner').getAttribute('data-tenant-id')).toBe(ROSSI)
    expect(await text(page, 'azure-ticket-plan')).toContain('Cloud Solution Provider')
    const sla = page.locator('[data-testid="azure-ticket-sla"] [data-sla-minutes]')
    expect(await sla.getAttribute('data-sla-minutes')).toBe('480')
    expect(new Date((await sla.getAttribute('data-sla-start')) ?? '').getTime()).toBe(firstStart)
    expect(await text(page, 'azure-ticket-contact-email')).toBe('anna@fabrikam.example')

    // R14: critical is 2 h — from now, not from when the ticket was filed
    const before = Date.now()
    await page.getByTestId('azure-ticket-severity').selectOption('critical')
    await page.getByTestId('azure-ticket-severity-apply').click()
    await page.locator('[data-testid="azure-ticket-notice"][data-notice="severity"]').waitFor(WAIT)
    expect(await ticket.getAttribute('data-severity')).toBe('critical')
    expect(await sla.getAttribute('data-sla-minutes')).toBe('120')
    const start = new Date((await sla.getAttribute('data-sla-start')) ?? '').getTime()
    const due = new Date((await sla.getAttribute('data-sla-due')) ?? '').getTime()
    expect(start).toBeGreaterThanOrEqual(before - 5_000)
    expect(start - firstStart).toBeGreaterThan(50 * 60_000)
    expect(due - start).toBe(120 * 60_000)
    expect(await text(page, 'azure-ticket-sla')).toContain('2 h')

    // close: no messages while closed; reopen
    await page.getByTestId('azure-ticket-close').click()
    await page.locator('[data-testid="azure-ticket-notice"][data-notice="closed"]').waitFor(WAIT)
    expect(await ticket.getAttribute('data-status')).toBe('closed')
    expect(await page.getByTestId('azure-send-message').isDisabled()).toBe(true)
    expect(await page.getByTestId('azure-ticket-severity').isDisabled()).toBe(true)
    await page.getByTestId('azure-ticket-reopen').click()
    await page.locator('[data-testid="azure-ticket-notice"][data-notice="reopened"]').waitFor(WAIT)
    expect(await ticket.getAttribute('data-status')).toBe('open')

    await page.getByTestId('azure-message-subject').fill('Latency graph')
    await page.getByTestId('azure-message-body').fill('Latency peaks at 02:00 UTC, during the backup window.')
    await page.getByTestId('azure-send-message').click()
    const message = page.locator('[data-testid="azure-communication"]')
    await message.first().waitFor(WAIT)
    expect(await message.first().textContent()).toContain('Latency peaks at 02:00 UTC')
    expect(await page.getByTestId('azure-message-subject').inputValue()).toBe('')
    await screenshotWhole(page, 'portal-azure-ticket-en.png')

    // what ARM says afterwards
    const token = await app.t.tokenFor('anna@fabrikam.example', 'rossi.example')
    const after = await armTicket(token)
    expect(after.properties).toMatchObject({
      severity: 'critical',
      status: 'Open',
      serviceLevelAgreement: { slaMinutes: 120 },
    })
    await page.context().close()
  }, 120_000)
})
