import { describe, expect, it } from 'vitest'
import type { CredentialHealth } from '../../../../../src-main/common'
import { byUrgency, formatDaysLeft } from '../../../../../src-renderer/features/health/expiry-wording'

function credential(keyId: string, overrides: Partial<CredentialHealth>): CredentialHealth {
  return {
    kind: 'clientSecret',
    owner: 'appRegistration',
    displayName: keyId,
    keyId,
    startDateTime: '2025-01-01T00:00:00Z',
    endDateTime: '2027-01-01T00:00:00Z',
    daysLeft: 400,
    isActive: false,
    level: 'ok',
    advice: '',
    ...overrides,
  }
}

describe('ordering credentials', () => {
  it('puts the most urgent first: expired, then by level, then fewest days left', () => {
    const ordered = byUrgency([
      credential('ok', { daysLeft: 400 }),
      credential('notice', { level: 'notice30', daysLeft: 25 }),
      credential('expired', { level: 'expired', daysLeft: -3 }),
      credential('critical-later', { level: 'critical7', daysLeft: 6 }),
      credential('critical-sooner', { level: 'critical7', daysLeft: 2 }),
      credential('warning', { level: 'warning14', daysLeft: 10 }),
    ])
    expect(ordered.map((item) => item.keyId)).toEqual(['expired', 'critical-sooner', 'critical-later', 'warning', 'notice', 'ok'])
  })

  it('puts the SAML certificate that signs today before its spare when both end the same day', () => {
    const ordered = byUrgency([
      credential('spare', { kind: 'samlSigningCertificate', level: 'notice30', daysLeft: 25 }),
      credential('active', { kind: 'samlSigningCertificate', level: 'notice30', daysLeft: 25, isActive: true }),
    ])
    expect(ordered.map((item) => item.keyId)).toEqual(['active', 'spare'])
  })
})

describe('days left in words', () => {
  it.each([
    [12, 'in 12 days'],
    [1, 'tomorrow'],
    [0, 'today'],
    [-1, '1 day ago'],
    [-30, '30 days ago'],
  ])('%i days reads “%s”', (days, words) => {
    expect(formatDaysLeft(days)).toBe(words)
  })
})
