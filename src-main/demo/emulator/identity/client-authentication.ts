/**
 * How a client proves itself at the token endpoint: nothing (public clients, which must then use
 * PKCE), a client secret (body or HTTP Basic), or a client assertion — a JWT signed with a
 * certificate registered on the app (RFC 7523 §3, Entra's "certificate credentials").
 */
import { timingSafeEqual, createHash } from 'node:crypto'
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type ProtectedHeaderParameters } from 'jose'
import { aadFailure, type AadFailure } from './aad-error'
import type { AppRegistration } from './app-registrations'
import type { IdentityState } from './identity-state'
import type { ClientAuthentication } from './token-service'

/** RFC 7523 §2.2. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** Entra tolerates five minutes of clock skew on assertions. */
const ASSERTION_CLOCK_TOLERANCE_SECONDS = 300

export interface PresentedCredentials {
  readonly clientSecret?: string
  readonly clientAssertion?: string
  readonly clientAssertionType?: string
}

export type ClientAuthenticationResult = { readonly ok: true; readonly method: ClientAuthentication } | { readonly ok: false; readonly failure: AadFailure }

/**
 * Reads `client_secret` from the body or an HTTP Basic header (RFC 6749 §2.3.1), and the assertion
 * fields from the body.
 */
export function readPresentedCredentials(body: Record<string, unknown>, authorizationHeader: string | undefined): PresentedCredentials {
  const text = (name: string): string | undefined => (typeof body[name] === 'string' ? body[name] : undefined)
  let clientSecret = text('client_secret')
  if (clientSecret === undefined && authorizationHeader?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorizationHeader.slice(6).trim(), 'base64').toString('utf8')
    const separator = decoded.indexOf(':')
    if (separator >= 0) clientSecret = decodeURIComponent(decoded.slice(separator + 1))
  }
  const credentials: { clientSecret?: string; clientAssertion?: string; clientAssertionType?: string } = {}
  if (clientSecret !== undefined) credentials.clientSecret = clientSecret
  const assertion = text('client_assertion')
  if (assertion !== undefined) credentials.clientAssertion = assertion
  const assertionType = text('client_assertion_type')
  if (assertionType !== undefined) credentials.clientAssertionType = assertionType
  return credentials
}

/**
 * Authenticates the client. `tokenEndpoints` are the URLs an assertion's `aud` may name (the token
 * endpoint under the tenant segment the request used and under the tenant id).
 */
export async function authenticateClient(
  application: AppRegistration,
  presented: PresentedCredentials,
  tokenEndpoints: readonly string[],
  state: IdentityState,
): Promise<ClientAuthenticationResult> {
  const hasSecret = presented.clientSecret !== undefined
  const hasAssertion = presented.clientAssertion !== undefined
  if (application.isPublicClient) {
    if (hasSecret || hasAssertion) {
      return fail(aadFailure(401, 'invalid_client', 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented."))
    }
    return { ok: true, method: 'none' }
  }
  if (hasAssertion) return verifyClientAssertion(application, presented, tokenEndpoints, state)
  if (hasSecret) {
    const presentedSecret = presented.clientSecret ?? ''
    if (application.clientSecrets.some((secret) => constantTimeEquals(secret, presentedSecret))) return { ok: true, method: 'secret' }
    return fail(
      aadFailure(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${application.appId}'.`,
      ),
    )
  }
  return fail(aadFailure(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."))
}

async function verifyClientAssertion(
  application: AppRegistration,
  presented: PresentedCredentials,
  tokenEndpoints: readonly string[],
  state: IdentityState,
): Promise<ClientAuthenticationResult> {
  if (presented.clientAssertionType !== JWT_BEARER_ASSERTION_TYPE) {
    return fail(aadFailure(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_assertion_type'."))
  }
  const assertion = presented.clientAssertion ?? ''
  let header: ProtectedHeaderParameters
  try {
    header = decodeProtectedHeader(assertion)
  } catch {
    return fail(aadFailure(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.'))
  }
  const algorithm = header.alg
  if (algorithm !== 'RS256' && algorithm !== 'PS256') {
    return fail(aadFailure(401, 'invalid_client', 5002738, `Invalid JWT token. '${String(algorithm)}' is not a supported signature algorithm. Supported signing algorithms are: 'RS256,PS256'.`))
  }
  const sha256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined
  const sha1 = typeof header.x5t === 'string' ? header.x5t : undefined
  const certificate = state.findCertificate(application.appId, { ...(sha256 ? { sha256 } : {}), ...(sha1 ? { sha1 } : {}) })
  if (!certificate) {
    return fail(
      aadFailure(
        401,
        'invalid_client',
        700027,
        `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${describeThumbprint(sha256 ?? sha1)}']`,
      ),
    )
  }
  const now = state.now()
  if (certificate.notAfter < now) {
    return fail(aadFailure(401, 'invalid_client', 700027, 'Client assertion contains an invalid signature. [Reason - The key used is expired.]'))
  }
  try {
    await jwtVerify(assertion, certificate.publicKey, {
      algorithms: [algorithm],
      currentDate: now,
      clockTolerance: ASSERTION_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['aud', 'exp', 'iss', 'sub'],
    }).then(({ payload }) => {
      if (payload.iss !== application.appId || payload.sub !== application.appId) throw new AssertionClaimError('issuer')
      const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
      if (!audiences.some((audience) => typeof audience === 'string' && tokenEndpoints.includes(audience))) throw new AssertionClaimError('audience')
    })
  } catch (error) {
    if (error instanceof AssertionClaimError && error.claim === 'issuer') {
      return fail(aadFailure(401, 'invalid_client', 700021, "Client assertion application identifier doesn't match 'client_id' parameter."))
    }
    if (error instanceof AssertionClaimError) {
      return fail(aadFailure(401, 'invalid_client', 700212, `The audience of the client assertion must be the token endpoint (${tokenEndpoints[0] ?? ''}).`))
    }
    if (error instanceof joseErrors.JWTExpired || (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf')) {
      return fail(aadFailure(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.'))
    }
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      return fail(aadFailure(401, 'invalid_client', 50027, `JWT token is invalid or malformed: the '${error.claim}' claim is missing or invalid.`))
    }
    return fail(aadFailure(401, 'invalid_client', 700027, 'Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value.]'))
  }
  return { ok: true, method: 'certificate' }
}

class AssertionClaimError extends Error {
  constructor(readonly claim: 'issuer' | 'audience') {
    super(claim)
  }
}

function fail(failure: AadFailure): ClientAuthenticationResult {
  return { ok: false, failure }
}

/** Compares secrets without leaking their length or common prefix through timing. */
function constantTimeEquals(expected: string, presented: string): boolean {
  const left = createHash('sha256').update(expected).digest()
  const right = createHash('sha256').update(presented).digest()
  return timingSafeEqual(left, right)
}

/** Entra prints the thumbprint as upper-case hex. */
function describeThumbprint(base64url: string | undefined): string {
  return base64url ? Buffer.from(base64url, 'base64url').toString('hex').toUpperCase() : ''
}
