import { afterEach, describe, expect, it } from 'vitest'
import { defaultProfileRules } from '../../../../src-main/services/rules/default-profile-rules'
import { canonicalJson, RulesStore, rulesFingerprint } from '../../../../src-main/services/rules/rules-store'
import { openProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { temporaryDataDir } from '../store/directory-fixtures'
import { rulesWith } from './rules-fixtures'

const folders: ReturnType<typeof temporaryDataDir>[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) folder.remove()
})

describe('rulesFingerprint', () => {
  it('is 12 hex digits that do not depend on key order', () => {
    const rules = defaultProfileRules('tenant')
    const reordered = { roles: rules.roles, grouping: rules.grouping, scope: { filters: [], mode: rules.scope.mode }, mapping: rules.mapping }
    expect(rulesFingerprint(rules)).toMatch(/^[0-9a-f]{12}$/)
    expect(rulesFingerprint(reordered)).toBe(rulesFingerprint(rules))
    expect(rulesFingerprint(defaultProfileRules('demo'))).not.toBe(rulesFingerprint(rules))
  })

  it('writes canonical JSON with sorted keys and without undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }], e: null })).toBe('{"a":[{"c":"x"}],"b":1,"e":null}')
  })
})

describe('RulesStore', () => {
  it('keeps one row per profile cache: save, replace, reset, with the replaced rules kept once', () => {
    const folder = temporaryDataDir()
    folders.push(folder)
    const database = openProfileDatabase(folder.path, 'p1')
    let clock = 0
    const store = new RulesStore(database, () => new Date(Date.UTC(2026, 10, 23, 10, clock++)))
    expect(store.read()).toEqual({ rules: null, savedAt: null })
    const first = rulesWith({ grouping: { kind: 'allInOne', groupName: 'First' } })
    const second = rulesWith({ grouping: { kind: 'allInOne', groupName: 'Second' } })
    store.save(first)
    expect(store.read()).toEqual({ rules: first, savedAt: '2026-11-23T10:00:00.000Z' })
    expect(store.previous()).toBeNull()
    store.save(second)
    expect(store.read().rules).toEqual(second)
    expect(store.previous()).toEqual(first)
    store.reset()
    expect(store.read()).toEqual({ rules: null, savedAt: null })
    expect(store.previous()).toEqual(second)
    database.close()
    // Kept in the file: a new connection reads the same.
    const reopened = openProfileDatabase(folder.path, 'p1')
    expect(new RulesStore(reopened, () => new Date()).previous()).toEqual(second)
    reopened.close()
  })
})
