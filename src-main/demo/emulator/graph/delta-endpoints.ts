/**
 * `GET /users/delta` and `GET /groups/delta`: the round trip of the delta docs. The first call pages
 * through everything via `@odata.nextLink` (`$skiptoken`), the last page carries
 * `@odata.deltaLink` (`$deltatoken`), and calling that link returns what changed since.
 * `$deltatoken=latest` starts from now with no data. The query (`$select`) is encoded in the tokens,
 * so follow-up links carry nothing else.
 *
 * Tokens are opaque and signed; an unknown, garbled or too-old token is answered with
 * `syncStateNotFound`, and faults can force that or a 410 Gone reset.
 */
import { GROUP_CATALOG, USER_CATALOG, type EntityCatalog } from './entity-catalog'
import { projectorFor, selectedProperties, type JsonObject } from './entity-projection'
import { failureResponse, jsonResponse, type GraphRequest, type GraphResponse } from './graph-exchange'
import { resyncRequired, syncStateNotFound, unsupportedQuery } from './graph-errors'
import type { GraphContext } from './graph-context'
import {
  groupChangeSource,
  initialGroupSource,
  initialUserSource,
  takeDeltaPage,
  userChangeSource,
  type DeltaCursor,
  type DeltaKind,
  type DeltaSource,
  type DeltaTracking,
} from './delta-engine'
import { linkQuery, parseQueryOptions } from './odata-query'

interface DeltaRound {
  readonly kind: DeltaKind
  readonly phase: 'initial' | 'changes'
  /** Sequence the round reports changes after (changes phase). */
  readonly from: number
  /** Sequence the round ends at; the next deltaLink starts here. */
  readonly to: number
  readonly select: readonly string[] | null
  readonly cursor: DeltaCursor
}

const KIND_SETTINGS: Readonly<Record<DeltaKind, { catalog: EntityCatalog; relation: string }>> = {
  users: { catalog: USER_CATALOG, relation: 'manager' },
  groups: { catalog: GROUP_CATALOG, relation: 'members' },
}

const START: DeltaCursor = { after: null, partialId: null, offset: 0 }

/** Answers one delta request for users or groups. */
export function deltaResponse(context: GraphContext, request: GraphRequest, kind: DeltaKind): GraphResponse {
  const { catalog, relation } = KIND_SETTINGS[kind]
  const query = parseQueryOptions(request.query, request.headers, {
    catalog,
    extraSelectable: [relation],
    allowed: new Set(['$select', '$skiptoken', '$deltatoken', '$top', '$expand', '$filter']),
  })
  if (!query.ok) return failureResponse(query.failure)
  const options = query.value
  // delta-query-users: "$expand, $top and $orderby are not supported"; $filter only on ids.
  for (const [name] of options.given) {
    if (name === '$top' || name === '$expand' || name === '$filter') {
      return failureResponse(unsupportedQuery(`The query option '${name}' is not supported with delta queries.`))
    }
  }
  const now = context.reader.now().getTime()
  let round: DeltaRound
  if (options.skipToken !== null) {
    const resumed = resumeRound(context, kind, options.skipToken, now)
    if (!resumed.ok) return failureResponse(resumed.failure)
    round = resumed.round
  } else if (options.deltaToken !== null) {
    if (options.deltaToken.toLowerCase() === 'latest') {
      return deltaBody(context, kind, options.select, [], null, context.reader.sequence(), now)
    }
    const started = roundFromDeltaToken(context, kind, options.deltaToken, now)
    if (!started.ok) return failureResponse(started.failure)
    round = started.round
  } else {
    round = { kind, phase: 'initial', from: 0, to: context.reader.sequence(), select: options.select, cursor: START }
  }

  const tracking = trackingFor(catalog, relation, round.select)
  const source = sourceFor(context, round, tracking)
  const page =
    kind === 'users'
      ? takeDeltaPage(source, round.cursor, context.delta.usersPerPage, Number.MAX_SAFE_INTEGER)
      : takeDeltaPage(source, round.cursor, context.delta.groupsPerPage, context.delta.membersPerPage)
  const project = projectorFor(selectedProperties(catalog, round.select?.filter((name) => name !== relation) ?? null))
  const value: JsonObject[] = page.entries.map(({ item, relations }) => {
    if (item.removed !== null || item.record === null) {
      return { id: item.id, '@removed': { reason: item.removed ?? 'deleted' } }
    }
    const object = project(item.record)
    if (relations !== null && relations.length > 0) object[`${relation}@delta`] = relations
    return object
  })
  const nextRound = page.next === null ? null : { ...round, cursor: page.next }
  return deltaBody(context, kind, round.select, value, nextRound, round.to, now)
}

