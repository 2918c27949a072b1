import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { createAppStore } from '../../../../src-renderer/stores/app-store'
import { selectActiveProfile } from '../../../../src-renderer/stores/selectors'
import { DEMO_PROFILE, FakeHeadcountApi, healthReport, settle, tenantProfile } from '../fake-headcount-api'

async function setUp() {
  const fake = new FakeHeadcountApi()
  fake.profiles = [DEMO_PROFILE, tenantProfile('contoso', 'Contoso')]
  const store = createAppStore({ api: fake.api, hostKind: 'electron', preferences: null })
  const unsubscribe = store.getState().subscribeToMain()
  await store.getState().start()
  return { fake, store, unsubscribe }
}

describe('creating a profile', () => {
  it('creates a tenant profile, makes it active, closes the dialog and opens Connect', async () => {
    const { fake, store } = await setUp()
    store.getState().navigate('directory')
    store.getState().openProfileDialog({ kind: 'create' })
    expect(await store.getState().createProfile('Fabrikam')).toBe(true)
    await settle()
    const state = store.getState()
    expect(fake.callsOf('profiles.create')).toEqual([{ name: 'Fabrikam' }])
    expect(selectActiveProfile(state)).toMatchObject({ name: 'Fabrikam', kind: 'tenant' })
    expect(state.profiles.map((profile) => profile.name)).toEqual(['Demo organisation', 'Contoso', 'Fabrikam'])
    expect(state).toMatchObject({ profileDialog: null, area: 'connect', profileAction: { isBusy: false, error: null } })
    // The new profile's connection is loaded for its Connect screen.
    expect(fake.callsOf('connection.status')).toEqual([{ profileId: 'tenant-1' }])
    expect(state.connection).toMatchObject({ profileId: 'tenant-1', status: { result: { state: 'notConfigured' } } })
  })

  it('keeps the dialog open with main’s reason when the name is refused', async () => {
    const { fake, store } = await setUp()
    store.getState().openProfileDialog({ kind: 'create' })
    fake.failures['profiles.create'] = new AppError({
      code: 'InvalidArgument',
      message: 'A profile called “Contoso” already exists.',
      hint: 'Choose another name.',
    })
    expect(await store.getState().createProfile('Contoso')).toBe(false)
    expect(store.getState()).toMatchObject({
      profileDialog: { kind: 'create' },
      activeProfileId: 'demo',
      profileAction: { isBusy: false, error: { code: 'InvalidArgument', hint: 'Choose another name.' } },
    })
  })

  it('ignores a second submit while the first is on its way', async () => {
    const { fake, store } = await setUp()
    fake.hold('profiles.create')
    const first = store.getState().createProfile('Fabrikam')
    expect(await store.getState().createProfile('Fabrikam')).toBe(false)
    expect(store.getState().profileAction.isBusy).toBe(true)
    fake.releaseGates()
    expect(await first).toBe(true)
    expect(fake.callsOf('profiles.create')).toHaveLength(1)
  })
})

describe('renaming and duplicating', () => {
  it('renames in place, keeping the list order and the active profile', async () => {
    const { fake, store } = await setUp()
    store.getState().switchProfile('contoso')
    expect(await store.getState().renameProfile('contoso', 'Contoso Norway')).toBe(true)
    expect(fake.callsOf('profiles.rename')).toEqual([{ profileId: 'contoso', name: 'Contoso Norway' }])
    expect(store.getState().profiles.map((profile) => profile.name)).toEqual(['Demo organisation', 'Contoso Norway'])
    expect(store.getState().activeProfileId).toBe('contoso')
  })

  it('makes the copy active, with its own (not yet signed-in) connection', async () => {
    const { fake, store } = await setUp()
    store.getState().switchProfile('contoso')
    expect(await store.getState().duplicateProfile('contoso', 'Contoso (copy)')).toBe(true)
    await settle()
    expect(selectActiveProfile(store.getState())).toMatchObject({ id: 'tenant-1', name: 'Contoso (copy)' })
    expect(store.getState().connection.profileId).toBe('tenant-1')
    expect(fake.callsOf('connection.status')).toContainEqual({ profileId: 'tenant-1' })
  })
})

describe('deleting a profile', () => {
  it('passes the typed name to main, which decides whether it matches', async () => {
    const { fake, store } = await setUp()
    store.getState().openProfileDialog({ kind: 'delete', profileId: 'contoso' })
    expect(await store.getState().deleteProfile('contoso', 'contoso')).toBe(false)
    expect(fake.callsOf('profiles.delete')).toEqual([{ profileId: 'contoso', confirmName: 'contoso' }])
    expect(store.getState().profileAction.error?.message).toBe('To delete this profile, type its name exactly: “Contoso”.')
    expect(store.getState().profiles).toHaveLength(2)
  })

  it('moves to another profile with a fresh screen when the active one is deleted', async () => {
    const { fake, store } = await setUp()
    store.getState().switchProfile('contoso')
    await settle()
    fake.hold('pull.status')
    expect(await store.getState().deleteProfile('contoso', 'Contoso')).toBe(true)
    expect(store.getState()).toMatchObject({ activeProfileId: 'demo', profileDialog: null })
    expect(store.getState().profiles.map((profile) => profile.id)).toEqual(['demo'])
    expect(store.getState().connection.profileId).toBe('demo')
    fake.releaseGates()
  })
})

describe('switching profiles', () => {
  it('clears the previous profile’s pull, detail and health, then loads the new one’s', async () => {
    const { fake, store } = await setUp()
    await store.getState().startPull()
    fake.reports.set('demo', healthReport('demo'))
    await store.getState().refreshHealth()
    expect(store.getState().health.report.result).not.toBeNull()
    store.getState().switchProfile('contoso')
    expect(store.getState().pull.state).toBe('idle')
    expect(store.getState().health).toMatchObject({ profileId: 'contoso', report: { result: null } })
    await settle()
    expect(fake.callsOf('pull.status')).toContainEqual({ profileId: 'contoso' })
    expect(fake.callsOf('directory.summary')).toContainEqual({ profileId: 'contoso' })
  })

  it('does not let a late pull status of the previous profile show on the new one', async () => {
    const { fake, store } = await setUp()
    fake.pullStatuses.set('contoso', { running: true, progress: null, lastFinished: null })
    fake.hold('pull.status')
    store.getState().switchProfile('contoso')
    store.getState().switchProfile('demo')
    expect(fake.waiting.map((gate) => gate.argument)).toEqual([{ profileId: 'contoso' }, { profileId: 'demo' }])
    fake.releaseGates([1, 0]) // the demo's answer first, then contoso's late one
    await settle()
    expect(store.getState().activeProfileId).toBe('demo')
    expect(store.getState().pull.state).toBe('idle')
  })

  it('follows main when another window deletes the active profile', async () => {
    const { fake, store } = await setUp()
    store.getState().switchProfile('contoso')
    fake.profileChanges.emit([DEMO_PROFILE])
    expect(store.getState().activeProfileId).toBe('demo')
  })
})
