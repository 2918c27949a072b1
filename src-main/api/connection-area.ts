/**
 * The Connection area: how a profile reaches its tenant. Settings live in the profile list, secrets
 * in the SecretStore (never returned), tokens in MSAL's cache inside the SecretStore.
 *
 * State of a profile's connection (ConnectionStatus.state):
 * - `notConfigured`: no settings yet;
 * - `signingIn`: an interactive sign-in is waiting for the browser;
 * - `failed`: the last sign-in, test or consent check failed (`lastError`, kept in memory only);
 * - `connected`: the connection proved itself (sign-in, credentials test or consent check) since it
 *   was last configured — and, for interactive profiles, an account is signed in;
 * - `notConnected`: otherwise.
 */
/* eslint-disable @typescript-eslint/require-await --
   Contract methods are async so that a thrown AppError always reaches the caller as a rejection. */
import { randomBytes } from 'node:crypto'
import {
  AppError,
  toAppErrorData,
  type AppErrorData,
  type BrowserRequest,
  type ConnectionApi,
  type ConnectionStatus,
  type ConnectionTestResult,
  type ConnectionTestStep,
  type ConsentLinkStatus,
  type SignedInAccount,
} from '../common'
import type { AccessTokenProvider } from '../services/auth/access-token-provider'
import { graphScope, resolveCloud } from '../services/auth/cloud-endpoints'
import { readOneUser, readOrganisationName } from '../services/auth/graph-probe'
import { describePermissions, findMissingPermissions, readGrantedPermissions } from '../services/auth/headcount-permissions'
import { signInInteractively } from '../services/auth/interactive-sign-in'
import { ProfileConnection } from '../services/auth/profile-connection'
import { buildAdminConsentUrl } from '../services/auth/public-client'
import { readConnectionInput } from '../services/auth/read-connection-input'
import { msalCacheKey } from '../services/auth/secret-store-cache-plugin'
import type { FetchFunction } from '../services/net/trusted-fetch'
import type { ProfileRecord } from '../services/profiles/profile-registry'
import { caSecretKey, certificateKey, clientSecretKey, proxySecretKey } from '../services/secrets/profile-secret-keys'
import type { SecretStore } from '../services/secrets/secret-store'
import type { ProfileStore } from './api-dependencies'
import { EventHub } from './event-hub'

export interface ConnectionAreaDependencies {
  readonly profiles: ProfileStore
  readonly secrets: SecretStore
  /**
   * Shows the sign-in page in the system browser (Electron: an allow-listed `shell.openExternal`; the
   * host decides, and must accept the profile's own `authorityHost`). Absent in the browser host:
   * the renderer is asked through `onDidRequestBrowser` instead.
   */
  readonly openBrowser?: (url: string, context: { readonly profileId: string; readonly authorityHost: string }) => Promise<void>
  /** How long an interactive sign-in may wait for the browser; default 5 minutes. */
  readonly signInTimeoutMs?: number
  /** Where the admin-consent page returns to: default `http://localhost`, registered for desktop clients. */
  readonly consentRedirectUri?: string
  /** Told when a profile's tenant name changed, to emit `profiles:onDidChange`. */
  readonly onDidChangeProfile?: (profileId: string) => void
  readonly now: () => Date
}

/** Graph access for the pull and the health checks: a token provider, the v1.0 base URL and the fetch to use. */
export interface GraphAccess {
  readonly tokenProvider: AccessTokenProvider
  readonly graphBaseUrl: string
  readonly fetch: FetchFunction
}

export interface ConnectionArea extends ConnectionApi {
  /** Tokens for the profile's Graph calls: delegated (interactive) or client credentials, on its cloud. */
  tokenProviderFor(profileId: string): AccessTokenProvider
  /** The token provider with the base URL and trusted fetch (CA, proxy) of the profile. */
  graphAccessFor(profileId: string): Promise<GraphAccess>
  /** Stops a sign-in and releases the profile's connections (before the profile is deleted). */
  forgetProfile(profileId: string): Promise<void>
  dispose(): Promise<void>
}

interface Runtime {
  signIn: AbortController | null
  lastError: AppErrorData | null
  consent: ConsentLinkStatus | null
}

