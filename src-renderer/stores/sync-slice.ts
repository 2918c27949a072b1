/**
 * Sync slice: the preview (plan summary, filtered rows fetched in windows, selection, exclusions),
 * the push (threshold confirmation, progress, outcome), provision on demand, and the run history.
 * Main plans, pushes and keeps the journal; this slice records what it answered and what the admin
 * is looking at. Replies for another profile, another plan or an older query are dropped.
 */
import type {
  AppErrorData,
  PlanAction,
  PlanChanges,
  PlanRow,
  PlanSummary,
  ProvisionResult,
  PushFinished,
  PushProgress,
  RunSummary,
  UserRow,
} from '../../src-main/common'
import { nextRowIndex, type RowNavigationKey } from '../features/directory/row-navigation'
import { rowAt, windowsCovering } from '../features/directory/row-windows'
import { isThresholdConfirmed, parseConfirmNumber } from '../features/sync/deletion-safety'
import { toggleAction } from '../features/sync/plan-actions'
import { describeRunOutcome, type OutcomeTone } from '../features/sync/run-outcome'
import { appErrorOf } from './app-error-of'
import type { AppState, SliceCreator } from './app-state'
import { busyOperation, failedOperation, idleOperation, succeededOperation, type Operation } from './operation'

/** Rows per `sync:queryPlan` / `sync:runOperations` call while scrolling (the brief fixes 200). */
export const PLAN_WINDOW_SIZE = 200
/** Rows per call when collecting every id of a filter ("exclude all shown"); main's maximum. */
const COLLECT_PAGE_SIZE = 1000

/** Rows known for one query, fetched window by window. */
export interface RowsCache<Row> {
  /** The query these rows answer; a reply for another key is dropped. */
  readonly key: string
  readonly total: number | null
  readonly windows: Readonly<Record<number, readonly Row[]>>
  readonly error: AppErrorData | null
}

export type PushState = 'idle' | 'starting' | 'running' | 'finished' | 'failed'

export interface PushView {
  readonly state: PushState
  readonly runId: string | null
  /** The plan this push sends; once it finished, that plan is spent and a new one must be made. */
  readonly planId: string | null
  readonly progress: PushProgress | null
  /** The run as it ended (or as main reported the last one). */
  readonly finished: RunSummary | null
  /** Why the push could not start (threshold, outdated plan, push disabled …). */
  readonly error: AppErrorData | null
  readonly isCancelling: boolean
  /** Set when main re-planned instead of pushing: what changed since the preview. */
  readonly replanned: PlanChanges | null
}

export interface ProvisionView {
  readonly isOpen: boolean
  /** The Entra user id to provision (from a preview row or typed). */
  readonly userId: string
  readonly preview: Operation<ProvisionResult>
  readonly apply: Operation<ProvisionResult>
  /** Directory users matching what the admin typed, to pick from. */
  readonly suggestions: Operation<readonly UserRow[]>
}

/** An in-app message in the corner, for runs that ended while the admin looked elsewhere. */
export interface SyncToast {
  readonly id: number
  readonly tone: OutcomeTone
  readonly title: string
  readonly text: string
  readonly runId: string
}

export interface SyncView {
  readonly profileId: string | null
  readonly plan: Operation<PlanSummary>
  /** Actions shown; empty shows every action. */
  readonly actionFilter: readonly PlanAction[]
  readonly searchText: string
  readonly search: string
  readonly rows: RowsCache<PlanRow>
  readonly selectedIndex: number | null
  readonly selectedOperationId: string | null
  readonly isDetailOpen: boolean
  /** The last include/exclude request (its error is shown above the list). */
  readonly exclusion: Operation<PlanSummary>
  readonly exportPlan: Operation<string>
  /** What the admin typed to allow a plan over the deletion threshold. */
  readonly confirmText: string
  readonly push: PushView
  readonly provision: ProvisionView
  readonly toasts: readonly SyncToast[]
}

