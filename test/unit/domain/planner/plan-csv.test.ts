import { describe, expect, it } from 'vitest'
import { planSummaryLine, planToCsv } from '../../../../src-main/domain/planner/plan-csv'
import { planSafety } from '../../../../src-main/domain/planner/plan-safety'
import { planSync } from '../../../../src-main/domain/planner/plan-sync'
import { goldenInput } from './planner-fixtures'

describe('planToCsv', () => {
  const plan = planSync(goldenInput())
  const csv = planToCsv(plan)
  const lines = csv.split('\r\n')

  it('writes the header and one CRLF-terminated row per operation', () => {
    expect(lines[0]).toBe('action,entraId,targetId,userName,displayName,reason code,reason,changes')
    expect(lines).toHaveLength(plan.operations.length + 2)
    expect(lines.at(-1)).toBe('')
  })

  it('quotes fields with commas or quotes, doubling the quotes (RFC 4180)', () => {
    expect(lines[3]).toBe('update,u-ada,t-ada,ada@contoso.com,Ada Berg,AttributesChanged,2 attributes differ from Entra.,"title: Sales Manager → Sales Director; roles: Approver → Approver, Sales Lead"')
    expect(lines[4]).toBe('reactivate,u-gus,t-gus,gus@contoso.com,Gus Tan,ActiveAgain,Active in Entra and in scope again: the inactive target user is reactivated.,"phoneNumbers[type eq ""mobile""].value: +41 79 555 00 00 → +41 79 555 01 02; active: false → true"')
  })
})

describe('planSummaryLine', () => {
  it('says what the plan does in plain words, and how to unblock it', () => {
    expect(planSummaryLine(planSync(goldenInput()))).toBe(
      '2 users to create, 2 users to update, 2 users to disable, 1 user to reactivate, 2 users to delete, 1 group to create, 2 groups gaining members, 1 group losing members, 3 manager references, 4 skipped — blocked: 4 deletes and disables are over the threshold; type 4 to allow them.',
    )
    expect(planSummaryLine(planSync(goldenInput({ mode: 'paused' })))).toBe('20 skipped.')
  })
})

describe('planSafety', () => {
  const options = { deletionThreshold: { count: 500, percent: 20 }, confirmedDeletes: null }
  it('blocks over the count or over the share of target users, never at zero', () => {
    expect(planSafety(300, 201, 100_000, options).isBlocked).toBe(true)
    expect(planSafety(300, 200, 100_000, options).isBlocked).toBe(false)
    expect(planSafety(1, 1, 9, options).isBlocked).toBe(true)
    expect(planSafety(0, 0, 0, options).isBlocked).toBe(false)
    expect(planSafety(300, 201, 100_000, { ...options, confirmedDeletes: 501 })).toMatchObject({ isBlocked: false, confirmNumber: 501 })
  })
})
