/**
 * The state of one request the admin started (save, test, check): whether it is on its way, what
 * it answered, and why it failed. Slices keep one per button so each shows its own outcome.
 */
import type { AppErrorData } from '../../src-main/common'

export interface Operation<Result> {
  readonly isBusy: boolean
  readonly result: Result | null
  readonly error: AppErrorData | null
}

/** Nothing asked yet. */
export function idleOperation<Result>(): Operation<Result> {
  return { isBusy: false, result: null, error: null }
}

/** On its way; the previous result stays visible until the new one replaces it. */
export function busyOperation<Result>(previous: Operation<Result>): Operation<Result> {
  return { isBusy: true, result: previous.result, error: null }
}

/** Answered. */
export function succeededOperation<Result>(result: Result): Operation<Result> {
  return { isBusy: false, result, error: null }
}

/** Refused; what was known before is kept so the screen does not go blank. */
export function failedOperation<Result>(previous: Operation<Result>, error: AppErrorData): Operation<Result> {
  return { isBusy: false, result: previous.result, error }
}
