/**
 * The AppError data inside whatever an API call rejected with.
 *
 * Both hosts reject with the serialised AppErrorData (IPC and the bridge carry plain objects); a
 * rejection of any other shape is a bug in a host or in the renderer, and gets a generic message
 * rather than its raw text, which may hold paths.
 */
import type { AppErrorData } from '../../src-main/common'

/** Reads `{code, message, hint?, requestId?, status?}` out of a rejection reason. */
export function appErrorOf(reason: unknown): AppErrorData {
  if (typeof reason === 'object' && reason !== null) {
    const record = reason as Record<string, unknown>
    if (typeof record.code === 'string' && typeof record.message === 'string') {
      const data: { -readonly [K in keyof AppErrorData]: AppErrorData[K] } = {
        code: record.code as AppErrorData['code'],
        message: record.message,
      }
      if (typeof record.hint === 'string') data.hint = record.hint
      if (typeof record.requestId === 'string') data.requestId = record.requestId
      if (typeof record.status === 'number') data.status = record.status
      return data
    }
    if (record.name === 'AbortError') return { code: 'Cancelled', message: 'The operation was cancelled.' }
  }
  console.error('Unexpected rejection from the Headcount API', reason)
  return {
    code: 'Internal',
    message: 'Something went wrong inside Headcount.',
    hint: 'Try again; if it keeps happening, send the log file to support.',
  }
}
