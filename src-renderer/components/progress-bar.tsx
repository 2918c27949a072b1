/** A labelled progress bar: determinate when the fraction is known, a moving "busy" band otherwise. */
import type { ReactNode } from 'react'

export interface ProgressBarProps {
  /** 0..1, or null when the amount of work is unknown. */
  readonly fraction: number | null
  /** What is progressing, for assistive technology ("Users read"). */
  readonly label: string
  /** Spoken/tooltip form of the value ("2,500 of 10,000 users"). */
  readonly valueText?: string
}

/** Renders `role="progressbar"` with the ARIA values a screen reader announces. */
export function ProgressBar(props: ProgressBarProps): ReactNode {
  const percent = props.fraction === null ? null : Math.round(props.fraction * 1000) / 10
  return (
    <div
      className={percent === null ? 'progress-bar is-indeterminate' : 'progress-bar'}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={props.valueText}
    >
      <div className="progress-bar-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
    </div>
  )
}
