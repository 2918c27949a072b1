/**
 * SCIM target attribute paths as Entra's mapping editor writes them:
 *
 *   userName · name.givenName · emails[type eq "work"].value · addresses[type eq "work"].country ·
 *   urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager
 *
 * Grammar (a subset of RFC 7644 §3.10 attribute paths plus the `[attr eq "value"]` value filter of
 * §3.5.2, which is the only filter form Entra's target paths use):
 *
 *   path      = [ schemaUrn ":" ] name [ "[" name SP "eq" SP string "]" ] [ "." name ]
 *   name      = ALPHA *( ALPHA / DIGIT / "-" / "_" ) / "$ref"           (RFC 7643 §2.1)
 *   string    = DQUOTE *( any character except DQUOTE ) DQUOTE
 *
 * A schema URN is recognised by its `urn:` prefix; its last `:`-separated part is the attribute name.
 * Parsing never throws: problems come back as diagnostics with their position in the text.
 */
import type { MappingDiagnostic } from './mapping-diagnostic'

/** The enterprise User extension (RFC 7643 §4.3). */
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

/** A value filter on a multi-valued attribute: `[type eq "work"]`. */
export interface ValueFilter {
  readonly attribute: string
  readonly value: string
}

export interface TargetPath {
  /** The extension schema URN, or null for a core User attribute. */
  readonly schema: string | null
  readonly attribute: string
  readonly filter: ValueFilter | null
  readonly subAttribute: string | null
}

export interface TargetPathParse {
  /** Null when the text is not a valid path (see diagnostics). */
  readonly path: TargetPath | null
  readonly diagnostics: readonly MappingDiagnostic[]
}

const NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)/
const FILTER_OPERATOR = /^ +eq +/i

/** Parses a target path; `mappingIndex` is carried into the diagnostics. */
export function parseTargetPath(text: string, mappingIndex: number | null = null): TargetPathParse {
  const fail = (message: string, offset: number, length: number, hint: string | null): TargetPathParse => ({
    path: null,
    diagnostics: [{ code: text.trim() === '' ? 'emptyTargetPath' : 'invalidTargetPath', severity: 'error', message, hint, mappingIndex, field: 'targetPath', offset, length }],
  })
  if (text.trim() === '') return fail('The target attribute is empty.', 0, text.length, 'Pick a target attribute such as userName.')

  let schema: string | null = null
  let position = 0
  if (/^urn:/i.test(text)) {
    // The attribute is the part after the last ':' before any value filter (whose value may hold ':').
    const bracket = text.indexOf('[')
    const colon = text.lastIndexOf(':', (bracket < 0 ? text.length : bracket) - 1)
    if (colon <= 'urn:'.length) return fail('A schema URN must be followed by ":" and an attribute name.', 0, text.length, `For example ${ENTERPRISE_USER_SCHEMA}:department`)
    schema = text.slice(0, colon)
    position = colon + 1
  }

  const attribute = readName(text, position)
  if (attribute === null) return fail('Expected an attribute name.', position, Math.max(1, text.length - position), 'Attribute names start with a letter.')
  position += attribute.length

  let filter: ValueFilter | null = null
  if (text[position] === '[') {
    const filterStart = position
    position++
    const filterAttribute = readName(text, position)
    if (filterAttribute === null) return fail('Expected an attribute name in the value filter.', position, 1, 'Write a filter as [type eq "work"].')
    position += filterAttribute.length
    const operator = FILTER_OPERATOR.exec(text.slice(position))
    if (!operator) return fail('Only the "eq" operator is supported in a target path filter.', position, 1, 'Write a filter as [type eq "work"].')
    position += operator[0].length
    if (text[position] !== '"') return fail('Expected a quoted value in the value filter.', position, 1, 'Write a filter as [type eq "work"].')
    const close = text.indexOf('"', position + 1)
    if (close < 0) return fail('The filter value has no closing quote.', position, text.length - position, 'Close the value with ".')
    const value = text.slice(position + 1, close)
    position = close + 1
    if (text[position] !== ']') return fail('The value filter has no closing "]".', filterStart, position - filterStart, 'Close the filter with ].')
    position++
    filter = { attribute: filterAttribute, value }
  }

  let subAttribute: string | null = null
  if (text[position] === '.') {
    position++
    subAttribute = readName(text, position)
    if (subAttribute === null) return fail('Expected a sub-attribute name after ".".', position, Math.max(1, text.length - position), 'For example name.givenName.')
    position += subAttribute.length
  }

  if (position < text.length) return fail(`Unexpected "${text.slice(position)}" after the attribute path.`, position, text.length - position, null)
  return { path: { schema, attribute, filter, subAttribute }, diagnostics: [] }
}

/** Prints a target path in the canonical form (`eq` in lower case, single spaces). */
export function printTargetPath(path: TargetPath): string {
  const schema = path.schema === null ? '' : `${path.schema}:`
  const filter = path.filter === null ? '' : `[${path.filter.attribute} eq "${path.filter.value}"]`
  const subAttribute = path.subAttribute === null ? '' : `.${path.subAttribute}`
  return `${schema}${path.attribute}${filter}${subAttribute}`
}

/**
 * A key under which two paths naming the same SCIM attribute compare equal: attribute names and
 * schema URNs are case-insensitive (RFC 7643 §2.1), and so is the `type` value (caseExact false).
 */
export function targetPathKey(path: TargetPath): string {
  return printTargetPath(path).toLowerCase()
}

/** The key of a path given as text: the canonical key when it parses, else the trimmed text in lower case. */
export function targetTextKey(text: string): string {
  const known = TEXT_KEYS.get(text)
  if (known !== undefined) return known
  const parsed = parseTargetPath(text)
  const key = parsed.path ? targetPathKey(parsed.path) : text.trim().toLowerCase()
  // A mapping set names a handful of paths, asked for once per user: parsing them again for each of
  // 100,000 users dominated planning. Bounded, so odd inputs cannot grow it without end.
  if (TEXT_KEYS.size >= 1000) TEXT_KEYS.clear()
  TEXT_KEYS.set(text, key)
  return key
}

/** Memo of targetTextKey: a pure function of its text. */
const TEXT_KEYS = new Map<string, string>()

function readName(text: string, position: number): string | null {
  return NAME.exec(text.slice(position))?.[0] ?? null
}
