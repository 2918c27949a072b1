/**
 * Functions over multi-valued attributes: AppRoleAssignmentsComplex, Count, Item, Join,
 * RemoveDuplicates, SingleAppRoleAssignment.
 *
 * `[appRoleAssignments]` is the list of the user's app role names for the target application (an
 * array of strings, in assignment order); the services fill it from Graph's appRoleAssignments
 * resolved against the service principal's appRoles. Entra then sends them as SCIM `roles`.
 */
import type { ScalarValue } from '../expr-value'
import type { FunctionDefinition } from './function-definition'
import { scalarText, toInteger, toValues } from './value-conversion'

const AppRoleAssignmentsComplex: FunctionDefinition = {
  name: 'AppRoleAssignmentsComplex',
  signature: 'AppRoleAssignmentsComplex([appRoleAssignments])',
  summary: 'Every app role of the user, for a multi-valued roles target (all with primary=false).',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([assignments]) => {
    const roles = uniqueTexts(toValues(assignments ?? null))
    return roles.length === 0 ? null : roles
  },
}

const SingleAppRoleAssignment: FunctionDefinition = {
  name: 'SingleAppRoleAssignment',
  signature: 'SingleAppRoleAssignment([appRoleAssignments])',
  summary: 'One app role name of the user (the first when there are several, which Entra does not support).',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([assignments]) => uniqueTexts(toValues(assignments ?? null))[0] ?? null,
}

const Count: FunctionDefinition = {
  name: 'Count',
  signature: 'Count(attribute)',
  summary: 'The number of values of a multi-valued attribute (a single value counts 1, null 0).',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([attribute]) => toValues(attribute ?? null).length,
}

const Item: FunctionDefinition = {
  name: 'Item',
  signature: 'Item(attribute, index)',
  summary: 'The value at a 1-based index of a multi-valued attribute; null when there is none.',
  minArguments: 2,
  maxArguments: 2,
  // "Index 0 shouldn't be used": 0, a negative index or one past the end gives null (no value to
  // flow) rather than an error, so one short list does not fail a whole run.
  evaluate: ([attribute, indexArgument]) => {
    const index = toInteger(indexArgument ?? null, 'Item', 'index')
    if (index < 1) return null
    return toValues(attribute ?? null)[index - 1] ?? null
  },
}

const Join: FunctionDefinition = {
  name: 'Join',
  signature: 'Join(separator, source1, source2, ...)',
  summary: 'The sources joined with the separator; multi-valued sources add each value; null and empty values are left out.',
  minArguments: 2,
  maxArguments: Number.POSITIVE_INFINITY,
  evaluate: ([separatorArgument, ...sources]) => {
    const separator = scalarText(toValues(separatorArgument ?? null)[0] ?? null) ?? ''
    const parts: string[] = []
    for (const source of sources) {
      for (const value of toValues(source)) {
        const text = scalarText(value)
        // The doc's example Join(", ", "", [surname], [givenName]) gives "Doe, John": empties are skipped.
        if (text !== null && text !== '') parts.push(text)
      }
    }
    return parts.join(separator)
  },
}

const RemoveDuplicates: FunctionDefinition = {
  name: 'RemoveDuplicates',
  signature: 'RemoveDuplicates(attribute)',
  summary: 'The multi-valued attribute with each value once (case-sensitive, first occurrence kept).',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([attribute]) => {
    if (attribute === undefined || !Array.isArray(attribute)) return attribute === undefined || typeof attribute === 'symbol' ? null : attribute
    const seen = new Set<string | null>()
    const unique: ScalarValue[] = []
    for (const value of attribute as readonly ScalarValue[]) {
      const key = scalarText(value)
      if (seen.has(key)) continue
      seen.add(key)
      unique.push(value)
    }
    return unique
  },
}

function uniqueTexts(values: readonly ScalarValue[]): string[] {
  const texts = new Set<string>()
  for (const value of values) {
    const text = scalarText(value)
    if (text !== null && text !== '') texts.add(text)
  }
  return [...texts]
}

/** The multi-valued functions, in documentation order. */
export const MULTI_VALUE_FUNCTIONS: readonly FunctionDefinition[] = [AppRoleAssignmentsComplex, Count, Item, Join, RemoveDuplicates, SingleAppRoleAssignment]
