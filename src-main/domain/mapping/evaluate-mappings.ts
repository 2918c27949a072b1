/**
 * Evaluates a mapping set for one user: what Headcount would send to the target on create or on
 * update, and why, target by target. Compile once (`compileMappingSet`), evaluate many.
 *
 * Entra's rules, as this module applies them (customize-application-attributes):
 * - "Default value if null" is sent on create only, never on update.
 * - Entra does not provision null values outbound. So a mapping that yields no value (null, "" or an
 *   empty list) is NOT in `values`: on create the attribute is absent from the request, on update the
 *   target keeps what it has ("no change"). Such targets are listed in `empty`. Nothing here ever asks
 *   the target to clear an attribute.
 * - None leaves the target untouched (`skipped`). Entra also fills a None target from its default
 *   value "if the target attribute is ever empty"; that needs the target's current value and is out of
 *   scope here: the planner, which sees the target, would apply it.
 * - "Only during creation" mappings are skipped on update; Headcount's 'updateOnly' on create.
 * - IgnoreFlowIfNullOrEmpty leaves the target out of the flow (`skipped`), default value included.
 */
import { compileExpression, REDACTED_TEXT, type CompiledExpression } from '../expr/compile'
import type { Diagnostic } from '../expr/diagnostic'
import type { ExprValue } from '../expr/expr-value'
import { createUserEvaluationContext, toExprValue, type ContextServices } from '../expr/user-evaluation-context'
import type { DirectoryUser } from '../directory/directory-user'
import type { AttributeMapping, MappingSet } from './attribute-mapping'
import { hasMappingErrors, type MappingDiagnostic } from './mapping-diagnostic'
import { readSourceAttribute } from './source-attributes'
import { parseTargetPath, printTargetPath, targetTextKey } from './target-path'
import { validateMappingSet } from './validate-mapping-set'

export interface CompiledMapping {
  readonly mapping: AttributeMapping
  /** The canonical target path (as printed), or the text as written when it does not parse. */
  readonly targetPath: string
  /** Present for expression mappings. */
  readonly expression: CompiledExpression | null
}

export interface CompiledMappingSet {
  readonly mappings: readonly CompiledMapping[]
  /** Canonical mandatory target paths. */
  readonly mandatoryTargets: readonly string[]
  /** Validation diagnostics (`validateMappingSet`) when known attributes were given, else target path and expression diagnostics. */
  readonly diagnostics: readonly MappingDiagnostic[]
  readonly hasErrors: boolean
}

export interface CompileMappingSetOptions {
  /** When given, the set is fully validated against these source attribute names. */
  readonly knownAttributes?: readonly string[]
}

/** Compiles every mapping of a set once (target paths parsed, expressions compiled). */
export function compileMappingSet(set: MappingSet, options: CompileMappingSetOptions = {}): CompiledMappingSet {
  const diagnostics: MappingDiagnostic[] = []
  const mappings = set.mappings.map((mapping, index): CompiledMapping => {
    const parsed = parseTargetPath(mapping.targetPath, index)
    const expression = mapping.type === 'expression' ? compileExpression(mapping.source ?? '') : null
    if (!options.knownAttributes) {
      diagnostics.push(...parsed.diagnostics)
      for (const item of expression?.diagnostics ?? []) {
        diagnostics.push({ code: item.code, severity: item.severity, message: item.message, hint: item.hint ?? null, mappingIndex: index, field: 'source', offset: item.offset, length: item.length })
      }
    }
    return { mapping, targetPath: parsed.path ? printTargetPath(parsed.path) : mapping.targetPath, expression }
  })
  if (options.knownAttributes) diagnostics.push(...validateMappingSet(set, options.knownAttributes))
  const mandatoryTargets = set.mandatoryTargets.map((target) => {
    const parsed = parseTargetPath(target)
    return parsed.path ? printTargetPath(parsed.path) : target
  })
  return { mappings, mandatoryTargets, diagnostics, hasErrors: hasMappingErrors(diagnostics) }
}

export type MappingPhase = 'create' | 'update'

export interface DesiredAttributesOptions extends ContextServices {
  readonly phase: MappingPhase
  /**
   * False: `explanations` holds only the redacted targets (so a preview can still hide their values).
   * The planner asks for this: it needs the values, not eleven explanation objects per user.
   */
  readonly isExplained?: boolean
}

