/**
 * Pushing the previewed plan: the deletion-threshold confirmation, the Push button (disabled with
 * the reason when it cannot be pressed), progress while it runs, the outcome when it ends, and
 * the "the plan changed" dialog when main re-planned instead of pushing.
 *
 * Test ids: threshold-banner, threshold-confirm-input, push-button, push-block-reason,
 * push-progress, push-cancel-button, push-result, replanned-dialog, replanned-review-button.
 */
import { useId, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Dialog } from '../../components/dialog'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount } from '../../components/format-count'
import { formatDuration } from '../../components/format-time'
import { CheckIcon, ErrorIcon, WarningIcon } from '../../components/icons'
import { ProgressBar } from '../../components/progress-bar'
import { useAppStore } from '../../stores/app-store-context'
import { isPushActive } from '../../stores/sync-slice'
import { thresholdMessage } from './deletion-safety'
import { formatEta, formatPushCounts, formatRate, pushFraction } from './push-figures'
import { operationsToSend, pushBlockReason } from './push-readiness'
import { describeRunOutcome } from './run-outcome'

/** Everything between the list and the push; rendered once there is a plan. */
export function PushPanel(): ReactNode {
  const summary = useAppStore((state) => state.sync.plan.result)
  const push = useAppStore((state) => state.sync.push)
  const confirmText = useAppStore((state) => state.sync.confirmText)
  const settings = useAppStore((state) => state.target.syncSettings.result)
  const setConfirmText = useAppStore((state) => state.setConfirmText)
  const pushPlan = useAppStore((state) => state.pushPlan)
  const navigate = useAppStore((state) => state.navigate)
  const confirmId = useId()
  const reasonId = useId()
  const isPushing = isPushActive(push.state)
  const isPlanSpent = summary !== null && push.state === 'finished' && push.planId === summary.planId
  const reason = pushBlockReason({ summary, settings, confirmText, isPushing, isPlanSpent })

  return (
    <section className="push-panel" aria-label="Push">
      {summary !== null && summary.safety.isBlocked && !isPushing && !isPlanSpent && (
        <div className="notice is-error threshold-banner" data-testid="threshold-banner" role="alert">
          <WarningIcon size={20} />
          <div className="notice-body">
            <p className="notice-title">{thresholdMessage(summary.safety)}</p>
            <div className="threshold-confirm">
              <label htmlFor={confirmId}>Number of users to disable and delete</label>
              <input
                id={confirmId}
                className="text-input"
                inputMode="numeric"
                autoComplete="off"
                data-testid="threshold-confirm-input"
                value={confirmText}
                onChange={(event) => setConfirmText(event.target.value)}
              />
            </div>
          </div>
        </div>
      )}

      {isPushing ? (
        <PushProgressView />
      ) : (
        <div className="push-actions">
          <button
            type="button"
            className="button is-primary is-large"
            data-testid="push-button"
            disabled={reason !== null}
            aria-describedby={reason === null ? undefined : reasonId}
            onClick={() => void pushPlan()}
          >
            {summary === null ? 'Push' : `Push ${formatCount(operationsToSend(summary))} ${operationsToSend(summary) === 1 ? 'operation' : 'operations'}`}
          </button>
          {reason !== null && (
            <span id={reasonId} className="push-block-reason" data-testid="push-block-reason">
              {reason}
            </span>
          )}
        </div>
      )}

      {push.state === 'failed' && push.error !== null && <ErrorNotice title="The push did not start" error={push.error} />}
      {push.state === 'finished' && push.finished !== null && <PushResult onOpenRuns={() => navigate('runs')} />}
      {push.replanned !== null && <ReplannedDialog />}
    </section>
  )
}

function PushProgressView(): ReactNode {
  const { progress, isCancelling, error } = useAppStore(
    useShallow((state) => ({ progress: state.sync.push.progress, isCancelling: state.sync.push.isCancelling, error: state.sync.push.error })),
  )
  const cancelPush = useAppStore((state) => state.cancelPush)
  const counts = progress === null ? 'Starting…' : formatPushCounts(progress)
  return (
    <div className="push-progress" data-testid="push-progress">
      <div className="push-progress-head">
        <strong>{isCancelling ? 'Cancelling…' : 'Pushing…'}</strong>
        <button type="button" className="button" data-testid="push-cancel-button" disabled={isCancelling} onClick={() => void cancelPush()}>
          Cancel
        </button>
      </div>
      <ProgressBar fraction={pushFraction(progress)} label="Push progress" valueText={counts} />
      <p className="push-progress-figures" aria-live="polite">
        <span>{counts}</span>
        {progress !== null && (
          <>
            <span>{formatRate(progress.perSecond)}</span>
            <span>{formatEta(progress.etaSeconds)}</span>
            {progress.throttled > 0 && <span>{formatCount(progress.throttled)} throttled by the application (slowed down)</span>}
          </>
        )}
      </p>
      {error !== null && <ErrorNotice title="Could not cancel; the push goes on" error={error} />}
    </div>
  )
}

/** The outcome of the push just finished; never "success" when anything failed. */
function PushResult(props: { onOpenRuns(): void }): ReactNode {
  const run = useAppStore((state) => state.sync.push.finished)
  if (run === null) return null
  const outcome = describeRunOutcome(run)
  const icon = outcome.tone === 'success' ? <CheckIcon size={20} /> : outcome.tone === 'danger' ? <ErrorIcon size={20} /> : <WarningIcon size={20} />
  return (
    <div className={`notice push-result is-${outcome.tone}`} data-testid="push-result" data-tone={outcome.tone} role={outcome.tone === 'danger' ? 'alert' : 'status'}>
      {icon}
      <div className="notice-body">
        <p className="notice-title">{outcome.title}</p>
        <p>
          {outcome.text}
          {run.durationMs !== null && ` Took ${formatDuration(run.durationMs)}.`}
        </p>
        <div className="notice-actions">
          <button type="button" className="button" onClick={props.onOpenRuns}>
            Open Runs
          </button>
        </div>
      </div>
    </div>
  )
}

/** Main found the cache or the target changed since the preview and made a new plan instead of pushing. */
function ReplannedDialog(): ReactNode {
  const changes = useAppStore((state) => state.sync.push.replanned)
  const closeReplanned = useAppStore((state) => state.closeReplanned)
  if (changes === null) return null
  const total = changes.added + changes.removed + changes.changed
  return (
    <Dialog
      title="The plan changed since you reviewed it"
      description={`Nothing was sent. The cache or the application changed, so Headcount planned again: ${formatCount(changes.added)} added, ${formatCount(changes.removed)} removed, ${formatCount(changes.changed)} changed.`}
      testId="replanned-dialog"
      onClose={closeReplanned}
      footer={
        <button type="button" className="button is-primary" data-testid="replanned-review-button" data-autofocus onClick={closeReplanned}>
          Review new plan
        </button>
      }
    >
      {changes.lines.length > 0 ? (
        <ul className="replanned-lines plain-list">
          {changes.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>No details were given.</p>
      )}
      {total > changes.lines.length && <p className="sync-muted">…and {formatCount(total - changes.lines.length)} more; the new plan shows them all.</p>}
    </Dialog>
  )
}
