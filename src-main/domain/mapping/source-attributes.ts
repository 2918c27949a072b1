/**
 * Source attribute names as Entra's provisioning service spells them in mappings and expressions
 * (`[mobile]`, `[telephoneNumber]`, `[objectId]`, `[extensionAttribute1]`, `[IsSoftDeleted]` …),
 * resolved against a DirectoryUser's Graph properties. Graph property names work too (`[mobilePhone]`),
 * so rules written either way evaluate the same.
 */
import type { DirectoryUser } from '../directory/directory-user'

/** Entra provisioning name → how to read it from Graph properties. */
const ENTRA_ALIASES: Readonly<Record<string, (user: DirectoryUser) => unknown>> = {
  objectId: (user) => user.id,
  mobile: (user) => user.properties.mobilePhone ?? null,
  telephoneNumber: (user) => firstOf(user.properties.businessPhones),
  physicalDeliveryOfficeName: (user) => user.properties.officeLocation ?? null,
  manager: (user) => user.managerId,
  IsSoftDeleted: (user) => isSoftDeletedForProvisioning(user),
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? (value[0] ?? null) : null
}

/**
 * Entra's IsSoftDeleted: true when the user is soft-deleted in Entra or has `accountEnabled=false`.
 * (Entra also counts "unassigned" and "fails a scoping filter"; scoping decides those separately.)
 */
export function isSoftDeletedForProvisioning(user: DirectoryUser): boolean {
  return user.isSoftDeleted || user.properties.accountEnabled === false
}

/**
 * The value of a source attribute, or null when absent. Lookup is exact first (the expression syntax
 * is case-sensitive), then by Entra alias, then `extensionAttribute1…15` from
 * `onPremisesExtensionAttributes`.
 */
export function readSourceAttribute(user: DirectoryUser, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(user.properties, name)) return user.properties[name] ?? null
  if (name === 'id') return user.id
  // Own keys only: `hasOwnProperty`, `constructor` … typed as attribute names must not reach Object.prototype.
  const alias = Object.hasOwn(ENTRA_ALIASES, name) ? ENTRA_ALIASES[name] : undefined
  if (alias) return alias(user)
  if (/^extensionAttribute([1-9]|1[0-5])$/.test(name)) {
    const extensions = user.properties.onPremisesExtensionAttributes as Readonly<Record<string, unknown>> | null | undefined
    return extensions?.[name] ?? null
  }
  return null
}

/** Every source attribute name the editors offer for a user: Graph properties plus the Entra names. */
export function sourceAttributeNames(properties: readonly string[]): readonly string[] {
  const names = new Set<string>(properties.filter((name) => name !== 'onPremisesExtensionAttributes'))
  for (const alias of Object.keys(ENTRA_ALIASES)) names.add(alias)
  for (let index = 1; index <= 15; index++) names.add(`extensionAttribute${index}`)
  return [...names].sort((a, b) => a.localeCompare(b))
}
