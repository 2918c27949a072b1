import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { appErrorOf } from '../../../../src-renderer/stores/app-error-of'

describe('reading an AppError out of a rejection', () => {
  it('keeps code, message, hint, request id and status of an AppError (as lib/api.ts rejects)', () => {
    const error = new AppError({ code: 'TooManyRequests', message: 'Slow down.', hint: 'Wait.', requestId: 'r-1', status: 429 })
    expect(appErrorOf(error)).toEqual({ code: 'TooManyRequests', message: 'Slow down.', hint: 'Wait.', requestId: 'r-1', status: 429 })
  })

  it('reads the plain serialised shape too', () => {
    expect(appErrorOf({ code: 'Busy', message: 'A pull is running.' })).toEqual({ code: 'Busy', message: 'A pull is running.' })
  })

  it('turns an abort into Cancelled', () => {
    expect(appErrorOf(new DOMException('aborted', 'AbortError')).code).toBe('Cancelled')
  })

  it('never shows the text of anything else', () => {
    const originalError = console.error
    console.error = () => {}
    try {
      const data = appErrorOf(new TypeError("Cannot read properties of undefined (reading 'rows')"))
      expect(data.code).toBe('Internal')
      expect(data.message).not.toContain('undefined')
    } finally {
      console.error = originalError
    }
  })
})
