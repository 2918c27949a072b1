/**
 * One push per profile across processes. The desktop app (or the browser host) and the command
 * line share a profile cache; a run found 'running' in the journal may be an interrupted one (resume
 * it) or one another process is executing right now (sending its operations again would repeat
 * them). The run row says which: its `owner` names the executing process and its `heartbeat_at`,
 * refreshed every few seconds while it executes, says whether that process is still alive.
 */
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { AppError } from '../../common/errors'

/** A heartbeat older than this means the owner died (kill -9, power cut) and the run may be taken over. */
export const DEFAULT_STALE_AFTER_MS = 30_000
/** How often the executing process refreshes its heartbeat: well inside the stale limit. */
export const DEFAULT_HEARTBEAT_EVERY_MS = 5_000

/** How a process holds the runs it executes. */
export interface RunLockOptions {
  /** This process's owner id ({@link createRunOwner}); one per process, so it can take back its own runs. */
  readonly owner: string
  readonly staleAfterMs?: number
  readonly heartbeatEveryMs?: number
}

/** A run another process is executing right now. */
export interface RunHolder {
  readonly runId: string
  readonly owner: string
  readonly startedAt: string
  readonly startedBy: string
  readonly heartbeatAt: string
}

/**
 * A per-process owner id: the host kind ("app", "browser", "cli"), the process id, a random part
 * (process ids are reused) and the machine, e.g. "cli:12345:ab12@laptop".
 */
export function createRunOwner(hostKind: string): string {
  return `${hostKind}:${process.pid}:${randomBytes(2).toString('hex')}@${hostname()}`
}

interface OwnerParts {
  readonly hostKind: string
  readonly pid: number | null
  readonly host: string | null
}

function ownerParts(owner: string): OwnerParts {
  const at = owner.lastIndexOf('@')
  const [hostKind = owner, pid] = (at >= 0 ? owner.slice(0, at) : owner).split(':')
  const parsed = Number(pid)
  return { hostKind, pid: Number.isInteger(parsed) && parsed > 0 ? parsed : null, host: at >= 0 ? owner.slice(at + 1) : null }
}

/**
 * True when the owner ran on this machine and its process no longer exists: its run can be taken
 * over at once instead of after the stale limit. A reused process id only makes us wait for the
 * heartbeat to go stale — the safe direction.
 */
export function isOwnerProcessGone(owner: string): boolean {
  const { pid, host } = ownerParts(owner)
  if (pid === null || host !== hostname()) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

const HOST_WORDS: Readonly<Record<string, string>> = { app: 'the desktop app', browser: 'the browser host', cli: 'the command line' }

/** The refusal shown when another process is pushing the profile. */
export function runBusyError(holder: RunHolder): AppError {
  const { hostKind, pid } = ownerParts(holder.owner)
  const started = new Date(holder.startedAt)
  const time = Number.isNaN(started.getTime()) ? holder.startedAt : `${String(started.getHours()).padStart(2, '0')}:${String(started.getMinutes()).padStart(2, '0')}`
  const where = `${HOST_WORDS[hostKind] ?? hostKind}${pid === null ? '' : `, process ${pid}`}`
  return new AppError({
    code: 'Busy',
    message: `Another Headcount window or a scheduled \`headcount push\` is pushing this profile right now (started ${time} by ${holder.startedBy} in ${where}).`,
    hint: 'Wait for it to finish, or cancel it there.',
  })
}
