import { describe, expect, it } from 'vitest'
import type { PlanSafety } from '../../../../../src-main/common'
import { isThresholdConfirmed, parseConfirmNumber, thresholdMessage } from '../../../../../src-renderer/features/sync/deletion-safety'

const blocked: PlanSafety = { deletes: 3, disables: 1200, targetUsers: 5000, threshold: { count: 500, percent: 20 }, isBlocked: true, confirmNumber: 1203 }

describe('the deletion threshold', () => {
  it('says what the plan removes, the threshold, and the number to type', () => {
    expect(thresholdMessage(blocked)).toBe('This plan disables 1,200 and deletes 3 users, over your threshold of 500 (20 %). Type 1203 to allow it.')
    expect(thresholdMessage({ ...blocked, deletes: 1 })).toContain('deletes 1 user,')
  })

  it('allows the push only with the exact number', () => {
    expect(isThresholdConfirmed(blocked, '')).toBe(false)
    expect(isThresholdConfirmed(blocked, '1202')).toBe(false)
    expect(isThresholdConfirmed(blocked, '1,203')).toBe(false)
    expect(isThresholdConfirmed(blocked, '1203.0')).toBe(false)
    expect(isThresholdConfirmed(blocked, ' 1203 ')).toBe(true)
    expect(isThresholdConfirmed({ ...blocked, isBlocked: false }, '')).toBe(true)
  })

  it('reads only plain whole numbers', () => {
    expect(parseConfirmNumber('42')).toBe(42)
    expect(parseConfirmNumber('-42')).toBeNull()
    expect(parseConfirmNumber('4e2')).toBeNull()
  })
})
