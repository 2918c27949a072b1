import { describe, expect, it } from 'vitest'
import { createPageTokenCodec } from '../../../../../src-main/demo/emulator/graph/page-token-codec'

describe('createPageTokenCodec', () => {
  it('round-trips a payload through an opaque url-safe token', () => {
    const codec = createPageTokenCodec()
    const token = codec.encode({ scope: '/users', after: 'abc' })
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(codec.decode(token)).toEqual({ scope: '/users', after: 'abc' })
  })

  it('rejects altered tokens and tokens made with another key', () => {
    const codec = createPageTokenCodec()
    const token = codec.encode({ after: 'abc' })
    const [body, signature] = token.split('.') as [string, string]
    const forgedBody = Buffer.from(JSON.stringify({ after: 'zzz' })).toString('base64url')
    expect(codec.decode(`${forgedBody}.${signature}`)).toBeNull()
    expect(codec.decode(`${body}.${signature.slice(1)}`)).toBeNull()
    expect(codec.decode('garbage')).toBeNull()
    expect(createPageTokenCodec().decode(token)).toBeNull()
  })

  it('gives reproducible tokens for a fixed key', () => {
    const key = Buffer.alloc(32, 7)
    expect(createPageTokenCodec(key).encode({ a: 1 })).toBe(createPageTokenCodec(key).encode({ a: 1 }))
  })
})
