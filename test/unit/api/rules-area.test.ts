/**
 * The `rules` area over a real profile cache (SQLite in a temp folder, written by the pull's own
 * writer): saving and resetting rules, validation, export and import, the catalogue, expression
 * previews, live counts and the explanation of one user — checked against a hand count of the small
 * organisation in rules-fixtures.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRulesArea, type RulesArea } from '../../../src-main/api/rules-area'
import { AppError } from '../../../src-main/common/errors'
import { RULES_FILE_VERSION, type ProfileRules } from '../../../src-main/common/rules'
import { defaultProfileRules } from '../../../src-main/services/rules/default-profile-rules'
import { RulesStore } from '../../../src-main/services/rules/rules-store'
import { DirectoryWriter } from '../../../src-main/services/store/directory-writer'
import type { ProfileDatabase } from '../../../src-main/services/store/profile-database'
import { makeUser, pullInto, temporaryDataDir } from '../services/store/directory-fixtures'
import { COST_CENTRE, IDS, rulesWith, seedSmallOrganisation, smallOrganisation } from '../services/rules/rules-fixtures'

const PROFILE = 'nordic'
const NOW = new Date('2026-11-23T10:00:00Z')

let dataDir: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase
let area: RulesArea

beforeAll(() => {
  dataDir = temporaryDataDir()
  database = seedSmallOrganisation(dataDir.path, PROFILE)
  area = createRulesArea({
    getProfile: (id) => (id === PROFILE ? { id, name: 'Nordic Sales / Ops', kind: 'tenant' } : null),
    database: () => database,
    now: () => NOW,
  })
})

afterAll(() => {
  database.close()
  dataDir.remove()
})

/** Enabled members only, grouped by department, two group roles and the manager rule. */
const editedRules: ProfileRules = rulesWith({
  scope: {
    mode: 'allUsers',
    filters: [{ name: 'Enabled members', clauses: [{ attribute: 'accountEnabled', operator: 'IS TRUE' }, { attribute: 'userType', operator: 'EQUALS', value: 'Member' }] }],
  },
  grouping: { kind: 'byFields', fields: ['department'] },
  roles: {
    groupRoles: [{ entraGroupId: IDS.sales, role: 'Seller' }, { entraGroupId: IDS.allStaff, role: 'Staff' }],
    managerRule: { isEnabled: true, approverRole: 'Approver' },
    selfApproverIds: [],
  },
})

/** The one problem of `editedRules`: a warning, so they can be saved. */
const USER_TYPE_WARNING = expect.objectContaining({ area: 'scope', index: 0, clauseIndex: 1, code: 'NotSupportedByEntra', severity: 'warning' }) as unknown

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('rules area: saved rules', () => {
  it('gives a tenant profile the default rules (assigned users only) until rules are saved', async () => {
    const state = await area.get({ profileId: PROFILE })
    expect(state.rules).toEqual(defaultProfileRules('tenant'))
    expect(state.rules.scope.mode).toBe('assignedOnly')
    expect(state.savedAt).toBeNull()
    expect(state.fingerprint).toMatch(/^[0-9a-f]{12}$/)
  })

  it('saves rules without errors, returns them with the save time, and resets to the defaults keeping the replaced rules', async () => {
    const saved = await area.save({ profileId: PROFILE, rules: editedRules })
    expect(saved).toMatchObject({ rules: editedRules, savedAt: NOW.toISOString() })
    expect((await area.get({ profileId: PROFILE })).fingerprint).toBe(saved.fingerprint)
    expect(saved.fingerprint).not.toBe((await area.reset({ profileId: PROFILE })).fingerprint)

    const reset = await area.get({ profileId: PROFILE })
    expect(reset).toMatchObject({ rules: defaultProfileRules('tenant'), savedAt: null })
    expect(new RulesStore(database, () => NOW).previous()).toEqual(editedRules)
  })

  it('refuses to save rules with errors, saying how many and the first one', async () => {
    const broken = rulesWith({ roles: { groupRoles: [{ entraGroupId: IDS.sales, role: ' ' }], managerRule: { isEnabled: true, approverRole: '' }, selfApproverIds: [] } })
    const error = await refusal(area.save({ profileId: PROFILE, rules: broken }))
    expect(error.code).toBe('InvalidRules')
    expect(error.message).toBe('The rules have 2 problems to fix before they can be saved. The first: Role mapping 1 has no role name.')
    expect((await area.get({ profileId: PROFILE })).savedAt).toBeNull()
  })

  it('answers NotFound for a profile that does not exist', async () => {
    expect((await refusal(area.get({ profileId: 'nobody' }))).code).toBe('NotFound')
  })
})

