/**
 * Runs one SQLite transaction on a worker thread, over a connection of its own to the same file.
 *
 * A full pull ends with seconds of synchronous SQLite work (merging 100,000 users, 300,000
 * memberships, rebuilding the nested memberships and the indexes, checkpointing the WAL). On the
 * main thread that froze the Electron UI for over a second. The work cannot be cut into
 * separately committed pieces (readers must see the old directory or the new one, never a mix),
 * and one transaction cannot span an `await` on the shared connection (its readers would see the
 * transaction's uncommitted rows). On a second connection they do not: WAL gives the main
 * connection the last committed snapshot until the worker commits, and the main thread stays free.
 *
 * The worker is plain JavaScript evaluated from a string, needing nothing but the SQLite driver,
 * so it works the same under tsx, Vitest and the bundled Electron main process. Steps are plain
 * data; {@link runSqlSteps} runs the same steps on a connection in this thread, so both paths
 * share one definition of the work.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Database } from 'better-sqlite3'

/** A value SQLite binds. */
export type SqlValue = string | number | bigint | null | Buffer

/** One statement of a transaction. */
export interface SqlStep {
  readonly sql: string
  readonly params?: readonly SqlValue[]
  /** Runs the statement once per entry instead of once with `params` (a bulk insert). */
  readonly rows?: readonly (readonly SqlValue[])[]
  /** Returns the statement's first row (instead of null). */
  readonly isQuery?: boolean
}

export interface OffThreadTransaction {
  /** The database file (a `ProfileDatabase.path`): the worker opens its own connection to it. */
  readonly databasePath: string
  readonly steps: readonly SqlStep[]
  /** After the commit, copy the WAL into the database (a passive checkpoint) on the worker too. */
  readonly checkpointAfter?: boolean
  /** Page cache of the worker's connection, in KiB (default 128 MiB: merges sort and rebuild indexes). */
  readonly cacheSizeKib?: number
  /** The better-sqlite3 entry file; default: the one this module resolves. */
  readonly driverPath?: string
}

export interface OffThreadResult {
  /** Per step: its first row (or null) for queries, the rows it changed otherwise. */
  readonly results: readonly unknown[]
  /** Per step, milliseconds it took. */
  readonly stepMs: readonly number[]
  /** The whole transaction, commit included. */
  readonly transactionMs: number
  readonly checkpointMs: number
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driverPath)
let connection
try {
  connection = new Database(workerData.databasePath, { fileMustExist: true })
  for (const pragma of workerData.pragmas) connection.pragma(pragma)
  const stepMs = []
  const started = performance.now()
  const results = connection.transaction(() => workerData.steps.map((step) => {
    const stepStarted = performance.now()
    const statement = connection.prepare(step.sql)
    let result = 0
    if (step.isQuery) result = statement.get(...(step.params || [])) ?? null
    else if (step.rows) for (const row of step.rows) result += statement.run(...row).changes
    else result = statement.run(...(step.params || [])).changes
    stepMs.push(performance.now() - stepStarted)
    return result
  })).immediate()
  const transactionMs = performance.now() - started
  const checkpointStarted = performance.now()
  if (workerData.checkpointAfter) connection.pragma('wal_checkpoint(PASSIVE)')
  parentPort.postMessage({ ok: true, results, stepMs, transactionMs, checkpointMs: performance.now() - checkpointStarted })
} catch (error) {
  parentPort.postMessage({ ok: false, name: error && error.name, message: String(error && error.message), code: error && error.code })
} finally {
  if (connection) connection.close()
}
`

type WorkerMessage =
  | ({ readonly ok: true } & OffThreadResult)
  | { readonly ok: false; readonly name?: string; readonly message: string; readonly code?: string }

/**
 * Runs `steps` in one immediate transaction on a worker thread and resolves when it committed
 * (and, if asked, checkpointed). Rejects with an Error named like the driver's (`SqliteError`,
 * with its `code`) when a step fails; the transaction is then rolled back and nothing changed.
 * It cannot be cancelled once started: it ends on its own, committed or rolled back.
 */
export function runTransactionOffThread(transaction: OffThreadTransaction): Promise<OffThreadResult> {
  const driverPath = transaction.driverPath ?? createRequire(import.meta.url).resolve('better-sqlite3')
  const pragmas = [
    // The same settings as the profile connection, where they change what a statement does.
    'foreign_keys = ON',
    'synchronous = NORMAL',
    'temp_store = MEMORY',
    `cache_size = -${Math.max(2048, Math.round(transaction.cacheSizeKib ?? 131072))}`,
    // The caller decides when the WAL is copied back (checkpointAfter), not the commit.
    'wal_autocheckpoint = 0',
    // A reader on the main connection never blocks a write in WAL mode; another writer would.
    'busy_timeout = 5000',
  ]
  return new Promise<OffThreadResult>((resolve, reject) => {
    let isSettled = false
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { databasePath: transaction.databasePath, steps: transaction.steps, checkpointAfter: transaction.checkpointAfter === true, pragmas, driverPath },
    })
    worker.once('message', (message: WorkerMessage) => {
      isSettled = true
      if (message.ok) {
        resolve({ results: message.results, stepMs: message.stepMs, transactionMs: message.transactionMs, checkpointMs: message.checkpointMs })
        return
      }
      const error = new Error(message.message) as Error & { code?: string }
      error.name = message.name ?? 'Error'
      if (message.code !== undefined) error.code = message.code
      reject(error)
    })
    worker.once('error', (error: unknown) => {
      isSettled = true
      reject(error instanceof Error ? error : new Error(String(error)))
    })
    worker.once('exit', (code) => {
      if (!isSettled) reject(new Error(`The SQLite worker stopped (exit code ${code}) before its transaction ended.`))
    })
  })
}

/**
 * Runs `steps` on `connection` in this thread, as {@link runTransactionOffThread} would on its
 * own connection. Call inside a transaction. Returns per step its first row (or null) for
 * queries, the rows it changed otherwise.
 */
export function runSqlSteps(connection: Database, steps: readonly SqlStep[]): unknown[] {
  return steps.map((step) => {
    const statement = connection.prepare(step.sql)
    if (step.isQuery === true) return statement.get(...(step.params ?? [])) ?? null
    if (step.rows === undefined) return statement.run(...(step.params ?? [])).changes
    let changes = 0
    for (const row of step.rows) changes += statement.run(...row).changes
    return changes
  })
}

const CHECKPOINT_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
// Listen for "stop" before anything else, so a stop sent while the driver loads is never missed.
let connection = null
let timer = null
parentPort.once('message', () => {
  if (timer !== null) clearInterval(timer)
  if (connection !== null) connection.close()
  parentPort.close()
})
const Database = require(workerData.driverPath)
connection = new Database(workerData.databasePath, { fileMustExist: true })
connection.pragma('wal_autocheckpoint = 0')
const checkpoint = () => {
  try {
    const [result] = connection.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage(result)
  } catch {
    // Busy or failing: the next one, or the pull's own final checkpoint, copies the frames.
  }
}
timer = setInterval(checkpoint, workerData.intervalMs)
`

