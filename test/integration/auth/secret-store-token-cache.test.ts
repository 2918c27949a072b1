/**
 * msal-node's token cache persisted through the SecretStore (services/auth/secret-store-cache-plugin.ts)
 * and the cancellable interactive sign-in (services/auth/interactive-sign-in.ts), with real msal-node
 * against the emulator. The "browser" here is the form-walking helper; the Chromium run is in
 * test/integration/connection/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PublicClientApplication } from '@azure/msal-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/common/errors'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { signInInteractively } from '../../../src-main/services/auth/interactive-sign-in'
import { createPublicClientApplication } from '../../../src-main/services/auth/public-client'
import { createSecretStoreCachePlugin, msalCacheKey } from '../../../src-main/services/auth/secret-store-cache-plugin'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { AesGcmSecretCipher } from '../../../src-main/services/secrets/aes-gcm-secret-cipher'
import { EncryptedFileSecretStore, SECRET_FILE_NAME } from '../../../src-main/services/secrets/encrypted-file-secret-store'
import type { SecretStore } from '../../../src-main/services/secrets/secret-store'
import { signInThroughPages } from '../demo-emulator/sign-in-browser'

const SCOPES = ['https://graph.microsoft.com/User.Read.All', 'https://graph.microsoft.com/GroupMember.Read.All']

let emulator: RunningEmulator
let trusted: TrustedFetch
let administratorUpn: string
let folder: string

beforeAll(async () => {
  emulator = await startEmulator({ users: 60 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
  administratorUpn = emulator.organisation.users.find(({ user }) => user.jobTitle === 'Head of IT' || user.jobTitle === 'IT Manager')?.user.userPrincipalName ?? ''
  folder = mkdtempSync(join(tmpdir(), 'headcount-token-cache-'))
})

afterAll(async () => {
  await trusted.close()
  await emulator.close()
  rmSync(folder, { recursive: true, force: true })
})

function application(store: SecretStore): PublicClientApplication {
  return createPublicClientApplication({
    clientId: emulator.publicClientId,
    tenant: emulator.tenantId,
    authorityHost: emulator.authorityHost,
    fetch: trusted.fetch,
    cachePlugin: createSecretStoreCachePlugin(store, msalCacheKey('contoso')),
  })
}

/** Plays the browser over the emulator's pages and posts the answer to MSAL's loopback. */
async function walkThePages(url: string): Promise<void> {
  const outcome = await signInThroughPages(trusted.fetch, url, { username: administratorUpn, consentForOrganisation: true })
  if (outcome.kind !== 'form-post') throw new Error(`the sign-in pages stopped at: ${outcome.page.html.slice(0, 200)}`)
  await fetch(outcome.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(outcome.fields).toString() })
}

