import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX } from '../../../src-main/common'
import { startBridge, type RunningBridge } from '../../../src-main/bridge/bridge-server'
import { createRecordingApi, type RecordingApi } from '../../helpers/recording-api'

let bridge: RunningBridge
let api: RecordingApi
let staticRoot: string

beforeAll(async () => {
  staticRoot = mkdtempSync(join(tmpdir(), 'headcount-bridge-'))
  mkdirSync(join(staticRoot, 'assets'))
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Headcount</title>')
  writeFileSync(join(staticRoot, 'assets', 'app.js'), 'console.log(1)')
  api = createRecordingApi()
  bridge = await startBridge({ api, staticRoot })
})
afterAll(async () => {
  await bridge.close()
  rmSync(staticRoot, { recursive: true, force: true })
})

/** Opens a socket with the given headers; resolves with the open socket or the HTTP status it got. */
function connect(options: { token?: string | null; origin?: string; host?: string }): Promise<WebSocket | number> {
  const protocols = [BRIDGE_PROTOCOL]
  if (options.token !== null) protocols.push(BRIDGE_TOKEN_PREFIX + (options.token ?? bridge.token))
  const headers: Record<string, string> = { Origin: options.origin ?? bridge.origin }
  if (options.host) headers.Host = options.host
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/api`, protocols, { headers })
    socket.once('open', () => resolve(socket))
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    socket.once('error', () => resolve(-1))
  })
}

function call(socket: WebSocket, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse((data as Buffer).toString('utf8')) as Record<string, unknown>))
    socket.send(typeof message === 'string' ? message : JSON.stringify(message))
  })
}

describe('bridge: who may connect', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`)
    expect(bridge.token.length).toBeGreaterThanOrEqual(32)
  })

  it('accepts the right token from its own origin', async () => {
    const socket = await connect({})
    expect(socket).toBeInstanceOf(WebSocket)
    ;(socket as WebSocket).close()
  })

  it('refuses a connection without a token (401)', async () => {
    expect(await connect({ token: null })).toBe(401)
  })

  it('refuses a wrong token (401)', async () => {
    expect(await connect({ token: 'x'.repeat(32) })).toBe(401)
  })

  it('refuses another origin (403)', async () => {
    expect(await connect({ origin: 'https://evil.example' })).toBe(403)
  })

  it('refuses a foreign Host header, as DNS rebinding would send (403)', async () => {
    expect(await connect({ host: `attacker.example:${bridge.port}` })).toBe(403)
    // fetch() may not set Host, so ask with node:http as a rebinding browser would arrive.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: bridge.port, path: '/', headers: { Host: 'attacker.example' } }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      request.on('error', reject)
      request.end()
    })
    expect(status).toBe(403)
  })
})

describe('bridge: static files', () => {
  it('serves index.html with a strict CSP', async () => {
    const response = await fetch(`${bridge.origin}/`)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain(`ws://127.0.0.1:${bridge.port}`)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves assets with their content type', async () => {
    const response = await fetch(`${bridge.origin}/assets/app.js`)
    expect(response.headers.get('content-type')).toContain('text/javascript')
  })

  it('never leaves the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret']) {
      const response = await fetch(`${bridge.origin}${path}`)
      expect(response.status).toBe(404)
    }
  })

  it('answers 405 to writes', async () => {
    expect((await fetch(`${bridge.origin}/`, { method: 'POST' })).status).toBe(405)
  })
})

describe('bridge: calls and events', () => {
  it('routes a valid call to the API and returns its result', async () => {
    const socket = (await connect({})) as WebSocket
    const answer = await call(socket, { type: 'call', id: 7, channel: 'directory:queryUsers', argument: { profileId: 'demo', offset: 0, limit: 50 } })
    expect(answer).toEqual({ type: 'result', id: 7, ok: true, result: { total: 0, offset: 0, rows: [] } })
    expect(api.calls.at(-1)).toEqual({ channel: 'directory:queryUsers', argument: { profileId: 'demo', offset: 0, limit: 50 } })
    socket.close()
  })

  it('rejects an invalid argument before it reaches the API', async () => {
    const socket = (await connect({})) as WebSocket
    const before = api.calls.length
    const answer = await call(socket, { type: 'call', id: 8, channel: 'directory:queryUsers', argument: { profileId: '../etc', offset: -1, limit: 5 } })
    expect(answer.ok).toBe(false)
    expect((answer.error as { code: string }).code).toBe('InvalidArgument')
    expect(api.calls.length).toBe(before)
    socket.close()
  })

  it('rejects an unknown channel and a malformed message', async () => {
    const socket = (await connect({})) as WebSocket
    const unknown = await call(socket, { type: 'call', id: 9, channel: 'shell:exec', argument: {} })
    expect((unknown.error as { code: string }).code).toBe('InvalidArgument')
    const malformed = await call(socket, '{not json')
    expect(malformed).toMatchObject({ type: 'result', id: -1, ok: false })
    socket.close()
  })

  it('carries an AppError with its code and hint', async () => {
    const socket = (await connect({})) as WebSocket
    const answer = await call(socket, { type: 'call', id: 10, channel: 'directory:summary', argument: { profileId: 'demo' } })
    expect(answer).toMatchObject({ ok: false, error: { code: 'NotFound', message: 'No such profile.', hint: 'Open the demo first.' } })
    socket.close()
  })

  it('pushes events to connected pages', async () => {
    const socket = (await connect({})) as WebSocket
    const received = new Promise<Record<string, unknown>>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse((data as Buffer).toString('utf8')) as Record<string, unknown>)),
    )
    const payload = { profileId: 'demo', runId: 'r', phase: 'users', pages: 1, users: 100, groups: 0, totalUsers: 200, rate: 50, etaSeconds: 2 } as const
    api.progress.emit(payload)
    expect(await received).toEqual({ type: 'event', channel: 'pull:onDidProgress', payload })
    socket.close()
  })
})
