/**
 * Runs slice: the active profile's run history (every push and provision), the operations of the
 * run the admin opened (fetched in windows, optionally failed only), and its CSV export. Main keeps
 * the journal; this slice records what it answered. Replies for another profile, another run or an
 * older filter are dropped.
 */
import type { RunOperationRow, RunStatus, RunSummary } from '../../src-main/common'
import { windowsCovering } from '../features/directory/row-windows'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'
import { busyOperation, failedOperation, idleOperation, succeededOperation, type Operation } from './operation'
import { emptyRows, PLAN_WINDOW_SIZE, type RowsCache } from './sync-slice'

/** Runs asked for at once; the screen lists the most recent. */
const RUNS_LIMIT = 200

export interface RunsView {
  readonly profileId: string | null
  readonly statusFilter: RunStatus | null
  readonly list: Operation<readonly RunSummary[]>
  readonly selectedRunId: string | null
  readonly isFailedOnly: boolean
  readonly operations: RowsCache<RunOperationRow>
  readonly export: Operation<string>
}

export interface RunsSlice {
  readonly runs: RunsView
  loadRuns(): Promise<void>
  setRunStatusFilter(status: RunStatus | null): void
  selectRun(runId: string | null): void
  setRunFailedOnly(isFailedOnly: boolean): void
  ensureRunOperationRows(firstRow: number, lastRow: number): void
  retryRunOperationRows(): void
  /** The selected run as a CSV file's name and text, or null when main refused (the error is in `export`). */
  exportRunFile(): Promise<{ fileName: string; text: string } | null>
  /** Forgets the previous profile's runs (on a profile switch). */
  resetRunsView(): void
}

/** The view of a profile whose runs have not been read. */
export function emptyRunsView(profileId: string | null): RunsView {
  return { profileId, statusFilter: null, list: idleOperation(), selectedRunId: null, isFailedOnly: false, operations: emptyRows(''), export: idleOperation() }
}

/** The cache key of the run operations on screen. */
export function runOperationsKey(view: RunsView): string {
  return JSON.stringify([view.profileId, view.selectedRunId, view.isFailedOnly])
}

export const createRunsSlice: SliceCreator<RunsSlice> = (dependencies) => (set, get) => {
  const { api } = dependencies
  let generation = 0
  const pendingWindows = new Set<string>()
  let lastRange: readonly [number, number] = [0, 40]

  const update = (changes: Partial<RunsView>): void => {
    set({ runs: { ...get().runs, ...changes } })
  }
  const begin = (): { profileId: string; generation: number } | null => {
    const profileId = get().activeProfileId
    if (profileId === null) return null
    const viewProfileId = get().runs.profileId
    // A view that belongs to no profile yet (first use after start) is adopted, not cleared.
    if (viewProfileId === null) update({ profileId })
    else if (viewProfileId !== profileId) get().resetRunsView()
    return { profileId, generation }
  }
  const isCurrent = (request: { generation: number }): boolean => request.generation === generation
  const resetOperations = (): void => {
    update({ operations: emptyRows(runOperationsKey(get().runs)) })
  }

  const fetchWindow = async (key: string, profileId: string, runId: string, windowIndex: number): Promise<void> => {
    const pendingKey = `${key}#${windowIndex}`
    pendingWindows.add(pendingKey)
    const { isFailedOnly } = get().runs
    try {
      const page = await api.sync.runOperations({
        profileId,
        runId,
        ...(isFailedOnly ? { failedOnly: true } : {}),
        offset: windowIndex * PLAN_WINDOW_SIZE,
        limit: PLAN_WINDOW_SIZE,
      })
      const operations = get().runs.operations
      if (operations.key !== key) return
      update({ operations: { ...operations, total: page.total, windows: { ...operations.windows, [windowIndex]: page.rows } } })
    } catch (reason) {
      const operations = get().runs.operations
      if (operations.key === key) update({ operations: { ...operations, error: appErrorOf(reason) } })
    } finally {
      pendingWindows.delete(pendingKey)
    }
  }

  return {
    runs: emptyRunsView(null),

    async loadRuns() {
      const request = begin()
      if (request === null) return
      const statusFilter = get().runs.statusFilter
      update({ list: busyOperation(get().runs.list) })
      try {
        const list = await api.sync.runs({ profileId: request.profileId, ...(statusFilter === null ? {} : { status: statusFilter }), limit: RUNS_LIMIT })
        // A reply to an older filter is not what the list shows now.
        if (!isCurrent(request) || get().runs.statusFilter !== statusFilter) return
        update({ list: succeededOperation(list) })
        // The selected run's figures may have moved on (it was running): read its operations again.
        const selected = get().runs.selectedRunId
        if (selected !== null && list.some((run) => run.runId === selected && run.status !== 'running')) resetOperations()
      } catch (reason) {
        if (isCurrent(request)) update({ list: failedOperation(get().runs.list, appErrorOf(reason)) })
      }
    },

    setRunStatusFilter(status) {
      if (status === get().runs.statusFilter) return
      update({ statusFilter: status })
      void get().loadRuns()
    },

    selectRun(runId) {
      update({ selectedRunId: runId, export: idleOperation() })
      resetOperations()
      // Looking at the run is what its toast asked for.
      if (runId !== null) get().dismissRunToasts(runId)
    },

    setRunFailedOnly(isFailedOnly) {
      update({ isFailedOnly })
      resetOperations()
    },

    ensureRunOperationRows(firstRow, lastRow) {
      const request = begin()
      const view = get().runs
      if (request === null || view.selectedRunId === null) return
      lastRange = [firstRow, lastRow]
      const key = runOperationsKey(view)
      if (view.operations.key !== key) update({ operations: emptyRows(key) })
      const operations = get().runs.operations
      if (operations.error !== null) return // shown with a Retry button; no request storm behind it
      for (const windowIndex of windowsCovering(firstRow, lastRow, operations.total, PLAN_WINDOW_SIZE)) {
        if (operations.windows[windowIndex] !== undefined || pendingWindows.has(`${key}#${windowIndex}`)) continue
        void fetchWindow(key, request.profileId, view.selectedRunId, windowIndex)
      }
    },

    retryRunOperationRows() {
      update({ operations: { ...get().runs.operations, error: null } })
      get().ensureRunOperationRows(lastRange[0], lastRange[1])
    },

    async exportRunFile() {
      const request = begin()
      const runId = get().runs.selectedRunId
      if (request === null || runId === null) return null
      update({ export: busyOperation(get().runs.export) })
      try {
        const file = await api.sync.exportRun({ profileId: request.profileId, runId })
        if (!isCurrent(request)) return null
        update({ export: succeededOperation(file.fileName) })
        return file
      } catch (reason) {
        if (isCurrent(request)) update({ export: failedOperation(get().runs.export, appErrorOf(reason)) })
        return null
      }
    },

    resetRunsView() {
      generation++
      pendingWindows.clear()
      set({ runs: emptyRunsView(get().activeProfileId) })
    },
  }
}