export interface SyncSlice {
  readonly sync: SyncView
  makePlan(): Promise<void>
  togglePlanAction(action: PlanAction): void
  showAllPlanActions(): void
  setPlanSearchText(text: string): void
  applyPlanSearch(): void
  clearPlanSearch(): void
  ensurePlanRows(firstRow: number, lastRow: number): void
  retryPlanRows(): void
  selectPlanRow(index: number): void
  movePlanSelection(key: RowNavigationKey, pageSize: number): void
  closePlanDetail(): void
  /** Leaves operations out of the push (or puts them back). */
  setOperationsExcluded(operationIds: readonly string[], isExcluded: boolean): Promise<void>
  /** Excludes (or includes) every operation the current filter and search show, skips aside. */
  setShownExcluded(isExcluded: boolean): Promise<void>
  /** The plan as a file's name and text, or null when main refused (the error is in `exportPlan`). */
  exportPlanFile(format: 'csv' | 'json'): Promise<{ fileName: string; text: string } | null>
  setConfirmText(text: string): void
  pushPlan(): Promise<void>
  cancelPush(): Promise<void>
  /** Closes the "the plan changed" dialog; the new plan is already on screen. */
  closeReplanned(): void
  receivePushProgress(progress: PushProgress): void
  receivePushFinished(finished: PushFinished): void
  /** Takes over a push already running (after a reload, or started in another window). */
  loadPushStatus(): Promise<void>
  openProvision(userId?: string): void
  setProvisionUserId(userId: string): void
  /** Looks users up in the cache by name, mail or UPN for the provision dialog. */
  suggestProvisionUsers(text: string): Promise<void>
  previewProvision(): Promise<void>
  applyProvision(): Promise<void>
  closeProvision(): void
  dismissToast(id: number): void
  /** Dismisses the toasts about one run (the admin opened it). */
  dismissRunToasts(runId: string): void
  /** Forgets the previous profile's plan and push, and its runs (on a profile switch). */
  resetSyncView(): void
}

/** Nothing fetched yet for the query `key`. */
export function emptyRows<Row>(key: string): RowsCache<Row> {
  return { key, total: null, windows: {}, error: null }
}

const IDLE_PUSH: PushView = { state: 'idle', runId: null, planId: null, progress: null, finished: null, error: null, isCancelling: false, replanned: null }

/** The view of a profile with no plan yet. */
export function emptySyncView(profileId: string | null): SyncView {
  return {
    profileId,
    plan: idleOperation(),
    actionFilter: [],
    searchText: '',
    search: '',
    rows: emptyRows(''),
    selectedIndex: null,
    selectedOperationId: null,
    isDetailOpen: false,
    exclusion: idleOperation(),
    exportPlan: idleOperation(),
    confirmText: '',
    push: IDLE_PUSH,
    provision: { isOpen: false, userId: '', preview: idleOperation(), apply: idleOperation(), suggestions: idleOperation() },
    toasts: [],
  }
}

/** The cache key of the plan rows on screen: the plan, the filter and the search. */
export function planRowsKey(view: Pick<SyncView, 'profileId' | 'plan' | 'actionFilter' | 'search'>): string {
  const planId = view.plan.result?.planId ?? ''
  return JSON.stringify([view.profileId, planId, [...view.actionFilter].sort(), view.search.trim().toLowerCase()])
}

/** The plan row selected, if its window has arrived. */
export function selectedPlanRow(state: AppState): PlanRow | null {
  const { rows, selectedIndex, selectedOperationId } = state.sync
  if (selectedIndex !== null) {
    const row = rowAt(rows.windows, selectedIndex, PLAN_WINDOW_SIZE)
    if (row !== undefined && row.id === selectedOperationId) return row
  }
  for (const window of Object.values(rows.windows)) {
    const row = window.find((item) => item.id === selectedOperationId)
    if (row !== undefined) return row
  }
  return null
}

/** True while a push is being started or running. */
export function isPushActive(state: PushState): boolean {
  return state === 'starting' || state === 'running'
}

