/**
 * Error codes that cross the API boundary. A closed union: the renderer switches on `code`, never
 * on `message`. Entra's provisioning error names are reused where they fit (STYLE.md habit 5).
 */
export const ERROR_CODES = [
  'InvalidArgument',
  'NotFound',
  'Unauthorized',
  'Forbidden',
  'Cancelled',
  'Busy',
  'TooManyRequests',
  'ServiceUnavailable',
  'NetworkError',
  'Timeout',
  'RemoteError',
  'InvalidAnchor',
  'SyncStateNotFound',
  'MandatoryFieldsMissing',
  'DuplicateTargetEntries',
  'StoreError',
  /** Rules with errors cannot be saved or run; a rules file that is not one, or is from a newer version. */
  'InvalidRules',
  /** A SCIM target answered 409: the value must be unique (Entra: EntryConflict). */
  'Conflict',
  /** The plan exceeds the deletion threshold and waits for the admin to confirm the number. */
  'ThresholdExceeded',
  /** The cache or the target changed since the plan was previewed. */
  'PlanOutdated',
  'Internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** The serialisable shape of an error: what IPC and the bridge carry. */
export interface AppErrorData {
  readonly code: ErrorCode
  /** Plain words for the admin: what happened. */
  readonly message: string
  /** What to do next, when there is something to do. */
  readonly hint?: string
  /** Microsoft Graph `request-id` (or another service's id) so support can trace the call. */
  readonly requestId?: string
  /** HTTP status of the remote answer, when there was one. */
  readonly status?: number
}

/** An expected failure. Thrown across async boundaries, serialised with {@link toAppErrorData}. */
export class AppError extends Error implements AppErrorData {
  readonly code: ErrorCode
  readonly hint?: string
  readonly requestId?: string
  readonly status?: number

  constructor(data: AppErrorData, options?: { cause?: unknown }) {
    super(data.message, options)
    this.name = 'AppError'
    this.code = data.code
    if (data.hint !== undefined) this.hint = data.hint
    if (data.requestId !== undefined) this.requestId = data.requestId
    if (data.status !== undefined) this.status = data.status
  }

  toJSON(): AppErrorData {
    return toAppErrorData(this)
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return isErrorCode(record.code) && typeof record.message === 'string'
}

/**
 * Turns anything thrown into the serialisable shape. Unknown errors become `Internal` with a
 * generic message: their text may hold paths or secrets and is logged, not shown.
 */
export function toAppErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError || isAppErrorData(error)) {
    const data: { -readonly [K in keyof AppErrorData]: AppErrorData[K] } = {
      code: error.code,
      message: error.message,
    }
    if (error.hint !== undefined) data.hint = error.hint
    if (error.requestId !== undefined) data.requestId = error.requestId
    if (error.status !== undefined) data.status = error.status
    return data
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'Cancelled', message: 'The operation was cancelled.' }
  }
  return {
    code: 'Internal',
    message: 'Something went wrong inside Headcount.',
    hint: 'Try again; if it keeps happening, send the log file to support.',
  }
}
