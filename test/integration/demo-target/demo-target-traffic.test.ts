import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DemoTargetFaults, DemoTargetRequestLog } from '../../../src-main/demo/target/demo-target-traffic'
import { startDemoTarget, type DemoTargetOptions, type RunningDemoTarget } from '../../../src-main/demo/target/start-demo-target'

const TOKEN = 'traffic-token'
let target: RunningDemoTarget | undefined
let folder: string | undefined

afterEach(async () => {
  await target?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
  target = undefined
  folder = undefined
})

async function start(options: Partial<DemoTargetOptions>): Promise<RunningDemoTarget> {
  folder = mkdtempSync(join(tmpdir(), 'headcount-traffic-'))
  target = await startDemoTarget({ databaseFile: join(folder, 'target.db'), bearerToken: TOKEN, ...options })
  return target
}

function get(running: RunningDemoTarget, path = '/Users?count=1'): Promise<Response> {
  return fetch(`${running.baseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })
}

describe('demo target traffic controls', () => {
  it('answers 429 with Retry-After beyond its rate limit, and accepts requests again after it', async () => {
    const running = await start({ rateLimit: { perSecond: 5 } })
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let index = 0; index < 8; index += 1) {
      const response = await get(running)
      statuses.push(response.status)
      if (response.status === 429) retryAfter = response.headers.get('retry-after')
      await response.arrayBuffer()
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200])
    expect(statuses.slice(5)).toContain(429)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect((await get(running)).status).toBe(200)
  })

  it('answers injected faults in order, then behaves normally; a hung request never answers', async () => {
    const faults = new DemoTargetFaults()
    const running = await start({ faults })
    faults.failNext(1, { kind: 'status', status: 503, retryAfterSeconds: 2 })
    faults.failNext(1, { kind: 'status', status: 429 })
    const first = await get(running)
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('2')
    expect((await get(running)).status).toBe(429)
    expect((await get(running)).status).toBe(200)
    faults.failNext(1, { kind: 'hang' })
    await expect(fetch(`${running.baseUrl}/Users`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(faults.pending).toBe(0)
  })

  it('logs every request with the userName of each create and the answer\'s status', async () => {
    const requestLog = new DemoTargetRequestLog()
    const running = await start({ requestLog })
    const create = () => fetch(`${running.baseUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'Dana@contoso.test' }),
    })
    expect((await create()).status).toBe(201)
    expect((await create()).status).toBe(409)
    expect(requestLog.countCreates('dana@contoso.test')).toBe(2)
    expect(requestLog.countStatus(409)).toBe(1)
    expect(requestLog.entries.map((entry) => [entry.method, entry.path])).toEqual([['POST', '/Users'], ['POST', '/Users']])
  })
})
