/**
 * Reads and validates the OData query options of one request (`$select`, `$filter`, `$top`,
 * `$count`, `$expand`, `$skiptoken`, `$deltatoken`) the way Graph does, including its rules for
 * advanced queries (https://learn.microsoft.com/graph/aad-advanced-queries): `$count=true` needs
 * `ConsistencyLevel: eventual`, and `ne`/`not`/`endswith` need both.
 */
import {
  badRequest,
  parsed,
  rejected,
  requestBadRequest,
  unknownProperty,
  unsupportedQuery,
  type Parsed,
} from './graph-errors'
import { findProperty, type EntityCatalog } from './entity-catalog'
import { compileFilter, type CompiledFilter } from './odata-filter'

export type QueryOptionName = '$select' | '$filter' | '$top' | '$count' | '$expand' | '$skiptoken' | '$deltatoken'

/** `$expand=manager($levels=max;$select=id,displayName)`. */
export interface ManagerExpansion {
  /** Canonical property names, or null for the manager's full property set. */
  readonly select: readonly string[] | null
  /** 1 unless `$levels` asks for the chain of managers above. */
  readonly levels: number
}

export interface QueryOptions {
  /** Canonical names in request order (id not added), or null when `$select` is absent. */
  readonly select: readonly string[] | null
  readonly filter: CompiledFilter | null
  readonly top: number | null
  readonly isCountRequested: boolean
  readonly expandManager: ManagerExpansion | null
  readonly skipToken: string | null
  readonly deltaToken: string | null
  /** The options as received, `$`-prefixed and in order, for building `@odata.nextLink`. */
  readonly given: readonly (readonly [QueryOptionName, string])[]
}

export interface QuerySpec {
  readonly catalog: EntityCatalog
  readonly allowed: ReadonlySet<QueryOptionName>
  /** Names `$select` accepts beyond the catalog (delta: `manager`, `members`). */
  readonly extraSelectable?: readonly string[]
  /** Catalog for `$select` inside `$expand=manager(...)`. */
  readonly managerCatalog?: EntityCatalog
  readonly maxTop?: number
}

const SYSTEM_OPTIONS = new Set([
  'select',
  'filter',
  'top',
  'count',
  'expand',
  'skiptoken',
  'deltatoken',
  'orderby',
  'search',
  'skip',
  'format',
  'apply',
  'compute',
  'levels',
  'index',
])

/** Navigation properties Graph knows but the emulator does not expand. */
const NAVIGATION_PROPERTIES = new Set([
  'manager',
  'directreports',
  'memberof',
  'transitivememberof',
  'ownedobjects',
  'registereddevices',
  'approleassignments',
  'members',
  'owners',
  'transitivemembers',
  'sponsors',
])

/** True when the request carries `ConsistencyLevel: eventual`. */
export function isEventuallyConsistent(headers: Readonly<Record<string, string | undefined>>): boolean {
  return headers['consistencylevel']?.trim().toLowerCase() === 'eventual'
}

/** Parses the query options of one request against what the endpoint supports. */
export function parseQueryOptions(
  query: URLSearchParams,
  headers: Readonly<Record<string, string | undefined>>,
  spec: QuerySpec,
): Parsed<QueryOptions> {
  const given: [QueryOptionName, string][] = []
  const seen = new Set<string>()
  for (const [rawName, value] of query) {
    const hasDollar = rawName.startsWith('$')
    const name = (hasDollar ? rawName.slice(1) : rawName).toLowerCase()
    // Graph ignores parameters that are not OData system query options; the `$` is optional.
    if (!hasDollar && !SYSTEM_OPTIONS.has(name)) continue
    if (!SYSTEM_OPTIONS.has(name)) return rejected(badRequest(`Query option '${rawName}' is not allowed.`))
    if (seen.has(name)) {
      return rejected(
        badRequest(`Query option '$${name}' was specified more than once, but it must be specified at most once.`),
      )
    }
    seen.add(name)
    const option = `$${name}` as QueryOptionName
    if (!spec.allowed.has(option)) {
      return rejected(unsupportedQuery(`The query option '$${name}' is not supported on this resource.`))
    }
    given.push([option, value])
  }
  const value = (name: QueryOptionName): string | undefined => given.find(([option]) => option === name)?.[1]

  const top = parseTop(value('$top'), spec.maxTop ?? 999)
  if (!top.ok) return top
  const isCountRequested = parseCount(value('$count'))
  if (!isCountRequested.ok) return isCountRequested
  const select = parseSelect(value('$select'), spec.catalog, spec.extraSelectable ?? [])
  if (!select.ok) return select
  const expandManager = parseExpand(value('$expand'), spec.catalog, spec.managerCatalog)
  if (!expandManager.ok) return expandManager
  const filterText = value('$filter')
  const filter = filterText === undefined ? parsed(null) : compileFilter(filterText, spec.catalog)
  if (!filter.ok) return filter

  const isEventual = isEventuallyConsistent(headers)
  if (isCountRequested.value && !isEventual) return rejected(requestBadRequest('$count is not currently supported.'))
  const advancedProperty = filter.value?.advancedProperty ?? null
  if (advancedProperty !== null && !(isEventual && isCountRequested.value)) {
    return rejected(
      unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${advancedProperty}' of resource '${spec.catalog.resourceName}'.`,
      ),
    )
  }
  return parsed({
    select: select.value,
    filter: filter.value,
    top: top.value,
    isCountRequested: isCountRequested.value,
    expandManager: expandManager.value,
    skipToken: value('$skiptoken') ?? null,
    deltaToken: value('$deltatoken') ?? null,
    given,
  })
}

