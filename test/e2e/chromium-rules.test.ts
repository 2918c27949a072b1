/**
 * The Rules screens in Debian's Chromium against the browser host and the real API (demo emulator,
 * SQLite cache, the rules area): live counts, the expression editor's sample and diagnostics, a scope
 * clause that changes the count, save and reload, export and re-import.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTEFACTS_FOLDER, launchDebianChromium, RENDERER_ROOT, requireBuiltRenderer } from '../helpers/debian-chromium'
import { composeHeadcountApi } from '../../src-main/api/compose-api'
import type { HeadcountApiHandle } from '../../src-main/api/headcount-api'
import { startBridge, type RunningBridge } from '../../src-main/bridge/bridge-server'

let dataDir: string
let handle: HeadcountApiHandle
let bridge: RunningBridge
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  requireBuiltRenderer()
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-e2e-rules-'))
  handle = await composeHeadcountApi({ dataDir, host: 'browser', demoUsers: 2500 })
  bridge = await startBridge({ api: handle.api, staticRoot: RENDERER_ROOT })
  browser = await launchDebianChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await bridge?.close()
  await handle?.dispose()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** The number a count shows, read from its data attribute. */
async function countOf(testId: string): Promise<number | null> {
  const value = await page.getByTestId(testId).getAttribute('data-value').catch(() => null)
  return value === null ? null : Number(value)
}

