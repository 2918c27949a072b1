import { describe, expect, it } from 'vitest'
import { describeRunOutcome, shownRunStatus } from '../../../../../src-renderer/features/sync/run-outcome'
import { runSummary } from '../../fake-sync-api'

const counts = (failed: number, total = 100) => ({ total, succeeded: total - failed, failed, skipped: 0, pending: 0 })

describe('the outcome of a run', () => {
  it('says success only when nothing failed', () => {
    expect(describeRunOutcome(runSummary('r', { counts: counts(0) }))).toMatchObject({ tone: 'success', title: 'Pushed 100 operations' })
    expect(describeRunOutcome(runSummary('r', { counts: counts(0, 0) })).title).toBe('Nothing needed to change')
  })

  it('names the failures and points at Runs, even when main called the run a success', () => {
    expect(describeRunOutcome(runSummary('r', { status: 'partial', counts: counts(3) }))).toMatchObject({
      tone: 'danger',
      title: 'Finished with 3 failures — see Runs',
      text: '97 of 100 operations succeeded.',
    })
    expect(describeRunOutcome(runSummary('r', { status: 'succeeded', counts: counts(1) })).title).toBe('Finished with 1 failure — see Runs')
    expect(shownRunStatus(runSummary('r', { status: 'succeeded', counts: counts(1) }))).toBe('partial')
    expect(describeRunOutcome(runSummary('r', { status: 'failed', counts: counts(0) })).tone).toBe('danger')
    const skippedOnly = runSummary('r', { status: 'partial', counts: { total: 469, succeeded: 330, failed: 0, skipped: 139, pending: 0 } })
    expect(describeRunOutcome(skippedOnly)).toMatchObject({ tone: 'danger', title: 'Finished with 139 operations skipped — see Runs', text: '330 of 469 operations succeeded, 139 skipped.' })
  })

  it('says how far a cancelled run got', () => {
    const run = runSummary('r', { status: 'cancelled', counts: { total: 100, succeeded: 40, failed: 0, skipped: 0, pending: 60 } })
    expect(describeRunOutcome(run)).toMatchObject({ tone: 'warning', title: 'Cancelled', text: expect.stringContaining('60 were not sent') })
  })
})
