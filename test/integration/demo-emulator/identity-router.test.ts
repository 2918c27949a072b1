import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CLIENT_SECRET, DEMO_PUBLIC_CLIENT_ID } from '../../../src-main/demo/emulator/identity/app-registrations'
import { startIdentityFixture, type IdentityFixture } from './identity-fixture'
import { getPage, parseForms, signInThroughPages, submitForm } from './sign-in-browser'

const GRAPH_SCOPES = 'https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/GroupMember.Read.All openid profile offline_access'
const REDIRECT_URI = 'http://localhost:53100'

let fixture: IdentityFixture
let confidentialClientId: string
let administratorUpn: string
let ordinaryUserUpn: string

beforeAll(async () => {
  fixture = await startIdentityFixture()
  confidentialClientId = fixture.organisation.applications.find((application) => application.displayName.startsWith('Headcount'))?.appId ?? ''
  const administrators = fixture.directory.listAdministrators()
  administratorUpn = administrators[0]?.userPrincipalName ?? ''
  const adminIds = new Set(administrators.map((account) => account.id))
  ordinaryUserUpn = fixture.organisation.users.find(({ user }) => user.accountEnabled && user.userType === 'Member' && !adminIds.has(user.id))?.user.userPrincipalName ?? ''
})

afterAll(async () => {
  await fixture.close()
})

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

function authorizeUrl(overrides: Record<string, string | null> = {}, tenant = 'organizations'): string {
  const url = new URL(`${fixture.origin}/${tenant}/oauth2/v2.0/authorize`)
  const parameters: Record<string, string | null> = {
    client_id: DEMO_PUBLIC_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    response_mode: 'form_post',
    scope: GRAPH_SCOPES,
    state: 'state-123',
    code_challenge_method: 'S256',
    client_info: '1',
    ...overrides,
  }
  for (const [name, value] of Object.entries(parameters)) if (value !== null) url.searchParams.set(name, value)
  return url.toString()
}

async function postToken(body: Record<string, string>, tenant = fixture.organisation.tenantId): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${fixture.origin}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

/** Signs the administrator in, consenting for the organisation, and returns the code and verifier. */
async function signInForCode(options: { username?: string; consentForOrganisation?: boolean; scope?: string } = {}): Promise<{ code: string; verifier: string; fields: Record<string, string> }> {
  const { verifier, challenge } = pkce()
  const outcome = await signInThroughPages(fetch, authorizeUrl({ code_challenge: challenge, ...(options.scope ? { scope: options.scope } : {}) }), {
    username: options.username ?? administratorUpn,
    consentForOrganisation: options.consentForOrganisation ?? true,
  })
  if (outcome.kind !== 'form-post') throw new Error(`sign-in stopped at: ${outcome.page.html.slice(0, 400)}`)
  return { code: outcome.fields.code ?? '', verifier, fields: { ...outcome.fields } }
}

describe('discovery', () => {
  it('publishes OpenID configuration for the tenant id with a v2.0 issuer and form_post', async () => {
    const response = await fetch(`${fixture.origin}/${fixture.organisation.tenantId}/v2.0/.well-known/openid-configuration`)
    const document = (await response.json()) as Record<string, unknown>
    expect(document.issuer).toBe(`${fixture.origin}/${fixture.organisation.tenantId}/v2.0`)
    expect(document.token_endpoint).toBe(`${fixture.origin}/${fixture.organisation.tenantId}/oauth2/v2.0/token`)
    expect(document.response_modes_supported).toContain('form_post')
    expect(document.end_session_endpoint).toBeTypeOf('string')
  })

  it('accepts organizations and the tenant domains, and writes the {tenantid} placeholder for aliases', async () => {
    const organizations = (await (await fetch(`${fixture.origin}/organizations/v2.0/.well-known/openid-configuration`)).json()) as Record<string, unknown>
    expect(organizations.issuer).toBe(`${fixture.origin}/{tenantid}/v2.0`)
    const byDomain = await fetch(`${fixture.origin}/${fixture.organisation.initialDomain}/v2.0/.well-known/openid-configuration`)
    expect(byDomain.status).toBe(200)
  })

  it('answers an unknown tenant with AADSTS90002', async () => {
    const response = await fetch(`${fixture.origin}/contoso.example/v2.0/.well-known/openid-configuration`)
    expect(response.status).toBe(400)
    const body = (await response.json()) as Record<string, unknown>
    expect(body.error_codes).toEqual([90002])
  })

  it('serves the signing key as a JWKS', async () => {
    const keys = (await (await fetch(`${fixture.origin}/${fixture.organisation.tenantId}/discovery/v2.0/keys`)).json()) as { keys: { kty: string; kid: string }[] }
    expect(keys.keys).toHaveLength(1)
    expect(keys.keys[0]?.kty).toBe('RSA')
  })
})

