/**
 * Target attribute paths against SCIM resources, both ways: read what a target user holds at a path
 * (for matching and for before → after), and write desired values into a create request or into the
 * PATCH operations of an update.
 *
 * Attribute names and schema URNs are case-insensitive (RFC 7643 §2.1), so reading looks a name up
 * exactly first and then case-insensitively. The `type` value of a value filter (`[type eq "work"]`)
 * is compared case-insensitively too (its caseExact is false in RFC 7643 §4.1.2).
 *
 * The manager is never written here: it is a reference to another target user, which may not exist
 * yet, so the planner sends it in a separate setManager operation (reference §3.9).
 */
import type { ExprValue } from '../expr/expr-value'
import { ENTERPRISE_USER_SCHEMA, parseTargetPath, printTargetPath, type TargetPath } from '../mapping/target-path'
import type { ScimPatchOperation, ShownValue } from './sync-plan'

/** The core User schema (RFC 7643 §4.1). */
export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
/** The core Group schema (RFC 7643 §4.2). */
export const CORE_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'
/** Headcount's business-card extension: `urn:ietf:params:scim:schemas:extension:headcount:2.0:User:<name>`. */
export const CARD_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:headcount:2.0:User'
/** The manager's target path as mappings write it. */
export const MANAGER_TARGET_PATH = `${ENTERPRISE_USER_SCHEMA}:manager`
/** The path roles are sent under: `roles: [{ value }]`. */
export const ROLES_TARGET_PATH = 'roles'

type ScimObject = Readonly<Record<string, unknown>>

// A memo of a pure function, not state: a mapping has a dozen paths, read for each of 100,000 users.
const parsedPaths = new Map<string, TargetPath | null>()
const PARSED_PATHS_LIMIT = 1_000

/** A target path parsed once (the planner reads the same few paths for every user). Null when invalid. */
export function parseCachedTargetPath(text: string): TargetPath | null {
  let path = parsedPaths.get(text)
  if (path === undefined) {
    path = parseTargetPath(text).path
    if (parsedPaths.size >= PARSED_PATHS_LIMIT) parsedPaths.clear()
    parsedPaths.set(text, path)
  }
  return path
}

/** True for the enterprise manager path, in any spelling. */
export function isManagerPath(path: TargetPath): boolean {
  return path.schema !== null && path.schema.toLowerCase() === ENTERPRISE_USER_SCHEMA.toLowerCase() && path.attribute.toLowerCase() === 'manager' && path.subAttribute === null
}

/** True for the core `active` attribute. */
export function isActivePath(path: TargetPath): boolean {
  return isCoreSchema(path.schema) && path.attribute.toLowerCase() === 'active' && path.filter === null && path.subAttribute === null
}

/**
 * The value a SCIM resource holds at a target path, as found (string, boolean, number, list …), or
 * null when absent. A complex value read without a sub-attribute gives its `value` (the manager
 * `{ value, $ref }` gives the manager's id); a multi-valued attribute of `{ value }` objects (roles)
 * gives the list of values.
 */
export function readTargetValue(resource: ScimObject, path: TargetPath): unknown {
  const container = isCoreSchema(path.schema) ? resource : getProperty(resource, path.schema!)
  if (!isObject(container)) return null
  let value = getProperty(container, path.attribute)
  if (path.filter !== null) {
    if (!Array.isArray(value)) return null
    const { attribute, value: wanted } = path.filter
    value = value.find((item) => isObject(item) && sameText(getProperty(item, attribute), wanted)) ?? null
    if (path.subAttribute === null) return isObject(value) ? getProperty(value, 'value') : null
  }
  if (path.subAttribute !== null) return isObject(value) ? getProperty(value, path.subAttribute) : null
  if (isObject(value)) return getProperty(value, 'value')
  if (Array.isArray(value)) return (value as readonly unknown[]).map((item) => (isObject(item) ? getProperty(item, 'value') : item)).filter((item) => item !== null && item !== undefined)
  return value ?? null
}

