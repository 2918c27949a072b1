/**
 * The grouping engine: which target group each in-scope user belongs to, and why. Every user lands in
 * exactly one group, except with filter grouping and no "otherwise" group (then in none, with a reason).
 */
import type { DirectoryUser } from '../directory/directory-user'
import { readSourceAttribute } from '../mapping/source-attributes'
import { compileFilters, type CompiledFilters } from '../scoping/compile-filters'
import type { RuleDiagnostic } from '../scoping/rule-diagnostic'
import type { ByFieldsGrouping, ByFiltersGrouping, GroupingRule } from './grouping-rule'
import type { GroupingReason } from './grouping-reason'
import { defaultNameTemplate, renderNameTemplate, validateNameTemplate } from './naming-template'
import { normaliseGroupValue, pickDisplayForm, type NormalisedValue } from './normalise-group-value'

export interface TargetGroup {
  /** Stable identity: the same values (in any casing/spacing) give the same key on every run. */
  readonly key: string
  readonly displayName: string
  readonly memberIds: readonly string[]
}

export interface UserGrouping {
  readonly groupKeys: readonly string[]
  readonly reasons: readonly GroupingReason[]
}

export interface GroupAssignment {
  /** By fields: ordered by display name, then key. By filters: in the rule's order, "otherwise" last. */
  readonly groups: readonly TargetGroup[]
  readonly byUser: ReadonlyMap<string, UserGrouping>
  readonly diagnostics: readonly RuleDiagnostic[]
}

export const DEFAULT_NO_VALUE_LABEL = '(no value)'

/** The diagnostics of a grouping rule, without grouping anyone. */
export function validateGroupingRule(rule: GroupingRule): readonly RuleDiagnostic[] {
  switch (rule.kind) {
    case 'allInOne':
      return []
    case 'byFields':
      return validateByFields(rule)
    case 'byFilters':
      return compileGroupFilters(rule).diagnostics
  }
}

/** Groups the given (in-scope) users by the rule. Never throws; problems are in `diagnostics`. */
export function assignGroups(rule: GroupingRule, users: readonly DirectoryUser[]): GroupAssignment {
  switch (rule.kind) {
    case 'allInOne': {
      const key = rule.groupName
      const reason: GroupingReason = { kind: 'allInOne', groupKey: key, groupName: rule.groupName }
      const byUser = new Map(users.map((user) => [user.id, { groupKeys: [key], reasons: [reason] }]))
      return { groups: [{ key, displayName: rule.groupName, memberIds: users.map((user) => user.id) }], byUser, diagnostics: [] }
    }
    case 'byFields':
      return groupByFields(rule, users)
    case 'byFilters':
      return groupByFilters(rule, users)
  }
}

function validateByFields(rule: ByFieldsGrouping): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = []
  if (rule.fields.length === 0) {
    diagnostics.push({ code: 'NoFields', severity: 'error', message: 'Grouping by fields needs at least one field.', hint: 'Pick e.g. department.', path: {} })
  }
  if (rule.nameTemplate !== undefined) diagnostics.push(...validateNameTemplate(rule.nameTemplate, rule.fields))
  return diagnostics
}

interface FieldBucket {
  readonly key: string
  readonly valueKeys: readonly (string | null)[]
  /** Per field: display form → how many members wrote it so. */
  readonly tallies: readonly Map<string, number>[]
  readonly memberIds: string[]
}

function groupByFields(rule: ByFieldsGrouping, users: readonly DirectoryUser[]): GroupAssignment {
  const diagnostics = validateByFields(rule)
  const { fields } = rule
  const template = rule.nameTemplate ?? defaultNameTemplate(fields)
  const noValueLabel = rule.noValueLabel ?? DEFAULT_NO_VALUE_LABEL
  const isDiacriticInsensitive = rule.isDiacriticInsensitive ?? false
  const buckets = new Map<string, FieldBucket>()
  const userValues = new Map<string, { bucket: FieldBucket; values: readonly (NormalisedValue | null)[] }>()
  // Directory fields repeat a few hundred values across many thousand users: normalise each once.
  const normalised = new Map<unknown, NormalisedValue | null>()
  const normalise = (value: unknown) => {
    if (typeof value !== 'string') return normaliseGroupValue(value, isDiacriticInsensitive)
    let result = normalised.get(value)
    if (result === undefined) {
      result = normaliseGroupValue(value, isDiacriticInsensitive)
      normalised.set(value, result)
    }
    return result
  }

  for (const user of users) {
    const values = fields.map((field) => normalise(readSourceAttribute(user, field)))
    // "\u0000" cannot occur in a key from normaliseGroupValue; "\u0001" marks "no value".
    const lookup = values.map((value) => (value === null ? '\u0001' : value.key)).join('\u0000')
    let bucket = buckets.get(lookup)
    if (bucket === undefined) {
      const valueKeys = values.map((value) => value?.key ?? null)
      // JSON keeps "no value" (null) apart from any text and cannot collide across field boundaries.
      bucket = { key: JSON.stringify(valueKeys), valueKeys, tallies: fields.map(() => new Map<string, number>()), memberIds: [] }
      buckets.set(lookup, bucket)
    }
    bucket.memberIds.push(user.id)
    for (let index = 0; index < values.length; index += 1) {
      const value = values[index]
      if (value) bucket.tallies[index]!.set(value.text, (bucket.tallies[index]!.get(value.text) ?? 0) + 1)
    }
    userValues.set(user.id, { bucket, values })
  }

  const displayNames = new Map<FieldBucket, string>()
  for (const bucket of buckets.values()) {
    const placeholders: Record<string, string> = {}
    fields.forEach((field, index) => {
      placeholders[field] = bucket.valueKeys[index] === null ? noValueLabel : pickDisplayForm(bucket.tallies[index]!)
    })
    displayNames.set(bucket, renderNameTemplate(template, placeholders))
  }

  const byUser = new Map<string, UserGrouping>()
  // Users with the same values written the same way share one (immutable) explanation.
  const shared = new Map<string, UserGrouping>()
  for (const [userId, { bucket, values }] of userValues) {
    const spelling = `${bucket.key}\u0000${values.map((value) => value?.text ?? '').join('\u0000')}`
    let grouping = shared.get(spelling)
    if (grouping === undefined) {
      const reason: GroupingReason = {
        kind: 'byFields',
        groupKey: bucket.key,
        displayName: displayNames.get(bucket)!,
        values: fields.map((field, index) => ({ field, text: values[index]?.text ?? null })),
      }
      grouping = { groupKeys: [bucket.key], reasons: [reason] }
      shared.set(spelling, grouping)
    }
    byUser.set(userId, grouping)
  }
  const groups = [...buckets.values()].map((bucket) => ({ key: bucket.key, displayName: displayNames.get(bucket)!, memberIds: bucket.memberIds }))
  return { groups: sortGroups(groups), byUser, diagnostics }
}

