import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's chromium, which the console tests drive headless. */
export const CHROMIUM = '/usr/bin/chromium'

/** Where the console tests save screenshots (gitignored). */
export const ARTIFACTS = new URL('../../../test-artifacts/console/', import.meta.url)

/** True when `npm run build:console` (part of `npm install`) has written the console. */
export const consoleBuilt = (): boolean =>
  existsSync(new URL('../../../dist/console/index.html', import.meta.url)) &&
  existsSync(new URL('../../../dist/console/catalog.json', import.meta.url))

/** Launches headless chromium (no sandbox: CI runs as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] })
}

/** A page whose console errors and uncaught exceptions are collected into `errors`. */
export async function watchedPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  return page
}

/** Saves a full-page screenshot as test-artifacts/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true })
}

/** The ROSA 4.22 installer permission policy shipped in data/. */
export async function installerPolicy(): Promise<string> {
  return readFile(
    new URL('../../../data/rosa/4.22/installer.permission-policy.json', import.meta.url),
    'utf8',
  )
}
