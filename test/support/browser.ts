import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
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

/**
 * Signs in on `page` (already on the sign-in page): the email first, then — for an account with
 * a password here — the password (a federated domain goes on to its identity provider instead).
 */
export async function submitSignIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.locator('input[name="email"]').fill(email)
  await page.locator('button[type="submit"]').click()
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
}

/**
 * A screenshot of the whole page in `SCREENSHOTS/<file>`. The layout scrolls inside <main>, so a
 * fullPage shot would cut it: the window grows to the content's height for the shot (scrolled to
 * the top, no focus ring half drawn), then gets its size back.
 */
export async function screenshotWhole(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 }
  // (strings: the code runs in the page, and test/support has no DOM types)
  await page.evaluate('document.activeElement?.blur?.()')
  const height = await page.evaluate<number>(`(() => {
    const main = document.querySelector('main')
    const top = main ? main.getBoundingClientRect().top : 0
    return Math.ceil(top + (main ? main.scrollHeight : document.body.scrollHeight))
  })()`)
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, 600), 4000) })
  await page.evaluate("document.querySelector('main')?.scrollTo(0, 0)")
  await page.screenshot({ path: `${SCREENSHOTS}/${file}` })
  await page.setViewportSize(viewport)
}

export interface SignInOptions {
  /** The window's size; 1280 × 900 unless given. */
  viewport?: { width: number; height: number }
  /**
   * A page to open first (a path, e.g. '/customers'): signed out, the portal must send the browser
   * to the sign-in page, and the sign-in starts there. Unless given, it starts on the sign-in page.
   */
  from?: string
  /** A script that runs in every page of the context before the portal's own. */
  initScript?: string
  /** More options for the browser context (e.g. acceptDownloads). */
  context?: BrowserContextOptions
}

export interface BrowserApp {
  /** The application, started on a fresh copy of the demo world (set in beforeAll). */
  t: TestApp
  baseUrl: string
  browser: Browser
  /**
   * A new browser context in `locale`, signed in as `email` through the sign-in page; the page it
   * returns has left the sign-in page. `page.context().newPage()` opens another tab in the same
   * session; close the context when done.
   */
  signedIn(email: string, locale: string, options?: SignInOptions): Promise<Page>
}

/**
 * A browser suite's options: each test walks several pages on a machine it shares (CI runs the
 * suites two at a time, each with its own server and Chromium), so it gets more than the default
 * 30 s; every step inside still waits at most its own WAIT.
 */
export const BROWSER_SUITE = { timeout: 120_000 }

/** How long the sign-in may take to leave the sign-in page (the machine is shared and slow). */
const SIGN_IN_WAIT = { timeout: 30_000 }

/**
 * The app listening on a real port and a Chromium, started before the suite's tests and closed
 * after them (the screenshots folder is made too): call inside `describe`. `env` goes to the app.
 */
export function useBrowserApp(dialect: Dialect, env: Record<string, string> = {}): BrowserApp {
  const suite = {
    async signedIn(email: string, locale: string, options: SignInOptions = {}) {
      const context = await suite.browser.newContext({
        locale,
        viewport: options.viewport ?? { width: 1280, height: 900 },
        ...options.context,
      })
      if (options.initScript) await context.addInitScript(options.initScript)
      const page = await context.newPage()
      if (options.from) {
        await page.goto(`${suite.baseUrl}${options.from}`)
        await page.waitForURL(/\/signin/, SIGN_IN_WAIT)
      } else {
        await page.goto(`${suite.baseUrl}/signin`)
      }
      await submitSignIn(page, email)
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'), SIGN_IN_WAIT)
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
