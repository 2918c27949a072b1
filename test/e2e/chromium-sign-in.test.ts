/**
 * Connect-and-consent as an admin does it, end to end in Chromium: the console (browser host) on a
 * new Custom-cloud profile, the real msal-node interactive flow in the main process, the emulator's
 * real sign-in and consent pages in a popup, the form post back to msal's loopback, then a pull.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composeHeadcountApi } from '../../src-main/api/compose-api'
import type { HeadcountApiHandle } from '../../src-main/api/headcount-api'
import { startBridge, type RunningBridge } from '../../src-main/bridge/bridge-server'
import { DEMO_PUBLIC_CLIENT_ID } from '../../src-main/demo/emulator/identity/app-registrations'
import { startEmulator, type RunningEmulator } from '../../src-main/demo/emulator/start-emulator'
import { ARTEFACTS_FOLDER, launchDebianChromium, RENDERER_ROOT, requireBuiltRenderer } from '../helpers/debian-chromium'

const rendererRoot = RENDERER_ROOT
const artefacts = ARTEFACTS_FOLDER

let emulator: RunningEmulator
let dataDir: string
let handle: HeadcountApiHandle
let bridge: RunningBridge
let browser: Browser
let page: Page
let administratorUpn: string

beforeAll(async () => {
  requireBuiltRenderer()
  emulator = await startEmulator({ users: 80 })
  administratorUpn =
    emulator.organisation.users.find(({ user }) => user.jobTitle === 'Head of IT' || user.jobTitle === 'IT Manager')?.user.userPrincipalName ?? ''
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-e2e-sign-in-'))
  handle = await composeHeadcountApi({ dataDir, host: 'browser' })
  bridge = await startBridge({ api: handle.api, staticRoot: rendererRoot })
  // The emulator's sign-in pages use its own CA, which this throw-away browser profile does not
  // trust; the console's main process trusts it explicitly (the profile's CA setting).
  browser = await launchDebianChromium(['--ignore-certificate-errors'])
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await handle?.dispose()
  await emulator?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('connect a tenant with the admin account', () => {
  it('signs in through the system browser, consents for the organisation and pulls', async () => {
    await page.goto(bridge.url)
    await page.getByTestId('profile-switcher').click()
    await page.getByTestId('new-profile-button').click()
    await page.getByTestId('profile-name-input').fill('Nordlys (custom cloud)')
    await page.getByTestId('profile-dialog-submit').click()
    await page.getByTestId('connect-mode-interactive').waitFor()

    const form = page.locator('[aria-labelledby="interactive-heading"]')
    await form.getByLabel('Cloud').selectOption('custom')
    await form.getByLabel('Login host').fill(emulator.authorityHost)
    await form.getByLabel('Graph endpoint').fill(emulator.origin)
    await form.getByLabel('Tenant').fill(emulator.tenantId)
    await form.getByLabel('Client id').fill(DEMO_PUBLIC_CLIENT_ID)
    await form.getByText('Proxy and certificates (optional)').click()
    await form.getByLabel(/Extra CA certificate/).fill(emulator.caCertificatePem)

    const popupOpened = page.waitForEvent('popup', { timeout: 20_000 })
    await page.getByTestId('connect-button').click()
    await page.getByTestId('sign-in-waiting').waitFor()
    const popup = await popupOpened
    await popup.locator(`button[name="username"][value="${administratorUpn}"]`).click()
    await popup.locator('#password').fill('demo')
    await popup.getByRole('button', { name: 'Sign in' }).click()
    await popup.getByText('Consent on behalf of your organisation').click()
    await popup.getByRole('button', { name: 'Accept' }).click()
    await popup.getByRole('heading', { name: 'You are signed in' }).waitFor({ timeout: 15_000 })

    const status = page.getByTestId('connection-status')
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 20_000 }).toContain(administratorUpn)
    await expect.poll(async () => (await status.textContent()) ?? '').toContain(emulator.organisation.organization.displayName)
    await status.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(artefacts, 'signed-in.png') })

    await page.getByTestId('pull-now-button').click()
    await expect
      .poll(async () => (await page.getByTestId('directory-total').textContent().catch(() => '')) ?? '', { timeout: 60_000 })
      .toContain('80')
  })
})
