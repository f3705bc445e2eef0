import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startTestApp, type TestApp } from './app.ts'
import { TEST_PASSWORD } from './constants.ts'
import type { Dialect } from './dialects.ts'

/** Where browser tests write their screenshots. */
export const SCREENSHOTS = 'test-results/screenshots'

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: run scripts/ensure-chromium.mjs (npm test does)`,
    )
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export interface BrowserApp {
  /** The application, started on a fresh copy of the demo world (set in beforeAll). */
  t: TestApp
  baseUrl: string
  browser: Browser
  /** A new browser context in `locale`, signed in as `email` through the sign-in page. */
  signedIn(email: string, locale: string, viewport?: { width: number; height: number }): Promise<Page>
}

/**
 * The app listening on a real port and a Chromium, started before the suite's tests and closed
 * after them: call inside `describe`.
 */
export function useBrowserApp(dialect: Dialect, env: Record<string, string> = {}): BrowserApp {
  const suite = {
    async signedIn(email: string, locale: string, viewport = { width: 1280, height: 900 }) {
      const context = await suite.browser.newContext({ locale, viewport })
      const page = await context.newPage()
      await page.goto(`${suite.baseUrl}/signin`)
      await page.locator('input[name="email"]').fill(email)
      await page.locator('input[name="password"]').fill(TEST_PASSWORD)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'))
      return page
    },
  } as BrowserApp
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    suite.t = await startTestApp(dialect, env)
    suite.baseUrl = await suite.t.listen()
    suite.browser = await launchChromium()
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.t?.close()
  })
  return suite
}
