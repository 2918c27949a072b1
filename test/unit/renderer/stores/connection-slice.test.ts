import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import type { ConnectionInput } from '../../../../src-main/common'
import { createAppStore } from '../../../../src-renderer/stores/app-store'
import { selectCanReadTenant, selectConnectionStatus } from '../../../../src-renderer/stores/selectors'
import { DEMO_PROFILE, FakeHeadcountApi, settle, statusAfterConfigure, tenantProfile } from '../fake-headcount-api'

const INTERACTIVE: ConnectionInput = {
  cloud: 'global',
  tenant: 'organizations',
  clientId: '22222222-2222-2222-2222-222222222222',
  mode: 'interactive',
}

const UNATTENDED: ConnectionInput = {
  cloud: 'global',
  tenant: 'contoso.example',
  clientId: '22222222-2222-2222-2222-222222222222',
  mode: 'clientSecret',
  clientSecret: 'not-a-real-secret',
}

async function setUp() {
  const fake = new FakeHeadcountApi()
  fake.profiles = [tenantProfile('contoso', 'Contoso'), tenantProfile('fabrikam', 'Fabrikam'), DEMO_PROFILE]
  const store = createAppStore({ api: fake.api, hostKind: 'browser', preferences: null })
  const unsubscribe = store.getState().subscribeToMain()
  await store.getState().start()
  store.getState().switchProfile('contoso')
  await settle()
  return { fake, store, unsubscribe }
}

describe('loading the connection', () => {
  it('reads the status and the permissions of the active tenant profile', async () => {
    const { fake, store } = await setUp()
    expect(fake.callsOf('connection.status')).toEqual([{ profileId: 'contoso' }])
    expect(fake.callsOf('connection.permissions')).toEqual([{ profileId: 'contoso' }])
    const { connection } = store.getState()
    expect(connection.status.result?.state).toBe('notConfigured')
    expect(connection.permissions.result?.map((permission) => permission.name)).toEqual([
      'User.Read.All',
      'GroupMember.Read.All',
      'User.ReadWrite.All',
    ])
  })

  it('drops a status that arrives after the admin switched to another profile', async () => {
    const { fake, store } = await setUp()
    fake.connections.set('contoso', { ...statusAfterConfigure('contoso', INTERACTIVE), state: 'connected' })
    fake.hold('connection.status')
    void store.getState().refreshConnectionStatus()
    store.getState().switchProfile('fabrikam')
    fake.releaseGates()
    await settle()
    expect(store.getState().connection.profileId).toBe('fabrikam')
    expect(selectConnectionStatus(store.getState())?.state).toBe('notConfigured')
  })

  it('follows what main announces about the active profile only', async () => {
    const { fake, store } = await setUp()
    fake.connectionChanges.emit({ ...statusAfterConfigure('fabrikam', INTERACTIVE), state: 'connected' })
    expect(selectConnectionStatus(store.getState())?.state).toBe('notConfigured')
    fake.connectionChanges.emit({ ...statusAfterConfigure('contoso', INTERACTIVE), state: 'failed' })
    expect(selectConnectionStatus(store.getState())?.state).toBe('failed')
  })
})

