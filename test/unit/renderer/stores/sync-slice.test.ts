import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { PLAN_WINDOW_SIZE, selectedPlanRow } from '../../../../src-renderer/stores/sync-slice'
import { settle } from '../fake-headcount-api'
import { planRows, runSummary } from '../fake-sync-api'
import { startSyncStore, type StartedSyncStore } from '../start-sync-store'

/** The Sync screen as opened: full-mode settings, push enabled unless told otherwise, target loaded. */
function setUp(options: { isPushEnabled?: boolean } = {}): Promise<StartedSyncStore> {
  return startSyncStore({ syncSettings: options })
}

describe('the preview', () => {
  it('plans, then reads the rows in 200-row windows as the list scrolls', async () => {
    const { sync, store } = await setUp()
    sync.operations = planRows({ create: 450, update: 50, skip: 500 })
    await store.getState().makePlan()
    const summary = store.getState().sync.plan.result
    expect(summary).toMatchObject({ planId: 'plan-1', totalOperations: 1000, counts: { create: 450, update: 50, skip: 500 } })
    store.getState().ensurePlanRows(0, 40)
    await settle()
    expect(sync.callsOf('sync.queryPlan')).toEqual([{ profileId: 'demo', planId: 'plan-1', offset: 0, limit: PLAN_WINDOW_SIZE }])
    expect(store.getState().sync.rows.total).toBe(1000)
    // Scrolling to rows 390..430 needs windows 1 and 2; window 0 is already there.
    store.getState().ensurePlanRows(390, 430)
    store.getState().ensurePlanRows(390, 430)
    await settle()
    expect(sync.callsOf('sync.queryPlan').map((call) => (call as { offset: number }).offset)).toEqual([0, 200, 400])
    expect(Object.keys(store.getState().sync.rows.windows)).toEqual(['0', '1', '2'])
  })

  it('filters by action chips and search, and drops rows of the previous query', async () => {
    const { sync, store } = await setUp()
    sync.operations = planRows({ create: 5, update: 5, disable: 2 })
    await store.getState().makePlan()
    sync.hold('sync.queryPlan')
    store.getState().ensurePlanRows(0, 40)
    store.getState().togglePlanAction('update')
    store.getState().ensurePlanRows(0, 40)
    sync.release()
    await settle()
    expect(store.getState().sync.rows.total).toBe(5)
    expect(store.getState().sync.rows.windows[0]?.every((row) => row.action === 'update')).toBe(true)
    store.getState().togglePlanAction('disable')
    expect(store.getState().sync.actionFilter).toEqual(['update', 'disable'])
    store.getState().setPlanSearchText('000011')
    store.getState().applyPlanSearch()
    store.getState().ensurePlanRows(0, 40)
    await settle()
    expect(sync.callsOf('sync.queryPlan').at(-1)).toMatchObject({ actions: ['update', 'disable'], search: '000011' })
    expect(store.getState().sync.rows.windows[0]?.map((row) => row.displayName)).toEqual(['User 000011'])
    store.getState().showAllPlanActions()
    store.getState().clearPlanSearch()
    expect(store.getState().sync).toMatchObject({ actionFilter: [], search: '', rows: { total: null } })
  })

  it('selects a row and opens its detail; the keyboard moves the selection', async () => {
    const { store } = await setUp()
    await store.getState().makePlan()
    store.getState().ensurePlanRows(0, 40)
    await settle()
    store.getState().selectPlanRow(1)
    expect(store.getState().sync.isDetailOpen).toBe(true)
    expect(selectedPlanRow(store.getState())?.displayName).toBe('User 000002')
    store.getState().movePlanSelection('ArrowDown', 10)
    expect(selectedPlanRow(store.getState())?.displayName).toBe('User 000003')
    store.getState().movePlanSelection('End', 10)
    expect(store.getState().sync.selectedIndex).toBe(8)
    store.getState().closePlanDetail()
    expect(store.getState().sync.isDetailOpen).toBe(false)
  })

  it('excludes one row at once on screen and in main, and puts it back when main refuses', async () => {
    const { sync, store } = await setUp()
    await store.getState().makePlan()
    store.getState().ensurePlanRows(0, 40)
    await settle()
    const first = store.getState().sync.rows.windows[0]?.[0]
    if (first === undefined) throw new Error('no rows')
    await store.getState().setOperationsExcluded([first.id], true)
    expect(sync.callsOf('sync.setExcluded')).toEqual([{ profileId: 'demo', planId: 'plan-1', operationIds: [first.id], isExcluded: true }])
    expect(store.getState().sync.rows.windows[0]?.[0]?.isExcluded).toBe(true)
    expect(store.getState().sync.plan.result?.excludedOperations).toBe(1)
    sync.failures['sync.setExcluded'] = new AppError({ code: 'NotFound', message: 'That plan is gone; make a new one.' })
    await store.getState().setOperationsExcluded([first.id], false)
    expect(store.getState().sync.rows.windows[0]?.[0]?.isExcluded).toBe(true)
    expect(store.getState().sync.exclusion.error?.code).toBe('NotFound')
  })

  it('excludes every operation the filter shows, across pages, leaving skips alone', async () => {
    const { sync, store } = await setUp()
    sync.operations = planRows({ create: 1500, update: 10, skip: 20 })
    await store.getState().makePlan()
    await store.getState().setShownExcluded(true)
    const sent = sync.callsOf('sync.setExcluded') as { operationIds: string[] }[]
    expect(sent).toHaveLength(1)
    expect(sent[0]?.operationIds).toHaveLength(1510)
    // 1,530 rows read in pages of main's maximum, 1,000.
    expect(sync.callsOf('sync.queryPlan').map((call) => (call as { limit: number }).limit)).toEqual([1000, 1000])
    expect(store.getState().sync.plan.result?.excludedOperations).toBe(1510)
    store.getState().togglePlanAction('update')
    await store.getState().setShownExcluded(false)
    expect(store.getState().sync.plan.result?.excludedOperations).toBe(1500)
  })

  it('exports the plan as CSV and JSON', async () => {
    const { store } = await setUp()
    await store.getState().makePlan()
    const csv = await store.getState().exportPlanFile('csv')
    expect(csv?.fileName).toBe('headcount-plan-plan-1.csv')
    expect(csv?.text.split('\n')[0]).toBe('action,userName,reason')
    const json = await store.getState().exportPlanFile('json')
    expect(JSON.parse(json?.text ?? '{}').operations).toHaveLength(9)
  })
})