interface CompiledGroupFilters {
  readonly groups: readonly { readonly name: string; readonly filters: CompiledFilters }[]
  readonly diagnostics: readonly RuleDiagnostic[]
}

function compileGroupFilters(rule: ByFiltersGrouping): CompiledGroupFilters {
  const diagnostics: RuleDiagnostic[] = []
  const seen = new Set<string>()
  const groups = rule.groups.map((group, groupIndex) => {
    if (seen.has(group.name)) {
      diagnostics.push({ code: 'DuplicateGroupName', severity: 'error', message: `Two groups are named “${group.name}”.`, hint: 'Give each group its own name.', path: { groupIndex } })
    }
    seen.add(group.name)
    if (group.filters.length === 0) {
      diagnostics.push({
        code: 'EmptyFilter',
        severity: 'warning',
        message: `Group “${group.name}” has no filters, so it takes everyone not taken by an earlier group.`,
        hint: rule.otherwise ? 'Add a filter, or rely on the “otherwise” group instead.' : 'Add a filter, or name it as the “otherwise” group.',
        path: { groupIndex },
      })
    }
    const filters = compileFilters(group.filters, groupIndex)
    diagnostics.push(...filters.diagnostics)
    return { name: group.name, filters }
  })
  return { groups, diagnostics }
}

function groupByFilters(rule: ByFiltersGrouping, users: readonly DirectoryUser[]): GroupAssignment {
  const compiled = compileGroupFilters(rule)
  const otherwise = rule.otherwise ?? null
  const members = new Map<string, string[]>()
  const byUser = new Map<string, UserGrouping>()
  for (const group of compiled.groups) members.set(group.name, [])
  if (otherwise !== null && !members.has(otherwise)) members.set(otherwise, [])

  for (const user of users) {
    const missedGroupNames: string[] = []
    let reason: GroupingReason | null = null
    for (const group of compiled.groups) {
      // A group without filters matches everyone (an empty OR would match no one, which is never the intent).
      const matched = group.filters.filters.length === 0 ? { filter: { name: '(no filters)' } } : group.filters.filters.find((filter) => filter.matches(user))
      if (matched !== undefined) {
        reason = { kind: 'filterMatched', groupKey: group.name, groupName: group.name, filterName: matched.filter.name, missedGroupNames }
        break
      }
      missedGroupNames.push(group.name)
    }
    if (reason === null) {
      reason = otherwise === null
        ? { kind: 'noGroupMatched', missedGroupNames }
        : { kind: 'otherwise', groupKey: otherwise, groupName: otherwise, missedGroupNames }
    }
    const groupKeys = reason.kind === 'noGroupMatched' ? [] : [reason.groupKey]
    for (const key of groupKeys) members.get(key)!.push(user.id)
    byUser.set(user.id, { groupKeys, reasons: [reason] })
  }
  // The rule's order (then "otherwise"): it is the order in which groups are tried, so it is the one shown.
  const groups = [...members].map(([name, memberIds]) => ({ key: name, displayName: name, memberIds }))
  return { groups, byUser, diagnostics: compiled.diagnostics }
}

function sortGroups(groups: TargetGroup[]): TargetGroup[] {
  // Ordinal comparison: the same order on every machine, whatever its locale.
  return groups.sort((left, right) => compareOrdinal(left.displayName, right.displayName) || compareOrdinal(left.key, right.key))
}

function compareOrdinal(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
