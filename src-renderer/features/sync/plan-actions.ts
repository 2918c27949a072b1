/** How each plan action is named and coloured in the preview and the run log. */
import type { PlanAction } from '../../../src-main/common'

/** Visual weight of an action: creates add, updates change, disables and deletes take away. */
export type ActionTone = 'add' | 'change' | 'remove' | 'danger' | 'neutral'

interface ActionPresentation {
  /** The chip label ("Create 120"). */
  readonly label: string
  /** The badge on a row ("Create"). */
  readonly badge: string
  readonly tone: ActionTone
}

const PRESENTATION: Readonly<Record<PlanAction, ActionPresentation>> = {
  create: { label: 'Create', badge: 'Create', tone: 'add' },
  update: { label: 'Update', badge: 'Update', tone: 'change' },
  disable: { label: 'Disable', badge: 'Disable', tone: 'remove' },
  reactivate: { label: 'Reactivate', badge: 'Reactivate', tone: 'add' },
  delete: { label: 'Delete', badge: 'Delete', tone: 'danger' },
  createGroup: { label: 'Groups', badge: 'Group', tone: 'add' },
  addMembers: { label: 'Members added', badge: 'Add members', tone: 'change' },
  removeMembers: { label: 'Members removed', badge: 'Remove members', tone: 'remove' },
  setManager: { label: 'Manager', badge: 'Manager', tone: 'change' },
  skip: { label: 'Skipped', badge: 'Skip', tone: 'neutral' },
}

/** The chips' order: what matters most to an admin first, skips last. */
export const ACTION_ORDER: readonly PlanAction[] = [
  'create',
  'update',
  'disable',
  'reactivate',
  'delete',
  'createGroup',
  'addMembers',
  'removeMembers',
  'setManager',
  'skip',
]

/** The filter chip's label of an action. */
export function labelOfAction(action: PlanAction): string {
  return PRESENTATION[action].label
}

/** The short badge text of an action on a row. */
export function badgeOfAction(action: PlanAction): string {
  return PRESENTATION[action].badge
}

/** The colour family of an action. */
export function toneOfAction(action: PlanAction): ActionTone {
  return PRESENTATION[action].tone
}

/** Adds an action to the filter, or takes it out when it is already in. */
export function toggleAction(filter: readonly PlanAction[], action: PlanAction): PlanAction[] {
  return filter.includes(action)
    ? filter.filter((item) => item !== action)
    : ACTION_ORDER.filter((item) => item === action || filter.includes(item))
}
