/**
 * Opaque `$skiptoken` and `$deltatoken` values. A token is a small JSON payload, base64url-encoded
 * and signed with a key that lives only in this process: clients cannot forge or edit one, a garbled
 * token is detected, and a token from an earlier emulator run is rejected like Graph rejects an
 * unknown sync state.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export interface PageTokenCodec {
  encode(payload: Readonly<Record<string, unknown>>): string
  /** The payload, or null when the token was not made by this codec or was altered. */
  decode(token: string): Record<string, unknown> | null
}

/** Creates a codec with a fresh random key, or `key` for reproducible tokens in tests. */
export function createPageTokenCodec(key: Buffer = randomBytes(32)): PageTokenCodec {
  const sign = (body: string): Buffer => createHmac('sha256', key).update(body).digest().subarray(0, 16)
  return {
    encode(payload) {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
      return `${body}.${sign(body).toString('base64url')}`
    },
    decode(token) {
      const separator = token.lastIndexOf('.')
      if (separator <= 0) return null
      const body = token.slice(0, separator)
      const signature = Buffer.from(token.slice(separator + 1), 'base64url')
      const expected = sign(body)
      if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null
      try {
        const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
        return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
          ? (payload as Record<string, unknown>)
          : null
      } catch {
        return null
      }
    },
  }
}