export const createSyncSlice: SliceCreator<SyncSlice> = (dependencies) => (set, get) => {
  const { api } = dependencies
  let generation = 0
  let toastCount = 0
  let suggestionRequest = 0
  const pendingWindows = new Set<string>()
  let lastPlanRange: readonly [number, number] = [0, 40]

  const update = (changes: Partial<SyncView>): void => {
    set({ sync: { ...get().sync, ...changes } })
  }
  const begin = (): { profileId: string; generation: number } | null => {
    const profileId = get().activeProfileId
    if (profileId === null) return null
    adoptProfile(profileId)
    return { profileId, generation }
  }
  /** Makes the view the profile's: a view of no profile yet (first use after start) is adopted, another's is cleared. */
  const adoptProfile = (profileId: string): void => {
    const viewProfileId = get().sync.profileId
    if (viewProfileId === null) update({ profileId })
    else if (viewProfileId !== profileId) get().resetSyncView()
  }
  const isCurrent = (request: { generation: number }): boolean => request.generation === generation

  /** After the plan, filter or search changed: nothing selected, rows of the new query to come. */
  const changeQuery = (changes: Partial<SyncView>): void => {
    const next = { ...get().sync, ...changes }
    update({ ...changes, rows: emptyRows(planRowsKey(next)), selectedIndex: null, isDetailOpen: false, selectedOperationId: null })
  }

  const fetchPlanWindow = async (key: string, profileId: string, planId: string, windowIndex: number): Promise<void> => {
    const pendingKey = `plan${key}#${windowIndex}`
    pendingWindows.add(pendingKey)
    const { actionFilter, search } = get().sync
    try {
      const page = await api.sync.queryPlan({
        profileId,
        planId,
        ...(actionFilter.length > 0 ? { actions: [...actionFilter] } : {}),
        ...(search.trim() !== '' ? { search: search.trim() } : {}),
        offset: windowIndex * PLAN_WINDOW_SIZE,
        limit: PLAN_WINDOW_SIZE,
      })
      const rows = get().sync.rows
      if (rows.key !== key) return
      update({ rows: { ...rows, total: page.total, windows: { ...rows.windows, [windowIndex]: page.rows } } })
      fillSelection()
    } catch (reason) {
      const rows = get().sync.rows
      if (rows.key === key) update({ rows: { ...rows, error: appErrorOf(reason) } })
    } finally {
      pendingWindows.delete(pendingKey)
    }
  }

  /** A keyboard move into rows that had not arrived selects the operation once they do. */
  const fillSelection = (): void => {
    const { rows, selectedIndex, selectedOperationId } = get().sync
    if (selectedIndex === null || selectedOperationId !== null) return
    const row = rowAt(rows.windows, selectedIndex, PLAN_WINDOW_SIZE)
    if (row !== undefined) update({ selectedOperationId: row.id })
  }

  const markExcluded = (operationIds: readonly string[], isExcluded: boolean): void => {
    const ids = new Set(operationIds)
    const rows = get().sync.rows
    const windows: Record<number, readonly PlanRow[]> = {}
    for (const [index, window] of Object.entries(rows.windows)) {
      windows[Number(index)] = window.some((row) => ids.has(row.id))
        ? window.map((row) => (ids.has(row.id) ? { ...row, isExcluded } : row))
        : window
    }
    update({ rows: { ...rows, windows } })
  }

  const updatePush = (changes: Partial<PushView>): void => {
    update({ push: { ...get().sync.push, ...changes } })
  }
  const updateProvision = (changes: Partial<ProvisionView>): void => {
    update({ provision: { ...get().sync.provision, ...changes } })
  }

  return {
    sync: emptySyncView(null),

    async makePlan() {
      const request = begin()
      if (request === null || get().sync.plan.isBusy) return
      update({ plan: busyOperation(get().sync.plan) })
      try {
        const summary = await api.sync.plan({ profileId: request.profileId })
        if (!isCurrent(request)) return
        changeQuery({ plan: succeededOperation(summary), confirmText: '', exclusion: idleOperation(), exportPlan: idleOperation() })
        // A new plan is a new review: the outcome of the previous push stays only while one runs.
        if (!isPushActive(get().sync.push.state)) updatePush({ ...IDLE_PUSH, finished: get().sync.push.finished })
        // Main reads the target again before planning after a push: the target panel's "read …: N users" follows.
        if (summary.snapshotTakenAt !== (get().target.status.result?.snapshot?.takenAt ?? null)) void get().loadTarget()
      } catch (reason) {
        if (isCurrent(request)) update({ plan: failedOperation(get().sync.plan, appErrorOf(reason)) })
      }
    },

    togglePlanAction(action) {
      changeQuery({ actionFilter: toggleAction(get().sync.actionFilter, action) })
    },

    showAllPlanActions() {
      if (get().sync.actionFilter.length > 0) changeQuery({ actionFilter: [] })
    },

    setPlanSearchText(text) {
      update({ searchText: text })
    },

    applyPlanSearch() {
      const { searchText, search } = get().sync
      if (searchText.trim() !== search.trim()) changeQuery({ search: searchText })
    },

    clearPlanSearch() {
      update({ searchText: '' })
      if (get().sync.search !== '') changeQuery({ search: '' })
    },

    ensurePlanRows(firstRow, lastRow) {
      const view = get().sync
      const summary = view.plan.result
      if (view.profileId === null || summary === null) return
      lastPlanRange = [firstRow, lastRow]
      const key = planRowsKey(view)
      if (view.rows.key !== key) update({ rows: emptyRows(key) })
      const rows = get().sync.rows
      if (rows.error !== null) return // shown with a Retry button; no request storm behind it
      for (const windowIndex of windowsCovering(firstRow, lastRow, rows.total, PLAN_WINDOW_SIZE)) {
        if (rows.windows[windowIndex] !== undefined || pendingWindows.has(`plan${key}#${windowIndex}`)) continue
        void fetchPlanWindow(key, view.profileId, summary.planId, windowIndex)
      }
    },

    retryPlanRows() {
      const rows = get().sync.rows
      update({ rows: { ...rows, error: null } })
      get().ensurePlanRows(lastPlanRange[0], lastPlanRange[1])
    },

    selectPlanRow(index) {
      const row = rowAt(get().sync.rows.windows, index, PLAN_WINDOW_SIZE)
      update({ selectedIndex: index, selectedOperationId: row?.id ?? null, isDetailOpen: true })
    },

    movePlanSelection(key, pageSize) {
      const { rows, selectedIndex } = get().sync
      const next = nextRowIndex(key, selectedIndex, rows.total ?? 0, pageSize)
      if (next !== null) get().selectPlanRow(next)
    },

    closePlanDetail() {
      update({ isDetailOpen: false })
    },

    async setOperationsExcluded(operationIds, isExcluded) {
      const request = begin()
      const summary = get().sync.plan.result
      if (request === null || summary === null || operationIds.length === 0) return
      markExcluded(operationIds, isExcluded)
      update({ exclusion: busyOperation(get().sync.exclusion) })
      try {
        const next = await api.sync.setExcluded({ profileId: request.profileId, planId: summary.planId, operationIds: [...operationIds], isExcluded })
        if (!isCurrent(request) || get().sync.plan.result?.planId !== summary.planId) return
        update({ exclusion: succeededOperation(next), plan: succeededOperation(next) })
      } catch (reason) {
        if (!isCurrent(request)) return
        // Main kept what it had; show its rows again rather than our guess.
        markExcluded(operationIds, !isExcluded)
        update({ exclusion: failedOperation(get().sync.exclusion, appErrorOf(reason)) })
      }
    },

    async setShownExcluded(isExcluded) {
      const request = begin()
      const view = get().sync
      const summary = view.plan.result
      if (request === null || summary === null) return
      update({ exclusion: busyOperation(view.exclusion) })
      const ids: string[] = []
      try {
        for (let offset = 0; ; offset += COLLECT_PAGE_SIZE) {
          const page = await api.sync.queryPlan({
            profileId: request.profileId,
            planId: summary.planId,
            ...(view.actionFilter.length > 0 ? { actions: [...view.actionFilter] } : {}),
            ...(view.search.trim() !== '' ? { search: view.search.trim() } : {}),
            offset,
            limit: COLLECT_PAGE_SIZE,
          })
          for (const row of page.rows) if (row.action !== 'skip' && row.isExcluded !== isExcluded) ids.push(row.id)
          if (!isCurrent(request)) return
          if (page.rows.length < COLLECT_PAGE_SIZE || offset + COLLECT_PAGE_SIZE >= page.total) break
        }
      } catch (reason) {
        if (isCurrent(request)) update({ exclusion: failedOperation(get().sync.exclusion, appErrorOf(reason)) })
        return
      }
      if (ids.length === 0) {
        update({ exclusion: succeededOperation(summary) })
        return
      }
      update({ exclusion: idleOperation() })
      await get().setOperationsExcluded(ids, isExcluded)
    },

    async exportPlanFile(format) {
      const request = begin()
      const summary = get().sync.plan.result
      if (request === null || summary === null) return null
      update({ exportPlan: busyOperation(get().sync.exportPlan) })
      try {
        const file = await api.sync.exportPlan({ profileId: request.profileId, planId: summary.planId, format })
        if (!isCurrent(request)) return null
        update({ exportPlan: succeededOperation(file.fileName) })
        return file
      } catch (reason) {
        if (isCurrent(request)) update({ exportPlan: failedOperation(get().sync.exportPlan, appErrorOf(reason)) })
        return null
      }
    },

    setConfirmText(text) {
      update({ confirmText: text })
    },

    async pushPlan() {
      const request = begin()
      const view = get().sync
      const summary = view.plan.result
      if (request === null || summary === null || isPushActive(view.push.state)) return
      // The button is disabled until the number is exact; this guards a stale click.
      if (!isThresholdConfirmed(summary.safety, view.confirmText)) return
      const confirmNumber = summary.safety.isBlocked ? parseConfirmNumber(view.confirmText) : null
      update({ push: { ...IDLE_PUSH, state: 'starting', planId: summary.planId } })
      try {
        const started = await api.sync.push({
          profileId: request.profileId,
          planId: summary.planId,
          ...(confirmNumber === null ? {} : { confirmNumber }),
        })
        if (!isCurrent(request)) return
        if (started.kind === 'replanned') {
          // Nothing was sent: the new plan replaces the old one and waits for another review.
          changeQuery({ plan: succeededOperation(started.summary), confirmText: '' })
          update({ push: { ...IDLE_PUSH, replanned: started.changes } })
          return
        }
        const push = get().sync.push
        // Events may have overtaken the reply (a small plan can finish first): keep what they said.
        updatePush({ runId: push.runId ?? started.runId, state: push.state === 'starting' ? 'running' : push.state })
      } catch (reason) {
        if (isCurrent(request)) update({ push: { ...IDLE_PUSH, state: 'failed', error: appErrorOf(reason) } })
      }
    },

    async cancelPush() {
      const request = begin()
      if (request === null || !isPushActive(get().sync.push.state)) return
      updatePush({ isCancelling: true })
      try {
        await api.sync.cancel({ profileId: request.profileId })
        // The run ends with onDidFinish (status 'cancelled'); until then the panel says "Cancelling…".
      } catch (reason) {
        if (isCurrent(request)) updatePush({ isCancelling: false, error: appErrorOf(reason) })
      }
    },

    closeReplanned() {
      updatePush({ replanned: null })
    },

    receivePushProgress(progress) {
      if (progress.profileId !== get().activeProfileId) return
      adoptProfile(progress.profileId)
      const push = get().sync.push
      // A progress event that arrives after its own run finished must not bring the bar back.
      if (push.finished !== null && push.finished.runId === progress.runId && !isPushActive(push.state)) return
      updatePush({ state: 'running', runId: progress.runId, progress, error: null })
    },

    receivePushFinished(finished) {
      if (finished.profileId !== get().activeProfileId) return
      adoptProfile(finished.profileId)
      const { run } = finished
      if (run.kind === 'push') {
        updatePush({ state: 'finished', runId: run.runId, finished: run, isCancelling: false })
      }
      const outcome = describeRunOutcome(run)
      if (outcome.tone === 'danger') {
        const toast: SyncToast = { id: ++toastCount, tone: outcome.tone, title: outcome.title, text: outcome.text, runId: run.runId }
        update({ toasts: [...get().sync.toasts, toast] })
      }
      if (get().runs.list.result !== null) void get().loadRuns()
    },

    async loadPushStatus() {
      const request = begin()
      if (request === null) return
      try {
        const run = await api.sync.status({ profileId: request.profileId })
        if (!isCurrent(request) || run === null || run.kind !== 'push') return
        const push = get().sync.push
        if (run.status === 'running') {
          if (!isPushActive(push.state)) updatePush({ state: 'running', runId: run.runId })
        } else if (push.state === 'idle' && push.finished === null) {
          updatePush({ finished: run, runId: run.runId })
        }
      } catch (reason) {
        console.warn('Could not read the push status', appErrorOf(reason))
      }
    },

    openProvision(userId) {
      update({
        provision: {
          isOpen: true,
          userId: userId ?? get().sync.provision.userId,
          preview: idleOperation(),
          apply: idleOperation(),
          suggestions: idleOperation(),
        },
      })
    },

    setProvisionUserId(userId) {
      updateProvision({ userId, preview: idleOperation(), apply: idleOperation() })
    },

    async suggestProvisionUsers(text) {
      const request = begin()
      const search = text.trim()
      if (request === null) return
      if (search === '') {
        updateProvision({ suggestions: idleOperation() })
        return
      }
      const asked = ++suggestionRequest
      updateProvision({ suggestions: busyOperation(get().sync.provision.suggestions) })
      try {
        const page = await api.directory.queryUsers({ profileId: request.profileId, search, offset: 0, limit: 8 })
        if (isCurrent(request) && asked === suggestionRequest) updateProvision({ suggestions: succeededOperation(page.rows) })
      } catch (reason) {
        if (isCurrent(request) && asked === suggestionRequest) updateProvision({ suggestions: failedOperation(get().sync.provision.suggestions, appErrorOf(reason)) })
      }
    },

    async previewProvision() {
      const request = begin()
      const provision = get().sync.provision
      const userId = provision.userId.trim()
      if (request === null || userId === '' || provision.preview.isBusy) return
      updateProvision({ preview: busyOperation(provision.preview), apply: idleOperation() })
      try {
        const result = await api.sync.provisionUser({ profileId: request.profileId, userId, apply: false })
        if (isCurrent(request) && get().sync.provision.userId.trim() === userId) updateProvision({ preview: succeededOperation(result) })
      } catch (reason) {
        if (isCurrent(request)) updateProvision({ preview: failedOperation(get().sync.provision.preview, appErrorOf(reason)) })
      }
    },

    async applyProvision() {
      const request = begin()
      const provision = get().sync.provision
      const userId = provision.userId.trim()
      if (request === null || userId === '' || provision.apply.isBusy || provision.preview.result === null) return
      updateProvision({ apply: busyOperation(provision.apply) })
      try {
        const result = await api.sync.provisionUser({ profileId: request.profileId, userId, apply: true })
        if (isCurrent(request)) updateProvision({ apply: succeededOperation(result) })
      } catch (reason) {
        if (isCurrent(request)) updateProvision({ apply: failedOperation(get().sync.provision.apply, appErrorOf(reason)) })
      }
    },

    closeProvision() {
      updateProvision({ isOpen: false })
    },

    dismissToast(id) {
      update({ toasts: get().sync.toasts.filter((toast) => toast.id !== id) })
    },

    dismissRunToasts(runId) {
      const toasts = get().sync.toasts
      if (toasts.some((toast) => toast.runId === runId)) update({ toasts: toasts.filter((toast) => toast.runId !== runId) })
    },

    resetSyncView() {
      generation++
      pendingWindows.clear()
      // Toasts are about runs that already ended; they outlive a profile switch.
      set({ sync: { ...emptySyncView(get().activeProfileId), toasts: get().sync.toasts } })
      get().resetRunsView()
    },
  }
}
