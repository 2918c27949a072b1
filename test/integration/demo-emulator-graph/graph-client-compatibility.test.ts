/**
 * The emulator must work with the real @microsoft/microsoft-graph-client 3.0.7: its PageIterator
 * follows our nextLinks, its RetryHandler honours our Retry-After. The client only treats https
 * nextLinks as absolute, so the emulator here writes links on https://graph.microsoft.com and a
 * terminal middleware rewrites them onto the loopback server (reference §3.2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AuthenticationHandler,
  Client,
  PageIterator,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
  type PageCollection,
} from '@microsoft/microsoft-graph-client'
import { startGraphHarness, type GraphHarness } from './graph-emulator-harness'

class RewritingFetch implements Middleware {
  constructor(private readonly target: string) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url
    context.response = await fetch(url.replace(/^https:\/\/graph\.microsoft\.com/, this.target), context.options)
  }
}

let harness: GraphHarness
let client: Client

beforeAll(async () => {
  harness = await startGraphHarness({ users: 120, publicOrigin: 'https://graph.microsoft.com' })
  const token = await harness.token()
  client = Client.initWithMiddleware({
    middleware: [
      new AuthenticationHandler({ getAccessToken: () => Promise.resolve(token) }),
      new RetryHandler(new RetryHandlerOptions(0.1, 3)),
      new TelemetryHandler(),
      new RewritingFetch(harness.origin),
    ],
  })
})
afterAll(() => harness.close())

describe('graph-client 3.0.7 against the emulator', () => {
  it('walks every page with PageIterator while the first request is throttled', async () => {
    harness.faults.configure({ throttle: { firstN: 1, retryAfterSeconds: 1 } })
    const started = Date.now()
    const first = (await client.api('/users').select(['id', 'displayName']).top(50).get()) as PageCollection
    const ids: string[] = []
    await new PageIterator(client, first, (user: { id: string }) => {
      ids.push(user.id)
      return true
    }).iterate()
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(harness.faults.counters().throttled).toBe(1)
    expect(new Set(ids).size).toBe(120)
  })

  it('follows a delta round to its deltaLink', async () => {
    harness.faults.clear()
    const first = (await client.api('/users/delta').select(['displayName']).get()) as PageCollection
    const iterator = new PageIterator(client, first, () => true)
    await iterator.iterate()
    expect(iterator.getDeltaLink()).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/users\/delta\?\$deltatoken=/)
  })
})