function parseTop(text: string | undefined, maxTop: number): Parsed<number | null> {
  if (text === undefined) return parsed(null)
  if (!/^\s*-?[0-9]+\s*$/.test(text)) {
    return rejected(
      badRequest(
        `Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
      ),
    )
  }
  const top = Number(text)
  if (top < 1 || top > maxTop) {
    return rejected(
      unsupportedQuery(`Invalid page size specified: '${top}'. Must be between 1 and ${maxTop} inclusive.`),
    )
  }
  return parsed(top)
}

function parseCount(text: string | undefined): Parsed<boolean> {
  if (text === undefined) return parsed(false)
  const lower = text.trim().toLowerCase()
  if (lower === 'true' || lower === 'false') return parsed(lower === 'true')
  return rejected(badRequest(`'${text}' is not a valid count option.`))
}

/** Splits `a,b(c,d),e` on top-level commas. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (character === '(') depth++
    else if (character === ')') depth--
    else if (character === separator && depth === 0) {
      parts.push(text.slice(start, index))
      start = index + 1
    }
  }
  parts.push(text.slice(start))
  return parts.map((part) => part.trim()).filter((part) => part.length > 0)
}

function parseSelect(
  text: string | undefined,
  catalog: EntityCatalog,
  extraSelectable: readonly string[],
): Parsed<readonly string[] | null> {
  if (text === undefined) return parsed(null)
  const names: string[] = []
  for (const part of splitTopLevel(text, ',')) {
    if (part === '*') {
      for (const property of catalog.properties.values()) names.push(property.name)
      continue
    }
    const extra = extraSelectable.find((name) => name.toLowerCase() === part.toLowerCase())
    const canonical = extra ?? findProperty(catalog, part)?.name
    if (canonical === undefined) return rejected(unknownProperty(part, catalog.typeName))
    if (!names.includes(canonical)) names.push(canonical)
  }
  return parsed(names)
}

function parseExpand(
  text: string | undefined,
  catalog: EntityCatalog,
  managerCatalog: EntityCatalog | undefined,
): Parsed<ManagerExpansion | null> {
  if (text === undefined) return parsed(null)
  let expansion: ManagerExpansion | null = null
  for (const item of splitTopLevel(text, ',')) {
    const match = /^([A-Za-z]+)\s*(?:\((.*)\))?$/s.exec(item)
    if (!match) return rejected(badRequest(`Syntax error in the $expand query option: '${item}'.`))
    const name = (match[1] as string).toLowerCase()
    if (name !== 'manager' || !managerCatalog) {
      if (NAVIGATION_PROPERTIES.has(name)) {
        return rejected(unsupportedQuery(`Expanding '${match[1]}' is not supported by the emulator on this resource.`))
      }
      return rejected(unknownProperty(match[1] as string, catalog.typeName))
    }
    let select: readonly string[] | null = null
    let levels = 1
    for (const option of splitTopLevel(match[2] ?? '', ';')) {
      const separator = option.indexOf('=')
      const optionName = option.slice(0, separator).trim().toLowerCase().replace(/^\$/, '')
      const optionValue = option.slice(separator + 1).trim()
      if (separator < 0) return rejected(badRequest(`Syntax error in the $expand query option: '${item}'.`))
      if (optionName === 'select') {
        const nested = parseSelect(optionValue, managerCatalog, [])
        if (!nested.ok) return nested
        select = nested.value
      } else if (optionName === 'levels') {
        // Graph caps `max` for manager chains; 20 is deeper than any demo hierarchy.
        const count = optionValue.toLowerCase() === 'max' ? 20 : Number(optionValue)
        if (!Number.isInteger(count) || count < 1) {
          return rejected(badRequest(`Invalid value '${optionValue}' for $levels.`))
        }
        levels = count
      } else {
        return rejected(badRequest(`Query option '$${optionName}' is not allowed inside $expand.`))
      }
    }
    expansion = { select, levels }
  }
  return parsed(expansion)
}

/**
 * Characters left unescaped in links so they read like Graph's (`$select=id,displayName`); `&`, `+`,
 * `#`, `%` and spaces stay escaped so the link parses back to the same options.
 */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(24|2C|28|29|27|3A|2F|3D|3B)/gi, (escape) =>
    decodeURIComponent(escape),
  )
}

/** The query string of a follow-up link: the given options (minus paging tokens) plus `extra`. */
export function linkQuery(
  given: readonly (readonly [QueryOptionName, string])[],
  extra: readonly (readonly [QueryOptionName, string])[],
): string {
  const options = [...given.filter(([name]) => name !== '$skiptoken' && name !== '$deltatoken'), ...extra]
  return options.map(([name, value]) => `${name}=${encodeQueryValue(value)}`).join('&')
}
