import { describe, expect, it } from 'vitest'
import { checkUpgrade, isAllowedHost, isAllowedOrigin, readProtocolToken, tokensEqual } from '../../../src-main/bridge/request-guards'

describe('bridge request guards', () => {
  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['LOCALHOST:4000', true],
    ['127.0.0.1:4001', false],
    ['127.0.0.1', false],
    ['evil.example:4000', false],
    ['127.0.0.1.evil.example:4000', false],
    [undefined, false],
  ])('Host %s allowed: %s', (host, expected) => {
    expect(isAllowedHost(host, 4000)).toBe(expected)
  })

  it.each([
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000', true],
    ['https://127.0.0.1:4000', false],
    ['http://127.0.0.1:4001', false],
    ['null', false],
    [undefined, false],
  ])('Origin %s allowed: %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, 4000)).toBe(expected)
  })

  it('reads the token only next to the headcount protocol', () => {
    expect(readProtocolToken('headcount.v1, token.abc')).toBe('abc')
    expect(readProtocolToken('token.abc')).toBeNull()
    expect(readProtocolToken('headcount.v1')).toBeNull()
    expect(readProtocolToken(undefined)).toBeNull()
  })

  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true)
    expect(tokensEqual('abd', 'abc')).toBe(false)
    expect(tokensEqual('ab', 'abc')).toBe(false)
    expect(tokensEqual(null, 'abc')).toBe(false)
  })

  it('reports the first failing check of an upgrade', () => {
    const good = { path: '/api', host: '127.0.0.1:9', origin: 'http://127.0.0.1:9', protocols: 'headcount.v1, token.t' }
    expect(checkUpgrade(good, 9, 't', '/api')).toEqual({ ok: true })
    expect(checkUpgrade({ ...good, path: '/x' }, 9, 't', '/api')).toMatchObject({ status: 404 })
    expect(checkUpgrade({ ...good, host: 'a:9' }, 9, 't', '/api')).toMatchObject({ status: 403 })
    expect(checkUpgrade({ ...good, origin: 'http://a:9' }, 9, 't', '/api')).toMatchObject({ status: 403 })
    expect(checkUpgrade({ ...good, protocols: 'headcount.v1' }, 9, 't', '/api')).toMatchObject({ status: 401 })
    expect(checkUpgrade({ ...good, protocols: 'headcount.v1, token.u' }, 9, 't', '/api')).toMatchObject({ status: 401 })
  })
})
