/** A centred message for a screen or region with nothing to show, saying what to do next. */
import type { ReactNode } from 'react'

export interface EmptyStateProps {
  readonly title: string
  readonly children?: ReactNode
  /** The next step, usually one button. */
  readonly action?: ReactNode
  readonly icon?: ReactNode
}

/** A title, an explanation and the next step. */
export function EmptyState(props: EmptyStateProps): ReactNode {
  return (
    <div className="empty-state">
      {props.icon !== undefined && <div className="empty-state-icon">{props.icon}</div>}
      <h2 className="empty-state-title">{props.title}</h2>
      {props.children !== undefined && <div className="empty-state-text">{props.children}</div>}
      {props.action !== undefined && <div className="empty-state-action">{props.action}</div>}
    </div>
  )
}