describe('rules area: validation', () => {
  it('places each problem at its area, row, clause and field', async () => {
    const rules = rulesWith({
      mapping: {
        ...defaultProfileRules('demo').mapping,
        mappings: defaultProfileRules('demo').mapping.mappings.map((mapping) => (mapping.targetPath === 'title' ? { ...mapping, type: 'expression', source: 'Jion([jobTitle])' } : mapping)),
      },
      scope: { mode: 'allUsers', filters: [{ name: 'Bad', clauses: [{ attribute: 'department', operator: 'EQUALS' }, { attribute: 'departmnt', operator: 'IS NOT NULL' }] }] },
      roles: { groupRoles: [{ entraGroupId: 'g-gone', role: 'Ghost' }], managerRule: { isEnabled: true, approverRole: 'Approver' }, selfApproverIds: [] },
    })
    const problems = await area.validate({ profileId: PROFILE, rules })
    const titleIndex = rules.mapping.mappings.findIndex((mapping) => mapping.targetPath === 'title')
    expect(problems).toContainEqual(expect.objectContaining({ area: 'mapping', index: titleIndex, field: 'source', code: 'unknownFunction', severity: 'error', offset: 0, length: 4 }))
    expect(problems).toContainEqual(expect.objectContaining({ area: 'scope', index: 0, clauseIndex: 0, code: 'MissingValue', severity: 'error' }))
    expect(problems).toContainEqual(expect.objectContaining({ area: 'scope', index: 0, clauseIndex: 1, field: 'attribute', code: 'UnknownAttribute', severity: 'warning' }))
    expect(problems).toContainEqual(expect.objectContaining({ area: 'roles', index: 0, field: 'entraGroupId', code: 'UnknownGroup', severity: 'warning' }))
  })

  it('accepts Graph properties not pulled yet, and directory extensions seen in the cache', async () => {
    const rules = rulesWith({
      scope: { mode: 'allUsers', filters: [{ name: 'Fax', clauses: [{ attribute: 'faxNumber', operator: 'IS NOT NULL' }, { attribute: COST_CENTRE, operator: 'IS NOT NULL' }] }] },
    })
    expect(await area.validate({ profileId: PROFILE, rules })).toEqual([])
  })

  it('warns, without refusing, about a directory extension no pulled user has (Graph refuses unknown ones)', async () => {
    const region = COST_CENTRE.replace('costCentre', 'region')
    const defaults = defaultProfileRules('demo')
    const rules = rulesWith({
      mapping: { ...defaults.mapping, mappings: [...defaults.mapping.mappings, { targetPath: 'nickName', type: 'expression', source: `Coalesce([${region}], "")`, applyOn: 'always', isMandatory: false }] },
      grouping: { kind: 'byFields', fields: [region] },
    })
    const problems = await area.validate({ profileId: PROFILE, rules })
    expect(problems.map(({ area: where, index, field, code, severity }) => ({ where, index, field, code, severity }))).toEqual([
      { where: 'mapping', index: defaults.mapping.mappings.length, field: 'source', code: 'ExtensionNotPulled', severity: 'warning' },
      { where: 'grouping', index: null, field: 'fields[0]', code: 'ExtensionNotPulled', severity: 'warning' },
    ])
  })
})