describe('pushing', () => {
  it('stays blocked over the deletion threshold until the exact number is typed', async () => {
    const { sync, store } = await setUp()
    sync.operations = planRows({ create: 2, disable: 15, delete: 10 })
    await store.getState().makePlan()
    expect(store.getState().sync.plan.result?.safety).toMatchObject({ isBlocked: true, confirmNumber: 25 })
    store.getState().setConfirmText('24')
    await store.getState().pushPlan()
    expect(sync.callsOf('sync.push')).toEqual([])
    store.getState().setConfirmText(' 25 ')
    await store.getState().pushPlan()
    expect(sync.callsOf('sync.push')).toEqual([{ profileId: 'demo', planId: 'plan-1', confirmNumber: 25 }])
    expect(store.getState().sync.push).toMatchObject({ state: 'running', runId: 'run-1' })
  })

  it('pushes a plan under the threshold without a number', async () => {
    const { sync, store } = await setUp()
    await store.getState().makePlan()
    await store.getState().pushPlan()
    expect(sync.callsOf('sync.push')).toEqual([{ profileId: 'demo', planId: 'plan-1' }])
  })

  it('shows what changed when main re-planned instead of pushing, with the new plan on screen', async () => {
    const { sync, store } = await setUp()
    await store.getState().makePlan()
    store.getState().ensurePlanRows(0, 40)
    await settle()
    sync.replanNextPush = { added: 0, removed: 1, changed: 0, lines: ['Skip user000009@nordlys.example: no longer in scope'] }
    await store.getState().pushPlan()
    const view = store.getState().sync
    expect(view.push).toMatchObject({ state: 'idle', replanned: { lines: ['Skip user000009@nordlys.example: no longer in scope'] } })
    expect(view.plan.result).toMatchObject({ planId: 'plan-2', totalOperations: 8 })
    expect(view.rows.total).toBeNull()
    store.getState().closeReplanned()
    expect(store.getState().sync.push.replanned).toBeNull()
    await store.getState().pushPlan()
    expect(sync.callsOf('sync.push').at(-1)).toEqual({ profileId: 'demo', planId: 'plan-2' })
  })

  it('follows progress events and ends with an outcome that names the failures, plus a toast', async () => {
    const { sync, store } = await setUp()
    await store.getState().makePlan()
    await store.getState().pushPlan()
    sync.emitPushProgress({ runId: 'run-1', done: 4, failed: 1, total: 10, perSecond: 24.6, etaSeconds: 5, throttled: 2 })
    expect(store.getState().sync.push).toMatchObject({ state: 'running', progress: { done: 4, failed: 1, throttled: 2 } })
    // Another profile's push is not this screen's.
    sync.emitPushProgress({ runId: 'run-9', profileId: 'contoso', done: 1 })
    expect(store.getState().sync.push.progress?.runId).toBe('run-1')
    sync.finishPush('run-1', { failed: 3 })
    expect(store.getState().sync.push).toMatchObject({ state: 'finished', planId: 'plan-1', finished: { status: 'partial', counts: { failed: 3 } } })
    expect(store.getState().sync.toasts).toEqual([expect.objectContaining({ tone: 'danger', title: 'Finished with 3 failures — see Runs', runId: 'run-1' })])
    // A late progress event does not bring the bar back.
    sync.emitPushProgress({ runId: 'run-1', done: 9 })
    expect(store.getState().sync.push.state).toBe('finished')
    store.getState().dismissToast(store.getState().sync.toasts[0]?.id ?? -1)
    expect(store.getState().sync.toasts).toEqual([])
  })

  it('raises no toast for a run without failures', async () => {
    const { sync, store } = await setUp()
    await store.getState().makePlan()
    await store.getState().pushPlan()
    sync.finishPush('run-1')
    expect(store.getState().sync.push.finished?.status).toBe('succeeded')
    expect(store.getState().sync.toasts).toEqual([])
  })

  it('reports why a push was refused', async () => {
    const { store } = await setUp({ isPushEnabled: false })
    await store.getState().makePlan()
    await store.getState().pushPlan()
    expect(store.getState().sync.push).toMatchObject({ state: 'failed', error: { message: 'Pushing is off for this profile.' } })
  })

  it('asks main to cancel and waits for the run to end', async () => {
    const { sync, store } = await setUp()
    await store.getState().makePlan()
    await store.getState().pushPlan()
    await store.getState().cancelPush()
    expect(sync.callsOf('sync.cancel')).toEqual([{ profileId: 'demo' }])
    expect(store.getState().sync.push).toMatchObject({ state: 'running', isCancelling: true })
    sync.finishPush('run-1', { status: 'cancelled' })
    expect(store.getState().sync.push).toMatchObject({ state: 'finished', isCancelling: false, finished: { status: 'cancelled' } })
  })

  it('takes over a push that was already running', async () => {
    const { sync, store } = await setUp()
    sync.runs = [runSummary('run-7', { status: 'running', finishedAt: null })]
    await store.getState().loadPushStatus()
    expect(store.getState().sync.push).toMatchObject({ state: 'running', runId: 'run-7' })
  })
})

describe('provision on demand', () => {
  it('previews one user, then applies it', async () => {
    const { sync, store } = await setUp()
    store.getState().openProvision('entra-000042')
    await store.getState().previewProvision()
    expect(sync.callsOf('sync.provisionUser')).toEqual([{ profileId: 'demo', userId: 'entra-000042', apply: false }])
    expect(store.getState().sync.provision.preview.result?.operations[0]?.status).toBe('previewed')
    await store.getState().applyProvision()
    expect(sync.callsOf('sync.provisionUser').at(-1)).toEqual({ profileId: 'demo', userId: 'entra-000042', apply: true })
    expect(store.getState().sync.provision.apply.result).toMatchObject({ runId: 'run-1', operations: [{ status: 'succeeded' }] })
    store.getState().setProvisionUserId('entra-000043')
    expect(store.getState().sync.provision.preview.result).toBeNull()
  })
})
