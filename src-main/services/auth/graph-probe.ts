/**
 * The two Graph reads that prove a connection works: the organisation's name (`GET /organization`)
 * and one user (`GET /users?$top=1`). Plain fetch with the profile's trusted fetch (CA, proxy), so
 * the check uses exactly the network path the pull will use; failures become the same AppErrors the
 * Graph reader gives (services/graph/graph-failure.ts).
 */
import type { AppError } from '../../common/errors'
import { toGraphAppError, type GraphOperation } from '../graph/graph-failure'
import type { FetchFunction } from '../net/trusted-fetch'

const READ_ORGANISATION: GraphOperation = { description: 'read the organisation’s name', permission: 'User.Read.All' }
const READ_ONE_USER: GraphOperation = { description: 'read a user', permission: 'User.Read.All' }

/** The tenant's display name from `/organization`, or null when Graph lists none. */
export async function readOrganisationName(fetch: FetchFunction, graphBaseUrl: string, accessToken: string, signal?: AbortSignal): Promise<string | null> {
  const body = await getGraphJson(fetch, `${graphBaseUrl}/organization?$select=id,displayName`, accessToken, READ_ORGANISATION, signal)
  const first = (body as { value?: readonly { displayName?: unknown }[] }).value?.[0]
  return typeof first?.displayName === 'string' ? first.displayName : null
}

/** Reads at most one user; returns how many came back (0 in an empty tenant). */
export async function readOneUser(fetch: FetchFunction, graphBaseUrl: string, accessToken: string, signal?: AbortSignal): Promise<number> {
  const body = await getGraphJson(fetch, `${graphBaseUrl}/users?$top=1&$select=id`, accessToken, READ_ONE_USER, signal)
  const value = (body as { value?: unknown }).value
  return Array.isArray(value) ? value.length : 0
}

async function getGraphJson(fetch: FetchFunction, url: string, accessToken: string, operation: GraphOperation, signal?: AbortSignal): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, ...(signal ? { signal } : {}) })
  } catch (error) {
    throw toGraphAppError(error, operation, signal)
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text === '' ? null : JSON.parse(text)
  } catch {
    // Not JSON: the status below decides; a 2xx without JSON is reported as such.
  }
  if (!response.ok || body === null) {
    const graphError = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
    const failure: AppError = toGraphAppError(
      {
        statusCode: response.ok ? 502 : response.status,
        code: typeof graphError?.code === 'string' ? graphError.code : null,
        message: typeof graphError?.message === 'string' ? graphError.message : response.ok ? 'the answer was not JSON' : '',
        requestId: response.headers.get('request-id'),
        headers: response.headers,
      },
      operation,
      signal,
    )
    throw failure
  }
  return body
}