/** A value as the preview shows it: text, a list of texts, or null. Booleans as `true` / `false`. */
export function shownValue(value: unknown): ShownValue {
  if (value === null || value === undefined || value === '') return null
  if (Array.isArray(value)) {
    const items = value.map((item) => shownScalar(item)).filter((item): item is string => item !== null)
    return items.length === 0 ? null : items
  }
  return shownScalar(value)
}

/**
 * Whether the target already holds the desired value. Texts compare exactly (the target must store
 * values as sent, reference §4.1, so a change of case is a change); booleans compare with their text
 * forms in any case ("True" from an Entra-compatible target equals true); lists compare in order.
 */
export function isSameValue(desired: unknown, current: unknown): boolean {
  const left = shownValue(desired)
  const right = shownValue(current)
  if (left === null || right === null) return left === right
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right)) return false
    return left.length === right.length && left.every((item, index) => item === right[index])
  }
  if (typeof desired === 'boolean' || typeof current === 'boolean') return (left as string).toLowerCase() === (right as string).toLowerCase()
  return left === right
}

/**
 * A desired expression value as a SCIM JSON value. Lists go to single-valued paths as their first
 * item. `active` is a SCIM Boolean (RFC 7643 §4.1.1), while Entra's functions give "True"/"False"
 * text (Not([IsSoftDeleted])): it is sent as a real Boolean, the executor adapts it for Entra
 * compatibility.
 */
export function scimValue(path: TargetPath, value: Exclude<ExprValue, null>): unknown {
  if (isActivePath(path)) {
    const scalar = Array.isArray(value) ? (value as readonly unknown[])[0] : value
    if (typeof scalar === 'string' && /^(true|false)$/i.test(scalar)) return scalar.toLowerCase() === 'true'
    return scalar
  }
  if (!Array.isArray(value)) return value
  const isSingle = path.filter !== null || path.subAttribute !== null || !isCoreSchema(path.schema) || isActivePath(path) || path.attribute.toLowerCase() === 'username'
  return isSingle ? (value[0] ?? null) : value
}

/**
 * A SCIM User resource to POST (RFC 7643 §4.1, shaped as Entra sends it, reference §4.2): the
 * schemas list, then each value at its path. Value-filtered paths become elements of their
 * multi-valued attribute (`emails: [{ type: "work", value }]`), extension paths live under their
 * schema URN. Roles, when given, go to `roles: [{ value }]`.
 */
export function buildUserResource(values: ReadonlyMap<string, unknown>, roles: readonly string[] | null = null): Record<string, unknown> {
  const resource: Record<string, unknown> = {}
  const schemas = [CORE_USER_SCHEMA]
  for (const [text, value] of values) {
    const path = parseCachedTargetPath(text)
    if (path === null || isManagerPath(path) || value === null || value === undefined) continue
    let container: Record<string, unknown> = resource
    if (!isCoreSchema(path.schema)) {
      const schema = path.schema!
      if (!schemas.some((known) => known.toLowerCase() === schema.toLowerCase())) schemas.push(schema)
      container = objectAt(resource, schemas.find((known) => known.toLowerCase() === schema.toLowerCase())!)
    }
    writeValue(container, path, value)
  }
  if (roles !== null && roles.length > 0) resource.roles = roles.map((role) => ({ value: role }))
  return { schemas, ...resource }
}

/** One change to send in a PATCH: the path, and the value before (null: absent) and after. */
export interface PatchChange {
  readonly path: string
  readonly before: unknown
  readonly after: unknown
}