describe('rules area: export and import', () => {
  it('exports the saved rules as a versioned file named after the profile, and imports it back unchanged', async () => {
    await area.save({ profileId: PROFILE, rules: editedRules })
    const exported = await area.exportFile({ profileId: PROFILE })
    expect(exported.fileName).toBe('Nordic-Sales-Ops-rules.json')
    expect(JSON.parse(exported.text)).toMatchObject({ format: 'headcount-rules', version: RULES_FILE_VERSION, exportedAt: NOW.toISOString(), profileName: 'Nordic Sales / Ops' })

    await area.reset({ profileId: PROFILE })
    const imported = await area.importFile({ profileId: PROFILE, text: exported.text })
    expect(imported).toEqual({ rules: editedRules, problems: [USER_TYPE_WARNING], profileName: 'Nordic Sales / Ops', exportedAt: NOW.toISOString() })
  })

  it('refuses a file from a newer version with a message that says what to do', async () => {
    const text = JSON.stringify({ format: 'headcount-rules', version: RULES_FILE_VERSION + 1, exportedAt: NOW.toISOString(), profileName: 'x', rules: editedRules })
    const error = await refusal(area.importFile({ profileId: PROFILE, text }))
    expect(error.code).toBe('InvalidRules')
    expect(error.message).toBe('This rules file was written by a newer version of Headcount (format 2; this version reads up to 1). Update Headcount to import it.')
  })

  it('refuses text that is not JSON, and JSON that is not a rules file', async () => {
    const notJson = await refusal(area.importFile({ profileId: PROFILE, text: '{"format": "headcount-rules",' }))
    expect(notJson).toMatchObject({ code: 'InvalidRules' })
    expect(notJson.message).toMatch(/^This file is not JSON/)
    const other = await refusal(area.importFile({ profileId: PROFILE, text: JSON.stringify({ name: 'package', version: 1 }) }))
    expect(other).toMatchObject({ code: 'InvalidRules', message: 'This file is not a Headcount rules file.' })
  })

  it('refuses rules of the wrong shape, naming where', async () => {
    const text = JSON.stringify({ format: 'headcount-rules', version: 1, exportedAt: NOW.toISOString(), profileName: 'x', rules: { ...editedRules, scope: { ...editedRules.scope, mode: 'everyone' } } })
    const error = await refusal(area.importFile({ profileId: PROFILE, text }))
    expect(error.code).toBe('InvalidRules')
    expect(error.message).toMatch(/^The rules in this file are not in the expected shape: at rules → scope → mode, /)
  })

  it('returns the problems of imported rules without saving them', async () => {
    const rules = rulesWith({ roles: { groupRoles: [{ entraGroupId: 'g-elsewhere', role: 'Visitor' }], managerRule: { isEnabled: false, approverRole: 'Approver' }, selfApproverIds: [] } })
    const text = JSON.stringify({ format: 'headcount-rules', version: 1, exportedAt: NOW.toISOString(), profileName: 'Other tenant', rules })
    const imported = await area.importFile({ profileId: PROFILE, text })
    expect(imported.problems).toEqual([expect.objectContaining({ area: 'roles', code: 'UnknownGroup', severity: 'warning' })])
    expect((await area.get({ profileId: PROFILE })).savedAt).toBeNull()
  })
})

describe('rules area: catalogue', () => {
  it('offers the source attributes the cache holds, extension attributes and directory extensions included', async () => {
    const catalogue = await area.catalogue({ profileId: PROFILE })
    const attribute = (name: string) => catalogue.sourceAttributes.find((item) => item.name === name)
    expect(attribute('extensionAttribute3')).toEqual({ name: 'extensionAttribute3', usersWithValue: 2, example: 'EMEA', isExtension: true })
    expect(attribute(COST_CENTRE)).toEqual({ name: COST_CENTRE, usersWithValue: 1, example: 'CC-42', isExtension: true })
    expect(attribute('department')).toMatchObject({ usersWithValue: 5, isExtension: false })
    expect(attribute('extensionAttribute4')).toBeUndefined()
    expect(attribute('faxNumber')).toBeUndefined()
    // Entra's own names, counted the same way.
    expect(attribute('mobile')).toMatchObject({ usersWithValue: 1, example: '+47 900 00 001' })
    expect(attribute('manager')).toMatchObject({ usersWithValue: 4, example: IDS.alice })
    expect(attribute('IsSoftDeleted')).toMatchObject({ usersWithValue: 6 })
  })

  it('lists all 43 functions, the target attributes with the card extension, the operators and the groups with member counts', async () => {
    const catalogue = await area.catalogue({ profileId: PROFILE })
    expect(catalogue.functions).toHaveLength(43)
    expect(catalogue.functions.find((item) => item.name === 'Join')).toMatchObject({ signature: expect.stringContaining('Join(') as string })
    expect(catalogue.targetAttributes.filter((item) => item.isMandatoryByDefault).map((item) => item.path)).toEqual(['userName', 'name.givenName', 'name.familyName', 'active', 'emails[type eq "work"].value'])
    expect(catalogue.targetAttributes).toContainEqual(expect.objectContaining({ path: 'urn:ietf:params:scim:schemas:extension:headcount:2.0:User:cardTitle', schema: 'card' }))
    expect(catalogue.operators).toHaveLength(14)
    expect(catalogue.operators.find((item) => item.operator === 'IS NULL')).toMatchObject({ needsValue: false })
    expect(catalogue.groups).toEqual([
      { id: IDS.allStaff, displayName: 'All staff', memberCount: 2 },
      { id: IDS.engineering, displayName: 'Engineering', memberCount: 2 },
      { id: IDS.sales, displayName: 'Sales', memberCount: 2 },
    ])
  })
})