describe('authorize: validation', () => {
  it('shows an error page (no redirect) for an unknown client id', async () => {
    const page = await getPage(fetch, authorizeUrl({ client_id: '11111111-2222-3333-4444-555555555555', code_challenge: pkce().challenge }))
    expect(page.status).toBe(400)
    expect(page.html).toContain('AADSTS700016')
  })

  it('shows an error page for a redirect URI that is not registered', async () => {
    const page = await getPage(fetch, authorizeUrl({ redirect_uri: 'https://evil.example/callback', code_challenge: pkce().challenge }))
    expect(page.status).toBe(400)
    expect(page.html).toContain('AADSTS50011')
    expect(page.html).not.toContain('evil.example/callback"') // never used as a form target
  })

  it('refuses any response mode but form_post', async () => {
    const page = await getPage(fetch, authorizeUrl({ response_mode: 'query', code_challenge: pkce().challenge }))
    expect(page.status).toBe(400)
    expect(page.html).toContain('form_post')
  })

  it('returns invalid_request through form_post when the public client sends no PKCE challenge', async () => {
    const page = await getPage(fetch, authorizeUrl({ code_challenge_method: null }))
    const form = parseForms(page.html, page.url).find((candidate) => candidate.id === 'form-post')
    expect(form?.action).toBe(`${REDIRECT_URI}/`)
    expect(form?.fields.error).toBe('invalid_request')
    expect(form?.fields.state).toBe('state-123')
  })

  it('returns invalid_scope for a permission Graph does not have', async () => {
    const page = await getPage(fetch, authorizeUrl({ scope: 'https://graph.microsoft.com/Teleport.All openid', code_challenge: pkce().challenge }))
    const form = parseForms(page.html, page.url).find((candidate) => candidate.id === 'form-post')
    expect(form?.fields.error).toBe('invalid_scope')
    expect(form?.fields.error_description).toMatch(/^AADSTS70011/)
  })

  it('renders the sign-in page with a strict CSP, the administrators and the demo password hint', async () => {
    const page = await getPage(fetch, authorizeUrl({ code_challenge: pkce().challenge }))
    expect(page.status).toBe(200)
    const policy = page.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("default-src 'none'")
    expect(policy).toMatch(/script-src 'nonce-[^']+'/)
    expect(page.html).toContain(administratorUpn)
    expect(page.html).not.toMatch(/<script/) // the picker needs no script at all
  })
})

