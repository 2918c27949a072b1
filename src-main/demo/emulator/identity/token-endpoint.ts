/**
 * `POST /{tenant}/oauth2/v2.0/token`: the authorization code grant with PKCE (RFC 6749 §4.1.3,
 * RFC 7636 §4.6), refresh tokens (§6, rotated on every use) and client credentials (§4.4) with a
 * secret or a certificate assertion. Answers and errors follow Entra's JSON.
 */
import { createHash } from 'node:crypto'
import type { Request, Response } from 'express'
import { aadFailure, type AadFailure } from './aad-error'
import type { AppRegistration } from './app-registrations'
import { unknownApplication } from './authorize-endpoint'
import { authenticateClient, readPresentedCredentials } from './client-authentication'
import { planDelegatedGrant } from './delegated-grant'
import { parameter, sendAadError, type IdentityContext } from './identity-context'
import type { SignInAccount } from './identity-directory'
import { encodeClientInfo } from './login-endpoint'
import { checkClientCredentialsScope, parseRequestedScopes } from './requested-scopes'
import { resolveTenantSegment } from './tenant-segment'
import type { ClientAuthentication } from './token-service'

/** Refresh tokens of public clients last 90 days (Entra's default for non-SPA clients). */
const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000

type TokenResponseBody = Record<string, string | number>
type GrantResult = { ok: true; body: TokenResponseBody } | { ok: false; failure: AadFailure }

/** Handles a token request; every outcome is JSON. */
export async function handleToken(context: IdentityContext, request: Request, response: Response): Promise<void> {
  const correlationId = request.get('client-request-id')
  const result = await redeem(context, request)
  if (!result.ok) return sendAadError(response, context, result.failure, correlationId)
  response.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(result.body)
}

async function redeem(context: IdentityContext, request: Request): Promise<GrantResult> {
  const tenantSegment = String(request.params.tenant)
  const tenant = resolveTenantSegment(tenantSegment, context.organisation)
  if (!tenant.ok) return { ok: false, failure: tenant.failure }
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>
  const grantType = parameter(body, 'grant_type')
  if (!grantType) return missing('grant_type')
  const clientId = parameter(body, 'client_id') ?? basicClientId(request.get('authorization'))
  if (!clientId) return missing('client_id')
  const application = context.state.findApplication(clientId)
  if (!application) return { ok: false, failure: unknownApplication(context, clientId) }

  const origin = context.publicOrigin()
  const tokenEndpoints = [...new Set([tenantSegment, context.organisation.tenantId])].map((segment) => `${origin}/${segment}/oauth2/v2.0/token`)
  const authentication = await authenticateClient(application, readPresentedCredentials(body, request.get('authorization')), tokenEndpoints, context.state)
  if (!authentication.ok) return { ok: false, failure: authentication.failure }

  switch (grantType) {
    case 'authorization_code':
      return redeemAuthorizationCode(context, application, body, authentication.method)
    case 'refresh_token':
      return redeemRefreshToken(context, application, body, authentication.method)
    case 'client_credentials':
      return issueForApplication(context, application, body, authentication.method)
    default:
      return { ok: false, failure: aadFailure(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`) }
  }
}

async function redeemAuthorizationCode(context: IdentityContext, application: AppRegistration, body: Record<string, unknown>, method: ClientAuthentication): Promise<GrantResult> {
  const code = parameter(body, 'code')
  if (!code) return missing('code')
  const redemption = context.state.redeemAuthorizationCode(code)
  if (redemption.outcome !== 'redeemed') {
    if (redemption.outcome === 'already-redeemed') {
      return invalidGrant(54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.')
    }
    if (redemption.outcome === 'expired') {
      return invalidGrant(70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.')
    }
    return invalidGrant(9002313, 'Invalid request. Request is malformed or invalid.')
  }
  const grant = redemption.grant
  if (grant.clientId.toLowerCase() !== application.appId.toLowerCase()) {
    return invalidGrant(70000, 'Provided grant is invalid or malformed: the authorization code was issued to another client.')
  }
  if (parameter(body, 'redirect_uri') !== grant.redirectUri) {
    return invalidGrant(500112, 'The reply address does not match the reply address provided when requesting Authorization code.')
  }
  if (grant.codeChallenge !== null) {
    const verifier = parameter(body, 'code_verifier')
    if (!verifier) return missing('code_verifier')
    if (createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge) {
      return invalidGrant(501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.')
    }
  }
  const account = context.directory.findAccount(grant.userId)
  const accountFailure = checkAccount(account)
  if (accountFailure || !account) return { ok: false, failure: accountFailure ?? disabledAccount() }
  return issueForUser(context, application, account, { permissions: grant.permissions, responseScope: grant.responseScope, openId: grant.openId, nonce: grant.nonce }, body, method)
}

async function redeemRefreshToken(context: IdentityContext, application: AppRegistration, body: Record<string, unknown>, method: ClientAuthentication): Promise<GrantResult> {
  const refreshToken = parameter(body, 'refresh_token')
  if (!refreshToken) return missing('refresh_token')
  const grant = context.state.findRefreshToken(refreshToken)
  if (!grant) {
    return invalidGrant(70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.')
  }
  if (grant.clientId.toLowerCase() !== application.appId.toLowerCase()) {
    return invalidGrant(70000, 'Provided grant is invalid or malformed: the refresh token was issued to another client.')
  }
  const scopes = parseRequestedScopes(parameter(body, 'scope'))
  if (!scopes.ok) return { ok: false, failure: scopes.failure }
  const account = context.directory.findAccount(grant.userId)
  const accountFailure = checkAccount(account)
  if (accountFailure || !account) return { ok: false, failure: accountFailure ?? disabledAccount() }
  // Consent is checked again on every refresh: an admin may have revoked it since sign-in.
  const plan = planDelegatedGrant(application, scopes.scopes, context.state.delegatedPermissions(application.appId, account.id))
  if (plan.missing.length > 0) {
    return {
      ok: false,
      failure: aadFailure(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${application.appId}' named '${application.displayName}'. Send an interactive authorization request for this user and resource.`,
        'consent_required',
      ),
    }
  }
  const openId = scopes.scopes.openId.length > 0 ? scopes.scopes.openId : grant.openId
  return issueForUser(context, application, account, { permissions: plan.permissions, responseScope: plan.responseScope, openId, nonce: null }, body, method)
}

