/**
 * What the sync needs from a SCIM 2.0 target (RFC 7644), by role. {@link HttpScimClient} is the
 * implementation over HTTP; tests and the executor only see this interface.
 */
import type { ScimPatchOperation } from '../../domain/planner/sync-plan'

/** A SCIM resource as the target returned it; `id` is always present. */
export type ScimResource = Readonly<Record<string, unknown>> & { readonly id: string }

/**
 * `strict`: RFC 7644 as written (lower-case ops, JSON booleans). `entra`: what Entra's provisioning
 * service sends without the `aadOptscim062020` flag — `Add`/`Replace`/`Remove` and booleans as
 * "True"/"False" strings (reference §4.1, §4.2) — for targets built and tested against Entra.
 */
export type ScimCompatibility = 'strict' | 'entra'

/** RFC 7644 §3.4.2.4 paging: 1-based `startIndex`, page size `count`. */
export interface ScimPageRequest {
  readonly startIndex: number
  readonly count: number
}

export interface ScimListPage {
  readonly resources: readonly ScimResource[]
  readonly totalResults: number
  readonly startIndex: number
  /** What the server says it returned (it may cap `count`). */
  readonly itemsPerPage: number
}

/** What the client did on the wire (tests, benchmarks, run summaries). */
export interface ScimClientCounters {
  /** Requests sent, retries included. */
  requests: number
  retries: number
  /** Answers that were 429. */
  throttled: number
}

export interface ScimClient {
  readonly compatibility: ScimCompatibility
  /** Requests the client sends at once; the executor keeps about this many operations in flight. */
  readonly concurrency: number
  readonly counters: ScimClientCounters
  /** One page of /Users, members and all attributes included. */
  listUsers(page: ScimPageRequest, signal?: AbortSignal): Promise<ScimListPage>
  /** One page of /Groups with their members (the snapshot needs them). */
  listGroups(page: ScimPageRequest, signal?: AbortSignal): Promise<ScimListPage>
  getUser(id: string, signal?: AbortSignal): Promise<ScimResource>
  getGroup(id: string, signal?: AbortSignal): Promise<ScimResource>
  /** `GET /Users?filter=<attribute> eq "<value>"` (the value escaped as a SCIM string). */
  findUsers(filterAttribute: string, value: string, signal?: AbortSignal): Promise<readonly ScimResource[]>
  /** `GET /Groups?filter=displayName eq "<name>"&excludedAttributes=members`, as Entra looks groups up. */
  findGroups(displayName: string, signal?: AbortSignal): Promise<readonly ScimResource[]>
  createUser(resource: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ScimResource>
  patchUser(id: string, operations: readonly ScimPatchOperation[], signal?: AbortSignal): Promise<void>
  deleteUser(id: string, signal?: AbortSignal): Promise<void>
  createGroup(resource: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ScimResource>
  patchGroup(id: string, operations: readonly ScimPatchOperation[], signal?: AbortSignal): Promise<void>
  serviceProviderConfig(signal?: AbortSignal): Promise<Readonly<Record<string, unknown>>>
  schemas(signal?: AbortSignal): Promise<readonly Readonly<Record<string, unknown>>[]>
  resourceTypes(signal?: AbortSignal): Promise<readonly Readonly<Record<string, unknown>>[]>
}

/** The SCIM string literal of `value` (RFC 7644 §3.4.2.2 strings follow JSON's escaping). */
export function scimStringLiteral(value: string): string {
  return JSON.stringify(value)
}

const PATCH_OP_NAMES = { add: 'Add', replace: 'Replace', remove: 'Remove' } as const

function entraBoolean(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : value
}

/**
 * The PatchOp message body for `operations` in the given compatibility. In `entra` mode a boolean
 * value — alone or as a direct attribute of a path-less replace — is sent as "True"/"False".
 */
export function patchMessage(operations: readonly ScimPatchOperation[], compatibility: ScimCompatibility): Record<string, unknown> {
  const adapted = operations.map((operation) => {
    if (compatibility === 'strict') return { ...operation }
    let value = entraBoolean(operation.value)
    if (operation.path === undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, entraBoolean(inner)]))
    }
    return { ...operation, op: PATCH_OP_NAMES[operation.op], ...(operation.value === undefined ? {} : { value }) }
  })
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: adapted }
}
