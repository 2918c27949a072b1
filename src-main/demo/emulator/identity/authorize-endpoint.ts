/**
 * `GET /{tenant}/oauth2/v2.0/authorize` and the admin-consent endpoints: validate the request, then
 * open an interaction and show the account picker. Failures that concern the client or redirect URI
 * are shown as an error page (redirecting to an unverified URI would be an open redirector, RFC 6749
 * §4.1.2.1); everything later goes back to the app through form_post.
 */
import type { Request, Response } from 'express'
import { aadFailure, describeFailure, type AadFailure } from './aad-error'
import { isRedirectUriRegistered, type AppRegistration } from './app-registrations'
import { parameter, sendErrorPage, sendFormPost, sendPage, type IdentityContext } from './identity-context'
import type { InteractionRequest } from './interaction-store'
import { createPageSecurity } from './page-layout'
import { parseRequestedScopes } from './requested-scopes'
import { renderAccountPickerPage } from './sign-in-pages'
import { resolveTenantSegment } from './tenant-segment'

/** RFC 7636 §4.2: a base64url SHA-256 is 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/

/** Handles the authorization request of the authorization code flow with PKCE. */
export function handleAuthorize(context: IdentityContext, request: Request, response: Response): void {
  const tenantSegment = String(request.params.tenant)
  const query = request.query
  const tenant = resolveTenantSegment(tenantSegment, context.organisation)
  if (!tenant.ok) return sendErrorPage(response, tenant.failure)
  const client = checkClientAndRedirect(context, parameter(query, 'client_id'), parameter(query, 'redirect_uri'))
  if (!client.ok) return sendErrorPage(response, client.failure)
  const { application, redirectUri } = client

  // msal-node 7 only speaks form_post (reference/electron-msal-graph.md §0.1); Entra would also
  // accept query, but a client that regressed to it must fail here, not against a real tenant.
  if (parameter(query, 'response_mode') !== 'form_post') {
    return sendErrorPage(response, aadFailure(400, 'invalid_request', 900144, "The request must contain response_mode=form_post: this sign-in service returns the authorization response only through form_post."))
  }
  const state = parameter(query, 'state') ?? null
  const returnError = (failure: AadFailure): void => sendFormPost(response, redirectUri, errorFields(failure.error, describeFailure(failure), state))

  if (parameter(query, 'response_type') !== 'code') {
    return returnError(aadFailure(400, 'invalid_request', 700054, `response_type '${parameter(query, 'response_type') ?? ''}' is not enabled for the application.`))
  }
  const codeChallenge = parameter(query, 'code_challenge') ?? null
  const challengeMethod = parameter(query, 'code_challenge_method') ?? null
  if (application.isPublicClient || codeChallenge !== null) {
    if (codeChallenge === null || challengeMethod !== 'S256' || !S256_CHALLENGE.test(codeChallenge)) {
      return returnError(aadFailure(400, 'invalid_request', 9002325, 'Proof Key for Code Exchange is required: send code_challenge (43 characters, base64url) with code_challenge_method=S256.'))
    }
  }
  const scopes = parseRequestedScopes(parameter(query, 'scope'))
  if (!scopes.ok) return returnError(scopes.failure)
  const prompt = parameter(query, 'prompt') ?? null
  if (prompt === 'none') {
    // No browser session is kept, so a silent authorize can never succeed (AADSTS50058).
    return returnError(aadFailure(400, 'login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'))
  }
  const interactionRequest: InteractionRequest = {
    kind: 'authorize',
    clientId: application.appId,
    redirectUri,
    state,
    scopes: scopes.scopes,
    codeChallenge,
    nonce: parameter(query, 'nonce') ?? null,
    prompt,
    loginHint: parameter(query, 'login_hint') ?? null,
    wantsClientInfo: parameter(query, 'client_info') === '1',
  }
  showAccountPicker(context, response, tenantSegment, interactionRequest, application)
}

/**
 * `GET /{tenant}/adminconsent` (v1: client_id, redirect_uri, state) and `/{tenant}/v2.0/adminconsent`
 * (also scope). After sign-in and consent the browser is redirected with `admin_consent=True`.
 */
export function handleAdminConsent(context: IdentityContext, request: Request, response: Response, isVersion2: boolean): void {
  const tenantSegment = String(request.params.tenant)
  const query = request.query
  const tenant = resolveTenantSegment(tenantSegment, context.organisation)
  if (!tenant.ok) return sendErrorPage(response, tenant.failure)
  if (tenant.kind === 'common') {
    // "tenant … (do not use common)": consent needs a tenant to land in (reference/entra-and-graph.md §6.1).
    return sendErrorPage(response, aadFailure(400, 'invalid_request', 90130, "Application consent cannot be granted through the '/common' endpoint. Use the tenant id, a domain name or '/organizations'."))
  }
  const client = checkClientAndRedirect(context, parameter(query, 'client_id'), parameter(query, 'redirect_uri'))
  if (!client.ok) return sendErrorPage(response, client.failure)
  let scopes = null
  if (isVersion2) {
    const parsed = parseRequestedScopes(parameter(query, 'scope'))
    if (!parsed.ok) return sendErrorPage(response, parsed.failure)
    scopes = parsed.scopes.isDefault ? null : parsed.scopes
  }
  const interactionRequest: InteractionRequest = {
    kind: 'admin-consent',
    clientId: client.application.appId,
    redirectUri: client.redirectUri,
    state: parameter(query, 'state') ?? null,
    scopes,
    isVersion2,
  }
  showAccountPicker(context, response, tenantSegment, interactionRequest, client.application)
}

function showAccountPicker(context: IdentityContext, response: Response, tenantSegment: string, request: InteractionRequest, application: AppRegistration): void {
  const interaction = context.interactions.open(tenantSegment, request)
  const security = createPageSecurity()
  const html = renderAccountPickerPage(
    { action: `/${encodeURIComponent(tenantSegment)}/login`, interactionId: interaction.id, applicationName: application.displayName },
    {
      administrators: context.directory.listAdministrators(),
      isAdminConsent: request.kind === 'admin-consent',
      ...(request.kind === 'authorize' && request.loginHint ? { loginHint: request.loginHint } : {}),
    },
    security,
  )
  sendPage(response, 200, html, security.contentSecurityPolicy)
}

type ClientCheck = { ok: true; application: AppRegistration; redirectUri: string } | { ok: false; failure: AadFailure }

function checkClientAndRedirect(context: IdentityContext, clientId: string | undefined, redirectUri: string | undefined): ClientCheck {
  if (!clientId) return { ok: false, failure: aadFailure(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.") }
  const application = context.state.findApplication(clientId)
  if (!application) return { ok: false, failure: unknownApplication(context, clientId) }
  if (!redirectUri) return { ok: false, failure: aadFailure(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'redirect_uri'.") }
  if (!isRedirectUriRegistered(application, redirectUri)) {
    return {
      ok: false,
      failure: aadFailure(400, 'invalid_request', 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${application.appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`),
    }
  }
  return { ok: true, application, redirectUri }
}

/** AADSTS700016, as Entra words it. */
export function unknownApplication(context: IdentityContext, clientId: string): AadFailure {
  return aadFailure(
    400,
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${context.organisation.organization.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  )
}

/** The error parameters of an authorization response (RFC 6749 §4.1.2.1). */
export function errorFields(error: string, description: string, state: string | null): Record<string, string> {
  return { error, error_description: description, ...(state !== null ? { state } : {}) }
}