describe('authorize: sign-in and consent pages', () => {
  it('rejects a wrong password with AADSTS50126 and stays on the password page', async () => {
    const start = await getPage(fetch, authorizeUrl({ code_challenge: pkce().challenge }))
    const picker = parseForms(start.html, start.url).find((form) => form.inputNames.includes('username') && form.fields.action === 'choose-account' && form.buttons.every((button) => button.name !== 'username'))
    if (!picker) throw new Error('no account picker form')
    const passwordPage = await submitForm(fetch, picker, { username: administratorUpn })
    const passwordForm = parseForms(passwordPage.html, passwordPage.url).find((form) => form.fields.action === 'sign-in')
    if (!passwordForm) throw new Error('no password form')
    const retry = await submitForm(fetch, passwordForm, { password: 'wrong' })
    expect(retry.html).toContain('AADSTS50126')
    expect(parseForms(retry.html, retry.url).some((form) => form.fields.action === 'sign-in')).toBe(true)
  })

  it('offers administrators "Consent on behalf of your organisation" and hands back a code with state and client_info', async () => {
    const { fields } = await signInForCode()
    expect(fields.code).toBeTruthy()
    expect(fields.state).toBe('state-123')
    const clientInfo = JSON.parse(Buffer.from(fields.client_info ?? '', 'base64url').toString()) as { uid: string; utid: string }
    expect(clientInfo.utid).toBe(fixture.organisation.tenantId)
    expect(fixture.state.hasOrganisationConsent(DEMO_PUBLIC_CLIENT_ID)).toBe(true)
  })

  it('the form_post page submits itself under a nonce and still has a visible Continue button', async () => {
    const { challenge } = pkce()
    const outcome = await signInThroughPages(fetch, authorizeUrl({ code_challenge: challenge }), { username: administratorUpn })
    if (outcome.kind !== 'form-post') throw new Error('expected form_post')
    const policy = outcome.page.headers.get('content-security-policy') ?? ''
    const nonce = /script-src 'nonce-([^']+)'/.exec(policy)?.[1]
    expect(outcome.page.html).toContain(`<script nonce="${nonce}">`)
    expect(policy).toContain('form-action')
    expect(policy).toContain('http://localhost:53100')
    expect(outcome.page.html).toMatch(/<button class="primary" type="submit">Continue<\/button>/)
  })

  it('a declined consent returns access_denied with the state', async () => {
    fixture.state.revokeConsent(DEMO_PUBLIC_CLIENT_ID)
    const outcome = await signInThroughPages(fetch, authorizeUrl({ code_challenge: pkce().challenge }), { username: administratorUpn, decision: 'decline' })
    if (outcome.kind !== 'form-post') throw new Error('expected form_post')
    expect(outcome.fields.error).toBe('access_denied')
    expect(outcome.fields.error_description).toMatch(/^AADSTS65004/)
    expect(outcome.fields.state).toBe('state-123')
  })

  it('tells an ordinary user that admin approval is needed when the app has no consent', async () => {
    fixture.state.revokeConsent(DEMO_PUBLIC_CLIENT_ID)
    const outcome = await signInThroughPages(fetch, authorizeUrl({ code_challenge: pkce().challenge }), { username: ordinaryUserUpn })
    expect(outcome.kind).toBe('page')
    expect(outcome.page.html).toContain('Need admin approval')
  })

  it('lets an ordinary user straight through once an administrator consented for the organisation', async () => {
    await signInForCode({ consentForOrganisation: true })
    const { code } = await signInForCode({ username: ordinaryUserUpn })
    expect(code).toBeTruthy()
  })
})

describe('token: authorization code with PKCE', () => {
  it('redeems a code once for access, refresh and ID tokens the token service accepts', async () => {
    const { code, verifier } = await signInForCode()
    const redeemed = await postToken({ grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT_ID, code, redirect_uri: REDIRECT_URI, code_verifier: verifier, scope: GRAPH_SCOPES, client_info: '1' })
    expect(redeemed.status).toBe(200)
    expect(redeemed.json).toMatchObject({ token_type: 'Bearer', scope: 'https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/GroupMember.Read.All' })
    expect(redeemed.json.refresh_token).toBeTypeOf('string')
    expect(redeemed.json.id_token).toBeTypeOf('string')
    const check = await fixture.tokens.verifyAccessToken(String(redeemed.json.access_token))
    expect(check).toMatchObject({ ok: true, appId: DEMO_PUBLIC_CLIENT_ID, roles: [], scopes: ['User.Read.All', 'GroupMember.Read.All'] })

    const replay = await postToken({ grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT_ID, code, redirect_uri: REDIRECT_URI, code_verifier: verifier, scope: GRAPH_SCOPES })
    expect(replay.status).toBe(400)
    expect(replay.json).toMatchObject({ error: 'invalid_grant', error_codes: [54005] })
  })

  it('rejects a code_verifier that does not match the challenge (AADSTS501481)', async () => {
    const { code } = await signInForCode()
    const result = await postToken({ grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT_ID, code, redirect_uri: REDIRECT_URI, code_verifier: pkce().verifier, scope: GRAPH_SCOPES })
    expect(result.status).toBe(400)
    expect(result.json).toMatchObject({ error: 'invalid_grant', error_codes: [501481] })
    expect(String(result.json.error_description)).toMatch(/^AADSTS501481: .* Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/)
  })

  it('rejects a code redeemed with another redirect URI or after ten minutes', async () => {
    const first = await signInForCode()
    const wrongRedirect = await postToken({ grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT_ID, code: first.code, redirect_uri: 'http://localhost:9999', code_verifier: first.verifier, scope: GRAPH_SCOPES })
    expect(wrongRedirect.json.error_codes).toEqual([500112])

    const second = await signInForCode()
    fixture.advance(11 * 60 * 1000)
    try {
      const late = await postToken({ grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT_ID, code: second.code, redirect_uri: REDIRECT_URI, code_verifier: second.verifier, scope: GRAPH_SCOPES })
      expect(late.status).toBe(400)
      expect(late.json.error).toBe('invalid_grant')
    } finally {
      fixture.advance(-11 * 60 * 1000)
    }
  })

  it('refuses a client secret from the public client (AADSTS700025)', async () => {
    const { code, verifier } = await signInForCode()
    const result = await postToken({ grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT_ID, client_secret: 'x', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, scope: GRAPH_SCOPES })
    expect(result.status).toBe(401)
    expect(result.json.error_codes).toEqual([700025])
  })
})

