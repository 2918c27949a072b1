import { describe, expect, it } from 'vitest'
import { normaliseEntraPatch } from '../../../../src-main/demo/target/normalise-entra-patch'

const patch = (...operations: unknown[]) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations })

describe('normaliseEntraPatch', () => {
  it('turns Entra\'s "False"/"True" strings for active into booleans', () => {
    expect(normaliseEntraPatch(patch({ op: 'Replace', path: 'active', value: 'False' }))).toEqual(patch({ op: 'Replace', path: 'active', value: false }))
    expect(normaliseEntraPatch(patch({ op: 'replace', path: 'active', value: 'True' }))).toEqual(patch({ op: 'replace', path: 'active', value: true }))
  })

  it('also fixes active inside a path-less value object', () => {
    expect(normaliseEntraPatch(patch({ op: 'replace', value: { active: 'false', displayName: 'False' } }))).toEqual(
      patch({ op: 'replace', value: { active: false, displayName: 'False' } }),
    )
  })

  it('leaves other attributes, real booleans and non-PatchOp bodies alone', () => {
    const message = patch({ op: 'Replace', path: 'title', value: 'True' }, { op: 'Replace', path: 'active', value: true })
    expect(normaliseEntraPatch(message)).toEqual(message)
    expect(normaliseEntraPatch({ userName: 'x' })).toEqual({ userName: 'x' })
    expect(normaliseEntraPatch(undefined)).toBeUndefined()
  })
})
