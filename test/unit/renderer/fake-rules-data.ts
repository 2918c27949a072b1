/**
 * Rules data for the renderer's fake API (fake-headcount-api.ts): default rules, problems, and a
 * small clause matcher over user rows. Kept apart so the fake itself stays readable.
 */
import type { ProfileRules, RuleProblem, ScopeClause, UserRow } from '../../../src-main/common'

/** Rules close to main's defaults: two mandatory mappings, everyone in scope, one group. */
export function defaultRules(): ProfileRules {
  return {
    mapping: {
      mandatoryTargets: ['userName', 'active'],
      mappings: [
        { targetPath: 'userName', type: 'direct', source: 'userPrincipalName', applyOn: 'always', matching: { precedence: 1 }, isMandatory: true },
        { targetPath: 'active', type: 'expression', source: 'Not([IsSoftDeleted])', applyOn: 'always', matching: null, isMandatory: true },
        { targetPath: 'title', type: 'direct', source: 'jobTitle', applyOn: 'always', matching: null, isMandatory: false },
      ],
    },
    scope: { mode: 'allUsers', filters: [] },
    grouping: { kind: 'allInOne', groupName: 'Everyone' },
    roles: { groupRoles: [], managerRule: { isEnabled: true, approverRole: 'Approver' }, selfApproverIds: [] },
  }
}

/** A rule problem with the fields tests do not care about filled in. */
export function ruleProblem(overrides: Partial<RuleProblem> & Pick<RuleProblem, 'area' | 'message'>): RuleProblem {
  return { index: null, clauseIndex: null, field: null, code: 'InvalidRules', severity: 'error', hint: null, offset: null, length: null, ...overrides }
}

/**
 * The fake's judgement of rules: a mapping without a target and an expression calling `Unknown(` are
 * errors; clauses support EQUALS and NOT EQUALS over the user row's fields, which is all tests need.
 */
export function problemsOfRules(rules: ProfileRules): RuleProblem[] {
  const problems: RuleProblem[] = []
  rules.mapping.mappings.forEach((mapping, index) => {
    if (mapping.targetPath.trim() === '') {
      problems.push(ruleProblem({ area: 'mapping', index, field: 'targetPath', message: 'Choose a target attribute.' }))
    }
    if (mapping.type === 'expression' && (mapping.source ?? '').includes('Unknown(')) {
      problems.push(ruleProblem({ area: 'mapping', index, field: 'source', code: 'UnknownFunction', message: 'There is no function “Unknown”.', hint: 'Did you mean “Join”?' }))
    }
  })
  return problems
}

/** Whether a user row meets a clause (EQUALS and NOT EQUALS only; everything else passes). */
export function matchesClause(user: UserRow, clause: ScopeClause): boolean {
  const value = (user as unknown as Record<string, unknown>)[clause.attribute]
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null
  if (clause.operator === 'EQUALS') return text !== null && text.toLowerCase() === (clause.value ?? '').toLowerCase()
  if (clause.operator === 'NOT EQUALS') return text === null || text.toLowerCase() !== (clause.value ?? '').toLowerCase()
  return true
}