describe('rules area: expression preview', () => {
  it('highlights, evaluates for the chosen user and for a fixed sample', async () => {
    const expression = 'Join(" ", [givenName], [surname])'
    const preview = await area.evaluateExpression({ profileId: PROFILE, expression, userId: IDS.alice })
    expect(preview.tokens.map((token) => `${token.kind}:${expression.slice(token.offset, token.offset + token.length)}`)).toEqual([
      'function:Join', 'punctuation:(', 'string:" "', 'punctuation:,', 'attribute:[givenName]', 'punctuation:,', 'attribute:[surname]', 'punctuation:)',
    ])
    expect(preview.diagnostics).toEqual([])
    expect(preview.user).toEqual({ userId: IDS.alice, displayName: 'Alice Boss', value: 'Alice Boss', isIgnored: false, diagnostics: [] })
    expect(preview.sample).toHaveLength(6)
    const again = await area.evaluateExpression({ profileId: PROFILE, expression: '[department]' })
    expect(again.user).toBeNull()
    expect(again.sample.map((item) => item.userId)).toEqual(preview.sample.map((item) => item.userId))
    expect(again.sample.find((item) => item.userId === IDS.frank)?.value).toBeNull()
  })

  it('reports unknown functions and attributes with hints, and evaluates nothing', async () => {
    const preview = await area.evaluateExpression({ profileId: PROFILE, expression: 'Jion([givenNme])', userId: IDS.bob })
    expect(preview.diagnostics.map((item) => item.code)).toEqual(['unknownFunction', 'unknownAttribute'])
    expect(preview.diagnostics[1]).toMatchObject({ offset: 5, length: 10, hint: 'Did you mean [givenName]?' })
    expect(preview.tokens[0]).toEqual({ kind: 'function', offset: 0, length: 4 })
    expect(preview.user).toBeNull()
    expect(preview.sample).toEqual([])
  })

  it('shows [Redact] for redacted values, lists as lists, and IgnoreFlowIfNullOrEmpty as ignored', async () => {
    expect((await area.evaluateExpression({ profileId: PROFILE, expression: 'Redact([mobile])', userId: IDS.alice })).user?.value).toBe('[Redact]')
    expect((await area.evaluateExpression({ profileId: PROFILE, expression: 'Split("a,b", ",")', userId: IDS.alice })).user?.value).toEqual(['a', 'b'])
    expect((await area.evaluateExpression({ profileId: PROFILE, expression: 'IgnoreFlowIfNullOrEmpty([department])', userId: IDS.frank })).user).toMatchObject({ value: null, isIgnored: true })
  })

  it('answers NotFound for a user not in the cache', async () => {
    expect((await refusal(area.evaluateExpression({ profileId: PROFILE, expression: '[mail]', userId: 'u-nobody' }))).code).toBe('NotFound')
  })
})

