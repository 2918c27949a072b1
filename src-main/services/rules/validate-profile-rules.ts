/**
 * Every problem in a profile's rules as RuleProblems: the mapping (validateMappingSet), scoping
 * (validateScopeRule), grouping (validateGroupingRule) and roles, each pointing at its row, clause and
 * field so an editor can mark the spot.
 */
import type { ProfileRules, RuleProblem, ScopeFilter } from '../../common/rules'
import type { MappingDiagnostic } from '../../domain/mapping/mapping-diagnostic'
import { validateMappingSet } from '../../domain/mapping/validate-mapping-set'
import { validateGroupingRule } from '../../domain/grouping/assign-groups'
import type { RuleDiagnostic } from '../../domain/scoping/rule-diagnostic'
import { validateScopeRule } from '../../domain/scoping/compile-scope'
import { DIRECTORY_EXTENSION_PATTERN, referencedAttributes } from './rule-attributes'

export interface RulesValidationContext {
  /** Source attribute names that exist (LoadedDirectory.knownAttributes). */
  readonly knownAttributes: readonly string[]
  /** Groups in the cache (a set, or a map by id); null when unknown (no group checks). */
  readonly groupIds: IdLookup | null
  /** Users in the cache; null when unknown. */
  readonly userIds: IdLookup | null
}

/** Answers whether an id exists: a Set of ids, or a Map keyed by them. */
export interface IdLookup {
  has(id: string): boolean
}

/** All problems, mapping first, then scope, grouping and roles. */
export function validateProfileRules(rules: ProfileRules, context: RulesValidationContext): RuleProblem[] {
  // A directory extension cannot be known before a pull selects it, and a pull selects it because a
  // rule names it: names of that shape are accepted (the pull fails loudly if the app has no such property).
  // They are flagged with a warning instead, as long as no pulled user has them.
  const known = new Set(context.knownAttributes)
  const extensions = [...referencedAttributes(rules)].filter((name) => DIRECTORY_EXTENSION_PATTERN.test(name))
  return [
    ...validateMappingSet(rules.mapping, [...context.knownAttributes, ...extensions]).map(mappingProblem),
    ...unpulledMappingExtensions(rules, known),
    ...scopeProblems(rules, context, known),
    ...groupingProblems(rules, known),
    ...roleProblems(rules, context),
  ]
}

/** True when any problem is an error (the rules cannot be saved). */
export function hasRuleErrors(problems: readonly RuleProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error')
}

function mappingProblem(diagnostic: MappingDiagnostic): RuleProblem {
  const isTextField = diagnostic.field === 'source' || diagnostic.field === 'targetPath'
  return {
    area: 'mapping',
    index: diagnostic.mappingIndex,
    clauseIndex: null,
    field: diagnostic.field === 'set' ? null : diagnostic.field,
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    hint: diagnostic.hint,
    offset: isTextField ? diagnostic.offset : null,
    length: isTextField ? diagnostic.length : null,
  }
}

function ruleProblem(area: 'scope' | 'grouping', diagnostic: RuleDiagnostic): RuleProblem {
  const { path } = diagnostic
  // Scope problems are placed by filter; grouping problems by group, with the filter inside the group in `field`.
  const index = area === 'scope' ? (path.filterIndex ?? null) : (path.groupIndex ?? path.filterIndex ?? null)
  const filterPrefix = area === 'grouping' && path.groupIndex !== undefined && path.filterIndex !== undefined ? `filters[${path.filterIndex}]` : null
  const field = filterPrefix === null ? (path.field ?? null) : path.field === undefined ? filterPrefix : `${filterPrefix}.${path.field}`
  return problem(area, diagnostic.code, diagnostic.severity, diagnostic.message, diagnostic.hint, { index, clauseIndex: path.clauseIndex ?? null, field })
}

function scopeProblems(rules: ProfileRules, context: RulesValidationContext, known: ReadonlySet<string>): RuleProblem[] {
  const problems = validateScopeRule(rules.scope).map((diagnostic) => ruleProblem('scope', diagnostic))
  problems.push(...unknownClauseAttributes('scope', rules.scope.filters, known, (filterIndex) => filterIndex))
  const groupFilter = rules.scope.groupFilter ?? null
  if (groupFilter !== null && context.groupIds !== null) {
    const unknown = groupFilter.groupIds.filter((id) => !context.groupIds!.has(id))
    if (unknown.length > 0) {
      problems.push(
        problem('scope', 'UnknownGroup', 'warning', `${count(unknown.length, 'group')} of the group filter ${unknown.length === 1 ? 'is' : 'are'} not in the cached directory (${unknown.join(', ')}).`, 'Pull the directory again, or remove the group from the filter.', { field: 'groupFilter' }),
      )
    }
  }
  return problems
}

function groupingProblems(rules: ProfileRules, known: ReadonlySet<string>): RuleProblem[] {
  const grouping = rules.grouping
  const problems = validateGroupingRule(grouping).map((diagnostic) => ruleProblem('grouping', diagnostic))
  if (grouping.kind === 'allInOne' && grouping.groupName.trim() === '') {
    problems.push(problem('grouping', 'EmptyGroupName', 'error', 'The group has no name.', 'Name the group everyone lands in, e.g. “All users”.', { field: 'groupName' }))
  }
  if (grouping.kind === 'byFields') {
    grouping.fields.forEach((field, index) => {
      if (isUnpulledExtension(field, known)) problems.push(extensionNotPulled('grouping', field, { field: `fields[${index}]` }))
      else if (!known.has(field)) {
        problems.push(problem('grouping', 'UnknownAttribute', 'warning', `No user in the cache has the field ${field}, so everyone lands in the “no value” group.`, 'Pick a field from the list; names are case-sensitive.', { field: `fields[${index}]` }))
      }
    })
  }
  if (grouping.kind === 'byFilters') {
    grouping.groups.forEach((group, groupIndex) => {
      problems.push(...unknownClauseAttributes('grouping', group.filters, known, () => groupIndex, true))
    })
  }
  return problems
}

