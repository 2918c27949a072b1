import type { AuthenticationResult, PublicClientApplication } from '@azure/msal-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/common/errors'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { buildAdminConsentUrl, createDelegatedTokenProvider, createPublicClientApplication } from '../../../src-main/services/auth/public-client'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { signInThroughPages, type SignInChoices } from '../demo-emulator/sign-in-browser'

const SCOPES = ['https://graph.microsoft.com/User.Read.All', 'https://graph.microsoft.com/GroupMember.Read.All']
const TIME_BOX_MS = 15_000

let emulator: RunningEmulator
let trusted: TrustedFetch
let administratorUpn: string

beforeAll(async () => {
  emulator = await startEmulator({ users: 80 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  administratorUpn = emulator.organisation.users.find(({ user }) => user.jobTitle === 'Head of IT' || user.jobTitle === 'IT Manager')?.user.userPrincipalName ?? ''
})

afterAll(async () => {
  await trusted.close()
  await emulator.close()
})

function application(): PublicClientApplication {
  return createPublicClientApplication({ clientId: emulator.publicClientId, tenant: 'organizations', authorityHost: emulator.authorityHost, fetch: trusted.fetch })
}

/** Posts the form_post fields to the app's loopback, as the browser's auto-submitting form does. */
async function postToLoopback(action: string, fields: Readonly<Record<string, string>>): Promise<void> {
  await fetch(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
}

/**
 * acquireTokenInteractive where `openBrowser` plays the browser over the real pages. MSAL's loopback
 * waits forever if nobody calls it, so the run is time-boxed: on timeout it posts
 * error=access_denied to the loopback (the cancel technique, reference §1.2) and fails the test.
 */
async function signInInteractively(
  pca: PublicClientApplication,
  choices: SignInChoices,
  tamper: (authorizeUrl: URL) => void = () => undefined,
): Promise<AuthenticationResult> {
  let authorizeUrl: URL | null = null
  const run = pca.acquireTokenInteractive({
    scopes: SCOPES,
    prompt: 'select_account',
    openBrowser: async (url) => {
      const target = new URL(url)
      authorizeUrl = new URL(url)
      tamper(target)
      const outcome = await signInThroughPages(trusted.fetch, target.toString(), choices)
      if (outcome.kind !== 'form-post') throw new Error(`the sign-in pages stopped at: ${outcome.page.html.slice(0, 300)}`)
      await postToLoopback(outcome.action, outcome.fields)
    },
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const pending = authorizeUrl
      const redirect = pending?.searchParams.get('redirect_uri')
      const state = pending?.searchParams.get('state')
      if (redirect && state) void postToLoopback(`${redirect}/`, { error: 'access_denied', error_description: 'test timed out', state }).catch(() => undefined)
      reject(new Error('interactive sign-in timed out'))
    }, TIME_BOX_MS)
  })
  try {
    return await Promise.race([run, timeout])
  } finally {
    clearTimeout(timer)
  }
}

describe('PublicClientApplication.acquireTokenInteractive against the emulator', () => {
  it('signs an administrator in through the real pages, then renews silently with the refresh token', async () => {
    const pca = application()
    const result = await signInInteractively(pca, { username: administratorUpn, consentForOrganisation: true })
    expect(result.account?.tenantId).toBe(emulator.tenantId)
    expect(result.account?.username).toBe(administratorUpn)
    expect(result.account?.homeAccountId).toMatch(new RegExp(`\\.${emulator.tenantId}$`))
    const check = await emulator.tokens.verifyAccessToken(result.accessToken)
    expect(check).toMatchObject({ ok: true, appId: emulator.publicClientId, scopes: ['User.Read.All', 'GroupMember.Read.All'] })

    const account = result.account
    if (!account) throw new Error('no account')
    const cached = await pca.acquireTokenSilent({ account, scopes: SCOPES })
    expect(cached.fromCache).toBe(true)
    const refreshed = await pca.acquireTokenSilent({ account, scopes: SCOPES, forceRefresh: true })
    expect(refreshed.fromCache).toBe(false)
    expect(refreshed.accessToken).not.toBe(result.accessToken)
    expect((await emulator.tokens.verifyAccessToken(refreshed.accessToken)).ok).toBe(true)

    // The token reaches Graph: the delegated token lists users.
    const users = await trusted.fetch(`${emulator.graphBaseUrl}/users?$top=3`, { headers: { authorization: `Bearer ${refreshed.accessToken}` } })
    expect(users.status).toBe(200)
  })

  it('a delegated token provider asks for a new sign-in once consent is revoked (AADSTS65001)', async () => {
    const pca = application()
    const result = await signInInteractively(pca, { username: administratorUpn, consentForOrganisation: true })
    if (!result.account) throw new Error('no account')
    const provider = createDelegatedTokenProvider({ application: pca, account: result.account, scopes: SCOPES, authorityHost: emulator.authorityHost })
    expect(await provider.getAccessToken()).toBe(result.accessToken)

    emulator.identity.revokeConsent(emulator.publicClientId)
    const error = await pca
      .acquireTokenSilent({ account: result.account, scopes: SCOPES, forceRefresh: true })
      .then(() => null, (reason: unknown) => reason)
    expect(error).not.toBeNull()
    const providerAfterRevoke = createDelegatedTokenProvider({ application: pca, account: result.account, scopes: ['https://graph.microsoft.com/Application.Read.All'], authorityHost: emulator.authorityHost })
    const appError = await providerAfterRevoke.getAccessToken().then(() => null, (reason: unknown) => reason)
    expect(appError).toBeInstanceOf(AppError)
    expect((appError as AppError).code).toBe('Unauthorized')
    expect((appError as AppError).message).toContain('AADSTS65001')
  })

  it('fails when the code was issued for another PKCE challenge (AADSTS501481)', async () => {
    const pca = application()
    const substituted = 'A'.repeat(43)
    const error = await signInInteractively(pca, { username: administratorUpn, consentForOrganisation: true }, (url) => url.searchParams.set('code_challenge', substituted)).then(
      () => null,
      (reason: unknown) => reason,
    )
    expect(String((error as { errorMessage?: string })?.errorMessage ?? error)).toContain('AADSTS501481')
  })

  it('rejects when the administrator declines consent', async () => {
    emulator.identity.revokeConsent(emulator.publicClientId)
    const pca = application()
    const error = await signInInteractively(pca, { username: administratorUpn, decision: 'decline' }).then(
      () => null,
      (reason: unknown) => reason,
    )
    expect((error as { errorCode?: string })?.errorCode).toBe('access_denied')
  })
})

describe('admin consent URL', () => {
  it('leads through sign-in and consent to a redirect with admin_consent=True for the tenant', async () => {
    emulator.identity.revokeConsent(emulator.publicClientId)
    const url = buildAdminConsentUrl({ clientId: emulator.publicClientId, tenant: 'organizations', redirectUri: 'http://localhost:53999', state: 'xyz', authorityHost: emulator.authorityHost })
    const outcome = await signInThroughPages(trusted.fetch, url, { username: administratorUpn })
    if (outcome.kind !== 'redirect') throw new Error('expected a redirect')
    const location = new URL(outcome.location)
    expect(location.searchParams.get('admin_consent')).toBe('True')
    expect(location.searchParams.get('tenant')).toBe(emulator.tenantId)
    expect(location.searchParams.get('state')).toBe('xyz')
    expect(emulator.identity.hasOrganisationConsent(emulator.publicClientId)).toBe(true)
    // The grant is organisation-wide: it applies to every user of the tenant.
    expect(emulator.identity.delegatedPermissions(emulator.publicClientId, 'anyone')).toContain('User.Read.All')
  })
})
