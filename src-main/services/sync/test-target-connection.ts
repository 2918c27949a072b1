/**
 * "Test connection", as Entra does it (reference §4.1): a filter query for a random GUID userName
 * must answer 200 with an empty ListResponse. Then the target describes itself —
 * /ServiceProviderConfig (which features it supports), /Schemas (extension attributes the mapping
 * editor can offer as target paths) and /ResourceTypes. Problems are reported in plain words.
 */
import { randomUUID } from 'node:crypto'
import { AppError, toAppErrorData, type AppErrorData } from '../../common/errors'
import type { ScimClient } from './scim-client'
import { ScimFailure, type EntraErrorCode } from './scim-failure'

/** RFC 7643 §5: what the service provider says it supports. Null when it did not say. */
export interface TargetFeatures {
  readonly patch: boolean | null
  readonly bulk: boolean | null
  readonly filter: boolean | null
  readonly sort: boolean | null
  readonly etag: boolean | null
  /** The server's maximum page size for filtered lists, when it names one. */
  readonly filterMaxResults: number | null
}

export interface TargetConnectionResult {
  /** True when the Entra probe passed: Headcount can push to this target. */
  readonly isOk: boolean
  readonly features: TargetFeatures | null
  /** Resource type names (`User`, `Group`) from /ResourceTypes. */
  readonly resourceTypes: readonly string[]
  /** Target paths of schema extensions (`urn:…:User:department`, `urn:…:card:1.0:User:badgeNumber`), for the mapping editor. */
  readonly extensionAttributePaths: readonly string[]
  /** Plain-language problems, the most important first. */
  readonly problems: readonly string[]
  /** The failure that stopped the probe, when it failed. */
  readonly error: (AppErrorData & { readonly entraCode: EntraErrorCode | null }) | null
}

const CORE_SCHEMAS = new Set([
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:core:2.0:Group',
  'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  'urn:ietf:params:scim:schemas:core:2.0:Schema',
])

function supported(config: Readonly<Record<string, unknown>>, name: string): boolean | null {
  const feature = config[name] as { supported?: unknown } | undefined
  return typeof feature?.supported === 'boolean' ? feature.supported : null
}

/** The features of a /ServiceProviderConfig answer. */
export function readTargetFeatures(config: Readonly<Record<string, unknown>>): TargetFeatures {
  const maxResults = (config.filter as { maxResults?: unknown } | undefined)?.maxResults
  return {
    patch: supported(config, 'patch'),
    bulk: supported(config, 'bulk'),
    filter: supported(config, 'filter'),
    sort: supported(config, 'sort'),
    etag: supported(config, 'etag'),
    filterMaxResults: typeof maxResults === 'number' ? maxResults : null,
  }
}

interface SchemaAttribute {
  readonly name?: unknown
  readonly mutability?: unknown
  readonly subAttributes?: unknown
}

/** Writable attribute paths of every non-core schema, in Entra's flat `urn:…:attribute[.sub]` form (reference §4.3). */
export function extensionAttributePaths(schemas: readonly Readonly<Record<string, unknown>>[]): string[] {
  const paths: string[] = []
  for (const schema of schemas) {
    const id = schema.id
    if (typeof id !== 'string' || CORE_SCHEMAS.has(id) || !Array.isArray(schema.attributes)) continue
    for (const attribute of schema.attributes as SchemaAttribute[]) {
      if (typeof attribute.name !== 'string' || attribute.mutability === 'readOnly') continue
      const path = `${id}:${attribute.name}`
      paths.push(path)
      if (Array.isArray(attribute.subAttributes)) {
        for (const sub of attribute.subAttributes as SchemaAttribute[]) {
          if (typeof sub.name === 'string' && sub.mutability !== 'readOnly') paths.push(`${path}.${sub.name}`)
        }
      }
    }
  }
  return paths
}

/** What went wrong, in words an admin can act on. */
export function describeConnectionFailure(error: unknown): string {
  if (error instanceof ScimFailure) {
    if (error.status === 401) return 'The target answered 401: the token was refused. Paste a new token.'
    if (error.status === 403) return 'The target answered 403: the token is not allowed to read users. Ask for a token with provisioning rights.'
    if (error.status === 404) return 'The target answered 404 for /Users: check the SCIM base URL (it usually ends in /scim/v2).'
    if (error.code === 'Timeout') return 'The target did not answer in time. Check that the application is running and reachable.'
    if (error.code === 'NetworkError') return `${error.message} ${error.hint ?? ''}`.trim()
    return `${error.message}${error.hint ? ` ${error.hint}` : ''}`
  }
  return toAppErrorData(error).message
}

async function optional<T>(read: () => Promise<T>, problems: string[], what: string): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error
    problems.push(`${what} could not be read: ${describeConnectionFailure(error)}`)
    return null
  }
}

/** Runs the Entra probe and reads the target's self-description. `randomGuid` is injectable for tests. */
export async function testTargetConnection(client: ScimClient, options: { readonly randomGuid?: () => string } = {}, signal?: AbortSignal): Promise<TargetConnectionResult> {
  const problems: string[] = []
  const guid = (options.randomGuid ?? randomUUID)()
  try {
    const found = await client.findUsers('userName', guid, signal)
    if (found.length > 0) problems.push(`The target returned ${found.length} user(s) for a random userName; its filter support looks broken (Entra would fail here too).`)
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error
    const data = toAppErrorData(error)
    return {
      isOk: false,
      features: null,
      resourceTypes: [],
      extensionAttributePaths: [],
      problems: [describeConnectionFailure(error)],
      error: { ...data, entraCode: error instanceof ScimFailure ? error.entraCode : null },
    }
  }

  const config = await optional(() => client.serviceProviderConfig(signal), problems, '/ServiceProviderConfig')
  const features = config ? readTargetFeatures(config) : null
  if (features?.patch === false) problems.push('The target says it does not support PATCH; Headcount (like Entra) needs it for updates and disables.')
  if (features?.filter === false) problems.push('The target says it does not support filters; matching existing users needs `userName eq "…"`.')
  const schemas = await optional(() => client.schemas(signal), problems, '/Schemas')
  const types = await optional(() => client.resourceTypes(signal), problems, '/ResourceTypes')
  const resourceTypes = (types ?? []).flatMap((type) => (typeof type.name === 'string' ? [type.name] : []))
  if (types && !resourceTypes.includes('User')) problems.push('The target does not list a User resource type.')
  return {
    isOk: !problems.some((problem) => problem.startsWith('The target returned')),
    features,
    resourceTypes,
    extensionAttributePaths: schemas ? extensionAttributePaths(schemas) : [],
    problems,
    error: null,
  }
}

/** The probe's failure as an AppError, for callers that want to throw it. */
export function connectionError(result: TargetConnectionResult): AppError | null {
  return result.error ? new AppError(result.error) : null
}