async function issueForUser(
  context: IdentityContext,
  application: AppRegistration,
  account: SignInAccount,
  grant: { permissions: readonly string[]; responseScope: string; openId: readonly string[]; nonce: string | null },
  body: Record<string, unknown>,
  method: ClientAuthentication,
): Promise<GrantResult> {
  const user = { id: account.id, userPrincipalName: account.userPrincipalName, displayName: account.displayName }
  const accessToken = await context.tokens.issueAccessToken({ kind: 'delegated', appId: application.appId, appDisplayName: application.displayName, user, scopes: grant.permissions, clientAuthentication: method })
  const response: TokenResponseBody = {
    token_type: 'Bearer',
    scope: grant.responseScope,
    expires_in: accessToken.expiresInSeconds,
    ext_expires_in: accessToken.expiresInSeconds,
    access_token: accessToken.token,
  }
  if (grant.openId.includes('offline_access')) {
    response.refresh_token = context.state.saveRefreshToken({
      clientId: application.appId,
      userId: account.id,
      openId: grant.openId,
      expiresAt: context.clock().getTime() + REFRESH_TOKEN_LIFETIME_MS,
    })
  }
  if (grant.openId.includes('openid')) {
    response.id_token = await context.tokens.issueIdToken({ appId: application.appId, user, issuerOrigin: context.publicOrigin(), ...(grant.nonce ? { nonce: grant.nonce } : {}) })
  }
  if (parameter(body, 'client_info') === '1') response.client_info = encodeClientInfo(account.id, context.organisation.tenantId)
  return { ok: true, body: response }
}

async function issueForApplication(context: IdentityContext, application: AppRegistration, body: Record<string, unknown>, method: ClientAuthentication): Promise<GrantResult> {
  if (method === 'none') {
    return { ok: false, failure: aadFailure(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.") }
  }
  const scopeFailure = checkClientCredentialsScope(parameter(body, 'scope'))
  if (scopeFailure) return { ok: false, failure: scopeFailure }
  const servicePrincipal = context.organisation.servicePrincipals.find((candidate) => candidate.appId.toLowerCase() === application.appId.toLowerCase())
  const accessToken = await context.tokens.issueAccessToken({
    kind: 'application',
    appId: application.appId,
    appDisplayName: application.displayName,
    servicePrincipalId: servicePrincipal?.id ?? derivedObjectId(application.appId, context.organisation.tenantId),
    roles: context.state.applicationPermissions(application.appId),
    clientAuthentication: method,
  })
  return { ok: true, body: { token_type: 'Bearer', expires_in: accessToken.expiresInSeconds, ext_expires_in: accessToken.expiresInSeconds, access_token: accessToken.token } }
}

function checkAccount(account: SignInAccount | null): AadFailure | null {
  if (!account) return invalidGrant(50034, 'The user account does not exist in the directory.').failure
  if (!account.accountEnabled) return disabledAccount()
  return null
}

function disabledAccount(): AadFailure {
  return aadFailure(400, 'invalid_grant', 50057, 'The user account is disabled.')
}

function invalidGrant(code: number, message: string): { ok: false; failure: AadFailure } {
  return { ok: false, failure: aadFailure(400, 'invalid_grant', code, message) }
}

function missing(name: string): { ok: false; failure: AadFailure } {
  return { ok: false, failure: aadFailure(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`) }
}

function basicClientId(header: string | undefined): string | undefined {
  if (!header?.toLowerCase().startsWith('basic ')) return undefined
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  return separator > 0 ? decodeURIComponent(decoded.slice(0, separator)) : undefined
}

/** A stable GUID-shaped object id for an app with no service principal in the organisation. */
function derivedObjectId(appId: string, tenantId: string): string {
  const hex = createHash('sha256').update(`${tenantId}:${appId}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
