import { describe, expect, it } from 'vitest'
import { targetFormOf, targetSettingsOf } from '../../../../../src-renderer/features/sync/target-form'

describe('the target form', () => {
  it('proposes the defaults before anything is saved', () => {
    expect(targetFormOf(null)).toMatchObject({ ratePerSecond: '25', concurrency: '4', compatibility: 'strict', hardDeleteAfterDays: '30', token: '' })
  })

  it('sends numbers, and no token when the field was left empty (the stored one is kept)', () => {
    const values = { ...targetFormOf(null), scimUrl: ' https://cards.example.com/scim/v2 ', hardDeleteAfterDays: '0' }
    expect(targetSettingsOf(values)).toEqual({
      settings: { scimUrl: 'https://cards.example.com/scim/v2', ratePerSecond: 25, concurrency: 4, compatibility: 'strict', isSoftDeleteSupported: true, hardDeleteAfterDays: 0 },
      errors: null,
    })
    expect(targetSettingsOf({ ...values, token: 's3cret' }).settings?.token).toBe('s3cret')
  })

  it('names each field to fix', () => {
    const result = targetSettingsOf({ ...targetFormOf(null), ratePerSecond: '0', concurrency: 'four', hardDeleteAfterDays: '-1' })
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(['concurrency', 'hardDeleteAfterDays', 'ratePerSecond', 'scimUrl'])
  })
})
