import { describe, expect, it } from 'vitest'
import { tenantIdOf } from '../../src/demo/world.ts'
import { BROWSER_SUITE, SCREENSHOTS as SHOTS, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const LITWARE = tenantIdOf('litware.example')
const ADATUM = tenantIdOf('adatum.example')

describe.each(dialects())(
  'accepting a partner’s relationship link in the portal (%s)',
  BROWSER_SUITE,
  (dialect) => {
    const app = useBrowserApp(dialect)

    it('when Rossi’s administrator opens Litware’s link in Italian and accepts, then Litware advises Rossi and the page says so in Italian', async () => {
      const page = await app.signedIn('admin@rossi.example', 'it-IT', {
        from: `/partner-invitation?partnerId=${LITWARE}`,
      })
      const card = page.getByTestId('partner-invitation')
      await expect
        .poll(() => card.textContent(), { timeout: 15_000 })
        .toContain('Litware chiede di diventare il tuo consulente')
      await page.screenshot({ path: `${SHOTS}/partner-invitation-it.png`, fullPage: true })
      await page.getByRole('button', { name: 'Accetta' }).click()
      await expect
        .poll(() => page.getByTestId('invitation-accepted').textContent(), { timeout: 15_000 })
        .toContain('Litware è ora il tuo partner.')
      const row = await app.t.db.db
        .selectFrom('customer_relationships')
        .selectAll()
        .where('customer_tenant_id', '=', tenantIdOf('rossi.example'))
        .where('partner_tenant_id', '=', LITWARE)
        .executeTakeFirst()
      expect(row?.relationship).toBe('advisor')
      await page.context().close()
    })

    it('when Tailspin’s administrator opens Adatum’s link in English, then the page names Northwind as the indirect provider and accepting makes Adatum the reseller', async () => {
      const page = await app.signedIn('admin@tailspin.example', 'en-US', {
        from: `/partner-invitation?partnerId=${ADATUM}&indirectCSPId=${tenantIdOf('northwind.example')}`,
      })
      const card = page.getByTestId('partner-invitation')
      await expect
        .poll(() => card.textContent(), { timeout: 15_000 })
        .toContain('Adatum asks to become your reseller')
      expect(await card.textContent()).toContain('indirect provider Northwind Distribution')
      await page.getByRole('button', { name: 'Accept' }).click()
      await expect
        .poll(() => page.getByTestId('invitation-accepted').textContent(), { timeout: 15_000 })
        .toContain('Adatum is now your partner.')
      await page.screenshot({ path: `${SHOTS}/partner-invitation-en.png`, fullPage: true })
      await page.context().close()
    })
  },
)
