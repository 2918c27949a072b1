/**
 * CLI exit codes, for scripts and schedulers: 0 ok, 2 usage or configuration, 3 authentication or
 * permission, 4 remote service, 5 cancelled. Anything unexpected is 1.
 */
import type { ErrorCode } from '../common'

export const EXIT_OK = 0
export const EXIT_UNEXPECTED = 1
export const EXIT_USAGE = 2
export const EXIT_AUTHENTICATION = 3
export const EXIT_REMOTE = 4
export const EXIT_CANCELLED = 5

const BY_CODE: Readonly<Record<ErrorCode, number>> = {
  InvalidArgument: EXIT_USAGE,
  NotFound: EXIT_USAGE,
  MandatoryFieldsMissing: EXIT_USAGE,
  DuplicateTargetEntries: EXIT_USAGE,
  InvalidAnchor: EXIT_USAGE,
  StoreError: EXIT_USAGE,
  Busy: EXIT_USAGE,
  InvalidRules: EXIT_USAGE,
  ThresholdExceeded: EXIT_USAGE,
  PlanOutdated: EXIT_USAGE,
  Unauthorized: EXIT_AUTHENTICATION,
  Forbidden: EXIT_AUTHENTICATION,
  TooManyRequests: EXIT_REMOTE,
  ServiceUnavailable: EXIT_REMOTE,
  NetworkError: EXIT_REMOTE,
  Timeout: EXIT_REMOTE,
  RemoteError: EXIT_REMOTE,
  Conflict: EXIT_REMOTE,
  SyncStateNotFound: EXIT_REMOTE,
  Cancelled: EXIT_CANCELLED,
  Internal: EXIT_UNEXPECTED,
}

export function exitCodeFor(code: ErrorCode): number {
  return BY_CODE[code]
}
