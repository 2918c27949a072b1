/**
 * Pure checks the bridge applies to every HTTP request and WebSocket upgrade. The bridge listens on
 * 127.0.0.1 only, but any web page the admin visits can still try to reach it: the Host check stops
 * DNS rebinding, the Origin check stops cross-site WebSockets, and the per-launch token stops other
 * local programs and pages that guess the port.
 */
import { timingSafeEqual } from 'node:crypto'
import { BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX } from '../common'

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const

/** The Host header must name the loopback address and our port (DNS-rebinding defence). */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  return LOOPBACK_NAMES.some((name) => hostHeader.toLowerCase() === `${name}:${port}`)
}

/** The Origin of a WebSocket upgrade must be the bridge's own page. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (!originHeader) return false
  return LOOPBACK_NAMES.some((name) => originHeader.toLowerCase() === `http://${name}:${port}`)
}

/** Parses `Sec-WebSocket-Protocol: headcount.v1, token.<token>`. */
export function readProtocolToken(protocolHeader: string | undefined): string | null {
  if (!protocolHeader) return null
  const offered = protocolHeader.split(',').map((part) => part.trim())
  if (!offered.includes(BRIDGE_PROTOCOL)) return null
  const tokenPart = offered.find((part) => part.startsWith(BRIDGE_TOKEN_PREFIX))
  return tokenPart ? tokenPart.slice(BRIDGE_TOKEN_PREFIX.length) : null
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function tokensEqual(presented: string | null, expected: string): boolean {
  if (presented === null) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type UpgradeVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 400 | 401 | 403 | 404; readonly reason: string }

/** Every check an upgrade request must pass, in the order a failure is reported. */
export function checkUpgrade(
  request: { path: string; host?: string; origin?: string; protocols?: string },
  port: number,
  expectedToken: string,
  socketPath: string,
): UpgradeVerdict {
  if (request.path !== socketPath) return { ok: false, status: 404, reason: 'Unknown endpoint.' }
  if (!isAllowedHost(request.host, port)) return { ok: false, status: 403, reason: 'Host not allowed.' }
  if (!isAllowedOrigin(request.origin, port)) return { ok: false, status: 403, reason: 'Origin not allowed.' }
  const token = readProtocolToken(request.protocols)
  if (token === null) return { ok: false, status: 401, reason: 'Missing access token.' }
  if (!tokensEqual(token, expectedToken)) return { ok: false, status: 401, reason: 'Wrong access token.' }
  return { ok: true }
}
