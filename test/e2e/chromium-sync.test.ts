/**
 * Preview-first sync through the real UI in Debian's Chromium, against the browser host and the real
 * API (demo emulator, SQLite cache, the demo SCIM target over loopback): the demo profile starts
 * preview-only; Test connection; Plan with per-action counts; filter, search and the detail with
 * before → after and the step trace; Push stays off until pushing is allowed and a blocked plan's
 * number is typed; the push runs, ends, and shows in Runs; planning again leaves nothing to create
 * or update; provisioning one user shows its steps.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanAction, PlanSummary, PushProgress, RunSummary } from '../../src-main/common'
import { ARTEFACTS_FOLDER, launchDebianChromium, RENDERER_ROOT, requireBuiltRenderer } from '../helpers/debian-chromium'
import { composeHeadcountApi } from '../../src-main/api/compose-api'
import type { HeadcountApiHandle } from '../../src-main/api/headcount-api'
import { startBridge, type RunningBridge } from '../../src-main/bridge/bridge-server'

const DEMO_USERS = 400
const PROFILE_ID = 'demo'
const ACTIONS: readonly PlanAction[] = ['create', 'update', 'disable', 'reactivate', 'delete', 'createGroup', 'addMembers', 'removeMembers', 'setManager', 'skip']

let dataDir: string
let handle: HeadcountApiHandle
let bridge: RunningBridge
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  requireBuiltRenderer()
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-e2e-sync-'))
  handle = await composeHeadcountApi({ dataDir, host: 'browser', demoUsers: DEMO_USERS })
  bridge = await startBridge({ api: handle.api, staticRoot: RENDERER_ROOT })
  browser = await launchDebianChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await handle?.dispose()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The count each action chip shows, read from its data attribute. */
async function chipCounts(): Promise<Record<PlanAction, number>> {
  const counts = {} as Record<PlanAction, number>
  for (const action of ACTIONS) counts[action] = Number(await page.getByTestId(`plan-count-${action}`).getAttribute('data-count'))
  return counts
}

/** The id of the plan the preview shows. */
async function shownPlanId(): Promise<string> {
  return (await page.getByTestId('plan-summary').getAttribute('data-plan-id')) ?? ''
}

/** Clicks Plan (or Plan again) and waits until a plan other than `previousPlanId` is shown. */
async function planInTheUi(previousPlanId: string | null): Promise<string> {
  await page.getByTestId('sync-plan-button').click()
  await expect.poll(async () => (await page.getByTestId('plan-summary').getAttribute('data-plan-id').catch(() => null)) ?? previousPlanId, { timeout: 15_000 }).not.toBe(previousPlanId)
  return shownPlanId()
}

/** The step names of a trace (import → scope → match → action, and reference for a manager), in order. */
async function traceStepsIn(container: Locator): Promise<string[]> {
  return (await container.locator('.trace-step-name').allTextContents()).map((step) => step.split(':')[0] ?? '')
}

/** Waits until the list shows rows, all of them of this action (the filter has been applied). */
async function waitForRowsOf(action: PlanAction): Promise<void> {
  await expect
    .poll(async () => {
      const actions = await page.getByTestId('plan-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))
      return actions.length > 0 && actions.every((shown) => shown === action)
    }, { timeout: 10_000 })
    .toBe(true)
}

async function textOf(testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent().catch(() => '')) ?? ''
}

