/**
 * Traffic controls for the demo target, so the sync executor can be tested (and benchmarked)
 * against the conditions a real application produces: a request rate limit that answers 429 with
 * `Retry-After` (Entra's gallery checklist asks apps to take at least 25 requests/second, reference
 * §4.1), injected failures (429, 503, a request that never answers), and a log of every request
 * so a test can count how often each user was created.
 */
import type { NextFunction, Request, Response } from 'express'

/** One injected failure: an HTTP status with an optional Retry-After, or a request left hanging. */
export type DemoTargetFault =
  | { readonly kind: 'status'; readonly status: 429 | 500 | 503; readonly retryAfterSeconds?: number }
  | { readonly kind: 'hang' }

/** A mutable controller: the next N requests answer with the queued faults, in order. */
export class DemoTargetFaults {
  private readonly queue: DemoTargetFault[] = []

  /** Queues `count` copies of `fault` for the next requests. */
  failNext(count: number, fault: DemoTargetFault): void {
    for (let index = 0; index < count; index += 1) this.queue.push(fault)
  }

  /** Faults not yet used. */
  get pending(): number {
    return this.queue.length
  }

  clear(): void {
    this.queue.length = 0
  }

  /** The fault for the request arriving now, if any. */
  take(): DemoTargetFault | undefined {
    return this.queue.shift()
  }
}

/** One request as the target saw it. */
export interface DemoTargetRequestRecord {
  readonly method: string
  /** Path below the SCIM base, without the query: `/Users`, `/Users/<id>`. */
  readonly path: string
  /** The `userName` of a POSTed user, when there was one. */
  readonly userName?: string
  /** The answer's status (set when the response finished; 0 while pending or for a hung request). */
  status: number
}

/** Every request the target received, in arrival order. */
export class DemoTargetRequestLog {
  readonly entries: DemoTargetRequestRecord[] = []

  /** POST /Users requests carrying `userName` (any letter case), whatever they were answered. */
  countCreates(userName: string): number {
    const key = userName.toLowerCase()
    return this.entries.filter((entry) => entry.method === 'POST' && entry.path === '/Users' && entry.userName?.toLowerCase() === key).length
  }

  /** Requests answered with `status`. */
  countStatus(status: number): number {
    return this.entries.filter((entry) => entry.status === status).length
  }

  clear(): void {
    this.entries.length = 0
  }
}

export interface DemoTargetTrafficOptions {
  /** Requests per second the target accepts; beyond it, 429 with `Retry-After`. */
  readonly rateLimit?: { readonly perSecond: number }
  readonly faults?: DemoTargetFaults
  readonly requestLog?: DemoTargetRequestLog
  /** Monotonic milliseconds (injectable for tests). */
  readonly now?: () => number
}

function scimErrorBody(status: number, detail: string): string {
  return JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail })
}

/**
 * Express middleware (mounted under the SCIM path, after the JSON body parser) applying the
 * traffic options. The rate limit is a token bucket holding one second's worth of requests, so a
 * client pacing itself at the limit is never refused while a burst beyond it is.
 */
export function demoTargetTraffic(options: DemoTargetTrafficOptions) {
  const now = options.now ?? (() => performance.now())
  const perSecond = options.rateLimit?.perSecond
  if (perSecond !== undefined && !(perSecond > 0)) throw new RangeError(`rateLimit.perSecond must be positive, got ${perSecond}`)
  const capacity = perSecond === undefined ? 0 : Math.max(1, perSecond)
  let tokens = capacity
  let refilledAt = now()

  return (request: Request, response: Response, next: NextFunction): void => {
    const record: DemoTargetRequestRecord = { method: request.method, path: request.path, status: 0 }
    const body = request.body as { userName?: unknown } | undefined
    if (request.method === 'POST' && typeof body?.userName === 'string') (record as { userName?: string }).userName = body.userName
    if (options.requestLog) {
      options.requestLog.entries.push(record)
      response.on('finish', () => {
        record.status = response.statusCode
      })
    }

    if (perSecond !== undefined) {
      const current = now()
      tokens = Math.min(capacity, tokens + ((current - refilledAt) / 1000) * perSecond)
      refilledAt = current
      if (tokens < 1) {
        const waitSeconds = Math.max(1, Math.ceil((1 - tokens) / perSecond))
        response.status(429).setHeader('Retry-After', String(waitSeconds)).type('application/scim+json').send(scimErrorBody(429, 'Too many requests'))
        return
      }
      tokens -= 1
    }

    const fault = options.faults?.take()
    if (fault?.kind === 'hang') return // never answered; the connection closes with the server
    if (fault?.kind === 'status') {
      if (fault.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(fault.retryAfterSeconds))
      response.status(fault.status).type('application/scim+json').send(scimErrorBody(fault.status, 'Injected failure'))
      return
    }
    next()
  }
}
