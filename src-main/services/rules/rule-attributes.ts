/**
 * Which source attributes a profile's rules read, and which Graph user properties a pull must
 * therefore `$select`. A rule may name an attribute the cache does not hold yet (`faxNumber`, a
 * directory extension `extension_<appId>_costCentre`); the next pull fetches it.
 */
import type { ProfileRules, ScopeFilter } from '../../common/rules'
import { compileExpression } from '../../domain/expr/compile'
import { forEachNode } from '../../domain/expr/syntax-tree'
import { USER_SELECT } from '../graph/graph-client-reader'

/**
 * Properties of microsoft.graph.user (v1.0) an app-only caller can `$select`. Only these (and
 * directory extensions) are ever added to a pull's `$select`: Graph answers an unknown name with 400,
 * so a typo in a rule must not break the pull.
 */
export const GRAPH_USER_PROPERTIES: readonly string[] = [
  ...USER_SELECT,
  'otherMails',
  'imAddresses',
  'faxNumber',
  'employeeLeaveDateTime',
  'employeeOrgData',
  'deletedDateTime',
  'creationType',
  'externalUserState',
  'externalUserStateChangeDateTime',
  'ageGroup',
  'consentProvidedForMinor',
  'legalAgeGroupClassification',
  'lastPasswordChangeDateTime',
  'passwordPolicies',
  'preferredDataLocation',
  'securityIdentifier',
  'showInAddressList',
  'signInSessionsValidFromDateTime',
  'assignedPlans',
  'provisionedPlans',
  'identities',
  'onPremisesDistinguishedName',
  'onPremisesDomainName',
  'onPremisesUserPrincipalName',
  'onPremisesSecurityIdentifier',
  'onPremisesLastSyncDateTime',
]

/** A directory schema extension property: `extension_<appId without dashes>_<name>` (Graph: extensionProperty). */
export const DIRECTORY_EXTENSION_PATTERN = /^extension_[0-9a-fA-F]{32}_[A-Za-z0-9_]+$/

/** Entra's provisioning names that read another Graph property (domain/mapping/source-attributes.ts). */
const GRAPH_PROPERTY_OF_ALIAS: Readonly<Record<string, string | null>> = {
  objectId: null,
  id: null,
  manager: null,
  mobile: 'mobilePhone',
  telephoneNumber: 'businessPhones',
  physicalDeliveryOfficeName: 'officeLocation',
  IsSoftDeleted: 'accountEnabled',
}

const GRAPH_PROPERTY_NAMES: ReadonlySet<string> = new Set(GRAPH_USER_PROPERTIES)

/** Every source attribute name the rules read: direct sources, [attributes] in expressions, clause attributes, grouping fields. */
export function referencedAttributes(rules: ProfileRules): ReadonlySet<string> {
  const names = new Set<string>()
  for (const mapping of rules.mapping.mappings) {
    if (mapping.type === 'direct' && mapping.source) names.add(mapping.source)
    if (mapping.type === 'expression') {
      const tree = compileExpression(mapping.source ?? '').tree
      if (tree) forEachNode(tree, (node) => { if (node.kind === 'attribute') names.add(node.name) })
    }
  }
  const addClauses = (filters: readonly ScopeFilter[]): void => {
    for (const filter of filters) for (const clause of filter.clauses) if (clause.attribute) names.add(clause.attribute)
  }
  addClauses(rules.scope.filters)
  if (rules.grouping.kind === 'byFields') for (const field of rules.grouping.fields) names.add(field)
  if (rules.grouping.kind === 'byFilters') for (const group of rules.grouping.groups) addClauses(group.filters)
  return names
}

/** The Graph user property an attribute name is read from, or null when it is none a pull can select. */
export function graphPropertyOf(name: string): string | null {
  if (Object.prototype.hasOwnProperty.call(GRAPH_PROPERTY_OF_ALIAS, name)) return GRAPH_PROPERTY_OF_ALIAS[name] ?? null
  if (/^extensionAttribute([1-9]|1[0-5])$/.test(name)) return 'onPremisesExtensionAttributes'
  if (GRAPH_PROPERTY_NAMES.has(name) || DIRECTORY_EXTENSION_PATTERN.test(name)) return name
  return null
}

/**
 * The user properties a pull of this profile selects: the default list (USER_SELECT) plus every Graph
 * property the rules read that it lacks, in a stable order (so the same rules give the same list and
 * the pull does not start over for nothing).
 */
export function pullAttributesForRules(rules: ProfileRules): readonly string[] {
  const selected = new Set<string>(USER_SELECT)
  const extra = new Set<string>()
  for (const name of referencedAttributes(rules)) {
    const property = graphPropertyOf(name)
    if (property !== null && !selected.has(property)) extra.add(property)
  }
  return [...USER_SELECT, ...[...extra].sort()]
}