describe('token: refresh', () => {
  it('rotates the refresh token and answers consent_required (AADSTS65001) once consent is revoked', async () => {
    const { code, verifier } = await signInForCode()
    const first = await postToken({ grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT_ID, code, redirect_uri: REDIRECT_URI, code_verifier: verifier, scope: GRAPH_SCOPES })
    const refreshed = await postToken({ grant_type: 'refresh_token', client_id: DEMO_PUBLIC_CLIENT_ID, refresh_token: String(first.json.refresh_token), scope: GRAPH_SCOPES })
    expect(refreshed.status).toBe(200)
    expect(refreshed.json.refresh_token).toBeTypeOf('string')
    expect(refreshed.json.refresh_token).not.toBe(first.json.refresh_token)

    fixture.state.revokeConsent(DEMO_PUBLIC_CLIENT_ID)
    const refused = await postToken({ grant_type: 'refresh_token', client_id: DEMO_PUBLIC_CLIENT_ID, refresh_token: String(refreshed.json.refresh_token), scope: GRAPH_SCOPES })
    expect(refused.status).toBe(400)
    expect(refused.json).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] })
  })

  it('rejects an unknown refresh token as invalid_grant', async () => {
    const result = await postToken({ grant_type: 'refresh_token', client_id: DEMO_PUBLIC_CLIENT_ID, refresh_token: 'garbage', scope: GRAPH_SCOPES })
    expect(result.json.error).toBe('invalid_grant')
  })
})

describe('token: client credentials', () => {
  it('issues an app token whose roles are the granted application permissions', async () => {
    const result = await postToken({ grant_type: 'client_credentials', client_id: confidentialClientId, client_secret: DEMO_CLIENT_SECRET, scope: 'https://graph.microsoft.com/.default' })
    expect(result.status).toBe(200)
    expect(result.json.refresh_token).toBeUndefined()
    const check = await fixture.tokens.verifyAccessToken(String(result.json.access_token))
    expect(check).toEqual({ ok: true, appId: confidentialClientId, tenantId: fixture.organisation.tenantId, scopes: [], roles: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'] })
  })

  it('accepts the secret through HTTP Basic too', async () => {
    const response = await fetch(`${fixture.origin}/${fixture.organisation.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${confidentialClientId}:${encodeURIComponent(DEMO_CLIENT_SECRET)}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }).toString(),
    })
    expect(response.status).toBe(200)
  })

  it.each([
    ['a wrong secret', { client_secret: 'nope' }, 401, 'invalid_client', 7000215],
    ['no credential', {}, 401, 'invalid_client', 7000218],
    ['a scope without /.default', { client_secret: DEMO_CLIENT_SECRET, scope: 'https://graph.microsoft.com/User.Read.All' }, 400, 'invalid_scope', 1002012],
    ['another resource', { client_secret: DEMO_CLIENT_SECRET, scope: 'https://vault.azure.net/.default' }, 400, 'invalid_resource', 500011],
  ])('refuses %s', async (_label, extra, status, error, code) => {
    const result = await postToken({ grant_type: 'client_credentials', client_id: confidentialClientId, scope: 'https://graph.microsoft.com/.default', ...extra })
    expect(result.status).toBe(status)
    expect(result.json).toMatchObject({ error, error_codes: [code] })
    expect(String(result.json.error_description)).toMatch(new RegExp(`^AADSTS${code}: `))
  })

  it('refuses an unknown client id as unauthorized_client (AADSTS700016)', async () => {
    const result = await postToken({ grant_type: 'client_credentials', client_id: '99999999-9999-4999-8999-999999999999', client_secret: 'x', scope: 'https://graph.microsoft.com/.default' })
    expect(result.json).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] })
  })

  it('echoes the client-request-id as the correlation id', async () => {
    const correlation = '0b6f2c1e-1d4a-4c9e-9b1f-2a3c4d5e6f70'
    const response = await fetch(`${fixture.origin}/${fixture.organisation.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'client-request-id': correlation },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: confidentialClientId, client_secret: 'nope', scope: 'https://graph.microsoft.com/.default' }).toString(),
    })
    expect(((await response.json()) as { correlation_id: string }).correlation_id).toBe(correlation)
  })
})

