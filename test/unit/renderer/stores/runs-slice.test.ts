import { describe, expect, it } from 'vitest'
import { settle } from '../fake-headcount-api'
import { runOperationRow, runSummary } from '../fake-sync-api'
import { startSyncStore, type StartedSyncStore } from '../start-sync-store'

/** The Sync screen as opened: full-mode settings, push enabled unless told otherwise, target loaded. */
function setUp(options: { isPushEnabled?: boolean } = {}): Promise<StartedSyncStore> {
  return startSyncStore({ syncSettings: options })
}

describe('the run history', () => {
  it('lists runs, filters by status, and reads a run’s operations with “failed only”', async () => {
    const { sync, store } = await setUp()
    sync.runs = [runSummary('run-2', { status: 'partial' }), runSummary('run-1')]
    sync.runOperations.set('run-2', [
      runOperationRow(1),
      runOperationRow(2, { status: 'failed', errorCode: 'EntryConflict', errorMessage: 'userName must be unique' }),
      runOperationRow(3),
    ])
    await store.getState().loadRuns()
    expect(store.getState().runs.list.result?.map((run) => run.runId)).toEqual(['run-2', 'run-1'])
    store.getState().setRunStatusFilter('partial')
    await settle()
    expect(sync.callsOf('sync.runs').at(-1)).toMatchObject({ profileId: 'demo', status: 'partial' })
    expect(store.getState().runs.list.result?.map((run) => run.runId)).toEqual(['run-2'])
    store.getState().selectRun('run-2')
    store.getState().ensureRunOperationRows(0, 40)
    await settle()
    expect(store.getState().runs.operations.total).toBe(3)
    store.getState().setRunFailedOnly(true)
    store.getState().ensureRunOperationRows(0, 40)
    await settle()
    expect(sync.callsOf('sync.runOperations').at(-1)).toMatchObject({ runId: 'run-2', failedOnly: true, offset: 0, limit: 200 })
    expect(store.getState().runs.operations.windows[0]).toEqual([expect.objectContaining({ errorCode: 'EntryConflict' })])
    const file = await store.getState().exportRunFile()
    expect(file?.fileName).toBe('headcount-run-run-2.csv')
  })

  it('refreshes the list when a run finishes, and opening the run dismisses its toast', async () => {
    const { sync, store } = await setUp()
    await store.getState().loadRuns()
    expect(store.getState().runs.list.result).toEqual([])
    sync.finishPush('run-5', { failed: 1 })
    await settle()
    expect(store.getState().runs.list.result?.map((run) => run.runId)).toEqual(['run-5'])
    // Opening the run is what its toast asked for.
    expect(store.getState().sync.toasts).toHaveLength(1)
    store.getState().selectRun('run-5')
    expect(store.getState().sync.toasts).toEqual([])
  })

  it('forgets the plan and the runs of the previous profile, but keeps the toasts', async () => {
    const { sync, store } = await setUp()
    await store.getState().makePlan()
    sync.finishPush('run-1', { failed: 2 })
    store.getState().switchProfile('contoso')
    expect(store.getState().sync).toMatchObject({ profileId: 'contoso', plan: { result: null }, toasts: [expect.objectContaining({ runId: 'run-1' })] })
  })
})
