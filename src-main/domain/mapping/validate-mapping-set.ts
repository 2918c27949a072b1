/**
 * Checks a mapping set the way the editor needs it: every problem as a diagnostic that names the
 * mapping and the field (and, for target paths and expressions, the position in the text).
 */
import { compileExpression } from '../expr/compile'
import type { AttributeMapping, MappingSet } from './attribute-mapping'
import type { MappingDiagnostic, MappingDiagnosticCode, MappingField } from './mapping-diagnostic'
import { ENTERPRISE_USER_SCHEMA, parseTargetPath, targetTextKey, type TargetPath } from './target-path'

/** Validates a mapping set against the source attributes that exist (e.g. `sourceAttributeNames(…)`). */
export function validateMappingSet(set: MappingSet, knownAttributes: readonly string[]): readonly MappingDiagnostic[] {
  const diagnostics: MappingDiagnostic[] = []
  const known = new Set(knownAttributes)
  const mandatoryKeys = new Set(set.mandatoryTargets.map(targetTextKey))
  const firstIndexByKey = new Map<string, number>()
  const indexByPrecedence = new Map<number, number>()

  set.mappings.forEach((mapping, index) => {
    const report = (code: MappingDiagnosticCode, field: MappingField, message: string, hint: string | null, severity: 'error' | 'warning' = 'error'): void => {
      diagnostics.push({ code, severity, message, hint, mappingIndex: index, field, offset: 0, length: field === 'targetPath' ? mapping.targetPath.length : (mapping.source ?? '').length })
    }
    const parsed = parseTargetPath(mapping.targetPath, index)
    diagnostics.push(...parsed.diagnostics)
    const key = targetTextKey(mapping.targetPath)

    const first = firstIndexByKey.get(key)
    if (first === undefined) firstIndexByKey.set(key, index)
    else report('duplicateTarget', 'targetPath', `${mapping.targetPath} is already mapped by mapping ${first + 1}.`, 'Each target attribute takes one mapping; remove or change one of them.')

    const isMandatoryTarget = mandatoryKeys.has(key)
    if (mapping.isMandatory !== isMandatoryTarget) {
      report('mandatoryFlagMismatch', 'isMandatory', isMandatoryTarget ? `${mapping.targetPath} is a mandatory target but its mapping is not locked.` : `${mapping.targetPath} is locked but is not a mandatory target.`, 'Keep isMandatory in step with the set\'s mandatory targets.')
    }
    if (isMandatoryTarget && mapping.type === 'none') {
      report('mandatoryTargetNotMapped', 'source', `${mapping.targetPath} is mandatory but its mapping type is None, so new users get no value.`, 'Map it Direct, Constant or by an expression.')
    }

    validateSource(mapping, known, index, diagnostics, report)

    if (mapping.defaultValue != null && mapping.applyOn === 'updateOnly') {
      report('unusedDefaultValue', 'defaultValue', 'A default value is only sent when a user is created, and this mapping applies on update only.', 'Remove the default value or apply the mapping always.', 'warning')
    }
    if (mapping.matching) validateMatching(mapping, parsed.path, index, indexByPrecedence, report)
  })

  const mappedKeys = new Set(firstIndexByKey.keys())
  for (const target of set.mandatoryTargets) {
    if (!mappedKeys.has(targetTextKey(target))) {
      diagnostics.push({ code: 'mandatoryTargetMissing', severity: 'error', message: `The mandatory target ${target} has no mapping.`, hint: 'Mandatory targets cannot be removed; add a mapping for it.', mappingIndex: null, field: 'set', offset: 0, length: 0 })
    }
  }
  if (!set.mappings.some((mapping) => mapping.matching)) {
    diagnostics.push({ code: 'noMatchingAttribute', severity: 'warning', message: 'No mapping is used to match users, so every user would be created anew.', hint: 'Match objects using userName (Entra\'s default).', mappingIndex: null, field: 'set', offset: 0, length: 0 })
  }
  return diagnostics
}

type Report = (code: MappingDiagnosticCode, field: MappingField, message: string, hint: string | null, severity?: 'error' | 'warning') => void

function validateSource(mapping: AttributeMapping, known: ReadonlySet<string>, index: number, diagnostics: MappingDiagnostic[], report: Report): void {
  const source = mapping.source ?? ''
  if (mapping.type === 'direct') {
    if (source.trim() === '') report('missingSource', 'source', `${mapping.targetPath} has no source attribute.`, 'Pick a source attribute.')
    else if (!known.has(source)) report('unknownAttribute', 'source', `There is no source attribute ${source}.`, 'Pick one of the attributes that were pulled; names are case-sensitive.')
  } else if (mapping.type === 'constant') {
    if (mapping.source === undefined) report('missingSource', 'source', `${mapping.targetPath} has no constant value.`, 'Type the value to send.')
  } else if (mapping.type === 'expression') {
    // Offsets stay those of the expression text: the editor underlines inside the source field.
    const compiled = compileExpression(source, { knownAttributes: [...known] })
    for (const item of compiled.diagnostics) {
      diagnostics.push({ code: item.code, severity: item.severity, message: item.message, hint: item.hint ?? null, mappingIndex: index, field: 'source', offset: item.offset, length: item.length })
    }
  }
}

function validateMatching(mapping: AttributeMapping, path: TargetPath | null, index: number, indexByPrecedence: Map<number, number>, report: Report): void {
  const precedence = mapping.matching?.precedence ?? 0
  if (!Number.isInteger(precedence) || precedence < 1) {
    report('invalidPrecedence', 'matching', `Matching precedence must be a whole number from 1; it is ${precedence}.`, null)
  } else {
    const other = indexByPrecedence.get(precedence)
    if (other === undefined) indexByPrecedence.set(precedence, index)
    else report('duplicatePrecedence', 'matching', `Mapping ${other + 1} already has matching precedence ${precedence}.`, 'Give each matching attribute its own precedence: Entra tries them in order and stops at the first match.')
  }
  if (mapping.type === 'none' || mapping.type === 'constant') {
    report('matchingWithoutValue', 'matching', `A ${mapping.type === 'none' ? 'None' : 'Constant'} mapping cannot identify a user.`, 'Match on a Direct or Expression mapping whose value is unique per user.')
  }
  if (mapping.type === 'expression' && compileExpression(mapping.source ?? '').isVolatile) {
    report('matchingVolatileExpression', 'matching', 'This expression can give a different value each time (Guid, Now, RandomString, SelectUniqueValue), so it cannot find the same user twice.', null)
  }
  if (path && !isUniqueLooking(path)) {
    report('matchingTargetNotUnique', 'matching', `${mapping.targetPath} is not usually unique per user; matching attributes should be.`, 'Match on userName, externalId, a work e-mail or employeeNumber.', 'warning')
  }
}

/** Targets that usually identify one user (Entra: "Matching attributes should be unique"). */
function isUniqueLooking(path: TargetPath): boolean {
  const attribute = path.attribute.toLowerCase()
  if (path.schema === null) return ['username', 'externalid', 'id', 'emails'].includes(attribute)
  return path.schema.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase() && attribute === 'employeenumber'
}