function unknownClauseAttributes(
  area: 'scope' | 'grouping',
  filters: readonly ScopeFilter[],
  known: ReadonlySet<string>,
  indexOf: (filterIndex: number) => number,
  isInGroup = false,
): RuleProblem[] {
  const problems: RuleProblem[] = []
  filters.forEach((filter, filterIndex) => {
    filter.clauses.forEach((clause, clauseIndex) => {
      if (clause.attribute.trim() === '' || known.has(clause.attribute)) return
      const place = { index: indexOf(filterIndex), clauseIndex, field: isInGroup ? `filters[${filterIndex}].attribute` : 'attribute' }
      if (isUnpulledExtension(clause.attribute, known)) {
        problems.push(extensionNotPulled(area, clause.attribute, place))
        return
      }
      problems.push(
        problem(area, 'UnknownAttribute', 'warning', `There is no source attribute ${clause.attribute}; the clause sees it as empty.`, 'Pick an attribute from the list; names are case-sensitive.', {
          index: indexOf(filterIndex),
          clauseIndex,
          field: isInGroup ? `filters[${filterIndex}].attribute` : 'attribute',
        }),
      )
    })
  })
  return problems
}

function isUnpulledExtension(name: string, known: ReadonlySet<string>): boolean {
  return DIRECTORY_EXTENSION_PATTERN.test(name) && !known.has(name)
}

/**
 * A directory extension no pulled user has: the next pull asks Graph for it, and Graph refuses the
 * whole read (400) when the tenant has no such extension property — so the admin is told before.
 */
function extensionNotPulled(area: RuleProblem['area'], name: string, place: { index?: number | null; clauseIndex?: number | null; field?: string | null }): RuleProblem {
  return problem(
    area,
    'ExtensionNotPulled',
    'warning',
    `No pulled user has the directory extension ${name} yet; the next pull asks Microsoft Graph for it.`,
    'Check the name in the app registration’s extension properties: if the tenant has no such property, Graph refuses the pull until the rule is changed.',
    place,
  )
}

function unpulledMappingExtensions(rules: ProfileRules, known: ReadonlySet<string>): RuleProblem[] {
  const problems: RuleProblem[] = []
  rules.mapping.mappings.forEach((mapping, index) => {
    if (mapping.type !== 'direct' && mapping.type !== 'expression') return
    const names = referencedAttributes({ ...rules, mapping: { ...rules.mapping, mappings: [mapping] }, scope: { mode: 'allUsers', filters: [] }, grouping: { kind: 'allInOne', groupName: '' } })
    for (const name of names) if (isUnpulledExtension(name, known)) problems.push(extensionNotPulled('mapping', name, { index, field: 'source' }))
  })
  return problems
}

function roleProblems(rules: ProfileRules, context: RulesValidationContext): RuleProblem[] {
  const problems: RuleProblem[] = []
  rules.roles.groupRoles.forEach((groupRole, index) => {
    if (groupRole.role.trim() === '') {
      problems.push(problem('roles', 'EmptyRoleName', 'error', `Role mapping ${index + 1} has no role name.`, 'Type the role the target should give members of the group.', { index, field: 'role' }))
    }
    if (context.groupIds !== null && !context.groupIds.has(groupRole.entraGroupId)) {
      problems.push(problem('roles', 'UnknownGroup', 'warning', `The group ${groupRole.entraGroupId} of role mapping ${index + 1} is not in the cached directory, so no one gets “${groupRole.role}” through it.`, 'Pull the directory again, or pick another group.', { index, field: 'entraGroupId' }))
    }
  })
  if (rules.roles.managerRule.isEnabled && rules.roles.managerRule.approverRole.trim() === '') {
    problems.push(problem('roles', 'EmptyRoleName', 'error', 'The manager rule is on but its approver role has no name.', 'Type the role managers get, e.g. “Approver”.', { field: 'approverRole' }))
  }
  if (context.userIds !== null) {
    const unknown = rules.roles.selfApproverIds.filter((id) => !context.userIds!.has(id))
    if (unknown.length > 0) {
      problems.push(problem('roles', 'UnknownUser', 'warning', `${count(unknown.length, 'self-approver')} ${unknown.length === 1 ? 'is' : 'are'} not in the cached directory.`, 'Pull the directory again, or remove them from the list.', { field: 'selfApproverIds' }))
    }
  }
  return problems
}

function problem(
  area: RuleProblem['area'],
  code: string,
  severity: RuleProblem['severity'],
  message: string,
  hint: string | null,
  place: { index?: number | null; clauseIndex?: number | null; field?: string | null } = {},
): RuleProblem {
  return { area, index: place.index ?? null, clauseIndex: place.clauseIndex ?? null, field: place.field ?? null, code, severity, message, hint, offset: null, length: null }
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`
}
