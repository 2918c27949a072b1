/** The pull as it happens: phase, progress, figures and Cancel; then its outcome and next step. */
import type { ReactNode } from 'react'
import type { PullFinished, PullProgress } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount, formatCountOf } from '../../components/format-count'
import { formatDuration } from '../../components/format-time'
import { InfoIcon, SuccessIcon } from '../../components/icons'
import { ProgressBar } from '../../components/progress-bar'
import { useAppStore } from '../../stores/app-store-context'
import { formatEta, formatRate, PULL_PHASE_LABELS, pullFraction } from './pull-figures'

/** Shows whichever part of the pull's life the store is in; nothing before the first pull. */
export function PullPanel(): ReactNode {
  const pull = useAppStore((state) => state.pull)
  const activeProfileId = useAppStore((state) => state.activeProfileId)
  const exploreDemo = useAppStore((state) => state.exploreDemo)
  const startPull = useAppStore((state) => state.startPull)
  const cancelPull = useAppStore((state) => state.cancelPull)
  const navigate = useAppStore((state) => state.navigate)
  // Without a profile (opening the demo failed) "again" means opening it again.
  const pullAgain = (): void => void (activeProfileId === null ? exploreDemo() : startPull())

  switch (pull.state) {
    case 'idle':
      return null
    case 'opening-demo':
    case 'starting':
    case 'running':
      return (
        <RunningPull
          progress={pull.progress}
          heading={pull.state === 'opening-demo' ? 'Opening the demo organisation' : undefined}
          isCancelling={pull.isCancelling}
          canCancel={pull.state !== 'opening-demo'}
          cancelError={pull.cancelError?.message ?? null}
          onCancel={() => void cancelPull()}
        />
      )
    case 'succeeded':
      return (
        <section className="card pull-panel is-success" data-testid="pull-summary" aria-labelledby="pull-heading">
          <div className="pull-outcome" role="status">
            <SuccessIcon size={24} />
            <div>
              <h2 id="pull-heading">Directory pulled</h2>
              {pull.finished !== null && <p>{summaryOf(pull.finished)}</p>}
            </div>
          </div>
          <div className="pull-actions">
            <button type="button" className="button is-primary" onClick={() => navigate('directory')}>
              Open the directory
            </button>
            <button type="button" className="button" onClick={pullAgain}>
              Pull again
            </button>
          </div>
        </section>
      )
    case 'cancelled':
      return (
        <section className="card pull-panel" data-testid="pull-summary" aria-labelledby="pull-heading">
          <div className="pull-outcome" role="status">
            <InfoIcon size={24} />
            <div>
              <h2 id="pull-heading">Pull cancelled</h2>
              <p>
                The pull stopped at your request
                {pull.finished !== null && ` after ${formatCountOf(pull.finished.users, 'user', 'users')}`}. What it
                read is kept; nothing was removed from the cache.
              </p>
            </div>
          </div>
          <div className="pull-actions">
            <button type="button" className="button is-primary" onClick={pullAgain}>
              Pull again
            </button>
          </div>
        </section>
      )
    case 'failed':
      return (
        <section className="pull-panel is-plain" aria-label="Pull failed">
          {pull.error !== null && (
            <ErrorNotice
              title="The pull did not finish"
              error={pull.error}
              actions={
                <button type="button" className="button is-primary" onClick={pullAgain}>
                  Try again
                </button>
              }
            />
          )}
        </section>
      )
  }
}

function summaryOf(finished: PullFinished): string {
  return (
    `Read ${formatCountOf(finished.users, 'user', 'users')}, ${formatCountOf(finished.groups, 'group', 'groups')} ` +
    `and ${formatCountOf(finished.memberships, 'group membership', 'group memberships')} ` +
    `in ${formatDuration(finished.durationMs)}.`
  )
}

interface RunningPullProps {
  readonly progress: PullProgress | null
  readonly heading: string | undefined
  readonly isCancelling: boolean
  readonly canCancel: boolean
  readonly cancelError: string | null
  onCancel(): void
}

function RunningPull(props: RunningPullProps): ReactNode {
  const { progress } = props
  const fraction = progress === null ? null : pullFraction(progress)
  const heading = props.heading ?? (progress === null ? 'Starting the pull' : PULL_PHASE_LABELS[progress.phase])
  const usersText =
    progress === null
      ? '—'
      : progress.totalUsers === null
        ? formatCount(progress.users)
        : `${formatCount(progress.users)} of ${formatCount(progress.totalUsers)}`
  return (
    <section className="card pull-panel" data-testid="pull-progress" aria-labelledby="pull-heading" aria-busy="true">
      <div className="pull-heading-row">
        {/* Only the phase is live: announcing every count change would drown a screen reader. */}
        <h2 id="pull-heading" aria-live="polite">
          {props.isCancelling ? 'Cancelling…' : `${heading}…`}
        </h2>
        {fraction !== null && <span className="pull-percent">{Math.round(fraction * 100)} %</span>}
      </div>
      <ProgressBar
        fraction={fraction}
        label="Pull progress"
        valueText={progress === null ? undefined : `${usersText} users read`}
      />
      <dl className="pull-figures">
        <div>
          <dt>Users</dt>
          <dd>{usersText}</dd>
        </div>
        <div>
          <dt>Groups</dt>
          <dd>{progress === null ? '—' : formatCount(progress.groups)}</dd>
        </div>
        <div>
          <dt>Pages</dt>
          <dd>{progress === null ? '—' : formatCount(progress.pages)}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>{progress === null ? '—' : formatRate(progress.rate)}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{progress === null ? '—' : formatEta(progress.etaSeconds)}</dd>
        </div>
      </dl>
      <div className="pull-actions">
        <button
          type="button"
          className="button"
          data-testid="pull-cancel-button"
          disabled={!props.canCancel || props.isCancelling}
          onClick={props.onCancel}
        >
          {props.isCancelling ? 'Cancelling…' : 'Cancel'}
        </button>
        {props.cancelError !== null && (
          <span className="pull-cancel-error" role="alert">
            Could not cancel: {props.cancelError}
          </span>
        )}
      </div>
    </section>
  )
}
