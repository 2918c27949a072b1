import { describe, expect, it } from 'vitest'
import { AppError, isAppErrorData, toAppErrorData } from '../../../src-main/common/errors'

describe('AppError serialisation', () => {
  it('keeps code, message, hint, request id and status', () => {
    const error = new AppError({
      code: 'TooManyRequests',
      message: 'Microsoft Graph asked us to slow down.',
      hint: 'Headcount retries by itself.',
      requestId: 'abc',
      status: 429,
    })
    const data = JSON.parse(JSON.stringify(toAppErrorData(error))) as unknown
    expect(data).toEqual({
      code: 'TooManyRequests',
      message: 'Microsoft Graph asked us to slow down.',
      hint: 'Headcount retries by itself.',
      requestId: 'abc',
      status: 429,
    })
    expect(isAppErrorData(data)).toBe(true)
  })

  it('hides the text of unexpected errors behind Internal', () => {
    const data = toAppErrorData(new Error('ENOENT /home/alice/secret.txt'))
    expect(data.code).toBe('Internal')
    expect(data.message).not.toContain('secret')
  })

  it('maps an abort to Cancelled', () => {
    const abort = new DOMException('stop', 'AbortError')
    expect(toAppErrorData(abort).code).toBe('Cancelled')
  })

  it('rejects shapes with an unknown code', () => {
    expect(isAppErrorData({ code: 'Nope', message: 'x' })).toBe(false)
  })
})
