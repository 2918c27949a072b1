import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { runSqlSteps, runTransactionOffThread, startBackgroundCheckpoints, type SqlStep } from '../../../../src-main/services/store/run-transaction-off-thread'
import { temporaryDataDir } from './directory-fixtures'

let dataDir: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase

beforeEach(() => {
  dataDir = temporaryDataDir()
  database = openProfileDatabase(dataDir.path, 'test')
  database.connection.prepare("INSERT INTO groups (id, display_name, kind, graph_json) VALUES ('g-old', 'Old', 'security', '{}')").run()
})
afterEach(() => {
  database.close()
  dataDir.remove()
})

function groupNames(): string[] {
  return database.connection.prepare('SELECT display_name FROM groups ORDER BY id').pluck().all() as string[]
}

const replaceGroups: SqlStep[] = [
  { sql: 'DELETE FROM groups' },
  { sql: "INSERT INTO groups (id, display_name, kind, graph_json) VALUES (?, ?, 'security', '{}')", rows: [['g-a', 'A'], ['g-b', 'B']] },
  { sql: 'SELECT COUNT(*) AS groups FROM groups', isQuery: true },
]

describe('runTransactionOffThread', () => {
  it('commits every step on its own connection and returns what each step changed or read', async () => {
    const outcome = await runTransactionOffThread({ databasePath: database.path, steps: replaceGroups, checkpointAfter: true })
    expect(outcome.results).toEqual([1, 2, { groups: 2 }])
    expect(outcome.stepMs).toHaveLength(3)
    // The main connection sees the committed result.
    expect(groupNames()).toEqual(['A', 'B'])
  })

  it('keeps readers of the main connection on the previous data while the transaction runs', async () => {
    const running = runTransactionOffThread({
      databasePath: database.path,
      // A slow step (a large recursive count) holds the transaction open for a while.
      steps: [...replaceGroups, { sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) FROM n', isQuery: true }],
    })
    const seen = new Set<string>()
    let isDone = false
    void running.finally(() => (isDone = true))
    while (!isDone) {
      seen.add(groupNames().join(','))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await running
    // Never a half-applied transaction (no groups, or only A).
    expect([...seen].every((names) => names === 'Old' || names === 'A,B')).toBe(true)
    expect(groupNames()).toEqual(['A', 'B'])
  })

  it('rolls everything back and rejects with the SQLite error when a step fails', async () => {
    const failing: SqlStep[] = [
      { sql: 'DELETE FROM groups' },
      { sql: "INSERT INTO groups (id, display_name, kind, graph_json) VALUES ('g-x', 'X', 'not-a-kind', '{}')" },
    ]
    await expect(runTransactionOffThread({ databasePath: database.path, steps: failing })).rejects.toMatchObject({
      name: 'SqliteError',
      code: 'SQLITE_CONSTRAINT_CHECK',
    })
    expect(groupNames()).toEqual(['Old'])
  })
})

describe('runSqlSteps', () => {
  it('runs the same steps on a connection in this thread with the same results', () => {
    const results = database.connection.transaction(() => runSqlSteps(database.connection, replaceGroups))()
    expect(results).toEqual([1, 2, { groups: 2 }])
    expect(groupNames()).toEqual(['A', 'B'])
  })
})

describe('startBackgroundCheckpoints', () => {
  it('copies the WAL into the database while the main connection keeps writing, and stops', async () => {
    database.connection.pragma('wal_autocheckpoint = 0')
    const checkpoints = startBackgroundCheckpoints(database.path, 10)
    const insert = database.connection.prepare("INSERT INTO groups (id, display_name, kind, graph_json) VALUES (?, ?, 'security', ?)")
    for (let index = 0; index < 50; index += 1) {
      database.connection.transaction(() => insert.run(`g-${index}`, `Group ${index}`, 'x'.repeat(4000)))()
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    // Once the worker has copied everything, the next commit starts the WAL over.
    const copied = checkpoints.completeCheckpoints
    for (let waited = 0; checkpoints.completeCheckpoints === copied && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    database.connection.transaction(() => insert.run('g-last', 'Last', 'x'))()
    await checkpoints.stop()
    // Each commit appends at least one frame: without the checkpoints the WAL would hold all 50
    // (and the schema's); with them it was copied back and started over from its beginning.
    const [wal] = database.connection.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    expect(wal!.log).toBeLessThan(25)
    expect(database.connection.prepare('SELECT COUNT(*) FROM groups').pluck().get()).toBe(52)
    await expect(checkpoints.stop()).resolves.toBeUndefined()
  })
})