describe('preview-first sync in Chromium', () => {
  let planId = ''
  let expected: PlanSummary
  let finishedRun: RunSummary | null = null

  it('explores the demo and opens Sync preview-only, with pushing off', async () => {
    await page.goto(bridge.url)
    await page.getByTestId('explore-demo-button').click()
    await expect.poll(() => textOf('directory-total'), { timeout: 60_000 }).toContain(DEMO_USERS.toLocaleString('en-US'))
    await page.getByTestId('nav-sync').click()
    await page.getByTestId('sync-screen').waitFor()
    await page.getByTestId('preview-only-banner').waitFor()
    expect(await page.getByTestId('preview-only-banner').textContent()).toMatch(/preview only/i)
    expect(await page.getByTestId('allow-push-switch').isChecked()).toBe(false)
    expect((await handle.api.sync.settings({ profileId: PROFILE_ID })).isPushEnabled).toBe(false)
    // The demo profile comes with the demo target configured.
    await expect.poll(() => textOf('target-panel')).toContain('127.0.0.1')
  })

  it('tests the connection: every check passes', async () => {
    const panel = page.getByTestId('target-panel')
    if (!(await page.getByTestId('target-test-button').isVisible())) await panel.locator('.disclosure-button').click()
    // The demo application takes a faster pace than Entra's 25 requests a second; the push below is quicker for it.
    await panel.getByLabel('Requests per second').fill('400')
    await panel.getByLabel('Requests at once').fill('8')
    await page.getByTestId('target-save-button').click()
    await expect.poll(async () => (await handle.api.target.status({ profileId: PROFILE_ID })).settings.ratePerSecond).toBe(400)
    await page.getByTestId('target-test-button').click()
    const result = page.getByTestId('target-test-result')
    await expect.poll(async () => (await result.getAttribute('class').catch(() => '')) ?? '', { timeout: 15_000 }).toContain('is-ok')
    expect(await result.textContent()).toContain('The application answered every check.')
    const checks = result.locator('.target-checks li')
    expect(await checks.count()).toBeGreaterThanOrEqual(4)
    expect(await result.locator('.target-checks li.is-failed').count()).toBe(0)
    // Folded away again so that the preview gets the room.
    await panel.locator('.disclosure-button').click()
  })

  it('plans: the chips show the counts of the plan', async () => {
    // The same inputs give the same plan: the API's own plan is the yardstick for the chips.
    expected = await handle.api.sync.plan({ profileId: PROFILE_ID })
    planId = await planInTheUi(null)
    const shown = await chipCounts()
    expect(shown).toEqual(expected.counts)
    expect(shown.create).toBeGreaterThan(0)
    // And each chip counts the operations of the plan on screen.
    for (const action of ACTIONS) {
      const page_ = await handle.api.sync.queryPlan({ profileId: PROFILE_ID, planId, actions: [action], offset: 0, limit: 1 })
      expect(page_.total, action).toBe(shown[action])
    }
  })

  it('filters by Create, finds a user by name and shows before → after and the step trace', async () => {
    await page.getByTestId('plan-count-create').click()
    await waitForRowsOf('create')
    const firstCreate = (await handle.api.sync.queryPlan({ profileId: PROFILE_ID, planId, actions: ['create'], offset: 0, limit: 1 })).rows[0]
    const userName = firstCreate?.userName ?? ''
    expect(userName).not.toBe('')
    await page.getByTestId('plan-search').fill(userName)
    await expect.poll(async () => page.getByTestId('plan-row').count(), { timeout: 10_000 }).toBe(1)
    await waitForRowsOf('create')
    await page.getByTestId('plan-row').first().click()
    const detail = page.getByTestId('plan-detail')
    await expect.poll(async () => (await detail.textContent()) ?? '').toContain(userName)
    const changes = detail.getByTestId('plan-detail-change')
    expect(await changes.count()).toBeGreaterThan(0)
    const userNameChange = changes.filter({ has: page.locator('code', { hasText: /^userName$/ }) })
    expect(await userNameChange.locator('.change-after').textContent()).toContain(userName)
    expect(await detail.locator('thead').textContent()).toMatch(/Before.*After/)
    // A create of someone with a manager also waits for the manager's reference.
    expect((await traceStepsIn(detail)).filter((step) => step !== 'Reference')).toEqual(['Import', 'Scope', 'Match', 'Action'])
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'sync-preview-create.png') })
  })

  it('shows an update of an existing user field by field, from what the application holds to what Entra says', async () => {
    // An update of a matched user whose application record already has a value that changes; one
    // near the top of the list when there is one, so that the screenshot shows the list around it.
    const updates = (await handle.api.sync.queryPlan({ profileId: PROFILE_ID, planId, actions: ['update'], offset: 0, limit: 500 })).rows
    const index = updates.findIndex((row) => row.targetId !== null && row.userName !== null && row.changes.some((change) => change.before !== null))
    const chosen = updates[index]
    if (chosen === undefined) throw new Error('The demo plan has no update of an existing value')
    const change = chosen.changes.find((item) => item.before !== null)
    await page.getByTestId('plan-search').fill('')
    await page.getByTestId('plan-count-create').click()
    await page.getByTestId('plan-count-update').click()
    if (index >= 10) await page.getByTestId('plan-search').fill(chosen.userName ?? '')
    await waitForRowsOf('update')
    await page.locator(`[data-testid="plan-row"][data-operation-id="${chosen.id}"]`).click()
    const detail = page.getByTestId('plan-detail')
    await expect.poll(async () => (await detail.textContent()) ?? '').toContain(chosen.userName ?? '')
    const row = detail.getByTestId('plan-detail-change').filter({ has: page.locator('th code', { hasText: change?.path ?? '' }) }).first()
    expect(await row.locator('.change-before').textContent()).toBe(String(change?.before))
    expect(await row.locator('.change-after').textContent()).toBe(change?.after === null ? '—' : String(change?.after))
    expect((await traceStepsIn(detail)).filter((step) => step !== 'Reference')).toEqual(['Import', 'Scope', 'Match', 'Action'])
    await page.locator('#preview-heading').evaluate((element) => element.closest('section')?.scrollIntoView({ block: 'start' }))
    // Only the screen scrolls, never the window: the app header stays.
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'sync-preview.png') })
    await page.getByTestId('plan-search').fill('')
    await page.getByTestId('plan-count-update').click()
  })

  it('keeps Push off while pushing is not allowed', async () => {
    expect(await page.getByTestId('push-button').isDisabled()).toBe(true)
    expect(await textOf('push-block-reason')).toMatch(/Allow pushing/)
  })

  it('asks for the exact number when a plan is over the deletion threshold', async () => {
    // The admin clicks the switch itself (its track covers the checkbox).
    await page.getByTestId('sync-settings').locator('label.switch').click()
    await expect.poll(async () => (await handle.api.sync.settings({ profileId: PROFILE_ID })).isPushEnabled).toBe(true)
    await expect.poll(() => page.getByTestId('preview-only-banner').count()).toBe(0)
    await page.getByTestId('threshold-count-input').fill('0')
    await page.getByTestId('threshold-percent-input').fill('0')
    await page.getByTestId('sync-settings-save-button').click()
    await expect.poll(async () => (await handle.api.sync.settings({ profileId: PROFILE_ID })).deletionThreshold).toEqual({ count: 0, percent: 0 })
    planId = await planInTheUi(planId)
    await page.getByTestId('threshold-banner').waitFor()
    const confirmNumber = Number((/Type (\d+)/.exec(await textOf('threshold-banner')) ?? [])[1])
    // The number asked for is the plan's disables and deletes (the demo application has users to disable).
    const disables = (await handle.api.sync.queryPlan({ profileId: PROFILE_ID, planId, actions: ['disable', 'delete'], offset: 0, limit: 1 })).total
    expect(disables).toBeGreaterThan(0)
    expect(confirmNumber).toBe(disables)
    const push = page.getByTestId('push-button')
    expect(await push.isDisabled()).toBe(true)
    await page.getByTestId('threshold-confirm-input').fill(String(confirmNumber + 1))
    expect(await push.isDisabled()).toBe(true)
    await page.getByTestId('threshold-confirm-input').fill(`${confirmNumber}.0`)
    expect(await push.isDisabled()).toBe(true)
    await page.getByTestId('threshold-confirm-input').fill(String(confirmNumber))
    await expect.poll(() => push.isEnabled()).toBe(true)
  })

  it('pushes: progress shows, then a finished banner that is honest about failures', async () => {
    const progress: PushProgress[] = []
    const stop = handle.api.sync.onDidProgress((event) => progress.push(event))
    await page.getByTestId('push-button').click()
    await page.getByTestId('push-progress').waitFor({ timeout: 10_000 })
    const result = page.getByTestId('push-result')
    await result.waitFor({ timeout: 30_000 })
    stop()
    finishedRun = await handle.api.sync.status({ profileId: PROFILE_ID })
    expect(finishedRun?.status).not.toBe('running')
    const tone = await result.getAttribute('data-tone')
    if ((finishedRun?.counts.failed ?? 0) > 0 || finishedRun?.status !== 'succeeded') {
      expect(tone).not.toBe('success')
      expect(await result.textContent()).not.toMatch(/^Pushed/)
    }
    // With the demo target as it is, every operation goes through.
    expect(finishedRun?.status).toBe('succeeded')
    expect(finishedRun?.counts.failed).toBe(0)
    expect(tone).toBe('success')
    expect(await result.textContent()).toContain(`Pushed ${(finishedRun?.counts.succeeded ?? 0).toLocaleString('en-US')} operations`)
    expect(progress.length).toBeGreaterThan(0)
    console.log(`Pushed ${finishedRun?.counts.succeeded} operations to the demo target in ${finishedRun?.durationMs} ms`)
  })

  it('lists the run in Runs with its counts and its operations', async () => {
    const run = finishedRun
    if (run === null) throw new Error('no run')
    await page.getByTestId('nav-runs').click()
    const row = page.locator(`[data-testid="run-row"][data-run-id="${run.runId}"]`)
    await row.waitFor({ timeout: 10_000 })
    expect(await row.getAttribute('data-status')).toBe('succeeded')
    expect(await row.textContent()).toContain(run.counts.succeeded.toLocaleString('en-US'))
    await row.locator('.run-select').click()
    const detail = page.getByTestId('run-detail')
    await detail.waitFor()
    expect(await detail.textContent()).toContain(`${run.counts.total.toLocaleString('en-US')} operations: ${run.counts.succeeded.toLocaleString('en-US')} succeeded, 0 failed`)
    await expect.poll(async () => page.getByTestId('run-operation-row').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="run-operation-row"]:not([data-status="succeeded"])').count()).toBe(0)
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'sync-runs.png') })
  })

  it('plans again: nothing is left to create or update', async () => {
    await page.getByTestId('nav-sync').click()
    planId = await planInTheUi(planId)
    const shown = await chipCounts()
    expect(shown.create).toBe(0)
    expect(shown.update).toBe(0)
    // Main read the target again before this plan; the target panel says what it holds now.
    const snapshot = (await handle.api.target.status({ profileId: PROFILE_ID })).snapshot
    await expect.poll(() => textOf('target-snapshot')).toContain(`${snapshot?.users.toLocaleString('en-US')} users, ${snapshot?.groups.toLocaleString('en-US')} group`)
  })

  it('provisions one user on demand: the dialog shows the steps', async () => {
    const user = (await handle.api.directory.queryUsers({ profileId: PROFILE_ID, offset: 0, limit: 1 })).rows[0]
    const name = user?.displayName ?? ''
    expect(name).not.toBe('')
    await page.getByTestId('provision-open-button').click()
    const dialog = page.getByTestId('provision-dialog')
    await dialog.waitFor()
    await page.getByTestId('provision-user-search').fill(name)
    await page.getByTestId('provision-suggestion').first().click()
    await page.getByTestId('provision-preview-button').click()
    const result = page.getByTestId('provision-result')
    await result.waitFor({ timeout: 10_000 })
    expect(await result.textContent()).toContain(name)
    const steps = await traceStepsIn(result)
    // Pushed already: the one operation is a skip, and a skip is never "sent".
    const operations = result.getByTestId('provision-operation')
    expect(await operations.count()).toBeGreaterThan(0)
    for (const text of await operations.allTextContents()) expect(text).not.toContain('Would be sent')
    expect(steps).toEqual(['Import', 'Scope', 'Match', 'Action'])
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'sync-provision.png') })
    expect(pageErrors).toEqual([])
  })
})
