/**
 * What a finished run says about itself. The rule the whole product keeps: a run in which anything
 * failed never reads as a success (issue 5 §6).
 */
import type { RunStatus, RunSummary } from '../../../src-main/common'
import { formatCount, formatCountOf } from '../../components/format-count'

export type OutcomeTone = 'success' | 'warning' | 'danger' | 'neutral'

export interface RunOutcome {
  readonly tone: OutcomeTone
  readonly title: string
  readonly text: string
}

/** The label of a run status badge. */
export function labelOfRunStatus(status: RunStatus): string {
  switch (status) {
    case 'running':
      return 'Running'
    case 'succeeded':
      return 'Succeeded'
    case 'partial':
      return 'Partly failed'
    case 'failed':
      return 'Failed'
    case 'cancelled':
      return 'Cancelled'
  }
}

/** The status shown for a run: a "succeeded" run that still counts failures is shown as partial. */
export function shownRunStatus(run: RunSummary): RunStatus {
  return run.status === 'succeeded' && run.counts.failed > 0 ? 'partial' : run.status
}

/** Headline and one line of detail for the banner after a push and for the toast. */
export function describeRunOutcome(run: RunSummary): RunOutcome {
  const { counts } = run
  const failures = formatCountOf(counts.failed, 'failure', 'failures')
  if (run.status === 'running') {
    return { tone: 'neutral', title: 'Pushing…', text: `${formatCount(counts.succeeded + counts.failed)} of ${formatCount(counts.total)} handled.` }
  }
  if (run.status === 'cancelled') {
    const handled = counts.succeeded + counts.failed
    return {
      tone: 'warning',
      title: counts.failed > 0 ? `Cancelled with ${failures} — see Runs` : 'Cancelled',
      text: `${formatCount(handled)} of ${formatCount(counts.total)} operations were handled before the push stopped; ${formatCount(counts.pending)} were not sent.`,
    }
  }
  if (counts.failed > 0 || run.status === 'failed' || run.status === 'partial') {
    let title = 'The push failed — see Runs'
    if (counts.failed > 0) title = `Finished with ${failures} — see Runs`
    // Main judged the run incomplete without failures: operations were skipped (a dependency did not happen).
    else if (counts.skipped > 0) title = `Finished with ${formatCountOf(counts.skipped, 'operation', 'operations')} skipped — see Runs`
    return {
      tone: 'danger',
      title,
      text: `${formatCount(counts.succeeded)} of ${formatCount(counts.total)} operations succeeded${
        counts.skipped > 0 ? `, ${formatCount(counts.skipped)} skipped` : ''
      }.`,
    }
  }
  return {
    tone: 'success',
    title: counts.total === 0 ? 'Nothing needed to change' : `Pushed ${formatCountOf(counts.succeeded, 'operation', 'operations')}`,
    text: counts.skipped > 0 ? `${formatCount(counts.skipped)} skipped; nothing failed.` : 'Nothing failed.',
  }
}
