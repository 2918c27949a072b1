/** An AppError in plain words: what happened, what to do, and the id support needs. */
import type { ReactNode } from 'react'
import type { AppErrorData } from '../../src-main/common'
import { ErrorIcon } from './icons'

export interface ErrorNoticeProps {
  readonly error: AppErrorData
  /** A heading above the message ("The pull failed"). */
  readonly title?: string
  /** Buttons such as "Try again". */
  readonly actions?: ReactNode
}

/** `role="alert"`, so the failure is announced the moment it appears. */
export function ErrorNotice(props: ErrorNoticeProps): ReactNode {
  const { error } = props
  return (
    <div className="notice is-error" role="alert">
      <ErrorIcon size={20} />
      <div className="notice-body">
        {props.title !== undefined && <p className="notice-title">{props.title}</p>}
        <p>{error.message}</p>
        {error.hint !== undefined && <p className="notice-hint">{error.hint}</p>}
        {error.requestId !== undefined && (
          <p className="notice-detail">
            Request id for support: <code>{error.requestId}</code>
          </p>
        )}
        {props.actions !== undefined && <div className="notice-actions">{props.actions}</div>}
      </div>
    </div>
  )
}
