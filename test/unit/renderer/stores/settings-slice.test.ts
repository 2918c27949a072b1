import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { createAppStore } from '../../../../src-renderer/stores/app-store'
import { FakeHeadcountApi } from '../fake-headcount-api'

function setUp() {
  const fake = new FakeHeadcountApi()
  const store = createAppStore({ api: fake.api, hostKind: 'browser', preferences: null })
  return { fake, store }
}

describe('settings', () => {
  it('reads the data folder and how secrets are stored', async () => {
    const { fake, store } = setUp()
    fake.settings = {
      dataDir: '/home/admin/.config/Headcount',
      secretStorage: { backend: 'memory', isProtected: false, warning: 'Secrets are kept in memory only.' },
    }
    await store.getState().loadSettings()
    expect(store.getState().settings).toMatchObject({
      isBusy: false,
      result: { secretStorage: { isProtected: false, warning: 'Secrets are kept in memory only.' } },
    })
  })

  it('says why when main cannot answer', async () => {
    const { fake, store } = setUp()
    fake.failures['settings.get'] = new AppError({ code: 'ServiceUnavailable', message: 'Headcount is not answering.' })
    await store.getState().loadSettings()
    expect(store.getState().settings).toMatchObject({ isBusy: false, result: null, error: { code: 'ServiceUnavailable' } })
  })

  it('shows only the newest answer when read twice', async () => {
    const { fake, store } = setUp()
    fake.hold('settings.get')
    const first = store.getState().loadSettings()
    const second = store.getState().loadSettings()
    fake.failures['settings.get'] = new AppError({ code: 'Timeout', message: 'Too slow.' })
    // The newer call answers first (and takes the failure); the older success arrives late and is dropped.
    fake.releaseGates([1, 0])
    await Promise.all([first, second])
    expect(store.getState().settings).toMatchObject({ result: null, error: { code: 'Timeout' } })
  })
})
