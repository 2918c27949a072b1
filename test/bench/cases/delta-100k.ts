/**
 * delta-100k: after a full pull of 100,000 users, 1 % of them change in the emulator (updates, a
 * few soft and hard deletes, manager and membership changes); the delta pull that follows is
 * timed against a baseline that only downloads and parses the same delta pages. Target from the
 * issue: ≤ 1 s. The emulator runs in its own process, the pull in another.
 */
import { figure, type BenchCase, type BenchOutcome } from '../bench-case'
import { runWorker, startServiceWorker } from '../worker-process'
import type { DeltaWorkerResult } from '../workers/delta-worker'
import type { EmulatorWorkerReady } from '../workers/emulator-worker'

const USERS = Number(process.env.BENCH_USERS) || 100_000

export const delta100k: BenchCase = {
  id: 'delta-100k',
  description: 'delta pull after 1 % of 100,000 users changed vs. fetch + JSON.parse of the same delta pages',
  async run(log): Promise<BenchOutcome> {
    log(`starting the emulator with ${USERS} users…`)
    const emulator = await startServiceWorker<EmulatorWorkerReady>('emulator-worker.ts', { users: USERS })
    try {
      log('full pull, 1 % changes, baseline, delta pull…')
      const result = await runWorker<DeltaWorkerResult>('delta-worker.ts', { emulator: emulator.ready, changes: USERS / 100 })
      if (!result.deltaOutcome.startsWith('succeeded') || result.deltaMode !== 'delta') {
        throw new Error(`the delta pull did not succeed as a delta: ${result.deltaMode} ${result.deltaOutcome}`)
      }
      const id = 'delta-100k'
      return {
        notes: [
          `changes made: ${Object.entries(result.mutations).map(([kind, count]) => `${kind} ${count}`).join(', ')} (in ${Math.round(result.mutationMs)} ms, excluded)`,
          `full pull before it (excluded): ${(result.fullPullMs / 1000).toFixed(2)} s`,
          `delta read: ${result.deltaObjects} changed objects in ${result.deltaPages} pages (baseline ${result.baselineObjects} in ${result.baselinePages}); ${result.users} users cached after; ${result.deltaRetries} requests retried`,
          `delta phases began at (ms): ${Object.entries(result.phaseStartMs).map(([phase, ms]) => `${phase} ${ms}`).join(', ')}`,
        ],
        figures: [
          figure(id, 'delta-pull-time', result.deltaMs / 1000, 's', result.baselineMs / 1000),
          figure(id, 'longest-event-loop-block', result.longestBlockMs, 'ms'),
          figure(id, 'baseline-time', result.baselineMs / 1000, 's'),
        ],
        targets: [{ description: 'delta pull ≤ 1 s', isMet: result.deltaMs <= 1_000 }],
      }
    } finally {
      await emulator.stop()
    }
  },
}
