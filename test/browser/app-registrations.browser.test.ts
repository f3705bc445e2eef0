import { describe, expect, it } from 'vitest'
import { BROWSER_SUITE, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { postForm, registerApp, FABRIKAM } from '../authority/helpers.ts'

describe.each(dialects())(
  'app registrations and device sign-in in the portal (%s)',
  BROWSER_SUITE,
  (dialect) => {
    const suite = useBrowserApp(dialect)

    it('when anna registers an application on the App registrations page, then she sees its client id and its secret once, and its page', async () => {
      const page = await suite.signedIn('anna@fabrikam.example', 'en-US', { from: '/applications' })
      await page.getByTestId('app-new').click()
      await page.locator('input[name="displayName"]').fill('PSA connector')
      await page.getByRole('checkbox', { name: /^graph\/ServiceHealth\.Read\.All \(application\)/ }).check()
      await page.getByTestId('app-create').click()
      await expect.poll(() => page.getByTestId('app-created').isVisible()).toBe(true)
      expect(await page.getByTestId('app-created').textContent()).toContain('Copy the secret now')
      await screenshotWhole(page, 'app-registrations-en.png')
      await page.getByRole('link', { name: 'PSA connector' }).click()
      await expect.poll(() => page.getByTestId('app-grant-consent').isVisible()).toBe(true)
      await page.getByTestId('app-grant-consent').click()
      await expect
        .poll(async () => (await page.textContent('main')) ?? '')
        .toContain('Consented by anna@fabrikam.example')
      expect(
        await page
          .getByRole('checkbox', { name: /^graph\/ServiceHealth\.Read\.All \(application\)/ })
          .isChecked(),
      ).toBe(true)
      await screenshotWhole(page, 'app-registration-detail-en.png')
      await page.context().close()
    })

    it('when a script shows a device code and anna enters it on /devicelogin in Italian, then she sees the app and allows it', async () => {
      const app = await registerApp(suite.t, FABRIKAM, {
        name: 'Script MSP',
        publicClient: true,
        permissions: ['partnercenter/user_impersonation'],
      })
      const device = (
        await postForm(suite.t, '/organizations/oauth2/v2.0/devicecode', {
          client_id: app.clientId,
          scope: 'https://api.partnercenter.microsoft.com/.default',
        })
      ).json()
      const page = await suite.signedIn('anna@fabrikam.example', 'it-IT', { from: '/devicelogin' })
      await page.locator('input[name="userCode"]').fill(device.user_code)
      await page.getByTestId('device-next').click()
      await expect
        .poll(async () => (await page.getByTestId('device-ask').textContent()) ?? '')
        .toContain('Script MSP')
      await screenshotWhole(page, 'device-login-it.png')
      await page.getByTestId('device-approve').click()
      await expect.poll(() => page.getByTestId('device-approved').isVisible()).toBe(true)
      const token = await postForm(suite.t, '/organizations/oauth2/v2.0/token', {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: app.clientId,
        device_code: device.device_code,
      })
      expect(token.status).toBe(200)
      await page.context().close()
    })

    it('when anna deletes an application from its page, then the question names it, Cancel keeps it, and Delete removes it from the list', async () => {
      const app = await registerApp(suite.t, FABRIKAM, { name: 'Old importer' })
      await registerApp(suite.t, FABRIKAM, { name: 'Kept tool' })
      const page = await suite.signedIn('anna@fabrikam.example', 'en-US', { from: `/applications/${app.id}` })
      await page.getByTestId('app-delete').click()
      await page.getByTestId('app-delete-confirm-dialog').waitFor()
      expect(await page.getByTestId('app-delete-confirm-dialog').textContent()).toContain(
        'Delete Old importer?',
      )
      await page.getByTestId('app-delete-confirm-cancel').click()
      await page.getByTestId('app-delete-confirm-dialog').waitFor({ state: 'detached' })
      expect(
        await suite.t.db.db.selectFrom('app_registrations').select('id').where('id', '=', app.id).execute(),
      ).toHaveLength(1)

      await page.getByTestId('app-delete').click()
      await page.getByTestId('app-delete-confirm').click()
      await page.waitForURL((url) => url.pathname === '/applications')
      await expect
        .poll(async () => (await page.getByTestId('app-list').textContent()) ?? '')
        .toContain('Kept tool')
      expect(await page.getByTestId('app-list').textContent()).not.toContain('Old importer')
      expect(
        await suite.t.db.db.selectFrom('app_registrations').select('id').where('id', '=', app.id).execute(),
      ).toHaveLength(0)
      await page.context().close()
    })
  },
)
