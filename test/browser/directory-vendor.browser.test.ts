import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoId, tenantIdOf } from '../../src/demo/world.ts'
import { hashPassword } from '../../src/identity/passwords.ts'
import { BROWSER_SUITE, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { TEST_PASSWORD } from '../support/constants.ts'
import { dialects } from '../support/dialects.ts'

const WAIT = { timeout: 20_000 }
const ROSSI_AZURE = demoId('subscription', 'rossi.example/Rossi Produzione')

const textOf = (page: Page, testId: string) => page.getByTestId(testId).first().textContent()

describe.each(dialects())(
  'administering the channel and customers in the portal (%s)',
  BROWSER_SUITE,
  (dialect) => {
    const app = useBrowserApp(dialect)

    /**
     * A vendor global administrator. `tramite setup` is the public way to make the first one, but it
     * refuses once a vendor exists — and the demo world has Contoso Cloud (with only a support
     * engineer), so the test adds the administrator to Contoso's tenant directly.
     */
    async function vendorAdmin(email: string): Promise<string> {
      const id = randomUUID()
      await app.t.db.db
        .insertInto('users')
        .values({
          id,
          tenant_id: tenantIdOf('contoso.example'),
          email,
          display_name: 'Vendor Admin',
          given_name: null,
          surname: null,
          phone: null,
          locale: 'it-IT',
          password_hash: await hashPassword(TEST_PASSWORD),
        })
        .execute()
      await app.t.db.db.insertInto('user_roles').values({ user_id: id, role: 'global_admin' }).execute()
      return email
    }

    it('when the vendor’s administrator adds an indirect reseller under Northwind in Italian and suspends and reactivates it, then the invitation link is shown, the reseller is linked, and suspension is explained and undone', async () => {
      const page = await app.signedIn(await vendorAdmin('owner@contoso.example'), 'it-IT', {
        from: '/vendor/partners',
      })
      await page.getByTestId('partners-table').waitFor(WAIT)
      expect(await page.getByRole('navigation').textContent()).toContain('Prodotti del marketplace')

      await page.getByTestId('partner-add').click()
      const dialog = page.getByTestId('partner-create-dialog')
      await dialog.locator('input[name="name"]').fill('Fiordaliso Rivendita')
      await dialog.locator('select[name="type"]').selectOption('indirect_reseller')
      await dialog.getByLabel('Northwind Distribution').check()
      await dialog.locator('input[name="domain"]').fill('fiordaliso.example')
      await dialog.locator('input[name="adminEmail"]').fill('admin@fiordaliso.example')
      await dialog.getByTestId('partner-create-submit').click()
      await expect
        .poll(() => textOf(page, 'partner-created'), WAIT)
        .toContain('Fiordaliso Rivendita è stato aggiunto')
      expect(await textOf(page, 'partner-invitation-url')).toMatch(/\/invitation#.+/)
      await page.screenshot({ path: 'test-results/screenshots/vendor-partner-created-it.png' })

      const row = await app.t.db.db
        .selectFrom('partner_provider_links')
        .selectAll()
        .where('provider_tenant_id', '=', tenantIdOf('northwind.example'))
        .execute()
      expect(row).toHaveLength(2)

      await dialog.getByRole('link', { name: 'Apri il partner' }).click()
      const details = page.getByTestId('partner-details')
      await details.waitFor(WAIT)
      expect(await textOf(page, 'partner-facts')).toContain('Northwind Distribution')
      expect(await textOf(page, 'partner-facts')).toContain('Rivenditore indiretto')

      await page.getByTestId('partner-suspend').click()
      expect(await textOf(page, 'partner-status-dialog')).toContain(
        'i token che hanno smettono subito di funzionare',
      )
      await page.getByTestId('partner-status-confirm').click()
      await expect
        .poll(() => page.getByTestId('partner-status').getAttribute('data-status'), WAIT)
        .toBe('suspended')
      expect(await textOf(page, 'partner-suspended-note')).toContain('la sua storia resta')
      await page.getByTestId('partner-status-dialog').waitFor({ state: 'detached', ...WAIT })
      await screenshotWhole(page, 'vendor-partner-suspended-it.png')
      const tenantId = await details.getAttribute('data-tenant-id')
      const suspended = await app.t.db.db
        .selectFrom('tenants')
        .select('status')
        .where('id', '=', tenantId!)
        .executeTakeFirstOrThrow()
      expect(suspended.status).toBe('suspended')

      await page.getByTestId('partner-reactivate').click()
      await page.getByTestId('partner-status-confirm').click()
      await expect
        .poll(() => page.getByTestId('partner-status').getAttribute('data-status'), WAIT)
        .toBe('active')
      await page.context().close()
    })

    it('when anna adds a customer in English, orders a Microsoft 365 trial and converts it to paid, then gives her Tier1 group Support Request Contributor on Rossi’s Azure subscription, then each step shows and is stored', async () => {
      const page = await app.signedIn('anna@fabrikam.example', 'en-US', { from: '/customers' })
      await page.getByTestId('customer-add').click()
      const dialog = page.getByTestId('customer-add-dialog')
      await dialog.locator('input[name="companyName"]').fill('Gallo Vini S.r.l.')
      await dialog.locator('input[name="domain"]').fill('gallovini.example')
      await dialog.locator('input[name="adminFirstName"]').fill('Giulia')
      await dialog.locator('input[name="adminLastName"]').fill('Gallo')
      await dialog.locator('input[name="email"]').fill('giulia@gallovini.example')
      await dialog.locator('input[name="addressLine1"]').fill('Via Roma 1')
      await dialog.locator('input[name="city"]').fill('Asti')
      await dialog.getByTestId('customer-add-submit').click()
      await expect.poll(() => textOf(page, 'customer-created'), WAIT).toContain('Gallo Vini S.r.l. was added')
      expect(await textOf(page, 'customer-credentials-user')).toBe('admin@gallovini.example')
      expect((await textOf(page, 'customer-credentials-password'))?.length).toBeGreaterThanOrEqual(12)
      expect(await textOf(page, 'customer-add-dialog')).toContain('shown only this once')
      await page.screenshot({ path: 'test-results/screenshots/customer-added-en.png' })

      await dialog.getByTestId('customer-created-open').click()
      await page.getByTestId('customer-details').waitFor(WAIT)
      await page.getByTestId('subscription-order').click()
      const order = page.getByTestId('subscription-order-dialog')
      await order.getByTestId('subscription-order-offer').selectOption('CFQ7TTC0LCHC:0002:TRIAL')
      await order.locator('input[name="quantity"]').fill('10')
      await order.getByTestId('subscription-order-submit').click()
      const billing = page.getByTestId('subscription-billing').first()
      await expect.poll(() => billing.getAttribute('data-billing'), WAIT).toBe('trial')

      await page.getByTestId('subscription-actions').first().click()
      await page.getByTestId('subscription-convert').click()
      expect(await textOf(page, 'subscription-change-confirm-dialog')).toContain('R10')
      await page.getByTestId('subscription-change-confirm').click()
      await expect.poll(() => billing.getAttribute('data-billing'), WAIT).toBe('paid')

      await page.goto(`${app.baseUrl}/customers/${tenantIdOf('rossi.example')}`)
      const azureRow = page.locator(`[data-subscription-id="${ROSSI_AZURE}"]`)
      await azureRow.getByTestId('subscription-actions').click()
      await page.getByTestId('subscription-roles').click()
      const roles = page.getByTestId('role-assignments-dialog')
      await roles.getByTestId('role-assignments-table').waitFor(WAIT)
      expect(await textOf(page, 'role-assignments-table')).toContain('Admin Agents (Fabrikam)')
      await roles
        .getByTestId('role-assignment-principal')
        .selectOption(demoId('group', 'fabrikam.example/Tier1 Support'))
      await roles.getByTestId('role-assignment-role').selectOption('Support Request Contributor')
      await roles.getByTestId('role-assignment-add').click()
      await expect.poll(() => textOf(page, 'role-assignment-added'), WAIT).toContain('Tier1 Support')
      await expect
        .poll(() => roles.locator('[data-role="Support Request Contributor"]').count(), WAIT)
        .toBe(1)
      await page.screenshot({ path: 'test-results/screenshots/role-assignments-en.png' })

      const stored = await app.t.db.db
        .selectFrom('azure_role_assignments')
        .select('role_name')
        .where('subscription_id', '=', ROSSI_AZURE)
        .where('principal_id', '=', demoId('group', 'fabrikam.example/Tier1 Support'))
        .execute()
      expect(stored.map((r) => r.role_name)).toEqual(['Support Request Contributor'])
      const sub = await app.t.db.db
        .selectFrom('subscriptions as s')
        .innerJoin('tenants as t', 't.id', 's.tenant_id')
        .select(['s.billing', 's.offer_id'])
        .where('t.default_domain', '=', 'gallovini.example')
        .executeTakeFirstOrThrow()
      expect(sub.billing).toBe('paid')
      await page.context().close()
    })

    it('when the vendor’s administrator adds a marketplace product with its ISV’s contacts in English, and anna checks a customers CSV in Italian before importing it, then the product is listed and the import reports each row, then applies', async () => {
      const vendor = await app.signedIn(await vendorAdmin('products@contoso.example'), 'en-US', {
        from: '/vendor/products',
      })
      await vendor.getByTestId('product-add').click()
      const form = vendor.getByTestId('product-dialog')
      await form.locator('input[name="name"]').fill('StockPilot')
      await form.locator('input[name="isvName"]').fill('Wingtip Software')
      await form.locator('input[name="supportEmail"]').fill('help@wingtip.example')
      await form.getByTestId('product-save').click()
      const row = vendor.getByTestId('product-row').filter({ hasText: 'StockPilot' })
      await row.waitFor(WAIT)
      expect(await row.textContent()).toContain('help@wingtip.example')
      await vendor.context().close()

      const page = await app.signedIn('anna@fabrikam.example', 'it-IT', { from: '/customers' })
      await page.getByTestId('customer-import').click()
      const dialog = page.getByTestId('csv-import-dialog')
      const header =
        'companyName,domain,country,locale,adminFirstName,adminLastName,email,addressLine1,city,postalCode'
      const upload = (rows: string[]) =>
        dialog.getByTestId('csv-import-file').setInputFiles({
          name: 'clienti.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from([header, ...rows].join('\n')),
        })
      await upload([
        'Delta S.r.l.,delta.example,IT,it-IT,Dario,Delta,dario@delta.example,Via D 4,Torino,10100',
        'Rossi bis,rossi.example,IT,it-IT,Ro,Bis,ro@bis.example,Via R 1,Roma,00100',
      ])
      await dialog.getByTestId('csv-import-dry-run').click()
      await expect.poll(() => textOf(page, 'csv-import-report'), WAIT).toContain('Righe con problemi: 1.')
      expect(await dialog.getByTestId('csv-import-apply').isDisabled()).toBe(true)

      await upload([
        'Delta S.r.l.,delta.example,IT,it-IT,Dario,Delta,dario@delta.example,Via D 4,Torino,10100',
      ])
      await dialog.getByTestId('csv-import-dry-run').click()
      await expect
        .poll(() => textOf(page, 'csv-import-report'), WAIT)
        .toContain('Non è stato ancora scritto nulla')
      await dialog.getByTestId('csv-import-apply').click()
      await expect
        .poll(() => page.getByTestId('csv-import-report').getAttribute('data-applied'), WAIT)
        .toBe('true')
      expect(await textOf(page, 'csv-import-credentials')).toContain('admin@delta.example')
      const delta = await app.t.db.db
        .selectFrom('tenants')
        .select('display_name')
        .where('default_domain', '=', 'delta.example')
        .executeTakeFirst()
      expect(delta?.display_name).toBe('Delta S.r.l.')
      await page.context().close()
    })
  },
)