/** A running {@link startBackgroundCheckpoints}. */
export interface BackgroundCheckpoints {
  /** Checkpoints that copied the whole WAL (the next write then starts it over). */
  readonly completeCheckpoints: number
  /** Stops after the checkpoint in progress, if any; resolves when the worker has closed its connection. */
  stop(): Promise<void>
}

/**
 * Copies the WAL back into the database every `intervalMs` from a worker thread, while a bulk
 * write (a full pull's staging) runs on the main connection with automatic checkpoints off. The
 * copying then overlaps the network waits instead of piling up for the end of the pull (about
 * 0.7 s for the 300 MB a 100,000-user pull appends). A passive checkpoint never blocks the writer
 * or readers, and a crash in the middle of one loses nothing.
 */
export function startBackgroundCheckpoints(databasePath: string, intervalMs = 250, driverPath?: string): BackgroundCheckpoints {
  const worker = new Worker(CHECKPOINT_WORKER_SOURCE, {
    eval: true,
    workerData: { databasePath, intervalMs, driverPath: driverPath ?? createRequire(import.meta.url).resolve('better-sqlite3') },
  })
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve())
    worker.once('error', () => resolve())
  })
  let isStopping = false
  let completeCheckpoints = 0
  worker.on('message', (result: { busy: number; log: number; checkpointed: number }) => {
    if (result.busy === 0 && result.checkpointed === result.log) completeCheckpoints += 1
  })
  // Never what keeps a process alive; failures only mean the final checkpoint does more. (After the
  // listeners: adding a 'message' listener references the worker's port again.)
  worker.unref()
  return {
    get completeCheckpoints() {
      return completeCheckpoints
    },
    stop() {
      if (!isStopping) {
        isStopping = true
        // Whoever awaits the stop must keep the process alive until the worker has exited: an
        // unreferenced worker would let a CLI run end with its pull unfinished (exit code 13).
        worker.ref()
        worker.postMessage('stop')
        // A worker that does not answer within a second is stopped outright: an interrupted
        // passive checkpoint loses nothing, and a stuck thread must not keep the process alive.
        const deadline = setTimeout(() => void worker.terminate(), 1000)
        void exited.then(() => clearTimeout(deadline))
      }
      return exited
    },
  }
}
