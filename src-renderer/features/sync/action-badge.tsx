/** The coloured badge naming a plan action on a row, in the detail panel and in the run log. */
import type { ReactNode } from 'react'
import type { PlanAction } from '../../../src-main/common'
import { badgeOfAction, toneOfAction } from './plan-actions'

/** "Create", "Update", "Delete" … in the action's colour family. */
export function ActionBadge(props: { action: PlanAction }): ReactNode {
  return <span className={`badge action-badge is-${toneOfAction(props.action)}`}>{badgeOfAction(props.action)}</span>
}