export function createConnectionArea(dependencies: ConnectionAreaDependencies): ConnectionArea {
  const { profiles, secrets } = dependencies
  const changes = new EventHub<ConnectionStatus>()
  const browserRequests = new EventHub<BrowserRequest>()
  const runtimes = new Map<string, Runtime>()
  const connections = new Map<string, { readonly settingsKey: string; readonly opening: Promise<ProfileConnection> }>()

  function runtime(profileId: string): Runtime {
    let entry = runtimes.get(profileId)
    if (!entry) {
      entry = { signIn: null, lastError: null, consent: null }
      runtimes.set(profileId, entry)
    }
    return entry
  }

  function requireProfile(profileId: string): ProfileRecord {
    const profile = profiles.get(profileId)
    if (!profile) throw new AppError({ code: 'NotFound', message: `There is no profile called “${profileId}”.`, hint: 'Choose a profile from the list.' })
    return profile
  }

  function requireSettings(profile: ProfileRecord): NonNullable<ProfileRecord['connection']> {
    if (!profile.connection) {
      throw new AppError({ code: 'InvalidArgument', message: 'This profile has no connection settings yet.', hint: 'Choose how to connect to your tenant first.' })
    }
    return profile.connection
  }

  function statusOf(profile: ProfileRecord): ConnectionStatus {
    const current = runtimes.get(profile.id)
    const settings = profile.connection ?? null
    const account = profile.account ?? null
    const isConnected = profile.connectedAt != null && (settings?.mode !== 'interactive' || account !== null)
    const state = !settings ? 'notConfigured' : current?.signIn ? 'signingIn' : current?.lastError ? 'failed' : isConnected ? 'connected' : 'notConnected'
    return { profileId: profile.id, state, settings, account, tenantName: profile.tenantName, lastError: current?.lastError ?? null }
  }

  function announce(profileId: string): ConnectionStatus {
    const status = statusOf(requireProfile(profileId))
    changes.emit(status)
    return status
  }

  function update(profileId: string, change: (profile: ProfileRecord) => ProfileRecord): ProfileRecord {
    const before = requireProfile(profileId)
    const after = change(before)
    profiles.save(after)
    if (after.tenantName !== before.tenantName || after.name !== before.name) dependencies.onDidChangeProfile?.(profileId)
    return after
  }

  /** One ProfileConnection per profile, rebuilt when its settings change. */
  function connectionFor(profile: ProfileRecord): Promise<ProfileConnection> {
    const settings = requireSettings(profile)
    const settingsKey = JSON.stringify(settings)
    const existing = connections.get(profile.id)
    if (existing?.settingsKey === settingsKey) return existing.opening
    if (existing) void closeConnection(existing.opening)
    const opening = ProfileConnection.open(profile.id, settings, secrets)
    connections.set(profile.id, { settingsKey, opening })
    opening.catch(() => connections.delete(profile.id))
    return opening
  }

  async function releaseConnection(profileId: string): Promise<void> {
    const existing = connections.get(profileId)
    connections.delete(profileId)
    if (existing) await closeConnection(existing.opening)
  }

  function fail(profileId: string, error: unknown): AppError {
    const appError = error instanceof AppError ? error : new AppError(toAppErrorData(error), { cause: error })
    runtime(profileId).lastError = toAppErrorData(appError)
    announce(profileId)
    return appError
  }

  async function openBrowser(profileId: string, authorityHost: string, url: string): Promise<void> {
    if (dependencies.openBrowser) await dependencies.openBrowser(url, { profileId, authorityHost })
    else browserRequests.emit({ profileId, url })
  }

  async function signIn(profileId: string): Promise<ConnectionStatus> {
    const profile = requireProfile(profileId)
    const settings = requireSettings(profile)
    if (settings.mode !== 'interactive') {
      throw new AppError({ code: 'InvalidArgument', message: 'This profile connects with an app registration, not by signing in.', hint: 'Use Test to check its credentials.' })
    }
    const current = runtime(profileId)
    if (current.signIn) throw new AppError({ code: 'Busy', message: 'A sign-in is already waiting for the browser.', hint: 'Finish it in the browser, or cancel it first.' })
    const controller = new AbortController()
    current.signIn = controller
    current.lastError = null
    announce(profileId)
    try {
      const connection = await connectionFor(profile)
      const result = await signInInteractively(
        {
          application: connection.publicClient(),
          scopes: connection.delegatedScopes(),
          prompt: 'consent',
          openBrowser: (url) => openBrowser(profileId, connection.endpoints.authorityHost, url),
          authorityHost: connection.endpoints.authorityHost,
          ...(dependencies.signInTimeoutMs !== undefined ? { timeoutMs: dependencies.signInTimeoutMs } : {}),
        },
        controller.signal,
      )
      if (!result.account) throw new AppError({ code: 'RemoteError', message: 'Microsoft sign-in did not say who signed in.', hint: 'Try again.' })
      const account: SignedInAccount = { username: result.account.username, tenantId: result.account.tenantId, homeAccountId: result.account.homeAccountId }
      const tenantName = await readOrganisationName(connection.fetch, connection.graphBaseUrl, result.accessToken, controller.signal)
      const previous = profile.account ?? null
      if (previous && previous.homeAccountId !== account.homeAccountId) await connection.forgetAccount(previous)
      current.signIn = null
      update(profileId, (latest) => ({
        ...latest,
        account,
        tenantName,
        connectedAt: dependencies.now().toISOString(),
        // "organizations" found its tenant: pin it, so silent renewal, consent links and health target it.
        connection: latest.connection && latest.connection.tenant.toLowerCase() === 'organizations' ? { ...latest.connection, tenant: account.tenantId } : latest.connection ?? null,
      }))
      return announce(profileId)
    } catch (error) {
      current.signIn = null
      const appError = error instanceof AppError ? error : new AppError(toAppErrorData(error), { cause: error })
      // Cancelling is a choice, not a failure: the state goes back to what it was.
      if (appError.code === 'Cancelled' && controller.signal.aborted) {
        announce(profileId)
        throw appError
      }
      throw fail(profileId, appError)
    }
  }

  async function signOut(profileId: string): Promise<ConnectionStatus> {
    const profile = requireProfile(profileId)
    runtime(profileId).signIn?.abort()
    const account = profile.account ?? null
    if (account && profile.connection) await (await connectionFor(profile)).forgetAccount(account)
    runtime(profileId).lastError = null
    update(profileId, (latest) => ({ ...latest, account: null, connectedAt: null }))
    return announce(profileId)
  }

  function consentLink(profileId: string): ConsentLinkStatus {
    const profile = requireProfile(profileId)
    const settings = requireSettings(profile)
    if (settings.tenant.toLowerCase() === 'organizations') {
      throw new AppError({
        code: 'InvalidArgument',
        message: 'The admin-consent link needs your tenant: consent cannot be granted to “organizations”.',
        hint: 'Enter the tenant id or a verified domain in the connection settings (signing in once fills it in).',
      })
    }
    const current = runtime(profileId)
    const endpoints = { graphResource: graphResourceOf(settings) }
    const url = buildAdminConsentUrl({
      clientId: settings.clientId,
      tenant: settings.tenant,
      redirectUri: dependencies.consentRedirectUri ?? 'http://localhost',
      state: randomBytes(12).toString('base64url'),
      scope: graphScope(endpoints, '.default'),
      authorityHost: settings.authorityHost,
    })
    const samePlace = current.consent && sameConsentTarget(current.consent.url, url)
    if (!samePlace) current.consent = { url, state: 'pending', checkedAt: null, detail: null }
    return current.consent ?? { url, state: 'pending', checkedAt: null, detail: null }
  }

  /**
   * Decides whether admin consent has been given, by trying what consent enables:
   * - app registration (secret or certificate): a fresh client-credentials token (no cached token
   *   from before the consent) whose `roles` hold every required permission, then `/organization`.
   *   Missing roles → pending, naming them; a rejected credential → failed.
   * - interactive with a signed-in account: a refreshed delegated token (forceRefresh, so Entra checks
   *   consent now) and `/organization`. Entra asking for interaction (AADSTS65001) → pending.
   * - interactive with nobody signed in: stays pending — Headcount has no identity to ask with; the
   *   admin connects once consent is granted.
   * Connected also marks the profile connected.
   */
  async function checkConsent(profileId: string): Promise<ConsentLinkStatus> {
    const link = consentLink(profileId)
    const profile = requireProfile(profileId)
    const settings = requireSettings(profile)
    const checkedAt = dependencies.now().toISOString()
    const record = (state: ConsentLinkStatus['state'], detail: string): ConsentLinkStatus => {
      const status: ConsentLinkStatus = { url: link.url, state, checkedAt, detail }
      runtime(profileId).consent = status
      return status
    }
    const account = profile.account ?? null
    if (settings.mode === 'interactive' && !account) {
      return record('pending', 'Headcount checks consent through a signed-in account: once the administrator has accepted, select Connect.')
    }
    const connection = await connectionFor(profile)
    let token: string
    try {
      if (settings.mode === 'interactive' && account) {
        token = await connection.delegatedToken(account, { forceRefresh: true })
      } else {
        const provider = await connection.clientCredentialsProvider({ fresh: true })
        try {
          token = await provider.getAccessToken()
        } finally {
          await provider.close()
        }
        const missing = findMissingPermissions(readGrantedPermissions(token).roles)
        if (missing.length > 0) return record('pending', `Not granted yet: ${missing.join(', ')}.`)
      }
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError(toAppErrorData(error))
      if (appError.code === 'Unauthorized' && settings.mode === 'interactive') return record('pending', 'Consent has not been granted yet.')
      return record('failed', `${appError.message}${appError.hint ? ` ${appError.hint}` : ''}`)
    }
    try {
      const tenantName = await readOrganisationName(connection.fetch, connection.graphBaseUrl, token)
      runtime(profileId).lastError = null
      update(profileId, (latest) => ({ ...latest, tenantName, connectedAt: checkedAt }))
      announce(profileId)
      return record('connected', tenantName ? `Consent granted in ${tenantName}.` : 'Consent granted.')
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError(toAppErrorData(error))
      return record(appError.code === 'Forbidden' ? 'pending' : 'failed', appError.message)
    }
  }

  async function testCredentials(profileId: string): Promise<ConnectionTestResult> {
    const profile = requireProfile(profileId)
    const settings = requireSettings(profile)
    if (settings.mode === 'interactive') {
      throw new AppError({ code: 'InvalidArgument', message: 'This profile signs in interactively; the test is for app registrations.', hint: 'Select Connect to sign in.' })
    }
    const steps: ConnectionTestStep[] = []
    const credentialName = settings.mode === 'clientSecret' ? 'client secret' : 'certificate'
    const finish = (error: AppError | null, missingPermissions: readonly string[], tenantName: string | null): ConnectionTestResult => {
      const isOk = error === null && missingPermissions.length === 0 && steps.every((step) => step.isOk)
      if (isOk) {
        runtime(profileId).lastError = null
        update(profileId, (latest) => ({ ...latest, tenantName, connectedAt: dependencies.now().toISOString() }))
        announce(profileId)
      } else {
        update(profileId, (latest) => ({ ...latest, connectedAt: null }))
        fail(profileId, error ?? missingError(missingPermissions))
      }
      return { isOk, steps, missingPermissions, tenantName, error: error ? toAppErrorData(error) : missingPermissions.length > 0 ? toAppErrorData(missingError(missingPermissions)) : null }
    }

    let token: string
    const connection = await connectionFor(profile)
    try {
      const provider = await connection.clientCredentialsProvider({ fresh: true })
      try {
        token = await provider.getAccessToken()
      } finally {
        await provider.close()
      }
      steps.push({ name: 'Get a token', isOk: true, detail: `Signed in as the app registration with its ${credentialName}.` })
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError(toAppErrorData(error))
      steps.push({ name: 'Get a token', isOk: false, detail: appError.message })
      return finish(appError, [], null)
    }

    const missingPermissions = findMissingPermissions(readGrantedPermissions(token).roles)
    steps.push({
      name: 'Check permissions',
      isOk: missingPermissions.length === 0,
      detail:
        missingPermissions.length === 0
          ? 'Every application permission Headcount needs is granted.'
          : `Missing application permissions: ${missingPermissions.join(', ')}. Add them in the app registration (API permissions) and grant admin consent.`,
    })

    let firstError: AppError | null = null
    try {
      const users = await readOneUser(connection.fetch, connection.graphBaseUrl, token)
      steps.push({ name: 'Read one user', isOk: true, detail: users > 0 ? 'A user was read from the directory.' : 'The directory answered; it has no users yet.' })
    } catch (error) {
      firstError = error instanceof AppError ? error : new AppError(toAppErrorData(error))
      steps.push({ name: 'Read one user', isOk: false, detail: firstError.message })
    }
    let tenantName: string | null = null
    try {
      tenantName = await readOrganisationName(connection.fetch, connection.graphBaseUrl, token)
      steps.push({ name: 'Read the organisation', isOk: true, detail: tenantName ? `Connected to ${tenantName}.` : 'The organisation answered without a name.' })
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError(toAppErrorData(error))
      firstError ??= appError
      steps.push({ name: 'Read the organisation', isOk: false, detail: appError.message })
    }
    return finish(firstError, missingPermissions, tenantName)
  }

  async function configure(profileId: string, input: Parameters<ConnectionApi['configure']>[0]['connection']): Promise<ConnectionStatus> {
    const profile = requireProfile(profileId)
    const read = readConnectionInput(input)
    const previous = profile.connection ?? null
    const isSameIdentity =
      previous !== null &&
      previous.cloud === read.settings.cloud &&
      previous.authorityHost === read.settings.authorityHost &&
      previous.tenant.toLowerCase() === read.settings.tenant.toLowerCase() &&
      previous.clientId === read.settings.clientId &&
      previous.mode === read.settings.mode
    const isSameTenant = previous !== null && previous.cloud === read.settings.cloud && previous.tenant.toLowerCase() === read.settings.tenant.toLowerCase()
    runtime(profileId).signIn?.abort()

    await setOrDelete(secrets, clientSecretKey(profileId), read.clientSecret)
    await setOrDelete(secrets, certificateKey(profileId), read.certificate ? JSON.stringify(read.certificate) : null)
    await setOrDelete(secrets, caSecretKey(profileId), read.caCertificatePem)
    await setOrDelete(secrets, proxySecretKey(profileId), read.proxyUrlWithCredentials)
    if (!isSameIdentity) await secrets.delete(msalCacheKey(profileId))
    await releaseConnection(profileId)

    const current = runtime(profileId)
    current.lastError = null
    current.consent = null
    update(profileId, (latest) => ({
      ...latest,
      connection: read.settings,
      // A new credential or another tenant must prove itself again; an interactive account survives
      // a change of proxy or CA.
      account: isSameIdentity ? (latest.account ?? null) : null,
      connectedAt: isSameIdentity && read.settings.mode === 'interactive' ? (latest.connectedAt ?? null) : null,
      tenantName: isSameTenant ? latest.tenantName : null,
    }))
    return announce(profileId)
  }

  const area: ConnectionArea = {
    permissions: async ({ profileId }) => describePermissions(requireProfile(profileId).connection?.mode ?? 'interactive'),
    configure: ({ profileId, connection }) => configure(profileId, connection),
    status: async ({ profileId }) => statusOf(requireProfile(profileId)),
    signIn: ({ profileId }) => signIn(profileId),
    cancelSignIn: async ({ profileId }) => {
      requireProfile(profileId)
      runtimes.get(profileId)?.signIn?.abort()
    },
    signOut: ({ profileId }) => signOut(profileId),
    consentLink: async ({ profileId }) => consentLink(profileId),
    checkConsent: ({ profileId }) => checkConsent(profileId),
    test: ({ profileId }) => testCredentials(profileId),
    onDidChange: (listener) => changes.on(listener),
    onDidRequestBrowser: (listener) => browserRequests.on(listener),

    tokenProviderFor(profileId) {
      return {
        getAccessToken: async (signal) => {
          const profile = requireProfile(profileId)
          const connection = await connectionFor(profile)
          return connection.tokenProvider(profile.account ?? null).getAccessToken(signal)
        },
      }
    },

    async graphAccessFor(profileId) {
      const connection = await connectionFor(requireProfile(profileId))
      return { tokenProvider: area.tokenProviderFor(profileId), graphBaseUrl: connection.graphBaseUrl, fetch: connection.fetch }
    },

    async forgetProfile(profileId) {
      runtimes.get(profileId)?.signIn?.abort()
      runtimes.delete(profileId)
      await releaseConnection(profileId)
    },

    async dispose() {
      for (const entry of runtimes.values()) entry.signIn?.abort()
      const opened = [...connections.values()]
      connections.clear()
      await Promise.all(opened.map((entry) => closeConnection(entry.opening)))
    },
  }
  return area
}

function graphResourceOf(settings: NonNullable<ProfileRecord['connection']>): string {
  return resolveCloud(settings.cloud, { authorityHost: settings.authorityHost, graphEndpoint: settings.graphEndpoint }).graphResource
}

/** Two consent links point at the same grant when only their `state` differs. */
function sameConsentTarget(left: string, right: string): boolean {
  const strip = (url: string): string => {
    const parsed = new URL(url)
    parsed.searchParams.delete('state')
    return parsed.toString()
  }
  return strip(left) === strip(right)
}

function missingError(missing: readonly string[]): AppError {
  return new AppError({
    code: 'Forbidden',
    message: `The app registration lacks these application permissions: ${missing.join(', ')}.`,
    hint: 'Add them under API permissions in the app registration, then select Grant admin consent.',
  })
}

async function setOrDelete(secrets: SecretStore, key: string, value: string | null): Promise<void> {
  if (value === null) await secrets.delete(key)
  else await secrets.set(key, value)
}

async function closeConnection(opening: Promise<ProfileConnection>): Promise<void> {
  const connection = await opening.catch(() => null)
  await connection?.close()
}
