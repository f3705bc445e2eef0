import { describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, SCREENSHOTS as SHOTS, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest, fileToPartner } from '../support/requests.ts'

const WAIT = { timeout: 20_000 }
const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const TAILSPIN = tenantIdOf('tailspin.example')

describe.each(dialects())('a request’s life in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)

  const closeReopen = [
    {
      lang: 'Italian',
      locale: 'it-IT',
      suffix: 'it',
      closeReason: 'Risolto con l’aggiornamento del client.',
      reopenReason: 'Le chiamate cadono di nuovo a Roma.',
      reasonRequired: 'Indica perché la riapri',
      closed: 'Anna Moretti ha chiuso la richiesta',
      reopened: 'Anna Moretti ha riaperto la richiesta',
      reason: 'Motivo',
    },
    {
      lang: 'English',
      locale: 'en-US',
      suffix: 'en',
      closeReason: 'Fixed by the client update.',
      reopenReason: 'Calls drop again in Rome.',
      reasonRequired: 'Say why you reopen it',
      closed: 'Anna Moretti closed the request',
      reopened: 'Anna Moretti reopened the request',
      reason: 'Reason',
    },
  ]

  it.each(closeReopen)(
    'when anna closes and reopens a request ($lang), then each asks first and the history shows who and why',
    async (words) => {
      const { id } = await fileRequest(app.t, await app.t.tokenFor('anna@fabrikam.example'))
      const page = await app.signedIn('anna@fabrikam.example', words.locale)
      await page.goto(`${app.baseUrl}/service-requests/${id}`)
      await page.getByTestId('request-timeline').waitFor(WAIT)

      await page.getByTestId('request-close').click()
      await page.getByTestId('request-close-reason').fill(words.closeReason)
      await page.getByTestId('request-close-confirm').click()
      await expect
        .poll(() => page.getByTestId('request-detail').getAttribute('data-status'), WAIT)
        .toBe('closed')

      await page.getByTestId('request-reopen').click()
      await page.getByTestId('request-reopen-confirm').click()
      // no reason, no reopening: the dialog says why and stays
      expect(await page.getByTestId('request-reopen-dialog').textContent()).toContain(words.reasonRequired)
      await page.getByTestId('request-reopen-reason').fill(words.reopenReason)
      await page.getByTestId('request-reopen-confirm').click()
      await expect
        .poll(() => page.getByTestId('request-detail').getAttribute('data-status'), WAIT)
        .toBe('open')

      await expect.poll(() => page.getByTestId('timeline-reason').count(), WAIT).toBe(2)
      const history = (await page.getByTestId('request-timeline').textContent()) ?? ''
      expect(history).toContain(words.closed)
      expect(history).toContain(`${words.reason}: ${words.closeReason}`)
      expect(history).toContain(words.reopened)
      expect(history).toContain(`${words.reason}: ${words.reopenReason}`)
      await screenshotWhole(page, `request-life-${words.suffix}.png`)

      // the request links to its ticket in the workload portal, in Rossi's tenant, and back
      await page.getByTestId('request-portal-link').click()
      await page.waitForURL((url) => url.pathname === '/admin-center/support/requests', WAIT)
      expect(new URL(page.url()).searchParams.get('tenant')).toBe(ROSSI)
      const row = page.locator(`[data-testid="m365-request-row"][data-request-id="${id}"]`)
      await row.waitFor(WAIT)
      await row.getByTestId('m365-request-link').click()
      await page.waitForURL((url) => url.pathname === `/service-requests/${id}`, WAIT)
      await page.context().close()
    },
  )

  const escalation = [
    {
      lang: 'English',
      locale: 'en-US',
      suffix: 'en',
      title: 'Mail stuck in the outbox',
      description: 'Since this morning.',
      button: 'Escalate to Contoso Cloud',
      escalated: (id: string) => `Ada Russo escalated it to Contoso Cloud as request ${id}`,
    },
    {
      lang: 'Italian',
      locale: 'it-IT',
      suffix: 'it',
      title: 'Posta bloccata nella posta in uscita',
      description: 'Da stamattina.',
      button: 'Inoltra a Contoso Cloud',
      escalated: (id: string) => `Ada Russo l’ha inoltrata a Contoso Cloud con la richiesta ${id}`,
    },
  ]

  it.each(escalation)(
    'when ada escalates Bianchi’s request to Contoso Cloud ($lang), then New request opens pre-filled, she files it through the admin center’s form, and the two requests are linked both ways',
    async (words) => {
      const sent = await fileToPartner(app.t, await app.t.tokenFor('admin@bianchi.example'), {
        title: words.title,
        description: words.description,
        severity: 'moderate',
      })
      const page = await app.signedIn('ada@adatum.example', words.locale)
      await page.goto(`${app.baseUrl}/service-requests/${sent.id}`)
      // the vendor by its name, never "the vendor" / "il fornitore"
      await expect.poll(() => page.getByTestId('request-escalate').textContent(), WAIT).toBe(words.button)
      await page.getByTestId('request-escalate').click()
      await page.waitForURL((url) => url.pathname === '/service-requests/new', WAIT)
      const url = new URL(page.url())
      expect(url.searchParams.get('customer')).toBe(BIANCHI)
      expect(url.searchParams.get('escalates')).toBe(sent.id)
      await expect.poll(() => page.getByTestId('escalation-note').textContent(), WAIT).toContain(words.title)

      // the wizard hands over to the admin center's form, in Bianchi's tenant, which starts from the
      // customer's request; ada submits it there
      const handover = page.getByTestId('wizard-handover')
      await handover.waitFor(WAIT)
      expect(await handover.getAttribute('data-href')).toContain(`escalates=${sent.id}`)
      await handover.click()
      await page.waitForURL((u) => u.pathname === '/admin-center/support/new', WAIT)
      expect(new URL(page.url()).searchParams.get('tenant')).toBe(BIANCHI)
      await page.getByTestId('m365-form').waitFor(WAIT)
      expect(await page.getByTestId('escalation-note').textContent()).toContain(sent.id)
      const title = page.locator('[data-testid="m365-title"] input, input[data-testid="m365-title"]').first()
      expect(await title.inputValue()).toBe(words.title)
      await page.locator('[data-testid="m365-category"]').first().waitFor(WAIT)
      await page.locator('[data-testid="m365-category"]').first().check()
      await page.getByTestId('m365-description').fill(`${words.description} (Bianchi)`)
      await page.getByTestId('m365-submit').click()
      const created = page.getByTestId('m365-request-created')
      await created.waitFor(WAIT)
      const escalationId = (await created.getAttribute('data-request-id')) ?? ''
      expect(escalationId).not.toBe('')
      expect(escalationId).not.toBe(sent.id)

      // the two requests are linked, on both pages
      await page.goto(`${app.baseUrl}/service-requests/${sent.id}`)
      await expect
        .poll(() => page.getByTestId('request-escalated-as').textContent(), WAIT)
        .toContain(escalationId)
      expect(await page.getByTestId('request-timeline').textContent()).toContain(
        words.escalated(escalationId),
      )
      await page.screenshot({ path: `${SHOTS}/request-escalated-${words.suffix}.png`, fullPage: true })
      await page.goto(`${app.baseUrl}/service-requests/${escalationId}`)
      await expect
        .poll(() => page.getByTestId('request-escalation-of').textContent(), WAIT)
        .toContain(sent.id)
      await page.context().close()
    },
  )

  const hub = [
    {
      lang: 'English',
      locale: 'en-US',
      suffix: 'en',
      administer: 'Service management → Administer services',
    },
    {
      lang: 'Italian',
      locale: 'it-IT',
      suffix: 'it',
      administer: 'Gestione dei servizi → Amministra servizi',
    },
  ]

  it.each(hub)(
    'when anna opens Rossi’s page from its row’s actions ($lang), then it is the hub: its requests, its health, and each service’s admin portal in the delegated context',
    async (words) => {
      await fileRequest(app.t, await app.t.tokenFor('anna@fabrikam.example'))
      // (a small laptop's window: Administer services starts below the fold)
      const page = await app.signedIn('anna@fabrikam.example', words.locale, {
        viewport: { width: 1280, height: 600 },
      })
      // the customer list's row actions: new request, health, portals
      await page.goto(`${app.baseUrl}/customers`)
      const row = page.locator(`[data-testid="customer-row"][data-tenant-id="${ROSSI}"]`)
      await row.getByTestId('customer-row-actions').click()
      expect(await page.getByTestId('customer-row-new-request').getAttribute('aria-disabled')).not.toBe(
        'true',
      )
      expect(await page.getByTestId('customer-row-health').count()).toBe(1)
      await page.getByTestId('customer-row-portals').click()
      await page.waitForURL(
        (url) => url.pathname === `/customers/${ROSSI}` && url.hash === '#hub-admin-title',
        WAIT,
      )

      await page.getByTestId('customer-hub').waitFor(WAIT)
      // "Portals" lands on the hub's Administer services, not on the top of the page
      await expect
        .poll(
          () =>
            page.locator('#hub-admin-title').evaluate((heading) => {
              const box = heading.getBoundingClientRect()
              return box.top >= 0 && box.bottom <= window.innerHeight
            }),
          WAIT,
        )
        .toBe(true)
      expect(await page.getByTestId('customer-hub').textContent()).toContain(words.administer)
      await expect.poll(() => page.getByTestId('customer-hub-request').count(), WAIT).toBeGreaterThan(0)
      await expect.poll(() => page.getByTestId('customer-hub-portal').count(), WAIT).toBeGreaterThan(0)
      const hrefs = await page
        .getByTestId('customer-hub-portal')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
      expect(hrefs.length).toBeGreaterThanOrEqual(2)
      for (const href of hrefs) expect(new URL(href, app.baseUrl).searchParams.get('tenant')).toBe(ROSSI)
      await screenshotWhole(page, `customer-hub-${words.suffix}.png`)

      await page.locator('[data-testid="customer-hub-portal"][data-workload="office365"]').click()
      await expect
        .poll(() => page.getByTestId('m365-portal').getAttribute('data-context'), WAIT)
        .toBe('delegated')
      expect(await page.getByTestId('m365-portal').getAttribute('data-tenant-id')).toBe(ROSSI)
      await page.context().close()
    },
  )

  it('when anna opens the customer list’s row actions for Rossi (English), then New request and Health open for Rossi', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/customers`)
    const row = page.locator(`[data-testid="customer-row"][data-tenant-id="${ROSSI}"]`)
    await row.getByTestId('customer-row-actions').click()
    await page.getByTestId('customer-row-new-request').click()
    await page.waitForURL((url) => url.pathname === '/service-requests/new', WAIT)
    expect(new URL(page.url()).searchParams.get('customer')).toBe(ROSSI)
    await page.goto(`${app.baseUrl}/customers`)
    await row.getByTestId('customer-row-actions').click()
    await page.getByTestId('customer-row-health').click()
    await page.waitForURL((url) => url.pathname === `/health/customers/${ROSSI}`, WAIT)
    await page.context().close()
  })

  it('when anna may not act for Tailspin (expired GDAP, English), then the remedy is a button to the pre-filled form, and the portal by URL shows the same advice by name', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/service-requests/new?customer=${TAILSPIN}&workload=office365`)
    await page.getByTestId('remedy-new-relationship').first().waitFor(WAIT)
    // the rule's id stays, and says the rule in a sentence under the pointer (its tooltip)
    const badge = page.getByTestId('refusal-rule').first()
    const rule = (await badge.getAttribute('data-rule')) ?? ''
    expect(rule).toMatch(/^R\d+$/)
    await badge.hover()
    await expect
      .poll(() => page.getByRole('tooltip').textContent(), WAIT)
      .toMatch(new RegExp(`^${rule}: \\w.{40,}`))
    await page.getByTestId('remedy-new-relationship').first().click()
    await page.waitForURL((url) => url.pathname === '/gdap/new', WAIT)
    const url = new URL(page.url())
    expect(url.searchParams.get('customer')).toBe(TAILSPIN)
    expect(url.searchParams.get('roles')).toBe('f023fd81-a637-4b56-95fd-791ac0226033')
    await page.getByTestId('gdap-new-form').waitFor(WAIT)

    // the expired relationship has "Renew" on its row of Tailspin's page: the same pre-filled form
    await page.goto(`${app.baseUrl}/customers/${TAILSPIN}`)
    const renew = page.getByTestId('gdap-relationship-renew').first()
    await renew.waitFor(WAIT)
    await renew.click()
    await page.waitForURL((u) => u.pathname === '/gdap/new', WAIT)
    expect(new URL(page.url()).searchParams.get('customer')).toBe(TAILSPIN)
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
