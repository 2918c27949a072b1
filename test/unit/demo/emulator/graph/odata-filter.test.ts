import { describe, expect, it } from 'vitest'
import { GROUP_CATALOG, USER_CATALOG } from '../../../../../src-main/demo/emulator/graph/entity-catalog'
import { compileFilter, type DirectoryRecord } from '../../../../../src-main/demo/emulator/graph/odata-filter'

const ADA: DirectoryRecord = {
  id: 'a1',
  displayName: "Ada O'Hara",
  userPrincipalName: 'ada@contoso.com',
  department: 'Engineering',
  accountEnabled: true,
  userType: 'Member',
  mail: null,
  proxyAddresses: ['SMTP:ada@contoso.com', 'smtp:ada@contoso.onmicrosoft.com'],
}

function matches(filter: string, record: DirectoryRecord = ADA): boolean {
  const compiled = compileFilter(filter, USER_CATALOG)
  if (!compiled.ok) throw new Error(compiled.failure.message)
  return compiled.value.test(record)
}

describe('compileFilter', () => {
  it.each([
    ["department eq 'Engineering'", true],
    ["department eq 'engineering'", true],
    ["department eq 'Sales'", false],
    ['accountEnabled eq true', true],
    ['accountEnabled eq false', false],
    ["displayName eq 'Ada O''Hara'", true],
    ["startswith(displayName,'ada')", true],
    ["startswith(displayName, 'Bob')", false],
    ["endswith(userPrincipalName,'@CONTOSO.COM')", true],
    ["userType ne 'Guest'", true],
    ["not(userType eq 'Member')", false],
    ["id in ('x', 'a1', 'y')", true],
    ["id in ('x')", false],
    ["department eq 'Sales' or accountEnabled eq true", true],
    ["department eq 'Sales' or department eq 'HR' and accountEnabled eq true", false],
    ["(department eq 'Sales' or department eq 'Engineering') and accountEnabled eq true", true],
    ['mail eq null', true],
    ["proxyAddresses/any(p:startswith(p, 'smtp:ada@contoso.onmicrosoft'))", true],
    ["proxyAddresses/any(p:p eq 'SMTP:bob@contoso.com')", false],
    ["displayName ge 'B'", false],
    ["displayName lt 'B'", true],
  ])('%s → %s', (filter, expected) => {
    expect(matches(filter)).toBe(expected)
  })

  it.each([
    ["department eq 'x'", null],
    ["startswith(displayName,'a') and id in ('a')", null],
    ["userType ne 'Guest'", 'userType'],
    ["not(userType eq 'Guest')", 'userType'],
    ["endswith(mail,'@contoso.com')", 'mail'],
    ['mail eq null', 'mail'],
  ])('%s needs an advanced query for %s', (filter, property) => {
    const compiled = compileFilter(filter, USER_CATALOG)
    expect(compiled.ok && compiled.value.advancedProperty).toBe(property)
  })

  it.each([
    ["department eq", 'BadRequest', "Invalid filter clause: Syntax error at position 13 in 'department eq'."],
    ["department eq 'unterminated", 'BadRequest', undefined],
    ["nope eq 'x'", 'BadRequest', "Could not find a property named 'nope' on type 'microsoft.graph.user'."],
    [
      "assignedLicenses eq 'x'",
      'Request_UnsupportedQuery',
      "Unsupported or invalid query filter clause specified for property 'assignedLicenses' of resource 'User'.",
    ],
    ["accountEnabled eq 'yes'", 'BadRequest', undefined],
    ["department eq 'x' extra", 'BadRequest', undefined],
  ])('rejects %s with %s', (filter, code, message) => {
    const compiled = compileFilter(filter, USER_CATALOG)
    expect(compiled.ok).toBe(false)
    if (compiled.ok) return
    expect(compiled.failure.code).toBe(code)
    if (message !== undefined) expect(compiled.failure.message).toBe(message)
  })

  it('filters groups on groupTypes with any()', () => {
    const compiled = compileFilter("groupTypes/any(c:c eq 'unified') and mailEnabled eq true", GROUP_CATALOG)
    expect(compiled.ok).toBe(true)
    if (!compiled.ok) return
    expect(compiled.value.test({ groupTypes: ['Unified'], mailEnabled: true })).toBe(true)
    expect(compiled.value.test({ groupTypes: [], mailEnabled: true })).toBe(false)
  })
})
