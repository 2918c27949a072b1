/** A level as a badge: colour, icon and words together, never colour alone. */
import type { ReactNode } from 'react'
import type { ExpiryLevel } from '../../../src-main/common'
import { ErrorIcon, SuccessIcon, WarningIcon } from '../../components/icons'
import { EXPIRY_LEVEL_LABELS } from './expiry-wording'

/** `data-level` carries the level for tests and styles. */
export function ExpiryBadge(props: { readonly level: ExpiryLevel; readonly prefix?: string }): ReactNode {
  const icon =
    props.level === 'ok' ? <SuccessIcon size={14} /> : props.level === 'expired' || props.level === 'critical7' ? <ErrorIcon size={14} /> : <WarningIcon size={14} />
  return (
    <span className={`expiry-badge is-${props.level}`} data-level={props.level}>
      {icon}
      {props.prefix}
      {EXPIRY_LEVEL_LABELS[props.level]}
    </span>
  )
}
