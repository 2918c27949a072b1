import { GraphError } from '@microsoft/microsoft-graph-client'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { toGraphAppError } from '../../../../src-main/services/graph/graph-failure'

const readUsers = { description: 'read users', permission: 'User.Read.All' }

function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): GraphError {
  const error = new GraphError(status, message)
  error.code = code
  error.requestId = 'request-1'
  error.headers = new Headers(headers)
  return error
}

describe('toGraphAppError', () => {
  it.each([
    [401, 'InvalidAuthenticationToken', 'Unauthorized'],
    [403, 'Authorization_RequestDenied', 'Forbidden'],
    [404, 'Request_ResourceNotFound', 'NotFound'],
    [429, 'TooManyRequests', 'TooManyRequests'],
    [503, 'serviceNotAvailable', 'ServiceUnavailable'],
    [504, 'gatewayTimeout', 'ServiceUnavailable'],
    [500, 'generalException', 'RemoteError'],
  ] as const)('maps HTTP %i (%s) to %s, keeping the status and request-id', (status, code, expected) => {
    const error = toGraphAppError(graphError(status, code, 'Graph text.'), readUsers)
    expect(error).toMatchObject({ code: expected, status, requestId: 'request-1' })
    expect(error.message).toContain(`${code}: Graph text.`)
  })

  it('names the missing permission on 403', () => {
    const error = toGraphAppError(graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'), readUsers)
    expect(error.message).toContain('User.Read.All')
    expect(error.hint).toContain('User.Read.All')
  })

  it('tells when to try again after throttling', () => {
    const error = toGraphAppError(graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': '7' }), readUsers)
    expect(error.hint).toContain('7 seconds')
  })

  it('falls back to the request-id response header when the body has none', () => {
    const error = graphError(503, 'serviceNotAvailable', 'Down.', { 'request-id': 'from-header' })
    error.requestId = null
    expect(toGraphAppError(error, readUsers).requestId).toBe('from-header')
  })

  it('passes an AppError from the token provider through unchanged', () => {
    const original = new AppError({ code: 'Unauthorized', message: 'The client secret is wrong.' })
    expect(toGraphAppError(original, readUsers)).toBe(original)
  })

  it('reports a failure without an HTTP answer as NetworkError with the low-level reason', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    const error = toGraphAppError(new TypeError('fetch failed', { cause }), readUsers)
    expect(error.code).toBe('NetworkError')
    expect(error.message).toContain('ECONNREFUSED')
  })

  it('reports Cancelled whenever the signal was aborted, whatever was thrown', () => {
    const controller = new AbortController()
    controller.abort()
    expect(toGraphAppError(new TypeError('fetch failed'), readUsers, controller.signal).code).toBe('Cancelled')
  })
})
