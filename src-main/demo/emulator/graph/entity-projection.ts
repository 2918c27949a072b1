/**
 * Turns stored objects into the JSON Graph writes: the selected properties (or the type's default
 * set), `id` always present, missing values as `null` or `[]`, and `manager` expanded on request.
 * Projectors are built once per request so serialising a 999-object page is a tight loop.
 */
import type { GraphMemberRef } from '../../../services/graph/graph-types'
import {
  GROUP_CATALOG,
  USER_CATALOG,
  emptyValue,
  findProperty,
  type EntityCatalog,
  type PropertyDefinition,
} from './entity-catalog'
import type { DirectoryReader } from './directory-state'
import type { DirectoryRecord } from './odata-filter'
import type { ManagerExpansion } from './odata-query'

export type JsonObject = Record<string, unknown>
export type Projector = (record: DirectoryRecord) => JsonObject

/** The definitions to write for `select` (null: the default set), `id` included. */
export function selectedProperties(catalog: EntityCatalog, select: readonly string[] | null): PropertyDefinition[] {
  const names = select ?? catalog.defaultSelect
  const properties: PropertyDefinition[] = []
  for (const name of names) {
    const property = findProperty(catalog, name)
    if (property) properties.push(property)
  }
  if (!properties.some((property) => property.name === 'id')) {
    properties.push(findProperty(catalog, 'id') as PropertyDefinition)
  }
  return properties
}

/** A projector writing `properties`, optionally after an `@odata.type` annotation. */
export function projectorFor(properties: readonly PropertyDefinition[], odataType?: string): Projector {
  const names = properties.map((property) => property.name)
  const empties = properties.map((property) => emptyValue(property.kind))
  return (record) => {
    const result: JsonObject = odataType === undefined ? {} : { '@odata.type': odataType }
    for (let index = 0; index < names.length; index++) {
      const name = names[index] as string
      const value = record[name]
      result[name] = value === undefined || value === null ? empties[index] : value
    }
    return result
  }
}

/** Projects users, adding `manager` (and its chain, for `$levels`) when expanded. */
export function userProjector(
  reader: DirectoryReader,
  select: readonly string[] | null,
  expansion: ManagerExpansion | null,
): Projector {
  const project = projectorFor(selectedProperties(USER_CATALOG, select))
  if (!expansion) return project
  const managerProperties =
    expansion.select === null ? [...USER_CATALOG.properties.values()] : selectedProperties(USER_CATALOG, expansion.select)
  const projectManager = projectorFor(managerProperties, '#microsoft.graph.user')
  const expand = (userId: string, level: number, seen: Set<string>): JsonObject | null => {
    const manager = reader.managerOf(userId)
    if (!manager || seen.has(manager.id)) return null
    const result = projectManager(manager as unknown as DirectoryRecord)
    if (level < expansion.levels) {
      seen.add(manager.id)
      const above = expand(manager.id, level + 1, seen)
      if (above) result['manager'] = above
    }
    return result
  }
  return (record) => {
    const result = project(record)
    const id = record['id'] as string
    // Graph leaves `manager` out entirely for users without one.
    const manager = expand(id, 1, new Set([id]))
    if (manager) result['manager'] = manager
    return result
  }
}

/**
 * Projects members (users and groups). Without `$select` users get their default set and groups all
 * properties; with one, each object writes only the selected properties its type has.
 */
export function memberProjector(
  reader: DirectoryReader,
  select: readonly string[] | null,
): (member: GraphMemberRef) => JsonObject | null {
  const forType = (catalog: EntityCatalog): PropertyDefinition[] =>
    select === null
      ? selectedProperties(catalog, null)
      : selectedProperties(
          catalog,
          select.filter((name) => findProperty(catalog, name) !== undefined),
        )
  const projectUser = projectorFor(forType(USER_CATALOG), '#microsoft.graph.user')
  const projectGroup = projectorFor(forType(GROUP_CATALOG), '#microsoft.graph.group')
  return (member) => {
    if (member['@odata.type'] === '#microsoft.graph.user') {
      const user = reader.findUser(member.id)
      return user ? projectUser(user as unknown as DirectoryRecord) : null
    }
    const group = reader.findGroup(member.id)
    return group ? projectGroup(group as unknown as DirectoryRecord) : null
  }
}

/** `@odata.context` as Graph writes it: `…/$metadata#users` or `…/$metadata#users(id,displayName)`. */
export function contextUrl(origin: string, entitySet: string, select: readonly string[] | null, suffix = ''): string {
  const selection = select === null ? '' : `(${select.join(',')})`
  return `${origin}/v1.0/$metadata#${entitySet}${selection}${suffix}`
}
