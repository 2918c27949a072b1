import { describe, expect, it } from 'vitest'
import type { PlanSummary } from '../../../../../src-main/common'
import { pushBlockReason } from '../../../../../src-renderer/features/sync/push-readiness'

const summary: PlanSummary = {
  planId: 'plan-1',
  profileId: 'demo',
  createdAt: '2026-11-01T09:00:00Z',
  rulesFingerprint: 'f',
  mode: 'full',
  counts: { create: 2, update: 0, disable: 0, reactivate: 0, delete: 0, createGroup: 0, addMembers: 0, removeMembers: 0, setManager: 0, skip: 5 },
  safety: { deletes: 0, disables: 0, targetUsers: 10, threshold: { count: 500, percent: 20 }, isBlocked: false, confirmNumber: 0 },
  totalOperations: 7,
  excludedOperations: 0,
  unmatchedTargetUsers: 0,
  snapshotTakenAt: null,
  directoryPulledAt: null,
  isPushEnabled: true,
  durationMs: 1,
}
const settings = { mode: 'full' as const, isPushEnabled: true, deletionThreshold: { count: 500, percent: 20 } }
const ready = { summary, settings, confirmText: '', isPushing: false }

describe('whether Push can be pressed', () => {
  it('can when a plan with something to send is allowed', () => {
    expect(pushBlockReason(ready)).toBeNull()
  })

  it('says why not, one reason at a time', () => {
    expect(pushBlockReason({ ...ready, summary: null })).toMatch(/^Make a plan first/)
    expect(pushBlockReason({ ...ready, settings: { ...settings, isPushEnabled: false } })).toMatch(/Allow pushing/)
    expect(pushBlockReason({ ...ready, settings: { ...settings, mode: 'paused' } })).toMatch(/Paused/)
    expect(pushBlockReason({ ...ready, summary: { ...summary, excludedOperations: 2 } })).toMatch(/^Nothing to push/)
    expect(pushBlockReason({ ...ready, isPushing: true })).toBe('A push is running.')
    const blocked = { ...summary, safety: { ...summary.safety, disables: 4, isBlocked: true, confirmNumber: 4 } }
    expect(pushBlockReason({ ...ready, summary: blocked })).toBe('Type 4 in the box above to allow this many disables and deletes.')
    expect(pushBlockReason({ ...ready, summary: blocked, confirmText: '4' })).toBeNull()
  })
})

describe('a plan already pushed', () => {
  it('cannot be pushed again; a new plan can', () => {
    expect(pushBlockReason({ ...ready, isPlanSpent: true })).toBe('This plan was pushed. Plan again to see what is left to do.')
  })
})