describe('connecting with an admin account', () => {
  it('saves the settings, then waits for the browser sign-in, then shows the account', async () => {
    const { fake, store } = await setUp()
    fake.hold('connection.signIn')
    const connecting = store.getState().connectInteractive(INTERACTIVE)
    await settle()
    expect(fake.callsOf('connection.configure')).toEqual([{ profileId: 'contoso', connection: INTERACTIVE }])
    expect(store.getState().connection.signIn.phase).toBe('waiting')
    expect(selectConnectionStatus(store.getState())?.state).toBe('signingIn')
    fake.releaseGates()
    await connecting
    const state = store.getState()
    expect(state.connection.signIn.phase).toBe('idle')
    expect(selectConnectionStatus(state)).toMatchObject({
      state: 'connected',
      tenantName: 'Contoso',
      account: { username: 'admin@contoso.example' },
    })
    expect(selectCanReadTenant(state)).toBe(true)
  })

  it('shows the settings main refused next to the form, and never opens the browser', async () => {
    const { fake, store } = await setUp()
    fake.failures['connection.configure'] = new AppError({
      code: 'InvalidArgument',
      message: 'The request to connection:configure was not valid (connection.clientId): a client (application) id is a GUID.',
    })
    await store.getState().connectInteractive({ ...INTERACTIVE, clientId: 'nope' })
    expect(fake.callsOf('connection.signIn')).toEqual([])
    expect(store.getState().connection).toMatchObject({
      save: { isBusy: false, error: { code: 'InvalidArgument' } },
      signIn: { phase: 'idle', error: null },
    })
  })

  it('reports a failed sign-in with main’s hint', async () => {
    const { fake, store } = await setUp()
    fake.failures['connection.signIn'] = new AppError({
      code: 'Forbidden',
      message: 'Your account cannot consent for the organisation.',
      hint: 'Send the consent link to a Global Administrator.',
    })
    await store.getState().connectInteractive(INTERACTIVE)
    expect(store.getState().connection.signIn).toMatchObject({
      phase: 'idle',
      wasCancelled: false,
      error: { code: 'Forbidden', hint: 'Send the consent link to a Global Administrator.' },
    })
  })

  it('cancels a sign-in whose browser was closed, and says it was cancelled rather than failed', async () => {
    const { fake, store } = await setUp()
    fake.hold('connection.signIn')
    const connecting = store.getState().connectInteractive(INTERACTIVE)
    await settle()
    const cancelling = store.getState().cancelSignIn()
    expect(store.getState().connection.signIn.phase).toBe('cancelling')
    await cancelling
    expect(fake.callsOf('connection.cancelSignIn')).toEqual([{ profileId: 'contoso' }])
    // Main answers the waiting signIn with Cancelled.
    fake.failures['connection.signIn'] = new AppError({ code: 'Cancelled', message: 'The sign-in was cancelled.' })
    fake.releaseGates()
    await connecting
    expect(store.getState().connection.signIn).toMatchObject({ phase: 'idle', wasCancelled: true, error: null })
  })

  it('keeps waiting and says why when cancelling fails', async () => {
    const { fake, store } = await setUp()
    fake.hold('connection.signIn')
    const connecting = store.getState().connectInteractive(INTERACTIVE)
    await settle()
    fake.failures['connection.cancelSignIn'] = new AppError({ code: 'NotFound', message: 'No sign-in is waiting.' })
    await store.getState().cancelSignIn()
    expect(store.getState().connection.signIn).toMatchObject({ phase: 'waiting', cancelError: { code: 'NotFound' } })
    fake.releaseGates()
    await connecting
  })

  it('records the sign-in page main asks the browser host to open, for the active profile only', async () => {
    const { fake, store } = await setUp()
    fake.browserRequests.emit({ profileId: 'fabrikam', url: 'https://login.example/other' })
    expect(store.getState().connection.signIn.browserUrl).toBeNull()
    fake.browserRequests.emit({ profileId: 'contoso', url: 'https://login.example/authorize' })
    fake.browserRequests.emit({ profileId: 'contoso', url: 'https://login.example/authorize' })
    expect(store.getState().connection.signIn).toMatchObject({ browserUrl: 'https://login.example/authorize', browserRequest: 2 })
  })

  it('does not let a sign-in that ends after a profile switch touch the new profile', async () => {
    const { fake, store } = await setUp()
    fake.hold('connection.signIn')
    const connecting = store.getState().connectInteractive(INTERACTIVE)
    await settle()
    store.getState().switchProfile('fabrikam')
    await settle()
    fake.releaseGates()
    await connecting
    expect(store.getState().connection).toMatchObject({ profileId: 'fabrikam', signIn: { phase: 'idle' } })
    expect(selectConnectionStatus(store.getState())?.state).toBe('notConfigured')
  })

  it('signs out', async () => {
    const { fake, store } = await setUp()
    await store.getState().connectInteractive(INTERACTIVE)
    await store.getState().signOut()
    expect(fake.callsOf('connection.signOut')).toEqual([{ profileId: 'contoso' }])
    expect(selectConnectionStatus(store.getState())).toMatchObject({ state: 'notConnected', account: null })
    expect(selectCanReadTenant(store.getState())).toBe(false)
  })
})

