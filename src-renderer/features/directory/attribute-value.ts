/**
 * Turns an attribute value pulled from Graph into something a person can read in the detail panel.
 *
 * Graph values are strings, numbers, booleans, null, arrays (businessPhones, proxyAddresses,
 * assignedLicenses) and objects (onPremisesExtensionAttributes). Nothing here interprets them; it
 * only lays them out.
 */

/** How the panel shows one value. */
export type AttributeDisplay =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'record'; readonly entries: readonly (readonly [string, string])[] }

/** A value on one line: scalars as they are, nested structures as "key: value · key: value". */
export function describeInline(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'string') return value === '' ? '(empty text)' : value
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(describeInline).join(', ')
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '(none)'
    return entries.map(([key, item]) => `${key}: ${describeInline(item)}`).join(' · ')
  }
  // JSON from Graph holds nothing else; a symbol or function here would be a bug upstream.
  return `(${typeof value})`
}

/** How to show a whole attribute value: empty, text, one item per line, or a small name/value table. */
export function describeAttributeValue(value: unknown): AttributeDisplay {
  if (value === null || value === undefined || value === '') return { kind: 'empty' }
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' }
    return { kind: 'list', items: value.map(describeInline) }
  }
  if (typeof value === 'object') {
    // Extension attribute bags come back with every slot present and most of them null.
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== null && item !== undefined && item !== '')
      .map(([key, item]) => [key, describeInline(item)] as const)
    return entries.length === 0 ? { kind: 'empty' } : { kind: 'record', entries }
  }
  return { kind: 'text', text: describeInline(value) }
}
