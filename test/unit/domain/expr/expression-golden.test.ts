/** The golden table (golden-cases.ts), evaluated: value, "ignored" and diagnostics for every row. */
import { describe, expect, it } from 'vitest'
import { compileExpression } from '../../../../src-main/domain/expr/compile'
import { CORE_FUNCTIONS, createFunctionRegistry, FUNCTIONS } from '../../../../src-main/domain/expr/functions'
import type { FunctionDefinition } from '../../../../src-main/domain/expr/functions/function-definition'
import { createUserEvaluationContext } from '../../../../src-main/domain/expr/user-evaluation-context'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { GOLDEN_CASES, type GoldenCase } from './golden-cases'

function userWith(properties: Readonly<Record<string, unknown>>): DirectoryUser {
  return { id: 'user-1', properties, managerId: null, isSoftDeleted: false, directGroupIds: new Set(), groupIds: new Set() }
}

function run(row: GoldenCase, functions?: ReadonlyMap<string, FunctionDefinition>) {
  const compiled = compileExpression(row.expression, { ...(row.knownAttributes ? { knownAttributes: row.knownAttributes } : {}), ...(functions ? { functions } : {}) })
  const taken = new Set(row.taken ?? [])
  const context = createUserEvaluationContext(userWith(row.user ?? {}), {
    now: new Date('2024-08-06T12:00:00Z'),
    random: () => 0.5,
    newGuid: () => '00aa00aa-bb11-cc22-dd33-44ee44ee44ee',
    isTaken: (value) => taken.has(value),
  })
  const evaluation = compiled.evaluate(context)
  // Compile-time warnings stay on the compiled expression; evaluation adds its own problems.
  const diagnostics = compiled.hasErrors ? evaluation.diagnostics.concat(compiled.diagnostics.filter((item) => item.severity === 'warning')) : [...compiled.diagnostics, ...evaluation.diagnostics]
  return { compiled, evaluation, diagnostics }
}

describe('expression golden table', () => {
  it.each(GOLDEN_CASES.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const { evaluation, diagnostics } = run(row)
    expect(diagnostics.map((item) => pick(item, row.diagnostics?.[diagnostics.indexOf(item)]))).toEqual(row.diagnostics ?? [])
    if ('value' in row) expect(evaluation.value).toEqual(row.value)
    expect(evaluation.isIgnored).toBe(row.isIgnored ?? false)
  })
})

describe('registry', () => {
  it('holds the 28 core functions under their exact names', () => {
    expect(CORE_FUNCTIONS.map((definition) => definition.name).sort()).toEqual(
      ['Append', 'AppRoleAssignmentsComplex', 'BitAnd', 'CBool', 'CStr', 'Coalesce', 'Count', 'IIF', 'IgnoreFlowIfNullOrEmpty', 'InStr', 'IsNull', 'IsNullOrEmpty', 'IsPresent', 'IsString', 'Item', 'Join', 'Left', 'Mid', 'Not', 'RemoveDuplicates', 'SelectUniqueValue', 'SingleAppRoleAssignment', 'Split', 'StripSpaces', 'Switch', 'ToLower', 'ToUpper', 'Word'].sort(),
    )
    for (const definition of CORE_FUNCTIONS) expect(FUNCTIONS.get(definition.name)).toBe(definition)
  })

  it('holds all 43 documented functions with the text-and-date ones', () => {
    expect(FUNCTIONS.size).toBe(43)
    expect([...FUNCTIONS.keys()]).toEqual([...FUNCTIONS.keys()].sort((a, b) => a.localeCompare(b, 'en')))
  })

  it('refuses a function defined twice', () => {
    const [first] = CORE_FUNCTIONS
    expect(() => createFunctionRegistry([first as FunctionDefinition, first as FunctionDefinition])).toThrow(/defined twice/)
  })
})

describe('Redact', () => {
  // Redact itself belongs to the text-and-date functions; the evaluator's part is the log text.
  const redact: FunctionDefinition = { name: 'Redact', signature: 'Redact(value)', summary: 'test double', minArguments: 1, maxArguments: 1, evaluate: ([value]) => (typeof value === 'symbol' || value === undefined ? null : value) }
  const functions = createFunctionRegistry([...CORE_FUNCTIONS, redact])

  it('flows the value but shows [Redact] in logs', () => {
    const { evaluation } = run({ name: '', expression: 'Redact([userPrincipalName])', user: { userPrincipalName: 'a@contoso.com' } }, functions)
    expect(evaluation).toEqual({ value: 'a@contoso.com', isIgnored: false, diagnostics: [], redactedText: '[Redact]' })
  })

  it('redacts the whole value when a part of it is redacted', () => {
    const { evaluation } = run({ name: '', expression: 'Join("-", "id", Redact([employeeId]))', user: { employeeId: '42' } }, functions)
    expect(evaluation.value).toBe('id-42')
    expect(evaluation.redactedText).toBe('[Redact]')
  })

  it('leaves values without Redact as they are', () => {
    const { evaluation } = run({ name: '', expression: 'Join("-", "id", [employeeId])', user: { employeeId: '42' } }, functions)
    expect(evaluation.redactedText).toBeUndefined()
  })
})

describe('compile once, evaluate many', () => {
  it('evaluates one compiled expression for different users', () => {
    const compiled = compileExpression('Join(".", ToLower([givenName]), ToLower([surname]))')
    const services = { now: new Date(0), random: () => 0, newGuid: () => 'g' }
    const values = [{ givenName: 'Ann', surname: 'Lee' }, { givenName: 'Bo' }].map((properties) => compiled.evaluate(createUserEvaluationContext(userWith(properties), services)).value)
    expect(values).toEqual(['ann.lee', 'bo'])
  })

  it('reports compile errors again from evaluate instead of running', () => {
    const compiled = compileExpression('Left([mail]')
    expect(compiled.hasErrors).toBe(true)
    const evaluation = compiled.evaluate(createUserEvaluationContext(userWith({ mail: 'a' }), { now: new Date(0), random: () => 0, newGuid: () => 'g' }))
    expect(evaluation.value).toBeNull()
    expect(evaluation.diagnostics.map((item) => item.code)).toEqual(['missingCloseParen'])
  })

  it('marks expressions whose value can change between calls', () => {
    expect(compileExpression('SelectUniqueValue("a", "b")').isVolatile).toBe(true)
    expect(compileExpression('Left("a", 1)').isVolatile).toBe(false)
  })
})

/** The fields of an actual diagnostic that the expected one names (code always). */
function pick(actual: { code: string; offset: number; length: number; hint?: string; severity: string }, expected: GoldenCaseDiagnostic | undefined): Record<string, unknown> {
  const picked: Record<string, unknown> = { code: actual.code }
  if (!expected) return { ...picked, offset: actual.offset, length: actual.length, severity: actual.severity, message: (actual as { message?: string }).message }
  for (const key of ['offset', 'length', 'hint', 'severity'] as const) if (expected[key] !== undefined) picked[key] = actual[key]
  return picked
}

type GoldenCaseDiagnostic = NonNullable<GoldenCase['diagnostics']>[number]