/** Why a target got (or did not get) a value. */
export type ExplanationReason =
  | 'mapped' // the mapping gave a value
  | 'defaultOnCreate' // no value; the default value was used (create only)
  | 'emptyNotSent' // no value and no default (or update): nothing is sent
  | 'noneMapping' // type None: the target is left as it is
  | 'ignoreFlow' // IgnoreFlowIfNullOrEmpty: left out of the flow
  | 'creationOnly' // "Only during creation", and this is an update
  | 'updateOnly' // applied on update only, and this is a create
  | 'evaluationFailed' // the expression failed for this user (or does not compile)

export interface MappingExplanation {
  readonly targetPath: string
  /** The mapping's source (attribute name, constant text or expression), null for None. */
  readonly source: string | null
  /** What the mapping itself produced, before any default ([Redact] when redacted). */
  readonly rawValue: ExprValue
  /** What is sent, null when nothing is ([Redact] when redacted). */
  readonly value: ExprValue
  readonly rule: AttributeMapping['type'] | 'default'
  readonly reason: ExplanationReason
  readonly message: string
  readonly isRedacted: boolean
  /** Expression diagnostics (evaluation errors) for this user. */
  readonly diagnostics: readonly Diagnostic[]
}

export interface DesiredAttributes {
  /** Target path → value to send. Never null: see the module comment. */
  readonly values: ReadonlyMap<string, Exclude<ExprValue, null>>
  /** Targets left out by design: None, IgnoreFlow, creationOnly on update, updateOnly on create. */
  readonly skipped: readonly string[]
  /** Targets that ran and gave no value: absent on create, unchanged on update. */
  readonly empty: readonly string[]
  /** Targets whose expression failed for this user (Entra reports such a user as an error). */
  readonly failed: readonly string[]
  /**
   * Mandatory targets without a value. On create: any (the user cannot be created). On update: those
   * whose mapping ran and gave no value or failed (the target keeps its value, but the data is wrong).
   */
  readonly missingMandatory: readonly string[]
  readonly explanations: ReadonlyMap<string, MappingExplanation>
}