/**
 * RFC 7644 §3.5.2 operations for the changed values. Paths are printed canonically
 * (`emails[type eq "work"].value`, `urn:…:User:department`); roles go whole as `[{ value }]`.
 * - Plain paths: `add` where the target has no value yet, `replace` otherwise.
 * - Value-filtered paths: a filter that matches nothing is an error for `replace` (§3.5.2.3) and
 *   undefined for `add` (servers answer 400 noTarget), so when the target has no element of that
 *   type the whole element is added to the multi-valued attribute instead:
 *   `{ op: 'add', path: 'emails', value: [{ type: 'work', value: '…' }] }`. When the element exists,
 *   its sub-attribute is replaced through the filter (a replace of an absent sub-attribute is an add).
 * `resource` is the target user as found; without it every filtered path is treated as absent.
 */
export function buildUserPatch(changes: readonly PatchChange[], resource: ScimObject | null = null): ScimPatchOperation[] {
  return changes.map(({ path: text, before, after }) => {
    const op = before === null || before === undefined ? 'add' : 'replace'
    if (text === ROLES_TARGET_PATH) return { op, path: ROLES_TARGET_PATH, value: (after as readonly string[]).map((role) => ({ value: role })) }
    const path = parseCachedTargetPath(text)
    if (path === null) return { op, path: text, value: after }
    if (path.filter === null) return { op, path: printTargetPath(path), value: after }
    if (resource !== null && hasFilteredElement(resource, path)) return { op: 'replace', path: printTargetPath(path), value: after }
    const element = { [path.filter.attribute]: path.filter.value, [path.subAttribute ?? 'value']: after }
    const attribute = printTargetPath({ ...path, filter: null, subAttribute: null })
    return { op: 'add', path: attribute, value: [element] }
  })
}

/** True when the multi-valued attribute holds an element the path's value filter selects. */
function hasFilteredElement(resource: ScimObject, path: TargetPath): boolean {
  const container = isCoreSchema(path.schema) ? resource : getProperty(resource, path.schema!)
  if (!isObject(container) || path.filter === null) return false
  const list = getProperty(container, path.attribute)
  const { attribute, value: wanted } = path.filter
  return Array.isArray(list) && list.some((item) => isObject(item) && sameText(getProperty(item, attribute), wanted))
}

/** The PATCH that points a user's manager at another target user (reference §3.9: the target-side id). */
export function buildManagerPatch(managerTargetId: string | null, hasManager: boolean): ScimPatchOperation[] {
  return [{ op: hasManager ? 'replace' : 'add', path: MANAGER_TARGET_PATH, value: { value: managerTargetId } }]
}

function writeValue(container: Record<string, unknown>, path: TargetPath, value: unknown): void {
  if (path.filter === null) {
    if (path.subAttribute === null) container[path.attribute] = value
    else objectAt(container, path.attribute)[path.subAttribute] = value
    return
  }
  const { attribute, value: wanted } = path.filter
  const list = Array.isArray(container[path.attribute]) ? (container[path.attribute] as Record<string, unknown>[]) : []
  container[path.attribute] = list
  let element = list.find((item) => sameText(item[attribute], wanted))
  if (element === undefined) {
    element = { [attribute]: wanted }
    list.push(element)
  }
  element[path.subAttribute ?? 'value'] = value
}

function objectAt(container: Record<string, unknown>, name: string): Record<string, unknown> {
  const existing = container[name]
  if (isObject(existing)) return existing
  const created: Record<string, unknown> = {}
  container[name] = created
  return created
}

function isCoreSchema(schema: string | null): boolean {
  return schema === null || schema.toLowerCase() === CORE_USER_SCHEMA.toLowerCase()
}

/** A property by exact name, else case-insensitively (RFC 7643 §2.1). */
function getProperty(object: ScimObject, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(object, name)) return object[name]
  const lower = name.toLowerCase()
  for (const key in object) {
    if (Object.prototype.hasOwnProperty.call(object, key) && key.toLowerCase() === lower) return object[key]
  }
  return undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function sameText(value: unknown, wanted: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === wanted.toLowerCase()
}

function shownScalar(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'string') return value
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  return JSON.stringify(value)
}
