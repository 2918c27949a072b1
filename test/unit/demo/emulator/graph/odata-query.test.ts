import { describe, expect, it } from 'vitest'
import { USER_CATALOG } from '../../../../../src-main/demo/emulator/graph/entity-catalog'
import { linkQuery, parseQueryOptions, type QuerySpec } from '../../../../../src-main/demo/emulator/graph/odata-query'

const SPEC: QuerySpec = {
  catalog: USER_CATALOG,
  managerCatalog: USER_CATALOG,
  allowed: new Set(['$select', '$filter', '$top', '$count', '$expand', '$skiptoken']),
}
const EVENTUAL = { consistencylevel: 'eventual' }

function parse(query: string, headers: Record<string, string> = {}) {
  return parseQueryOptions(new URLSearchParams(query), headers, SPEC)
}

describe('parseQueryOptions', () => {
  it('reads the options, canonicalising property names and keeping their order', () => {
    const parsed = parse('$select=DisplayName,id,MAIL&$top=25&$expand=manager($levels=max;$select=id,displayName)&custom=ignored')
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.select).toEqual(['displayName', 'id', 'mail'])
    expect(parsed.value.top).toBe(25)
    expect(parsed.value.expandManager).toEqual({ select: ['id', 'displayName'], levels: 20 })
    expect(parsed.value.given.map(([name]) => name)).toEqual(['$select', '$top', '$expand'])
  })

  it('accepts system options without the $ prefix', () => {
    const parsed = parse('select=id&top=3')
    expect(parsed.ok && parsed.value.top).toBe(3)
  })

  it.each([
    ['$top=1000', 'Request_UnsupportedQuery'],
    ['$top=abc', 'BadRequest'],
    ['$foo=1', 'BadRequest'],
    ['$orderby=displayName', 'Request_UnsupportedQuery'],
    ['$select=id&$select=mail', 'BadRequest'],
    ['$count=maybe', 'BadRequest'],
    ['$expand=directReports', 'Request_UnsupportedQuery'],
    ['$expand=bogus', 'BadRequest'],
    ['$expand=manager($select=nope)', 'BadRequest'],
  ])('rejects %s with %s', (query, code) => {
    const parsed = parse(query, EVENTUAL)
    expect(parsed.ok ? null : parsed.failure.code).toBe(code)
  })

  it('requires ConsistencyLevel: eventual for $count and both for advanced filters', () => {
    expect(parse('$count=true').ok).toBe(false)
    expect(parse('$count=true', EVENTUAL).ok).toBe(true)
    expect(parse("$filter=userType ne 'Guest'", EVENTUAL).ok).toBe(false)
    expect(parse("$filter=userType ne 'Guest'&$count=true").ok).toBe(false)
    expect(parse("$filter=userType ne 'Guest'&$count=true", EVENTUAL).ok).toBe(true)
  })
})

describe('linkQuery', () => {
  it('writes the options back readably, replacing paging tokens, and parses back to the same values', () => {
    const given = [
      ['$filter', "startswith(displayName,'A & B+C')"],
      ['$select', 'id,displayName'],
      ['$skiptoken', 'old'],
    ] as const
    const link = linkQuery(given, [['$skiptoken', 'abc.def']])
    expect(link).toContain('$select=id,displayName')
    expect(link).not.toContain('old')
    const back = new URLSearchParams(link)
    expect(back.get('$filter')).toBe("startswith(displayName,'A & B+C')")
    expect(back.get('$skiptoken')).toBe('abc.def')
  })
})
