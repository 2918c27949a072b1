import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { createAppStore } from '../../../../src-renderer/stores/app-store'
import { LIVE_DELAY_MS, selectCanSaveRules, selectHasRuleChanges } from '../../../../src-renderer/stores/rules-slice'
import { DEMO_PROFILE, defaultRules, FakeHeadcountApi, settle, tenantProfile, userRow } from '../fake-headcount-api'

async function setUp() {
  const fake = new FakeHeadcountApi()
  fake.profiles = [DEMO_PROFILE, tenantProfile('contoso', 'Contoso')]
  fake.users = Array.from({ length: 10 }, (_, index) => userRow(index))
  const store = createAppStore({ api: fake.api, hostKind: 'browser', preferences: null })
  await store.getState().start()
  await store.getState().loadRules()
  return { fake, store }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('loading the rules', () => {
  it('reads the saved rules, the catalogue and the live counts of the active profile', async () => {
    const { fake, store } = await setUp()
    const view = store.getState().rules
    expect(view.profileId).toBe('demo')
    expect(view.draft).toEqual(defaultRules())
    expect(view.catalogue.result?.functions.map((item) => item.name)).toEqual(['Join'])
    expect(view.preview.result).toMatchObject({ inScope: 10, outOfScope: 0 })
    expect(fake.callsOf('rules.preview')).toHaveLength(1)
    expect(selectHasRuleChanges(store.getState())).toBe(false)
  })

  it('keeps unsaved edits when the area is opened again', async () => {
    const { store } = await setUp()
    store.getState().editRules({ grouping: { kind: 'allInOne', groupName: 'All staff' } })
    store.getState().navigate('directory')
    await store.getState().loadRules()
    expect(store.getState().rules.draft?.grouping).toEqual({ kind: 'allInOne', groupName: 'All staff' })
    expect(selectHasRuleChanges(store.getState())).toBe(true)
  })

  it('forgets the previous profile’s draft after a switch', async () => {
    const { store } = await setUp()
    store.getState().editRules({ grouping: { kind: 'allInOne', groupName: 'All staff' } })
    store.getState().switchProfile('contoso')
    expect(store.getState().rules).toMatchObject({ profileId: 'contoso', draft: null })
  })
})

describe('editing', () => {
  it('asks for counts once typing pauses, and shows only the answer to the newest rules', async () => {
    vi.useFakeTimers()
    const { fake, store } = await setUp()
    const before = fake.callsOf('rules.preview').length
    const scope = (department: string) => ({ mode: 'allUsers' as const, filters: [{ name: 'Only', clauses: [{ attribute: 'department', operator: 'EQUALS' as const, value: department }] }] })
    store.getState().editRules({ scope: scope('Engineering') })
    store.getState().editRules({ scope: scope('Finance') })
    await vi.advanceTimersByTimeAsync(LIVE_DELAY_MS - 10)
    expect(fake.callsOf('rules.preview')).toHaveLength(before)
    fake.hold('rules.preview')
    await vi.advanceTimersByTimeAsync(20)
    store.getState().editRules({ scope: scope('Nobody') })
    await vi.advanceTimersByTimeAsync(LIVE_DELAY_MS + 10)
    expect(fake.callsOf('rules.preview')).toHaveLength(before + 2)
    // The newest answer first, then the older one late: the older one is dropped.
    fake.releaseGates([1, 0])
    await vi.advanceTimersByTimeAsync(10)
    expect(store.getState().rules.preview.result).toMatchObject({ inScope: 0, outOfScope: 10 })
  })

  it('marks the tabs with changes, and Discard puts the saved rules back', async () => {
    const { store } = await setUp()
    store.getState().editRules({ roles: { ...defaultRules().roles, selfApproverIds: ['user-000001'] } })
    expect(selectCanSaveRules(store.getState())).toBe(true)
    store.getState().discardRuleChanges()
    await settle()
    expect(store.getState().rules.draft).toEqual(defaultRules())
    expect(selectHasRuleChanges(store.getState())).toBe(false)
    expect(selectCanSaveRules(store.getState())).toBe(false)
  })

  it('does not offer Save while the rules have errors', async () => {
    const { store } = await setUp()
    const mappings = [...defaultRules().mapping.mappings, { targetPath: 'displayName', type: 'expression' as const, source: 'Unknown([givenName])', applyOn: 'always' as const, isMandatory: false }]
    store.getState().editRules({ mapping: { ...defaultRules().mapping, mappings } })
    await store.getState().refreshRulesPreview()
    expect(store.getState().rules.problems).toEqual([expect.objectContaining({ index: 3, field: 'source', hint: 'Did you mean “Join”?' })])
    expect(selectCanSaveRules(store.getState())).toBe(false)
  })
})

describe('saving', () => {
  it('saves the draft, after which nothing is left to save', async () => {
    const { fake, store } = await setUp()
    store.getState().editRules({ grouping: { kind: 'allInOne', groupName: 'All staff' } })
    await store.getState().saveRules()
    expect(fake.savedRules.get('demo')?.rules.grouping).toEqual({ kind: 'allInOne', groupName: 'All staff' })
    expect(store.getState().rules.saved.result?.savedAt).toBe('2026-11-01T09:00:00Z')
    expect(selectHasRuleChanges(store.getState())).toBe(false)
  })

  it('shows main’s refusal and the problems it found when a save is refused', async () => {
    const { store } = await setUp()
    const mappings = [...defaultRules().mapping.mappings, { targetPath: '', type: 'none' as const, applyOn: 'always' as const, isMandatory: false }]
    store.getState().editRules({ mapping: { ...defaultRules().mapping, mappings } })
    await store.getState().saveRules()
    const view = store.getState().rules
    expect(view.save.error).toMatchObject({ code: 'InvalidRules', hint: 'Fix the rows marked in red.' })
    expect(view.problems).toEqual([expect.objectContaining({ area: 'mapping', index: 3, field: 'targetPath' })])
    expect(selectHasRuleChanges(store.getState())).toBe(true)
  })
})

describe('reset and undo', () => {
  it('resets to the defaults, then Undo brings the previous rules back into the editor unsaved', async () => {
    const { fake, store } = await setUp()
    store.getState().editRules({ grouping: { kind: 'allInOne', groupName: 'All staff' } })
    await store.getState().saveRules()
    await store.getState().resetRules()
    expect(store.getState().rules.draft?.grouping).toEqual({ kind: 'allInOne', groupName: 'Everyone' })
    expect(fake.savedRules.has('demo')).toBe(false)
    store.getState().undoRulesReset()
    await settle()
    expect(store.getState().rules.draft?.grouping).toEqual({ kind: 'allInOne', groupName: 'All staff' })
    expect(store.getState().rules.undo).toBeNull()
    expect(selectCanSaveRules(store.getState())).toBe(true)
  })
})

describe('reset with unsaved edits', () => {
  it('lets Undo bring back what the editor held, unsaved edits included', async () => {
    const { store } = await setUp()
    store.getState().editRules({ grouping: { kind: 'allInOne', groupName: 'Not saved yet' } })
    await store.getState().resetRules()
    expect(store.getState().rules.draft?.grouping).toEqual(defaultRules().grouping)
    store.getState().undoRulesReset()
    expect(store.getState().rules.draft?.grouping).toEqual({ kind: 'allInOne', groupName: 'Not saved yet' })
  })
})

describe('export and import', () => {
  it('exports the saved rules as a file', async () => {
    const { store } = await setUp()
    const file = await store.getState().exportRules()
    expect(file?.fileName).toBe('headcount-rules.json')
    expect(JSON.parse(file?.text ?? '{}')).toMatchObject({ format: 'headcount-rules', version: 1, profileName: 'Demo organisation' })
  })

  it('reviews an imported file before loading it into the editor unsaved', async () => {
    const { fake, store } = await setUp()
    const rules = { ...defaultRules(), grouping: { kind: 'allInOne' as const, groupName: 'Imported' } }
    await store.getState().importRules(JSON.stringify({ format: 'headcount-rules', version: 1, exportedAt: '2026-10-01T08:00:00Z', profileName: 'Fjord', rules }))
    expect(store.getState().rules.importing.result).toMatchObject({ profileName: 'Fjord', exportedAt: '2026-10-01T08:00:00Z', problems: [] })
    expect(store.getState().rules.draft?.grouping).toEqual(defaultRules().grouping)
    store.getState().acceptImportedRules()
    await settle()
    expect(store.getState().rules.draft?.grouping).toEqual({ kind: 'allInOne', groupName: 'Imported' })
    expect(store.getState().rules.importing.result).toBeNull()
    expect(fake.savedRules.has('demo')).toBe(false)
  })

  it('shows main’s message for a file from a newer version', async () => {
    const { store } = await setUp()
    await store.getState().importRules(JSON.stringify({ format: 'headcount-rules', version: 9, rules: defaultRules() }))
    expect(store.getState().rules.importing).toMatchObject({ result: null, error: { message: 'This file was written by a newer version of Headcount.' } })
  })
})

describe('expressions and explanations', () => {
  it('evaluates the expression being typed after a pause, for the chosen user and the sample', async () => {
    vi.useFakeTimers()
    const { fake, store } = await setUp()
    store.getState().evaluateRuleExpression('Join(" ", [givenName])', 'user-000003')
    store.getState().evaluateRuleExpression('Join(" ", [givenName], [surname])', 'user-000003')
    await vi.advanceTimersByTimeAsync(LIVE_DELAY_MS + 10)
    expect(fake.callsOf('rules.evaluateExpression')).toEqual([{ profileId: 'demo', expression: 'Join(" ", [givenName], [surname])', userId: 'user-000003' }])
    const expression = store.getState().rules.expression
    expect(expression.result?.user?.userId).toBe('user-000003')
    expect(expression.result?.sample).toHaveLength(10)
  })

  it('explains one user under the rules being edited', async () => {
    const { fake, store } = await setUp()
    store.getState().editRules({ scope: { mode: 'allUsers', filters: [{ name: 'Finance', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Finance' }] }] } })
    await store.getState().explainRulesUser('user-000002')
    expect(store.getState().rules.explanation.result).toMatchObject({ userId: 'user-000002', isInScope: false })
    expect(fake.callsOf('rules.explainUser')).toEqual([expect.objectContaining({ userId: 'user-000002', rules: store.getState().rules.draft })])
  })

  it('reports a failed explanation in plain words', async () => {
    const { fake, store } = await setUp()
    fake.failures['rules.explainUser'] = new AppError({ code: 'NotFound', message: 'No such user.' })
    await store.getState().explainRulesUser('nobody')
    expect(store.getState().rules.explanation.error).toMatchObject({ code: 'NotFound', message: 'No such user.' })
  })
})
