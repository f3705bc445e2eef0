import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_REQUESTS } from '../../src/demo/activity.ts'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const WAIT = { timeout: 20_000 }
const ROSSI = tenantIdOf('rossi.example')
// evaluated through the DevTools protocol, not as a <script>: the portal's CSP (script-src 'self') stays as it is
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
  help: string
  nodes: { target: string[] }[]
}

/**
 * axe-core's WCAG 2.1 A/AA checks and its best practices on the page as it is now. What it reports
 * is kept short: the rule, its impact and the first elements, enough to find it in the page.
 */
async function audit(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE)
  const result = await page.evaluate<{ violations: Violation[] }>(
    // Fluent UI's focus management (tabster) puts hidden focusable <i data-tabster-dummy> sentinels
    // at the edges of focus traps, by design: they hand focus on and are not ours to change
    `axe.run({ exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
  )
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
  }))
}

/** The violations the check fails on: serious or critical ones, and headings out of order. */
const blocking = (violations: Violation[]) =>
  violations.filter(
    (v) =>
      v.impact === 'serious' ||
      v.impact === 'critical' ||
      v.id === 'heading-order' ||
      v.id === 'page-has-heading-one',
  )

/**
 * What Tramite's Italian pages never say (issue 13): the gendered "di lui", "il fornitore" for the
 * vendor (it has a name), "richiesta di assistenza" beside "richiesta di servizio", an Entra role by
 * its English name (the Italian admin center's names), a date in a sentence as an ISO string.
 */
const ITALIAN_AVOIDED: RegExp[] = [
  /\bdi lui\b/i,
  /\bil fornitore\b/i,
  /richiest[ae] di assistenza/i,
  /Service Support Administrator|Directory Readers|Global Administrator/,
  /\b\d{4}-\d{2}-\d{2}\b/,
]

/** The avoided words found on the page (its whole text, the top bar and navigation included). */
async function avoidedWords(page: Page): Promise<string[]> {
  const text = (await page.locator('body').textContent()) ?? ''
  return ITALIAN_AVOIDED.flatMap((word) => {
    const found = word.exec(text)
    return found ? [found[0]] : []
  })
}

/** Opens `path` in the signed-in page and waits until the main content has its h1. */
async function open(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`)
  await page.locator('main h1').first().waitFor(WAIT)
  // lists and cards load after the heading: wait until nothing is loading any more
  await expect.poll(() => page.locator('main [role="progressbar"]').count(), WAIT).toBe(0)
}

describe.each(dialects())(
  'accessibility of the main pages, checked by axe (%s)',
  BROWSER_SUITE,
  (dialect) => {
    const app = useBrowserApp(dialect)

    const requestId = async (title: string) =>
      (
        await app.t.db.db
          .selectFrom('service_requests')
          .select('id')
          .where('title', '=', title)
          .executeTakeFirstOrThrow()
      ).id

    const personas: { who: string; email: string; locale: string; pages: (id: string) => string[] }[] = [
      {
        who: 'a partner (anna)',
        email: 'anna@fabrikam.example',
        locale: 'it-IT',
        pages: (id) => [
          '/home',
          '/service-requests',
          `/service-requests/${id}`,
          '/service-requests/new',
          '/customers',
          '/health',
          '/gdap',
        ],
      },
      {
        who: 'the engineer',
        email: 'engineer@contoso.example',
        locale: 'en-US',
        pages: (id) => ['/service-requests', `/service-requests/${id}`, '/health'],
      },
      {
        who: 'a customer administrator (Rossi)',
        email: 'admin@rossi.example',
        locale: 'it-IT',
        pages: (id) => [
          '/home',
          '/service-requests',
          `/service-requests/${id}`,
          '/service-requests/new',
          '/health',
        ],
      },
    ]

    for (const persona of personas) {
      const italian = persona.locale.startsWith('it')
      it(`when ${persona.who} opens the main pages, then axe finds no serious or critical violation and headings are in order${italian ? ', and the Italian avoids the words issue 13 removed' : ''}`, async () => {
        const id = await requestId(DEMO_REQUESTS.waitingOnPartner)
        const page = await app.signedIn(persona.email, persona.locale)
        const found: Record<string, Violation[]> = {}
        const words: Record<string, string[]> = {}
        for (const path of persona.pages(id)) {
          await open(page, app.baseUrl, path)
          const violations = blocking(await audit(page))
          if (violations.length > 0) found[path] = violations
          const avoided = italian ? await avoidedWords(page) : []
          if (avoided.length > 0) words[path] = avoided
        }
        expect(found, JSON.stringify(found, null, 1)).toEqual({})
        expect(words).toEqual({})
        await page.context().close()
      })
    }

    it('when the sign-in page is opened (English and Italian), then axe finds no serious or critical violation', async () => {
      for (const locale of ['en-US', 'it-IT']) {
        const context = await app.browser.newContext({ locale })
        const page = await context.newPage()
        await page.goto(`${app.baseUrl}/signin`)
        await page.locator('input[name="email"]').waitFor(WAIT)
        expect(blocking(await audit(page))).toEqual([])
        await context.close()
      }
    })

    it('when anna moves through the new-request wizard, then focus goes to each new step’s heading, and to the workload portal’s heading after the hand-over', async () => {
      const page = await app.signedIn('anna@fabrikam.example', 'en-US')
      await open(page, app.baseUrl, '/service-requests/new')
      const focusedHeading = () =>
        page.evaluate<string>(
          `(() => { const a = document.activeElement; return a && /^H[1-6]$/.test(a.tagName) ? a.textContent : '' })()`,
        )
      await page.locator(`[data-testid="customer-option"][data-tenant-id="${ROSSI}"]`).check()
      await page.getByTestId('wizard-next').first().click()
      await expect.poll(focusedHeading, WAIT).toBe('Which workload is it about?')
      await page.locator('[data-testid="workload-option"][data-workload="office365"]').check()
      const handover = page.getByTestId('wizard-handover')
      await handover.waitFor(WAIT)
      await handover.click()
      await page.waitForURL((url) => url.pathname === '/admin-center/support/new', WAIT)
      await expect.poll(focusedHeading, WAIT).not.toBe('')
      await page.context().close()
    })
  },
)
