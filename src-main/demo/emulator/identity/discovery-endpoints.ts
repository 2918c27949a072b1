/**
 * The metadata endpoints: OpenID Connect discovery (`/{tenant}/v2.0/.well-known/openid-configuration`),
 * Entra's instance discovery (`/common/discovery/instance`), the JWKS and the end-session page.
 */
import type { Request, Response } from 'express'
import { parameter, sendAadError, sendPage, type IdentityContext } from './identity-context'
import { createPageSecurity } from './page-layout'
import { renderSignedOutPage } from './sign-in-pages'
import { resolveTenantSegment } from './tenant-segment'

/** OpenID Connect Discovery 1.0 §4, with the fields Entra adds. */
export function handleOpenIdConfiguration(context: IdentityContext, request: Request, response: Response): void {
  const segment = String(request.params.tenant)
  const tenant = resolveTenantSegment(segment, context.organisation)
  if (!tenant.ok) return sendAadError(response, context, tenant.failure, request.get('client-request-id'))
  const origin = context.publicOrigin()
  const host = new URL(origin).host
  // Entra writes the literal placeholder for the multi-tenant aliases; MSAL substitutes it.
  const issuerTenant = tenant.kind === 'common' || tenant.kind === 'organizations' ? '{tenantid}' : context.organisation.tenantId
  const endpointTenant = tenant.kind === 'domain' ? context.organisation.tenantId : segment
  response.set('Cache-Control', 'max-age=86400, private').json({
    token_endpoint: `${origin}/${endpointTenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${origin}/${endpointTenant}/discovery/v2.0/keys`,
    response_modes_supported: ['form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${origin}/${endpointTenant}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${origin}/${endpointTenant}/oauth2/v2.0/logout`,
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
    tenant_region_scope: 'EU',
    cloud_instance_name: host,
    cloud_graph_host_name: host,
    msgraph_host: host,
  })
}

/** Entra's instance discovery; MSAL skips it when the host is in `knownAuthorities`. */
export function handleInstanceDiscovery(context: IdentityContext, request: Request, response: Response): void {
  const origin = context.publicOrigin()
  const host = new URL(origin).host
  response.json({
    tenant_discovery_endpoint: `${origin}/${parameter(request.query, 'tenant') ?? '{tenant}'}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  })
}

/** The token-signing keys. */
export function handleKeys(context: IdentityContext, request: Request, response: Response): void {
  const tenant = resolveTenantSegment(String(request.params.tenant), context.organisation)
  if (!tenant.ok) return sendAadError(response, context, tenant.failure, undefined)
  response.set('Cache-Control', 'max-age=86400, private').json(context.tokens.jsonWebKeySet())
}

/** The end-session endpoint: no browser session is kept, so there is only a page to show. */
export function handleLogout(_context: IdentityContext, _request: Request, response: Response): void {
  const security = createPageSecurity()
  sendPage(response, 200, renderSignedOutPage(security), security.contentSecurityPolicy)
}
