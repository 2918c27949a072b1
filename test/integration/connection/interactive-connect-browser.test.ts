/**
 * Interactive connect-and-consent through the Connection area with a REAL browser: Debian Chromium
 * driven by playwright-core through the emulator's sign-in and consent pages, msal-node's own
 * loopback receiving the form_post, the account stored in the profile, the token cache in the
 * encrypted secret store (a restarted area renews silently), and Cancel / timeout of a sign-in whose
 * browser was closed.
 *
 * The emulator serves HTTPS with its own CA. Chromium is launched with --ignore-certificate-errors,
 * in this test only: it talks to nothing but the emulator on 127.0.0.1 and msal-node's loopback. The
 * product's own requests (msal-node, Graph) trust the CA properly, through the profile's CA setting.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionInput, ConnectionStatus } from '../../../src-main/common/connection'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { readGrantedPermissions } from '../../../src-main/services/auth/headcount-permissions'
import { launchDebianChromium } from '../../helpers/debian-chromium'
import { createConnectionFixture, type ConnectionFixture } from './connection-fixture'


let emulator: RunningEmulator
let fixture: ConnectionFixture
let browser: Browser
let context: BrowserContext
let administratorUpn: string

beforeAll(async () => {
  emulator = await startEmulator({ users: 40 })
  emulator.identity.revokeConsent(emulator.publicClientId)
  fixture = createConnectionFixture()
  administratorUpn = emulator.organisation.users.find(({ user }) => user.jobTitle === 'Head of IT' || user.jobTitle === 'IT Manager')?.user.userPrincipalName ?? ''
  browser = await launchDebianChromium(['--ignore-certificate-errors'])
  context = await browser.newContext()
})

afterAll(async () => {
  await browser?.close()
  await fixture?.dispose()
  await emulator?.close()
})

function interactive(overrides: Partial<ConnectionInput> = {}): ConnectionInput {
  return {
    cloud: 'custom',
    authorityHost: emulator.authorityHost,
    graphEndpoint: emulator.origin,
    tenant: 'organizations',
    clientId: emulator.publicClientId,
    mode: 'interactive',
    caCertificatePem: emulator.caCertificatePem,
    ...overrides,
  }
}

/** What an administrator does in the browser: pick the account, type the password, consent for the organisation. */
async function signInAsAdministrator(page: Page, url: string): Promise<string> {
  await page.goto(url)
  await page.locator(`button[name="username"][value="${administratorUpn}"]`).click()
  await page.locator('#password').fill('demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText('Consent on behalf of your organisation').click()
  await page.getByRole('button', { name: 'Accept' }).click()
  // The form_post page submits itself to msal-node's loopback, which answers with our success page.
  await page.getByRole('heading', { name: 'You are signed in' }).waitFor({ timeout: 15_000 })
  return page.url()
}

describe('interactive connect-and-consent in Chromium', () => {
  it('browser host: the renderer is asked to open the page; sign-in, consent and the loopback connect the profile', async () => {
    fixture.addProfile('contoso', 'Contoso')
    const area = fixture.area() // no openBrowser: the browser host's way
    const states: ConnectionStatus['state'][] = []
    area.onDidChange((status) => states.push(status.state))
    const landed: { url: Promise<string> | null } = { url: null }
    area.onDidRequestBrowser(({ profileId, url }) => {
      expect(profileId).toBe('contoso')
      landed.url = context.newPage().then((page) => signInAsAdministrator(page, url))
    })
    await area.configure({ profileId: 'contoso', connection: interactive() })
    expect(await area.permissions({ profileId: 'contoso' })).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'User.Read.All', kind: 'delegated', isRequestedNow: true })]))

    const status = await area.signIn({ profileId: 'contoso' })
    expect(await landed.url).toMatch(/^http:\/\/localhost:\d+\//)
    expect(status).toMatchObject({ state: 'connected', tenantName: emulator.organisation.organization.displayName, lastError: null })
    expect(status.account).toMatchObject({ username: administratorUpn, tenantId: emulator.tenantId })
    expect(status.account?.homeAccountId).toMatch(new RegExp(`\\.${emulator.tenantId}$`))
    // "organizations" found its tenant and is pinned to it.
    expect(status.settings?.tenant).toBe(emulator.tenantId)
    expect(states).toEqual(['notConnected', 'signingIn', 'connected'])
    expect(emulator.identity.hasOrganisationConsent(emulator.publicClientId)).toBe(true)

    const stored = fixture.registry.get('contoso')
    expect(stored?.account).toEqual(status.account)
    expect(stored?.tenantName).toBe(emulator.organisation.organization.displayName)

    const first = await area.tokenProviderFor('contoso').getAccessToken()
    expect(readGrantedPermissions(first).scopes).toEqual(expect.arrayContaining(['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All']))

    // The app restarts: a new area, registry and secret store over the same folder. No browser opens.
    const restarted = fixture.area({ openBrowser: () => Promise.reject(new Error('no browser may open')) })
    expect(await restarted.status({ profileId: 'contoso' })).toMatchObject({ state: 'connected' })
    const cached = await restarted.tokenProviderFor('contoso').getAccessToken()
    expect(cached).toBe(first)
    // A silent refresh with the persisted refresh token (the consent check forces one).
    expect(await restarted.checkConsent({ profileId: 'contoso' })).toMatchObject({ state: 'connected' })
    const refreshed = await restarted.tokenProviderFor('contoso').getAccessToken()
    expect(refreshed).not.toBe(first)
    expect(await emulator.tokens.verifyAccessToken(refreshed)).toMatchObject({ ok: true, appId: emulator.publicClientId })
    const access = await restarted.graphAccessFor('contoso')
    const organisation = await access.fetch(`${access.graphBaseUrl}/organization`, { headers: { authorization: `Bearer ${refreshed}` } })
    expect(organisation.status).toBe(200)

    // Sign out: the account leaves MSAL's cache too.
    const signedOut = await restarted.signOut({ profileId: 'contoso' })
    expect(signedOut).toMatchObject({ state: 'notConnected', account: null })
    await expect(restarted.tokenProviderFor('contoso').getAccessToken()).rejects.toMatchObject({ code: 'Unauthorized' })
  })

  it('Cancel ends a sign-in whose browser was closed, promptly, and the state goes back', async () => {
    fixture.addProfile('closed', 'Closed browser')
    const opened: string[] = []
    const area = fixture.area({
      openBrowser: async (url, { authorityHost }) => {
        expect(new URL(url).host).toBe(authorityHost)
        opened.push(url)
        const page = await context.newPage()
        await page.goto(url)
        await page.close() // the admin closed the tab
      },
    })
    await area.configure({ profileId: 'closed', connection: interactive() })
    const signingIn = new Promise<void>((resolve) => area.onDidChange((status) => status.state === 'signingIn' && resolve()))
    const run = area.signIn({ profileId: 'closed' })
    await signingIn
    await expect.poll(() => opened.length).toBe(1)
    await expect(area.signIn({ profileId: 'closed' })).rejects.toMatchObject({ code: 'Busy' })

    const started = Date.now()
    await area.cancelSignIn({ profileId: 'closed' })
    await expect(run).rejects.toMatchObject({ code: 'Cancelled' })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await area.status({ profileId: 'closed' })).toMatchObject({ state: 'notConnected', lastError: null })
    // MSAL's loopback is closed: the form_post would now find nobody listening.
    const redirectUri = new URL(opened[0] ?? '').searchParams.get('redirect_uri') ?? ''
    await expect.poll(() => fetch(redirectUri.replace('localhost', '127.0.0.1'), { method: 'POST' }).then(() => 'open', () => 'closed'), { timeout: 3_000 }).toBe('closed')
  })

  it('a sign-in nobody finishes times out and says so', async () => {
    fixture.addProfile('slow', 'Slow')
    const area = fixture.area({ signInTimeoutMs: 400, openBrowser: async () => undefined })
    await area.configure({ profileId: 'slow', connection: interactive() })
    await expect(area.signIn({ profileId: 'slow' })).rejects.toMatchObject({ code: 'Timeout' })
    expect(await area.status({ profileId: 'slow' })).toMatchObject({ state: 'failed', lastError: { code: 'Timeout' } })
  })
})
