import { describe, expect, it } from 'vitest'
import { ACTION_ORDER, labelOfAction, toggleAction } from '../../../../../src-renderer/features/sync/plan-actions'
import { PLAN_ACTIONS } from '../../../../../src-main/common/sync-plan'

describe('plan actions', () => {
  it('names every action main can plan, in the chips’ order', () => {
    expect([...ACTION_ORDER].sort()).toEqual([...PLAN_ACTIONS].sort())
    expect(labelOfAction('skip')).toBe('Skipped')
  })

  it('toggles an action in the filter, keeping the chips’ order', () => {
    expect(toggleAction([], 'delete')).toEqual(['delete'])
    expect(toggleAction(['delete'], 'create')).toEqual(['create', 'delete'])
    expect(toggleAction(['create', 'delete'], 'create')).toEqual(['delete'])
  })
})
