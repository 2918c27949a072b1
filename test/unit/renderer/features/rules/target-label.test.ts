import { describe, expect, it } from 'vitest'
import { targetLabel } from '../../../../../src-renderer/features/rules/target-label'

describe('target attributes in the picker', () => {
  it.each([
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'enterprise:department'],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', 'enterprise:manager'],
    ['urn:ietf:params:scim:schemas:extension:headcount:2.0:User:pronouns', 'headcount:pronouns'],
    ['emails[type eq "work"].value', 'emails[type eq "work"].value'],
    ['userName', 'userName'],
  ])('%s is shown as %s', (path, label) => {
    expect(targetLabel(path)).toBe(label)
  })
})
