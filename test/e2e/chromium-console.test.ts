/**
 * The real renderer in Debian's Chromium against the browser host (src-main/bridge), backed by the
 * real API: demo emulator over HTTPS, msal-node client credentials, Graph client, SQLite cache.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullFinished, PullProgress } from '../../src-main/common'
import { ARTEFACTS_FOLDER, launchDebianChromium, RENDERER_ROOT, requireBuiltRenderer } from '../helpers/debian-chromium'
import { composeHeadcountApi } from '../../src-main/api/compose-api'
import type { HeadcountApiHandle } from '../../src-main/api/headcount-api'
import { startBridge, type RunningBridge } from '../../src-main/bridge/bridge-server'

const rendererRoot = RENDERER_ROOT
const artefacts = ARTEFACTS_FOLDER

let dataDir: string
let handle: HeadcountApiHandle
let bridge: RunningBridge
let browser: Browser
let page: Page

beforeAll(async () => {
  requireBuiltRenderer()
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-e2e-'))
  handle = await composeHeadcountApi({ dataDir, host: 'browser', demoUsers: 2500 })
  bridge = await startBridge({ api: handle.api, staticRoot: rendererRoot })
  browser = await launchDebianChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await handle?.dispose()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the console in Chromium', () => {
  it('opens without errors and refuses a page without the token', async () => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(bridge.url)
    await page.getByTestId('explore-demo-button').waitFor()
    expect(errors).toEqual([])
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=')
  })

  it('explores the demo: the pull reports progress, finishes and opens the Directory', async () => {
    const progress: PullProgress[] = []
    const finished: PullFinished[] = []
    const stopProgress = handle.api.pull.onDidProgress((event) => progress.push(event))
    const stopFinish = handle.api.pull.onDidFinish((event) => finished.push(event))
    await page.getByTestId('explore-demo-button').click()
    // A successful pull moves the console to the Directory on its own.
    await expect
      .poll(async () => (await page.getByTestId('directory-total').textContent().catch(() => '')) ?? '', { timeout: 90_000 })
      .toContain('2,500')
    stopProgress()
    stopFinish()
    expect(finished).toEqual([expect.objectContaining({ outcome: 'succeeded', users: 2500 })])
    expect(progress.length).toBeGreaterThan(0)
    const users = progress.map((event) => event.users)
    expect(users).toEqual([...users].sort((a, b) => a - b))
    expect(progress.at(-1)?.users).toBe(2500)
    expect(await page.getByTestId('user-row').count()).toBeGreaterThan(10)
  })

  it('keeps the outcome of the pull on the Connect screen', async () => {
    await page.getByTestId('nav-connect').click()
    await expect.poll(async () => (await page.getByTestId('pull-summary').textContent()) ?? '').toMatch(/2,500/)
    await page.getByTestId('nav-directory').click()
    await page.getByTestId('directory-search').waitFor()
  })

  it('finds a user by a name with a diacritic, typed with or without it', async () => {
    const search = page.getByTestId('directory-search')
    await search.fill('søren')
    await expect.poll(async () => (await page.getByTestId('user-row').first().textContent()) ?? '').toMatch(/Søren/)
    await search.fill('zoe')
    await expect.poll(async () => (await page.getByTestId('user-row').first().textContent()) ?? '').toMatch(/Zoë/)
  })

  it('shows the manager chain in the detail panel', async () => {
    const row = page.getByTestId('user-row').first()
    const userId = await row.getAttribute('data-user-id')
    expect(userId).toBeTruthy()
    const detail = await handle.api.directory.getUser({ profileId: 'demo', userId: userId ?? '' })
    await row.click()
    await page.getByTestId('user-detail').waitFor()
    const chain = page.getByTestId('detail-manager-chain')
    if (detail.managerChain.length === 0) throw new Error('the first Zoë has no manager; pick a user with one')
    await expect.poll(async () => (await chain.textContent()) ?? '').toContain(detail.managerChain[0]?.displayName ?? '')
    await page.screenshot({ path: join(artefacts, 'directory-detail.png') })
  })

  it('shows the health of the demo’s enterprise app, most urgent first', async () => {
    await page.getByTestId('nav-health').click()
    const report = page.getByTestId('health-report')
    await expect.poll(async () => (await report.textContent()) ?? '', { timeout: 30_000 }).toContain('Cardwise')
    const expected = await handle.api.health.report({ profileId: 'demo' })
    expect(expected.credentials.length).toBeGreaterThan(0)
    // The demo's active SAML certificate expires in about 25 days: a 30-day notice.
    expect(expected.credentials.some((credential) => credential.kind === 'samlSigningCertificate' && credential.isActive)).toBe(true)
    expect(await page.getByTestId('credential').count()).toBe(expected.credentials.length)
    await page.screenshot({ path: join(artefacts, 'health.png') })
  })

  it('says in Settings that the browser host keeps secrets in memory only', async () => {
    await page.getByTestId('nav-settings').click()
    await expect.poll(async () => (await page.getByTestId('secret-storage-warning').textContent()) ?? '').toMatch(/memory/i)
  })

  it('creates a tenant profile and deletes it only after its name is typed', async () => {
    await page.getByTestId('profile-switcher').click()
    await page.getByTestId('new-profile-button').click()
    await page.getByTestId('profile-name-input').fill('Fjord Telecom')
    await page.getByTestId('profile-dialog-submit').click()
    await page.getByTestId('connect-mode-unattended').waitFor()
    await expect.poll(async () => (await handle.api.profiles.list({})).map((profile) => profile.name)).toContain('Fjord Telecom')
    await page.screenshot({ path: join(artefacts, 'tenant-connect.png') })

    await page.getByTestId('profile-switcher').click()
    await page.getByRole('menuitem', { name: /Delete “Fjord Telecom”/ }).click()
    const confirm = page.getByTestId('profile-delete-confirm-input')
    await confirm.fill('fjord telecom')
    expect(await page.getByTestId('profile-delete-button').isDisabled()).toBe(true)
    await confirm.fill('Fjord Telecom')
    await page.getByTestId('profile-delete-button').click()
    await expect.poll(async () => (await handle.api.profiles.list({})).map((profile) => profile.name)).not.toContain('Fjord Telecom')
  })
})
