import { describe, expect, it } from 'vitest'
import { DEFAULT_TARGET_SETTINGS } from '../../../../src-renderer/stores/target-slice'
import { settle } from '../fake-headcount-api'
import { startSyncStore, type StartedSyncStore } from '../start-sync-store'

const setUp = (): Promise<StartedSyncStore> => startSyncStore()

const SETTINGS = { ...DEFAULT_TARGET_SETTINGS, scimUrl: 'https://cards.example.com/scim/v2', token: 'secret-token' }

describe('the target panel', () => {
  it('reads the target and the sync settings of the active profile', async () => {
    const { sync, store } = await setUp()
    await store.getState().loadTarget()
    expect(sync.callsOf('target.status')).toEqual([{ profileId: 'demo' }])
    expect(sync.callsOf('sync.settings')).toEqual([{ profileId: 'demo' }])
    expect(store.getState().target.status.result).toMatchObject({ isConfigured: false, hasToken: false })
    // Safe by default: a new profile previews only.
    expect(store.getState().target.syncSettings.result).toMatchObject({ isPushEnabled: false, mode: 'full' })
  })

  it('saves the settings, after which the token is only “stored”, and forgets a test of the old ones', async () => {
    const { sync, store } = await setUp()
    await store.getState().testTarget()
    expect(store.getState().target.test.result?.isOk).toBe(true)
    expect(await store.getState().saveTarget(SETTINGS)).toBe(true)
    expect(sync.callsOf('target.configure')).toEqual([{ profileId: 'demo', settings: SETTINGS }])
    expect(store.getState().target.status.result).toMatchObject({ isConfigured: true, hasToken: true, scimUrl: SETTINGS.scimUrl })
    expect(store.getState().target.test.result).toBeNull()
  })

  it('shows why main refused the settings and keeps the last known status', async () => {
    const { store } = await setUp()
    await store.getState().saveTarget(SETTINGS)
    expect(await store.getState().saveTarget({ ...SETTINGS, scimUrl: 'cards.example.com' })).toBe(false)
    expect(store.getState().target.save.error).toMatchObject({ code: 'InvalidArgument', message: expect.stringContaining('https://') })
    expect(store.getState().target.status.result?.scimUrl).toBe(SETTINGS.scimUrl)
  })

  it('follows the read of the target with the counts from progress events, then shows the snapshot', async () => {
    const { sync, store } = await setUp()
    sync.hold('target.refresh')
    const reading = store.getState().readTarget()
    expect(store.getState().target.refresh.isBusy).toBe(true)
    sync.targetProgress.emit({ profileId: 'demo', phase: 'users', read: 100, total: 250 })
    expect(store.getState().target.refreshProgress).toEqual({ profileId: 'demo', phase: 'users', read: 100, total: 250 })
    // Another profile's read is not this panel's.
    sync.targetProgress.emit({ profileId: 'contoso', phase: 'users', read: 7, total: 9 })
    expect(store.getState().target.refreshProgress?.read).toBe(100)
    sync.release()
    await reading
    expect(store.getState().target.refreshProgress).toBeNull()
    expect(store.getState().target.status.result?.snapshot).toEqual({ takenAt: '2026-11-01T09:00:00Z', users: 250, groups: 5 })
  })

  it('saves the sync settings; allowing pushing is an explicit choice', async () => {
    const { sync, store } = await setUp()
    await store.getState().loadTarget()
    const settings = { mode: 'newUsersOnly' as const, isPushEnabled: true, deletionThreshold: { count: 50, percent: 10 } }
    expect(await store.getState().saveSyncSettings(settings)).toBe(true)
    expect(sync.syncSettings.get('demo')).toEqual(settings)
    expect(store.getState().target.syncSettings.result).toEqual(settings)
  })

  it('drops an answer that arrives after a profile switch', async () => {
    const { sync, store } = await setUp()
    sync.hold('target.test')
    const testing = store.getState().testTarget()
    store.getState().switchProfile('contoso')
    sync.release()
    await testing
    await settle()
    expect(store.getState().target).toMatchObject({ profileId: 'contoso', test: { result: null, isBusy: false } })
  })
})
