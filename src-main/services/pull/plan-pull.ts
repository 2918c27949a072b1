/**
 * Decides how a pull reads, from what `pull_state` says the last one left:
 * - an unfinished round (the process was killed, the network dropped, the pull was cancelled)
 *   continues after its last committed page — never from zero, never twice;
 * - otherwise, with a deltaLink for users and groups made with the same attribute list, only the
 *   changes are read;
 * - otherwise (first pull, `full` asked for, attributes changed) everything is read.
 */
import type { PullNote } from '../store/pull-run-log'
import type { PullStateRow, RoundKind } from '../store/pull-state-store'

export interface PullPlan {
  readonly mode: RoundKind
  /** Continue the unfinished round instead of starting one. */
  readonly isResuming: boolean
  readonly notes: readonly PullNote[]
}

export function planPull(
  users: PullStateRow | null,
  groups: PullStateRow | null,
  userSelect: readonly string[],
  isFullRequested: boolean,
): PullPlan {
  const isSameSelect = users?.select !== null && users?.select !== undefined && sameNames(users.select, userSelect)
  const round = users?.round ?? null
  if (round !== null && groups?.round === round && isSameSelect && (round === 'full' || !isFullRequested)) {
    const pages = (users?.pages ?? 0) + (groups?.pages ?? 0)
    return {
      mode: round,
      isResuming: true,
      notes: [
        {
          code: 'resumed',
          message: `Continued the unfinished ${round === 'full' ? 'full read' : 'read of changes'} after the ${pages} pages an earlier run had saved (users ${users?.pages ?? 0}, groups ${groups?.pages ?? 0}).`,
          pages,
        },
      ],
    }
  }
  if (isFullRequested) return { mode: 'full', isResuming: false, notes: [] }
  if (users?.deltaLink && groups?.deltaLink) {
    if (isSameSelect) return { mode: 'delta', isResuming: false, notes: [] }
    return {
      mode: 'full',
      isResuming: false,
      notes: [{ code: 'attributesChanged', message: 'The attributes to read changed since the last pull, so Headcount read the whole directory again.' }],
    }
  }
  return { mode: 'full', isResuming: false, notes: [] }
}

function sameNames(left: readonly string[], right: readonly string[]): boolean {
  if (left.length !== right.length) return false
  const names = new Set(left)
  return right.every((name) => names.has(name))
}