describe('rules area: live counts', () => {
  it('counts scope, reasons, groups, roles and missing mandatory attributes as a hand count does', async () => {
    const preview = await area.preview({ profileId: PROFILE, rules: editedRules })
    expect(preview).toMatchObject({
      totalUsers: 6,
      inScope: 4, // Alice, Bob, Eve, Frank
      outOfScope: 2,
      outOfScopeReasons: [
        { reason: 'Filter “Enabled members”: accountEnabled IS TRUE is not met.', count: 1 }, // Carol
        { reason: 'Filter “Enabled members”: userType EQUALS “Member” is not met.', count: 1 }, // Dan
      ],
      groups: [
        { name: '(no value)', size: 1 }, // Frank
        { name: 'Engineering', size: 1 }, // Eve
        { name: 'Management', size: 1 }, // Alice
        { name: 'Sales', size: 1 }, // Bob
      ],
      ungrouped: 0,
      roles: [
        { role: 'Approver', size: 1 }, // Alice manages Bob; Bob's report Carol and Dan's report Eve: managers out of scope
        { role: 'Seller', size: 1 }, // Bob
        { role: 'Staff', size: 2 }, // Alice directly, Bob through Sales
      ],
      missingMandatory: 1, // Eve has no surname
      problems: [USER_TYPE_WARNING],
    })
    expect(preview.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('leaves everyone out under "assigned only" while no assignment is known, and says why', async () => {
    const preview = await area.preview({ profileId: PROFILE, rules: defaultProfileRules('tenant') })
    expect(preview).toMatchObject({ inScope: 0, outOfScope: 6, outOfScopeReasons: [{ reason: 'Not assigned to the application, neither directly nor through a group.', count: 6 }] })
  })

  it('sees a new pull at once (the loaded directory is keyed on the last pull run)', async () => {
    const other = temporaryDataDir()
    const second = seedSmallOrganisation(other.path, 'second')
    const secondArea = createRulesArea({ getProfile: (id) => ({ id, name: 'Second', kind: 'demo' }), database: () => second, now: () => NOW })
    try {
      expect((await secondArea.preview({ profileId: 'second', rules: defaultProfileRules('demo') })).totalUsers).toBe(6)
      const users = [...smallOrganisation().users, makeUser({ id: 'u-gina', displayName: 'Gina New', givenName: 'Gina', surname: 'New' })]
      pullInto(new DirectoryWriter(second), { users, groups: [], members: {} }, 'run-2')
      expect((await secondArea.preview({ profileId: 'second', rules: defaultProfileRules('demo') })).totalUsers).toBe(7)
    } finally {
      second.close()
      other.remove()
    }
  })
})

describe('rules area: explaining one user', () => {
  it('explains an in-scope user: scope, attributes, group, roles with nesting, and approver by name', async () => {
    const explanation = await area.explainUser({ profileId: PROFILE, rules: editedRules, userId: IDS.bob })
    expect(explanation).toMatchObject({
      userId: IDS.bob,
      displayName: 'Bob Seller',
      isInScope: true,
      scopeReasons: ['All users are in scope (no assignment required).', 'Matches filter “Enabled members”.'],
      missingMandatory: [],
      group: { name: 'Sales', reason: 'department is “Sales” → group “Sales”.' },
      roles: [
        { role: 'Seller', reasons: ['in group “Sales”'] },
        { role: 'Staff', reasons: ['in group “All staff” via nested group “Sales”'] },
      ],
      approver: { userId: IDS.alice, displayName: 'Alice Boss', reason: 'Their manager “Alice Boss” is their approver.' },
    })
    expect(explanation.attributes).toContainEqual({ targetPath: 'userName', value: `${IDS.bob}@contoso.example`, reason: 'mapped', message: 'Mapped from the source.' })
    expect(explanation.attributes).toContainEqual(expect.objectContaining({ targetPath: 'active', value: 'True', reason: 'mapped' }))
    expect(explanation.attributes).toContainEqual(expect.objectContaining({ targetPath: 'addresses[type eq "work"].country', value: null, reason: 'updateOnly' }))
  })

  it('names the missing mandatory attribute and a manager out of scope', async () => {
    const explanation = await area.explainUser({ profileId: PROFILE, rules: editedRules, userId: IDS.eve })
    expect(explanation.missingMandatory).toEqual(['name.familyName'])
    expect(explanation.approver).toEqual({ userId: null, displayName: null, reason: 'Their manager “Dan Builder” is not in scope, so no approver: the manager must be provisioned first.' })
  })

  it('explains an out-of-scope user with the failing clause and the value read', async () => {
    const explanation = await area.explainUser({ profileId: PROFILE, rules: editedRules, userId: IDS.carol })
    expect(explanation.isInScope).toBe(false)
    expect(explanation.scopeReasons[1]).toMatch(/^Filter “Enabled members”: accountEnabled is/)
    expect(explanation.group).toEqual({ name: null, reason: 'Out of scope, so in no group.' })
    expect(explanation.roles).toEqual([])
  })
})