function deltaBody(
  context: GraphContext,
  kind: DeltaKind,
  select: readonly string[] | null,
  value: readonly JsonObject[],
  nextRound: DeltaRound | null,
  sequence: number,
  now: number,
): GraphResponse {
  const base = `${context.origin}/v1.0/${kind}/delta`
  const body: Record<string, unknown> = { '@odata.context': `${context.origin}/v1.0/$metadata#${kind}` }
  if (nextRound) {
    const token = context.tokens.encode({
      scope: `${kind}/delta`,
      type: 'page',
      phase: nextRound.phase,
      from: nextRound.from,
      to: nextRound.to,
      select: nextRound.select,
      after: nextRound.cursor.after,
      partialId: nextRound.cursor.partialId,
      offset: nextRound.cursor.offset,
      issued: now,
    })
    body['@odata.nextLink'] = `${base}?${linkQuery([], [['$skiptoken', token]])}`
  } else {
    const token = context.tokens.encode({ scope: `${kind}/delta`, type: 'delta', sequence, select, issued: now })
    body['@odata.deltaLink'] = `${base}?${linkQuery([], [['$deltatoken', token]])}`
  }
  body['value'] = value
  return jsonResponse(body)
}

type RoundResult =
  | { readonly ok: true; readonly round: DeltaRound }
  | { readonly ok: false; readonly failure: ReturnType<typeof syncStateNotFound> }

function isSelect(value: unknown): value is readonly string[] | null {
  return value === null || (Array.isArray(value) && value.every((name) => typeof name === 'string'))
}

function isFreshNumber(value: unknown, now: number, lifetimeMs: number): value is number {
  return typeof value === 'number' && now - value <= lifetimeMs
}

function resumeRound(context: GraphContext, kind: DeltaKind, token: string, now: number): RoundResult {
  const payload = context.tokens.decode(token)
  if (context.faults.settings().expireDeltaTokens) return { ok: false, failure: syncStateNotFound() }
  if (
    !payload ||
    payload['scope'] !== `${kind}/delta` ||
    payload['type'] !== 'page' ||
    (payload['phase'] !== 'initial' && payload['phase'] !== 'changes') ||
    typeof payload['from'] !== 'number' ||
    typeof payload['to'] !== 'number' ||
    payload['to'] > context.reader.sequence() ||
    !isSelect(payload['select']) ||
    !(payload['after'] === null || typeof payload['after'] === 'string') ||
    !(payload['partialId'] === null || typeof payload['partialId'] === 'string') ||
    typeof payload['offset'] !== 'number' ||
    !isFreshNumber(payload['issued'], now, context.delta.tokenLifetimeMs)
  ) {
    return { ok: false, failure: syncStateNotFound() }
  }
  return {
    ok: true,
    round: {
      kind,
      phase: payload['phase'],
      from: payload['from'],
      to: payload['to'],
      select: payload['select'],
      cursor: { after: payload['after'], partialId: payload['partialId'], offset: payload['offset'] },
    },
  }
}

function roundFromDeltaToken(context: GraphContext, kind: DeltaKind, token: string, now: number): RoundResult {
  const payload = context.tokens.decode(token)
  const faults = context.faults.settings()
  if (faults.expireDeltaTokens) return { ok: false, failure: syncStateNotFound() }
  if (
    !payload ||
    payload['scope'] !== `${kind}/delta` ||
    payload['type'] !== 'delta' ||
    typeof payload['sequence'] !== 'number' ||
    payload['sequence'] > context.reader.sequence() ||
    !isSelect(payload['select']) ||
    !isFreshNumber(payload['issued'], now, context.delta.tokenLifetimeMs)
  ) {
    return { ok: false, failure: syncStateNotFound() }
  }
  const select = payload['select']
  if (faults.resetDeltaTokens) {
    const restart = select === null ? '' : `?${linkQuery([['$select', select.join(',')]], [])}`
    return { ok: false, failure: resyncRequired(`${context.origin}/v1.0/${kind}/delta${restart}`) }
  }
  return {
    ok: true,
    round: { kind, phase: 'changes', from: payload['sequence'], to: context.reader.sequence(), select, cursor: START },
  }
}

function trackingFor(catalog: EntityCatalog, relation: string, select: readonly string[] | null): DeltaTracking {
  const properties = selectedProperties(catalog, select?.filter((name) => name !== relation) ?? null)
  return {
    properties: new Set(properties.map((property) => property.name)),
    isRelationTracked: select?.includes(relation) ?? false,
  }
}

function sourceFor(context: GraphContext, round: DeltaRound, tracking: DeltaTracking): DeltaSource {
  const { reader } = context
  if (round.phase === 'initial') {
    return round.kind === 'users' ? initialUserSource(reader, tracking) : initialGroupSource(reader, tracking)
  }
  const changes = reader.changesBetween(round.from, round.to)
  return round.kind === 'users'
    ? userChangeSource(reader, changes, tracking)
    : groupChangeSource(reader, changes, tracking)
}
