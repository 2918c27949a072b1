import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import type { PullFinished, PullProgress } from '../../../../src-main/common'
import { createAppStore } from '../../../../src-renderer/stores/app-store'
import { DEMO_PROFILE, FakeHeadcountApi, settle } from '../fake-headcount-api'

function setUp() {
  const fake = new FakeHeadcountApi()
  const store = createAppStore({ api: fake.api, hostKind: 'browser', preferences: null })
  const unsubscribe = store.getState().subscribeToMain()
  return { fake, store, unsubscribe }
}

function progress(overrides: Partial<PullProgress> = {}): PullProgress {
  return {
    profileId: 'demo',
    runId: 'run-1',
    phase: 'users',
    pages: 3,
    users: 2_500,
    groups: 0,
    totalUsers: 10_000,
    rate: 1_200,
    etaSeconds: 6,
    ...overrides,
  }
}

function finished(overrides: Partial<PullFinished> = {}): PullFinished {
  return {
    profileId: 'demo',
    runId: 'run-1',
    outcome: 'succeeded',
    users: 10_000,
    groups: 120,
    memberships: 30_000,
    durationMs: 9_000,
    ...overrides,
  }
}

describe('exploring the demo organisation', () => {
  it('opens the demo profile, makes it active and starts pulling it', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    expect(fake.callsOf('profiles.openDemo')).toEqual([{}])
    expect(fake.callsOf('pull.start')).toEqual([{ profileId: 'demo' }])
    expect(store.getState().activeProfileId).toBe('demo')
    expect(store.getState().pull).toMatchObject({ state: 'running', runId: 'run-1' })
  })

  it('shows progress as main reports it', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    fake.progress.emit(progress({ users: 5_000 }))
    expect(store.getState().pull.progress?.users).toBe(5_000)
  })

  it('ignores progress of another profile', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    fake.progress.emit(progress({ profileId: 'contoso', users: 7 }))
    expect(store.getState().pull.progress).toBeNull()
  })

  it('on success records the summary, refreshes the directory and moves to it', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    const generation = store.getState().directoryGeneration
    fake.summary = { userCount: 10_000, groupCount: 120, membershipCount: 30_000, lastPullAt: '2025-03-14T14:00:00Z' }
    fake.finished.emit(finished())
    await settle()
    const state = store.getState()
    expect(state.pull).toMatchObject({ state: 'succeeded', finished: { users: 10_000 } })
    expect(state.area).toBe('directory')
    expect(state.directorySummary?.userCount).toBe(10_000)
    expect(state.directoryGeneration).toBe(generation + 1)
  })

  it('keeps the outcome when the pull finishes before pull:start has even replied', async () => {
    const { fake, store } = setUp()
    fake.api.pull.start = async () => {
      // A tiny directory: main's events overtake the reply to pull:start.
      fake.finished.emit(finished({ runId: 'run-1' }))
      return { runId: 'run-1' }
    }
    await store.getState().exploreDemo()
    expect(store.getState().pull.state).toBe('succeeded')
  })

  it('does not bring the progress panel back for a late event of a finished run', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    fake.finished.emit(finished({ outcome: 'cancelled' }))
    fake.progress.emit(progress())
    expect(store.getState().pull.state).toBe('cancelled')
    expect(store.getState().area).toBe('connect')
  })

  it('shows the AppError of a failed pull with its hint', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    fake.finished.emit(
      finished({ outcome: 'failed', error: { code: 'NetworkError', message: 'The demo server did not answer.', hint: 'Try again.' } }),
    )
    expect(store.getState().pull).toMatchObject({
      state: 'failed',
      error: { code: 'NetworkError', message: 'The demo server did not answer.', hint: 'Try again.' },
    })
    expect(store.getState().area).toBe('connect')
  })

  it('reports a refused start as a failure in plain words', async () => {
    const { fake, store } = setUp()
    fake.failures['pull.start'] = new AppError({ code: 'StoreError', message: 'The local cache could not be opened.' })
    await store.getState().exploreDemo()
    expect(store.getState().pull).toMatchObject({ state: 'failed', error: { code: 'StoreError' } })
  })

  it('follows a pull that is already running instead of failing with Busy', async () => {
    const { fake, store } = setUp()
    fake.failures['pull.start'] = new AppError({ code: 'Busy', message: 'A pull is already running.' })
    fake.pullStatus = { running: true, progress: progress({ runId: 'run-9', users: 4_000 }), lastFinished: null }
    await store.getState().exploreDemo()
    expect(store.getState().pull).toMatchObject({ state: 'running', runId: 'run-9', progress: { users: 4_000 } })
  })

  it('hides the raw text of a rejection that is not an AppError', async () => {
    const { fake, store } = setUp()
    fake.failures['profiles.openDemo'] = new Error('EACCES /home/admin/.headcount')
    const originalError = console.error
    console.error = () => {}
    try {
      await store.getState().exploreDemo()
    } finally {
      console.error = originalError
    }
    expect(store.getState().pull.error?.code).toBe('Internal')
    expect(store.getState().pull.error?.message).not.toContain('EACCES')
  })
})