describe('admin consent endpoints', () => {
  it('v2: an administrator consents and is redirected with admin_consent=True, the tenant, scope and state', async () => {
    fixture.state.revokeConsent(DEMO_PUBLIC_CLIENT_ID)
    const url = new URL(`${fixture.origin}/organizations/v2.0/adminconsent`)
    url.search = new URLSearchParams({ client_id: DEMO_PUBLIC_CLIENT_ID, scope: 'https://graph.microsoft.com/.default', redirect_uri: 'http://localhost:53200', state: 'consent-1' }).toString()
    const outcome = await signInThroughPages(fetch, url.toString(), { username: administratorUpn })
    if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.page.html.slice(0, 300)}`)
    const location = new URL(outcome.location)
    expect(location.origin).toBe('http://localhost:53200')
    expect(location.searchParams.get('admin_consent')).toBe('True')
    expect(location.searchParams.get('tenant')).toBe(fixture.organisation.tenantId)
    expect(location.searchParams.get('state')).toBe('consent-1')
    expect(location.searchParams.get('scope')).toContain('https://graph.microsoft.com/User.Read.All')
    expect(fixture.state.hasOrganisationConsent(DEMO_PUBLIC_CLIENT_ID)).toBe(true)
  })

  it('v1: declining redirects with error=consent_required and AADSTS65004', async () => {
    const url = new URL(`${fixture.origin}/${fixture.organisation.tenantId}/adminconsent`)
    url.search = new URLSearchParams({ client_id: DEMO_PUBLIC_CLIENT_ID, redirect_uri: 'http://localhost:53200', state: 'consent-2' }).toString()
    const outcome = await signInThroughPages(fetch, url.toString(), { username: administratorUpn, decision: 'decline' })
    if (outcome.kind !== 'redirect') throw new Error('expected a redirect')
    const location = new URL(outcome.location)
    expect(location.searchParams.get('error')).toBe('consent_required')
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004/)
    expect(location.searchParams.get('state')).toBe('consent-2')
  })

  it('does not let an ordinary user grant consent for the organisation', async () => {
    const url = new URL(`${fixture.origin}/organizations/adminconsent`)
    url.search = new URLSearchParams({ client_id: DEMO_PUBLIC_CLIENT_ID, redirect_uri: 'http://localhost:53200' }).toString()
    const outcome = await signInThroughPages(fetch, url.toString(), { username: ordinaryUserUpn })
    expect(outcome.kind).toBe('page')
    expect(outcome.page.html).toContain('AADSTS90094')
  })

  it('refuses the /common tenant for admin consent', async () => {
    const page = await getPage(fetch, `${fixture.origin}/common/v2.0/adminconsent?client_id=${DEMO_PUBLIC_CLIENT_ID}&redirect_uri=http://localhost:1&scope=https://graph.microsoft.com/.default`)
    expect(page.status).toBe(400)
  })
})
