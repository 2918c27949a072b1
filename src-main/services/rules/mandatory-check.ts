/**
 * "Would creating this user miss a mandatory attribute?" for many users at once — the live count in
 * the editors. It answers what `desiredAttributes(…, { phase: 'create' }).missingMandatory.length > 0`
 * answers (a spec checks both agree on a generated organisation), without building the per-target
 * explanations, maps and parsed paths that `desiredAttributes` builds for each user: for a preview
 * over 100,000 users on every keystroke that bookkeeping was most of the time.
 */
import type { ExprValue } from '../../domain/expr/expr-value'
import { createUserEvaluationContext, toExprValue, type ContextServices } from '../../domain/expr/user-evaluation-context'
import type { DirectoryUser } from '../../domain/directory/directory-user'
import type { CompiledMapping, CompiledMappingSet } from '../../domain/mapping/evaluate-mappings'
import { readSourceAttribute } from '../../domain/mapping/source-attributes'
import { targetTextKey } from '../../domain/mapping/target-path'

/** A test of one user: true when a create would lack a mandatory attribute. */
export type MandatoryCheck = (user: DirectoryUser) => boolean

export function createMandatoryCheck(compiled: CompiledMappingSet, services: ContextServices): MandatoryCheck {
  // Per mandatory target, the mappings that can give it a value on create (None and update-only cannot).
  const mappingsByTarget = new Map<string, CompiledMapping[]>()
  for (const target of compiled.mandatoryTargets) mappingsByTarget.set(targetTextKey(target), [])
  for (const item of compiled.mappings) {
    const candidates = mappingsByTarget.get(targetTextKey(item.targetPath))
    if (candidates === undefined || item.mapping.type === 'none' || item.mapping.applyOn === 'updateOnly') continue
    candidates.push(item)
  }
  const targets = [...mappingsByTarget.values()]
  if (targets.some((candidates) => candidates.length === 0)) return () => true
  const usesExpressions = compiled.mappings.some((item) => item.expression !== null)

  return (user) => {
    const context = usesExpressions ? createUserEvaluationContext(user, services) : null
    return targets.some((candidates) => !candidates.some((item) => givesValue(item, user, context)))
  }
}

function givesValue(item: CompiledMapping, user: DirectoryUser, context: ReturnType<typeof createUserEvaluationContext> | null): boolean {
  const { mapping } = item
  let value: ExprValue = null
  if (mapping.type === 'direct') value = toExprValue(readSourceAttribute(user, mapping.source ?? ''))
  else if (mapping.type === 'constant') value = mapping.source ?? null
  else if (item.expression !== null && context !== null) {
    const evaluation = item.expression.evaluate(context)
    // Left out of the flow, or failed: no value, and no default either (as desiredAttributes).
    if (evaluation.isIgnored || evaluation.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return false
    value = evaluation.value
  }
  if (!isEmpty(value)) return true
  return mapping.defaultValue != null && mapping.defaultValue !== ''
}

function isEmpty(value: ExprValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0)
}