describe('cancelling a pull', () => {
  it('asks main to cancel and waits for the cancelled outcome', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    await store.getState().cancelPull()
    expect(fake.callsOf('pull.cancel')).toEqual([{ profileId: 'demo' }])
    expect(store.getState().pull).toMatchObject({ state: 'running', isCancelling: true })
    fake.finished.emit(finished({ outcome: 'cancelled' }))
    expect(store.getState().pull).toMatchObject({ state: 'cancelled', isCancelling: false })
  })

  it('keeps the pull running and says why when cancel fails', async () => {
    const { fake, store } = setUp()
    await store.getState().exploreDemo()
    fake.failures['pull.cancel'] = new AppError({ code: 'NotFound', message: 'No pull is running.' })
    await store.getState().cancelPull()
    expect(store.getState().pull).toMatchObject({ state: 'running', isCancelling: false, cancelError: { code: 'NotFound' } })
  })
})

describe('starting up', () => {
  it('opens the directory when the active profile already has users', async () => {
    const { fake, store } = setUp()
    fake.profiles = [{ ...DEMO_PROFILE, lastPullAt: '2025-03-14T14:00:00Z' }]
    fake.summary = { userCount: 50, groupCount: 2, membershipCount: 60, lastPullAt: '2025-03-14T14:00:00Z' }
    await store.getState().start()
    expect(store.getState()).toMatchObject({ startup: 'ready', activeProfileId: 'demo', area: 'directory' })
  })

  it('stays on Connect when there is no profile yet', async () => {
    const { store } = setUp()
    await store.getState().start()
    expect(store.getState()).toMatchObject({ startup: 'ready', activeProfileId: null, area: 'connect' })
  })

  it('rejoins a pull that is still running after a reload', async () => {
    const { fake, store } = setUp()
    fake.profiles = [DEMO_PROFILE]
    fake.pullStatus = { running: true, progress: progress({ users: 800 }), lastFinished: null }
    await store.getState().start()
    expect(store.getState()).toMatchObject({ area: 'connect', pull: { state: 'running', progress: { users: 800 } } })
  })

  it('says why when main cannot be reached', async () => {
    const { fake, store } = setUp()
    fake.failures['profiles.list'] = new AppError({ code: 'ServiceUnavailable', message: 'Headcount is not answering.' })
    await store.getState().start()
    expect(store.getState()).toMatchObject({ startup: 'failed', startupError: { code: 'ServiceUnavailable' } })
  })

  it('stops listening to main when unsubscribed', () => {
    const { fake, unsubscribe } = setUp()
    expect(fake.progress.size + fake.finished.size + fake.profileChanges.size).toBe(3)
    unsubscribe()
    expect(fake.progress.size + fake.finished.size + fake.profileChanges.size).toBe(0)
  })
})
