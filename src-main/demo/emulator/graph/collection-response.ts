/**
 * The shared shape of every paged collection Graph serves: validate the query, resume from the
 * `$skiptoken`, filter, take a page, project it, and link the next page with an absolute
 * `@odata.nextLink` that carries the same options (https://learn.microsoft.com/graph/paging).
 * `@odata.count` is written on the first page only.
 */
import { failureResponse, jsonResponse, textResponse, type GraphRequest, type GraphResponse } from './graph-exchange'
import { invalidPageToken, unsupportedQuery } from './graph-errors'
import type { GraphContext } from './graph-context'
import type { DirectoryRecord } from './odata-filter'
import { isEventuallyConsistent, linkQuery, parseQueryOptions, type QueryOptions, type QuerySpec } from './odata-query'
import { countMatching, indexAfter, takePage } from './sorted-page'

export interface CollectionDescription<T extends { readonly id: string }> {
  /** Items sorted by id. */
  readonly items: readonly T[]
  readonly spec: QuerySpec
  /** Path below `/v1.0` used for the next link, e.g. `/groups/{id}/members`. */
  readonly linkPath: string
  /** Builds `@odata.context` from the parsed options. */
  readonly context: (query: QueryOptions) => string
  /** The record `$filter` reads. */
  readonly record: (item: T) => DirectoryRecord
  /** Builds the projector for this request; null items are skipped. */
  readonly projector: (query: QueryOptions) => (item: T) => Record<string, unknown> | null
  /** Page size when `$top` is absent (Graph: 100). */
  readonly defaultTop?: number
}

/** Answers `GET <collection>` with one page. */
export function collectionResponse<T extends { readonly id: string }>(
  context: GraphContext,
  request: GraphRequest,
  description: CollectionDescription<T>,
): GraphResponse {
  const query = parseQueryOptions(request.query, request.headers, description.spec)
  if (!query.ok) return failureResponse(query.failure)
  const options = query.value
  let afterId: string | null = null
  if (options.skipToken !== null) {
    const payload = context.tokens.decode(options.skipToken)
    if (!payload || payload['scope'] !== description.linkPath || typeof payload['after'] !== 'string') {
      return failureResponse(invalidPageToken())
    }
    afterId = payload['after']
  }
  const filter = options.filter
  const test = filter ? (item: T) => filter.test(description.record(item)) : null
  const page = takePage(description.items, indexAfter(description.items, afterId), options.top ?? description.defaultTop ?? 100, test)
  const project = description.projector(options)
  const value: Record<string, unknown>[] = []
  for (const item of page.items) {
    const projected = project(item)
    if (projected) value.push(projected)
  }
  const body: Record<string, unknown> = { '@odata.context': description.context(options) }
  if (options.isCountRequested && options.skipToken === null) {
    body['@odata.count'] = countMatching(description.items, test)
  }
  const last = page.items[page.items.length - 1]
  if (page.hasMore && last) {
    const token = context.tokens.encode({ scope: description.linkPath, after: last.id })
    body['@odata.nextLink'] = `${context.origin}/v1.0${description.linkPath}?${linkQuery(options.given, [['$skiptoken', token]])}`
  }
  body['value'] = value
  return jsonResponse(body)
}

/**
 * Answers `GET <collection>/$count` as text/plain. Graph only counts with `ConsistencyLevel:
 * eventual`; `$filter` applies, other options are refused.
 */
export function countResponse<T extends { readonly id: string }>(
  request: GraphRequest,
  items: readonly T[],
  spec: QuerySpec,
  record: (item: T) => DirectoryRecord,
): GraphResponse {
  if (!isEventuallyConsistent(request.headers)) {
    return failureResponse(
      unsupportedQuery(
        "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information",
      ),
    )
  }
  // The count itself stands in for `$count=true`, so advanced filters are allowed here.
  const countQuery = parseQueryOptions(withCount(request.query), request.headers, {
    ...spec,
    allowed: new Set(['$filter', '$count']),
  })
  if (!countQuery.ok) return failureResponse(countQuery.failure)
  const filter = countQuery.value.filter
  return textResponse(String(countMatching(items, filter ? (item: T) => filter.test(record(item)) : null)))
}

function withCount(query: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(query)
  if (!copy.has('$count')) copy.set('$count', 'true')
  return copy
}