/** True while something listens on 127.0.0.1:port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(true))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)))
  })
}

describe('token cache in the SecretStore', () => {
  it('a new application instance over the same store renews silently, and the file holds no token in clear', async () => {
    const cipher = new AesGcmSecretCipher()
    const first = application(new EncryptedFileSecretStore(folder, cipher))
    const result = await signInInteractively({ application: first, scopes: SCOPES, prompt: 'consent', openBrowser: walkThePages, authorityHost: emulator.authorityHost, timeoutMs: 15_000 })
    if (!result.account) throw new Error('no account')

    // A restart: new store and application objects, the same file and key.
    const second = application(new EncryptedFileSecretStore(folder, cipher))
    const account = await second.getTokenCache().getAccountByHomeId(result.account.homeAccountId)
    expect(account?.username).toBe(administratorUpn)
    if (!account) throw new Error('account not in the persisted cache')
    const cached = await second.acquireTokenSilent({ account, scopes: SCOPES })
    expect(cached.fromCache).toBe(true)
    expect(cached.accessToken).toBe(result.accessToken)
    const refreshed = await second.acquireTokenSilent({ account, scopes: SCOPES, forceRefresh: true })
    expect(refreshed.fromCache).toBe(false)
    expect((await emulator.tokens.verifyAccessToken(refreshed.accessToken)).ok).toBe(true)

    const file = readFileSync(join(folder, SECRET_FILE_NAME), 'utf8')
    expect(file).toContain(msalCacheKey('contoso'))
    for (const token of [result.accessToken, refreshed.accessToken, result.idToken]) expect(file).not.toContain(token.slice(0, 40))
    expect(file).not.toContain('RefreshToken')
  })
})

describe('cancellable interactive sign-in', () => {
  it('Cancel ends a sign-in whose browser was closed, promptly, and MSAL frees its loopback port', async () => {
    const controller = new AbortController()
    let loopbackPort = 0
    const started = Date.now()
    const run = signInInteractively(
      {
        application: application(new EncryptedFileSecretStore(join(folder, 'cancel'), new AesGcmSecretCipher())),
        scopes: SCOPES,
        authorityHost: emulator.authorityHost,
        // The admin closed the browser: nothing ever comes back.
        openBrowser: (url) => {
          loopbackPort = Number(new URL(new URL(url).searchParams.get('redirect_uri') ?? '').port)
          setTimeout(() => controller.abort(), 50)
          return Promise.resolve()
        },
      },
      controller.signal,
    )
    const error = await run.catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('Cancelled')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(loopbackPort).toBeGreaterThan(0)
    await expect.poll(() => isListening(loopbackPort), { timeout: 3_000 }).toBe(false)
  })

  it('times out after the injected time with a Timeout error and a hint', async () => {
    let loopbackPort = 0
    const error = await signInInteractively({
      application: application(new EncryptedFileSecretStore(join(folder, 'timeout'), new AesGcmSecretCipher())),
      scopes: SCOPES,
      authorityHost: emulator.authorityHost,
      timeoutMs: 300,
      openBrowser: (url) => {
        loopbackPort = Number(new URL(new URL(url).searchParams.get('redirect_uri') ?? '').port)
        return Promise.resolve()
      },
    }).catch((reason: unknown) => reason)
    expect((error as AppError).code).toBe('Timeout')
    expect((error as AppError).hint).toMatch(/Connect/)
    await expect.poll(() => isListening(loopbackPort), { timeout: 3_000 }).toBe(false)
  })

  it('an already-cancelled signal never opens the browser', async () => {
    const controller = new AbortController()
    controller.abort()
    let opened = false
    const error = await signInInteractively(
      {
        application: application(new EncryptedFileSecretStore(join(folder, 'early'), new AesGcmSecretCipher())),
        scopes: SCOPES,
        authorityHost: emulator.authorityHost,
        openBrowser: () => {
          opened = true
          return Promise.resolve()
        },
      },
      controller.signal,
    ).catch((reason: unknown) => reason)
    expect((error as AppError).code).toBe('Cancelled')
    expect(opened).toBe(false)
  })

  it('declining consent in the browser is reported as Cancelled with AADSTS65004', async () => {
    emulator.identity.revokeConsent(emulator.publicClientId)
    const error = await signInInteractively({
      application: application(new EncryptedFileSecretStore(join(folder, 'decline'), new AesGcmSecretCipher())),
      scopes: SCOPES,
      prompt: 'consent',
      authorityHost: emulator.authorityHost,
      timeoutMs: 15_000,
      openBrowser: async (url) => {
        const outcome = await signInThroughPages(trusted.fetch, url, { username: administratorUpn, decision: 'decline' })
        if (outcome.kind !== 'form-post') throw new Error('expected the form_post back to the app')
        await fetch(outcome.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(outcome.fields).toString() })
      },
    }).catch((reason: unknown) => reason)
    expect((error as AppError).code).toBe('Cancelled')
    expect((error as AppError).message).toContain('AADSTS65004')
  })
})