describe('the consent link for another admin', () => {
  it('saves the form, then fetches the link, and checks it again on request', async () => {
    const { fake, store } = await setUp()
    await store.getState().getConsentLink({ ...INTERACTIVE, tenant: 'contoso.example' })
    expect(fake.callsOf('connection.configure')).toHaveLength(1)
    expect(store.getState().connection.consent.result?.state).toBe('pending')
    fake.consent = { ...fake.consent, state: 'connected', checkedAt: '2026-11-01T09:05:00Z' }
    await store.getState().checkConsent()
    await settle()
    expect(store.getState().connection.consent.result).toMatchObject({ state: 'connected' })
    // Consent may have connected the profile, so its status is read again.
    expect(fake.callsOf('connection.status').length).toBeGreaterThan(1)
  })

  it('says why there is no link (a tenant is needed) and keeps the last one known', async () => {
    const { fake, store } = await setUp()
    fake.failures['connection.consentLink'] = new AppError({
      code: 'InvalidArgument',
      message: 'A consent link needs your tenant id or domain, not “organizations”.',
    })
    await store.getState().getConsentLink(null)
    expect(store.getState().connection.consent).toMatchObject({ isBusy: false, result: null, error: { code: 'InvalidArgument' } })
  })
})

describe('testing unattended credentials', () => {
  it('saves new credentials first, then tests, and shows each step', async () => {
    const { fake, store } = await setUp()
    await store.getState().testConnection(UNATTENDED)
    expect(fake.callsOf('connection.configure')).toEqual([{ profileId: 'contoso', connection: UNATTENDED }])
    expect(fake.callsOf('connection.test')).toEqual([{ profileId: 'contoso' }])
    expect(store.getState().connection.test.result).toMatchObject({ isOk: true, tenantName: 'Contoso' })
    // Stored credentials are enough to pull, though nobody "signed in".
    expect(selectCanReadTenant(store.getState())).toBe(true)
  })

  it('tests the stored credentials without saving when nothing was replaced', async () => {
    const { fake, store } = await setUp()
    fake.testResult = {
      isOk: false,
      steps: [
        { name: 'Token', isOk: true, detail: 'A token was issued.' },
        { name: 'Permissions', isOk: false, detail: 'Two permissions are missing.' },
      ],
      missingPermissions: ['GroupMember.Read.All', 'Application.Read.All'],
      tenantName: null,
      error: null,
    }
    await store.getState().testConnection(null)
    expect(fake.callsOf('connection.configure')).toEqual([])
    expect(store.getState().connection.test.result?.missingPermissions).toEqual(['GroupMember.Read.All', 'Application.Read.All'])
  })

  it('does not test when saving was refused', async () => {
    const { fake, store } = await setUp()
    fake.failures['connection.configure'] = new AppError({ code: 'InvalidArgument', message: 'a client secret is required' })
    await store.getState().testConnection({ ...UNATTENDED, clientSecret: undefined })
    expect(fake.callsOf('connection.test')).toEqual([])
    expect(store.getState().connection).toMatchObject({ test: { isBusy: false, result: null }, save: { error: { code: 'InvalidArgument' } } })
  })

  it('reports a test that could not run at all', async () => {
    const { fake, store } = await setUp()
    fake.failures['connection.test'] = new AppError({ code: 'NetworkError', message: 'login.microsoftonline.com did not answer.', hint: 'Check the proxy.' })
    await store.getState().testConnection(null)
    expect(store.getState().connection.test).toMatchObject({ isBusy: false, error: { code: 'NetworkError', hint: 'Check the proxy.' } })
  })
})
