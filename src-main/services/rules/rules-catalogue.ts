/**
 * What the rule editors offer: the 43 functions (their signatures and summaries live with their
 * definitions in domain/expr/functions), the source attributes the cache actually holds plus Entra's
 * own names, the target attributes, the scoping operators and the cached groups.
 */
import type { RulesCatalogue, SourceAttributeInfo } from '../../common/rules'
import { FUNCTIONS } from '../../domain/expr/functions'
import { readSourceAttribute, sourceAttributeNames } from '../../domain/mapping/source-attributes'
import { targetCatalogue } from '../../domain/mapping/target-catalogue'
import { isBinaryOperator, OPERATOR_DESCRIPTIONS, SCOPE_OPERATORS } from '../../domain/scoping/scope-operator'
import type { LoadedDirectory } from './directory-snapshots'
import { exampleText, hasValue, isExtensionName } from './load-directory-users'

/** The catalogue for one profile's cache; `mandatoryTargets` marks the locked targets. */
export function buildRulesCatalogue(directory: LoadedDirectory, mandatoryTargets?: readonly string[], targetPaths: readonly string[] = []): RulesCatalogue {
  return {
    functions: [...FUNCTIONS.values()].map((definition) => ({ name: definition.name, signature: definition.signature, description: definition.summary })),
    sourceAttributes: sourceAttributes(directory),
    targetAttributes: targetCatalogue(mandatoryTargets, targetPaths),
    operators: SCOPE_OPERATORS.map((operator) => ({ operator, description: OPERATOR_DESCRIPTIONS[operator], needsValue: isBinaryOperator(operator) })),
    groups: directory.snapshot.groups,
  }
}

/**
 * Graph properties with a value for at least one user, then Entra's names that read another property
 * (`mobile`, `IsSoftDeleted`, `manager` …) counted the same way. `extensionAttribute1…15` appear when
 * some user has a value in them.
 */
function sourceAttributes(directory: LoadedDirectory): SourceAttributeInfo[] {
  const seen = directory.sourceAttributes
  const names = new Set(seen.map((item) => item.name))
  const entraNames = sourceAttributeNames([]).filter((name) => !names.has(name) && !isExtensionName(name))
  const users = directory.snapshot.users
  const entra = entraNames.map((name): SourceAttributeInfo => {
    let usersWithValue = 0
    let example: string | null = null
    for (const user of users) {
      const value = readSourceAttribute(user, name)
      if (!hasValue(value)) continue
      usersWithValue++
      example ??= exampleText(value)
    }
    return { name, usersWithValue, example, isExtension: false }
  })
  return [...seen, ...entra].sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0))
}