/** What Headcount would send for one user in the given phase, with an explanation per target. */
export function desiredAttributes(compiled: CompiledMappingSet, user: DirectoryUser, options: DesiredAttributesOptions): DesiredAttributes {
  const context = createUserEvaluationContext(user, options)
  const values = new Map<string, Exclude<ExprValue, null>>()
  const skipped: string[] = []
  const empty: string[] = []
  const failed: string[] = []
  const explanations = new Map<string, MappingExplanation>()

  // Plain functions over the loop's variables rather than closures made per mapping: this runs for
  // every mapping of every user when planning (11 × 100,000 times).
  let item: CompiledMapping
  let mapping: AttributeMapping
  let targetPath: string
  // How each target came out, by its key (a mandatory target may be spelt differently from its
  // mapping, RFC 7643 §2.1): 'value', 'empty', 'failed' or 'skipped'.
  const outcomes = new Map<string, 'value' | 'empty' | 'failed' | 'skipped'>()
  const isExplained = options.isExplained !== false
  function explain(fields: Omit<MappingExplanation, 'targetPath' | 'source' | 'isRedacted' | 'diagnostics'> & Partial<Pick<MappingExplanation, 'isRedacted' | 'diagnostics'>>): void {
    if (!isExplained && fields.isRedacted !== true) return
    explanations.set(targetPath, { targetPath, source: mapping.type === 'none' ? null : (mapping.source ?? null), isRedacted: false, diagnostics: [], ...fields })
  }
  function skip(reason: 'noneMapping' | 'creationOnly' | 'updateOnly', message: string): void {
    skipped.push(targetPath)
    explain({ rawValue: null, value: null, rule: mapping.type, reason, message })
  }
  for (item of compiled.mappings) {
    ;({ mapping, targetPath } = item)
    if (mapping.type === 'none') { skip('noneMapping', 'Mapping type None: the target attribute is left as it is.'); continue }
    if (mapping.applyOn === 'creationOnly' && options.phase === 'update') { skip('creationOnly', 'Applied only when the user is created.'); continue }
    if (mapping.applyOn === 'updateOnly' && options.phase === 'create') { skip('updateOnly', 'Applied only when an existing user is updated.'); continue }

    let raw: ExprValue = null
    if (mapping.type === 'direct') raw = toExprValue(readSourceAttribute(user, mapping.source ?? ''))
    else if (mapping.type === 'constant') raw = mapping.source ?? null
    else if (item.expression) {
      const evaluation = item.expression.evaluate(context)
      const isRedacted = evaluation.redactedText !== undefined
      if (evaluation.isIgnored) {
        skipped.push(targetPath)
        explain({ rawValue: null, value: null, rule: 'expression', reason: 'ignoreFlow', message: 'IgnoreFlowIfNullOrEmpty: the value is empty, so the attribute is left out of the flow.', diagnostics: evaluation.diagnostics })
        continue
      }
      if (evaluation.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
        failed.push(targetPath)
        explain({ rawValue: null, value: null, rule: 'expression', reason: 'evaluationFailed', message: evaluation.diagnostics[0]?.message ?? 'The expression failed.', diagnostics: evaluation.diagnostics })
        continue
      }
      raw = evaluation.value
      if (isRedacted && !isEmpty(raw)) {
        values.set(targetPath, raw as Exclude<ExprValue, null>)
        explain({ rawValue: REDACTED_TEXT, value: REDACTED_TEXT, rule: 'expression', reason: 'mapped', message: 'Redacted: the value is sent but not shown.', isRedacted: true, diagnostics: evaluation.diagnostics })
        continue
      }
    }

    if (!isEmpty(raw)) {
      values.set(targetPath, raw as Exclude<ExprValue, null>)
      explain({ rawValue: raw, value: raw, rule: mapping.type, reason: 'mapped', message: 'Mapped from the source.' })
    } else if (options.phase === 'create' && mapping.defaultValue != null && mapping.defaultValue !== '') {
      values.set(targetPath, mapping.defaultValue)
      explain({ rawValue: raw, value: mapping.defaultValue, rule: 'default', reason: 'defaultOnCreate', message: 'No value, so the default value is sent (Entra applies it on create only).' })
    } else {
      empty.push(targetPath)
      explain({
        rawValue: raw,
        value: null,
        rule: mapping.type,
        reason: 'emptyNotSent',
        message: options.phase === 'create' ? 'No value: the attribute is left out of the create request.' : 'No value: the target keeps its current value (null values are never sent).',
      })
    }
  }

  for (const path of skipped) outcomes.set(targetTextKey(path), 'skipped')
  for (const path of empty) outcomes.set(targetTextKey(path), 'empty')
  for (const path of failed) outcomes.set(targetTextKey(path), 'failed')
  for (const path of values.keys()) outcomes.set(targetTextKey(path), 'value')
  const missingMandatory = compiled.mandatoryTargets.filter((target) => {
    const outcome = outcomes.get(targetTextKey(target))
    if (outcome === 'value') return false
    if (options.phase === 'create') return true
    // On update: a mapping that ran and gave nothing (or failed), or no mapping at all.
    return outcome !== 'skipped'
  })
  return { values, skipped, empty, failed, missingMandatory, explanations }
}

export interface MatchingKey {
  readonly targetPath: string
  readonly precedence: number
  readonly value: Exclude<ExprValue, null>
}

/**
 * The user's values for the matching attributes, in precedence order (Entra tries them in turn and
 * stops at the first match). Attributes without a value are left out; defaults do not apply (they
 * are for creating, not for finding). Services are needed because a matching mapping may be an
 * expression.
 */
export function matchingKeys(compiled: CompiledMappingSet, user: DirectoryUser, services: ContextServices): readonly MatchingKey[] {
  const context = createUserEvaluationContext(user, services)
  const keys: MatchingKey[] = []
  const matching = compiled.mappings.filter((item) => item.mapping.matching).sort((a, b) => (a.mapping.matching?.precedence ?? 0) - (b.mapping.matching?.precedence ?? 0))
  for (const { mapping, targetPath, expression } of matching) {
    let value: ExprValue = null
    if (mapping.type === 'direct') value = toExprValue(readSourceAttribute(user, mapping.source ?? ''))
    else if (mapping.type === 'expression' && expression) {
      const evaluation = expression.evaluate(context)
      if (!evaluation.isIgnored && !evaluation.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) value = evaluation.value
    }
    if (!isEmpty(value)) keys.push({ targetPath, precedence: mapping.matching?.precedence ?? 0, value: value as Exclude<ExprValue, null> })
  }
  return keys
}

/** Finds the compiled mapping for a target path written in any spelling. */
export function findCompiledMapping(compiled: CompiledMappingSet, targetPath: string): CompiledMapping | undefined {
  const key = targetTextKey(targetPath)
  return compiled.mappings.find((item) => targetTextKey(item.targetPath) === key)
}

/** Null, "" and [] are "no value" (Entra never sends null; an empty string or list carries nothing either). */
function isEmpty(value: ExprValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0)
}
