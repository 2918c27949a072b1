/**
 * `POST /$batch` (https://learn.microsoft.com/graph/json-batching): at most 20 requests with relative
 * urls, each answered on its own with status, headers and body; `dependsOn` makes an item wait for
 * others and fail with 424 when one of them failed. Each item meets the fault switches on its own,
 * so one item can come back 429 with its own `Retry-After` while the batch itself is 200.
 *
 * The responses are written in reverse order on purpose: Graph says they may come back in any
 * order, and a client that relies on the order should fail here, not in production.
 */
import { randomUUID } from 'node:crypto'
import type { GrantedAccess } from './graph-dispatcher'
import { dispatchGraphRequest } from './graph-dispatcher'
import {
  failureResponse,
  jsonResponse,
  renderResponse,
  type GraphFailure,
  type GraphRequest,
  type GraphResponse,
  type RequestIdentity,
} from './graph-exchange'
import { badRequest } from './graph-errors'
import type { GraphContext } from './graph-context'

export const MAX_BATCH_REQUESTS = 20

interface BatchItem {
  readonly id: string
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
  readonly dependsOn: readonly string[]
}

const INVALID_PAYLOAD = badRequest('Invalid batch payload format.')

function readItems(body: unknown): { ok: true; items: BatchItem[] } | { ok: false; failure: GraphFailure } {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { requests?: unknown }).requests)) {
    return { ok: false, failure: INVALID_PAYLOAD }
  }
  const requests = (body as { requests: unknown[] }).requests
  if (requests.length > MAX_BATCH_REQUESTS) {
    return {
      ok: false,
      failure: badRequest(`Number of requests in the batch exceeds the maximum of ${MAX_BATCH_REQUESTS}.`),
    }
  }
  const items: BatchItem[] = []
  for (const request of requests) {
    if (typeof request !== 'object' || request === null) return { ok: false, failure: INVALID_PAYLOAD }
    const { id, method, url, headers, body: itemBody, dependsOn } = request as Record<string, unknown>
    if (typeof id !== 'string' || typeof method !== 'string' || typeof url !== 'string') {
      return { ok: false, failure: INVALID_PAYLOAD }
    }
    if (dependsOn !== undefined && !(Array.isArray(dependsOn) && dependsOn.every((entry) => typeof entry === 'string'))) {
      return { ok: false, failure: INVALID_PAYLOAD }
    }
    const itemHeaders: Record<string, string> = {}
    if (typeof headers === 'object' && headers !== null) {
      for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') itemHeaders[name.toLowerCase()] = value
    }
    items.push({ id, method, url, headers: itemHeaders, body: itemBody, dependsOn: (dependsOn) ?? [] })
  }
  const ids = new Set(items.map((item) => item.id))
  if (ids.size !== items.length) return { ok: false, failure: badRequest('Batch request contains duplicate request ids.') }
  for (const item of items) {
    for (const dependency of item.dependsOn) {
      if (!ids.has(dependency) || dependency === item.id) {
        return { ok: false, failure: badRequest(`Request '${item.id}' depends on unknown request '${dependency}'.`) }
      }
    }
  }
  return { ok: true, items }
}

function itemRequest(item: BatchItem): GraphRequest {
  const url = new URL(item.url.startsWith('/') ? item.url : `/${item.url}`, 'https://batch.invalid')
  return { method: item.method, path: url.pathname, query: url.searchParams, headers: item.headers, body: item.body }
}

function failedDependency(): GraphResponse {
  return failureResponse({ status: 424, code: 'FailedDependency', message: 'A request this request depends on failed.' })
}

/** Answers a `$batch` body; `identity` supplies the client-request-id shared by all items. */
export function batchResponse(
  context: GraphContext,
  body: unknown,
  access: GrantedAccess,
  identity: RequestIdentity,
): GraphResponse {
  const read = readItems(body)
  if (!read.ok) return failureResponse(read.failure)
  const statusById = new Map<string, number>()
  const responses: Record<string, unknown>[] = []
  const pending = [...read.items]
  while (pending.length > 0) {
    const index = pending.findIndex((item) => item.dependsOn.every((dependency) => statusById.has(dependency)))
    if (index < 0) return failureResponse(badRequest('Batch request contains circular dependencies.'))
    const [item] = pending.splice(index, 1) as [BatchItem]
    const hasFailedDependency = item.dependsOn.some((dependency) => (statusById.get(dependency) ?? 500) >= 400)
    const response = hasFailedDependency ? failedDependency() : dispatchGraphRequest(context, itemRequest(item), access)
    const rendered = renderResponse(response, { ...identity, requestId: randomUUID() })
    statusById.set(item.id, rendered.status)
    responses.push({
      id: item.id,
      status: rendered.status,
      headers: rendered.headers,
      // json-batching: non-JSON bodies come back base64-encoded.
      body: rendered.isText ? Buffer.from(String(rendered.body)).toString('base64') : rendered.body,
    })
  }
  return jsonResponse({ responses: responses.reverse() })
}
