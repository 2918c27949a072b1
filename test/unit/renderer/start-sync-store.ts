/**
 * The store the sync, runs and target slice tests start from: a signed-in demo profile (plus a
 * second one to switch to) over {@link FakeHeadcountApi}, started and listening to main's events.
 */
import { createAppStore, type AppStore } from '../../../src-renderer/stores/app-store'
import { DEMO_PROFILE, FakeHeadcountApi, tenantProfile } from './fake-headcount-api'
import type { FakeSyncApi } from './fake-sync-api'

/** What a sync test works with; `unsubscribe` stops listening to main's events. */
export interface StartedSyncStore {
  readonly fake: FakeHeadcountApi
  readonly sync: FakeSyncApi
  readonly store: AppStore
  readonly unsubscribe: () => void
}

/**
 * Starts the store over a fresh fake. With `syncSettings`, the demo profile gets full-mode sync
 * settings (push enabled unless `isPushEnabled` is false) and the target is loaded, as the Sync
 * screen does on opening.
 */
export async function startSyncStore(options: { syncSettings?: { isPushEnabled?: boolean } } = {}): Promise<StartedSyncStore> {
  const fake = new FakeHeadcountApi()
  fake.profiles = [DEMO_PROFILE, tenantProfile('contoso', 'Contoso')]
  const sync = fake.targetAndSync
  if (options.syncSettings !== undefined) {
    sync.syncSettings.set('demo', {
      mode: 'full',
      isPushEnabled: options.syncSettings.isPushEnabled ?? true,
      deletionThreshold: { count: 500, percent: 20 },
    })
  }
  const store = createAppStore({ api: fake.api, hostKind: 'electron', preferences: null })
  await store.getState().start()
  const unsubscribe = store.getState().subscribeToMain()
  if (options.syncSettings !== undefined) await store.getState().loadTarget()
  return { fake, sync, store, unsubscribe }
}
