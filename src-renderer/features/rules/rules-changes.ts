/**
 * Which parts of the rules being edited differ from the saved ones, so each tab can carry a dot and
 * Save knows whether there is anything to save.
 */
import type { ProfileRules, RuleProblem } from '../../../src-main/common'

/** The editor's tabs. */
export type RulesTab = 'mapping' | 'scope' | 'groups'

/** Structural equality for JSON-like rule data (key order ignored, `undefined` keys ignored). */
export function isSameRuleData(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') {
    // An absent optional and an explicit null mean the same to main (e.g. `matching`, `groupFilter`).
    return (left ?? null) === (right ?? null)
  }
  if (Array.isArray(left) !== Array.isArray(right)) return false
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => isSameRuleData(item, right[index]))
  }
  const leftRecord = left as Record<string, unknown>
  const rightRecord = right as Record<string, unknown>
  const keys = new Set([...Object.keys(leftRecord), ...Object.keys(rightRecord)])
  for (const key of keys) {
    if (!isSameRuleData(leftRecord[key], rightRecord[key])) return false
  }
  return true
}

/** The tabs whose rules changed; `groups` covers both grouping and roles. */
export function changedTabs(draft: ProfileRules | null, saved: ProfileRules | null): ReadonlySet<RulesTab> {
  const changed = new Set<RulesTab>()
  if (draft === null || saved === null) return changed
  if (!isSameRuleData(draft.mapping, saved.mapping)) changed.add('mapping')
  if (!isSameRuleData(draft.scope, saved.scope)) changed.add('scope')
  if (!isSameRuleData(draft.grouping, saved.grouping) || !isSameRuleData(draft.roles, saved.roles)) changed.add('groups')
  return changed
}

/** The tab a problem belongs to. */
export function tabOfProblem(problem: RuleProblem): RulesTab {
  if (problem.area === 'mapping') return 'mapping'
  if (problem.area === 'scope') return 'scope'
  return 'groups'
}

/** Problems of one row (mapping row, filter or named group) of an area. */
export function problemsOf(
  problems: readonly RuleProblem[],
  area: RuleProblem['area'],
  index: number | null,
  clauseIndex?: number | null,
): readonly RuleProblem[] {
  return problems.filter(
    (problem) =>
      problem.area === area && problem.index === index && (clauseIndex === undefined || problem.clauseIndex === clauseIndex),
  )
}

/** True when a problem stops the rules from being saved. */
export function hasErrors(problems: readonly RuleProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error')
}