describe('the Rules screens in Chromium', () => {
  let initialInScope = 0
  let department = ''
  let reducedInScope = 0

  it('shows the live in-scope count once the demo is pulled', async () => {
    await page.goto(bridge.url)
    await page.getByTestId('explore-demo-button').click()
    await expect
      .poll(async () => (await page.getByTestId('directory-total').textContent().catch(() => '')) ?? '', { timeout: 90_000 })
      .toContain('2,500')
    await page.getByTestId('nav-rules').click()
    await expect.poll(() => countOf('count-in-scope'), { timeout: 30_000 }).toBeGreaterThan(0)
    initialInScope = (await countOf('count-in-scope')) ?? 0
    const expected = await handle.api.rules.preview({ profileId: 'demo', rules: (await handle.api.rules.get({ profileId: 'demo' })).rules })
    expect(initialInScope).toBe(expected.inScope)
    expect(await page.getByTestId('rules-save').isDisabled()).toBe(true)
  })

  it('evaluates an expression typed into a new mapping on a sample of users', async () => {
    await page.getByTestId('add-mapping-button').click()
    const row = page.getByTestId('mapping-row').last()
    await row.getByTestId('mapping-type').selectOption('expression')
    const input = page.getByTestId('expression-input')
    await input.fill('Join(" ", [givenName], [surname])')
    const expected = await handle.api.rules.evaluateExpression({ profileId: 'demo', expression: 'Join(" ", [givenName], [surname])' })
    const first = expected.sample[0]
    expect(typeof first?.value).toBe('string')
    await expect.poll(async () => (await page.getByTestId('expression-sample').textContent().catch(() => '')) ?? '', { timeout: 15_000 }).toContain(String(first?.value))
    // The dot on the tab says the mapping has unsaved changes.
    expect(await page.getByTestId('rules-tab-mapping').getByTestId('rules-tab-changed').count()).toBe(1)
    // The live value for one chosen user, found by name.
    const name = first?.displayName ?? ''
    const picker = page.getByTestId('expression-user-picker')
    await picker.fill(name)
    await page.getByRole('option', { name: new RegExp(name) }).first().waitFor()
    await picker.press('Enter')
    await expect.poll(async () => (await page.getByTestId('expression-user-value').textContent().catch(() => '')) ?? '', { timeout: 15_000 }).toBe(String(first?.value))
    await page.getByTestId('mapping-row').nth(-4).evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await page.getByTestId('rules-counts').evaluate((element) => element.closest('.rules-screen')?.scrollBy(0, -150))
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'rules-mapping.png') })
  })

  it('offers completion and points out an unknown function with "did you mean"', async () => {
    const input = page.getByTestId('expression-input')
    await input.fill('')
    await input.pressSequentially('Joi')
    await page.getByTestId('completion-list').waitFor()
    expect(await page.getByTestId('completion-list').textContent()).toContain('Join')
    await input.fill('Jion([givenName], [surname])')
    await expect.poll(async () => (await page.getByTestId('expression-diagnostics').textContent().catch(() => '')) ?? '', { timeout: 15_000 }).toMatch(/did you mean/i)
    expect(await page.locator('.expression-highlight .is-flagged').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'rules-mapping-diagnostic.png') })
    await input.fill('Join(" ", [givenName], [surname])')
    await expect.poll(async () => page.getByTestId('expression-diagnostics').count()).toBe(0)
  })

  it('keeps the highlighting in step with a 10,000-character expression', async () => {
    const input = page.getByTestId('expression-input')
    const head = 'Join(" ", '
    const parts: string[] = []
    while ((head + parts.join(', ') + ', [surname])').length < 9_990) parts.push('[givenName]')
    let expression = `${head}${parts.join(', ')}, [surname])`
    expression = expression + ' '.repeat(10_000 - expression.length)
    expect(expression).toHaveLength(10_000)
    await input.fill(expression)
    await expect.poll(async () => page.locator('.expression-highlight .token-attribute').count(), { timeout: 15_000 }).toBeGreaterThan(500)
    expect(await page.locator('.expression-highlight').textContent()).toBe(`${expression}\n`)
    // A keystroke at the start repaints at once: the overlay never shows other text than the textarea.
    await input.press('Control+Home')
    const started = Date.now()
    await input.press('Delete')
    await expect.poll(async () => ((await page.locator('.expression-highlight').textContent()) ?? '').length).toBe(10_000)
    console.log(`10,000-character expression: a keystroke repainted in ${Date.now() - started} ms`)
    await input.fill('Join(" ", [givenName], [surname])')
  })

  it('drops the in-scope count when a clause on a real department is added', async () => {
    const users = await handle.api.directory.queryUsers({ profileId: 'demo', offset: 0, limit: 1 })
    department = users.rows[0]?.department ?? ''
    expect(department).not.toBe('')
    await page.getByTestId('rules-tab-scope').click()
    await page.getByTestId('add-filter-button').click()
    const clause = page.getByTestId('scope-clause').last()
    const attribute = clause.getByTestId('clause-attribute')
    await attribute.fill('department')
    await attribute.press('Escape')
    await clause.getByTestId('clause-operator').selectOption('EQUALS')
    await clause.getByTestId('clause-value').fill(department)
    // The clause's empty value matched nobody for a moment; the department's users are some, not all.
    await expect
      .poll(async () => {
        const count = (await countOf('count-in-scope')) ?? 0
        return count > 0 && count < initialInScope
      }, { timeout: 15_000 })
      .toBe(true)
    reducedInScope = (await countOf('count-in-scope')) ?? 0
    expect(await page.getByTestId('scope-in-count').textContent()).toContain(reducedInScope.toLocaleString('en-US'))
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'rules-scope.png') })
  })

  it('shows the group sizes on the Groups & roles tab', async () => {
    await page.getByTestId('rules-tab-groups').click()
    await page.getByTestId('grouping-byFields').check()
    // One group per department, named by the template "{department}"; the scope leaves only one department.
    await expect.poll(async () => (await page.getByTestId('group-sizes').textContent()) ?? '', { timeout: 15_000 }).toContain(department)
    expect(await page.getByTestId('group-sizes').textContent()).toContain(reducedInScope.toLocaleString('en-US'))
    expect(await countOf('count-groups')).toBe(1)
    await page.screenshot({ path: join(ARTEFACTS_FOLDER, 'rules-groups.png') })
  })

  const MOBILE = 'phoneNumbers[type eq "mobile"].value'
  it('makes the mobile number a required attribute: its row locks and users without one count as missing', async () => {
    await page.getByTestId('rules-tab-mapping').click()
    const missingBefore = await countOf('count-missing')
    await page.getByTestId('required-targets-button').click()
    await page.locator(`[data-testid="required-target"][data-target='${MOBILE}']`).check()
    await page.getByTestId('required-targets-apply').click()
    const mobileRow = page.locator(`[data-testid="mapping-row"][data-target='${MOBILE}']`)
    await expect.poll(async () => mobileRow.getByTestId('mapping-target').isDisabled()).toBe(true)
    // The live count equals what the API says for the same rules: the scope typed above, mobile required.
    const base = (await handle.api.rules.get({ profileId: 'demo' })).rules
    const rules = {
      ...base,
      scope: { ...base.scope, filters: [{ name: 'Filter 1', clauses: [{ attribute: 'department', operator: 'EQUALS' as const, value: department }] }] },
      mapping: { ...base.mapping, mandatoryTargets: [...base.mapping.mandatoryTargets, MOBILE] },
    }
    const expected = (await handle.api.rules.preview({ profileId: 'demo', rules })).missingMandatory
    // Some demo users have no mobile number, so requiring it must show.
    expect(expected).toBeGreaterThan(missingBefore ?? 0)
    await expect.poll(() => countOf('count-missing'), { timeout: 15_000 }).toBe(expected)
    // Released again, so the rest of the walk-through runs on the default required set.
    await page.getByTestId('required-targets-button').click()
    await page.locator(`[data-testid="required-target"][data-target='${MOBILE}']`).uncheck()
    await page.getByTestId('required-targets-apply').click()
    await expect.poll(async () => mobileRow.getByTestId('mapping-target').isDisabled()).toBe(false)
  })

  it('saves, and the saved rules come back after a reload', async () => {
    const save = page.getByTestId('rules-save')
    await expect.poll(async () => save.isEnabled(), { timeout: 15_000 }).toBe(true)
    await save.click()
    await expect.poll(async () => (await handle.api.rules.get({ profileId: 'demo' })).savedAt, { timeout: 15_000 }).not.toBeNull()
    await expect.poll(async () => save.isDisabled()).toBe(true)
    const saved = (await handle.api.rules.get({ profileId: 'demo' })).rules
    expect(saved.scope.filters.at(-1)?.clauses).toEqual([expect.objectContaining({ attribute: 'department', operator: 'EQUALS', value: department })])
    expect(saved.mapping.mappings.some((mapping) => mapping.source === 'Join(" ", [givenName], [surname])')).toBe(true)

    await page.reload()
    await page.getByTestId('nav-rules').click()
    await expect.poll(() => countOf('count-in-scope'), { timeout: 30_000 }).toBe(reducedInScope)
    expect(await page.getByTestId('rules-tab-changed').count()).toBe(0)
  })

  it('exports the rules as a file and imports it back for review', async () => {
    const downloading = page.waitForEvent('download')
    await page.getByTestId('rules-export').click()
    const download = await downloading
    const path = join(dataDir, download.suggestedFilename())
    await download.saveAs(path)
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; rules: { scope: { filters: unknown[] } } }
    expect(file.format).toBe('headcount-rules')
    expect(file.rules.scope.filters.length).toBeGreaterThan(0)

    await page.getByTestId('rules-import-file').setInputFiles(path)
    const dialog = page.getByTestId('rules-import-dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Demo')
    await page.getByTestId('rules-import-accept').click()
    await dialog.waitFor({ state: 'detached' })
    // The same rules as saved: nothing to save.
    expect(await page.getByTestId('rules-save').isDisabled()).toBe(true)

    await page.getByTestId('rules-import-file').setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, version: 99 })) })
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' ')).toMatch(/newer/i)
    expect(pageErrors).toEqual([])
  })
})
