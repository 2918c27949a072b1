/**
 * pull-100k: the first pull of a 100,000-user tenant from the emulator (a full delta round of users
 * with managers and of groups with members, transitive memberships computed), against a baseline
 * that only downloads and parses the same pages. Targets from the issue: ≤ 10 s, ≤ 2× the
 * baseline, peak RSS ≤ 600 MB. Each run is its own process (clean peak memory); the emulator runs in
 * a third one, so organisation generation is excluded and reported separately.
 */
import { figure, type BenchCase, type BenchOutcome } from '../bench-case'
import { runWorker, startServiceWorker } from '../worker-process'
import type { EmulatorWorkerReady } from '../workers/emulator-worker'
import type { PullWorkerResult } from '../workers/pull-worker'

const USERS = 100_000
const MEGABYTE = 1024 * 1024

export const pull100k: BenchCase = {
  id: 'pull-100k',
  description: 'full pull of 100,000 users (+ groups, memberships, nested) into a fresh cache vs. fetch + JSON.parse of the same pages',
  async run(log): Promise<BenchOutcome> {
    log(`starting the emulator with ${USERS} users…`)
    const emulator = await startServiceWorker<EmulatorWorkerReady>('emulator-worker.ts', { users: USERS })
    try {
      const { ready } = emulator
      log('baseline: fetch + JSON.parse of the same pages (users, groups, members)…')
      const baseline = await runWorker<PullWorkerResult>('pull-worker.ts', { mode: 'baseline', emulator: ready })
      log('pull: GraphClientReader + pullDirectory into a fresh cache…')
      const pulled = await runWorker<PullWorkerResult>('pull-worker.ts', { mode: 'pull', emulator: ready })
      if (pulled.outcome !== 'succeeded') throw new Error(`the pull did not succeed: ${pulled.outcome}`)

      const id = 'pull-100k'
      const wallSeconds = pulled.wallMs / 1000
      const baselineSeconds = baseline.wallMs / 1000
      const peakMegabytes = pulled.peakRssBytes / MEGABYTE
      return {
        notes: [
          `organisation: ${ready.userCount} users, ${ready.groupCount} groups, ${ready.membershipCount} memberships`,
          `emulator set-up (excluded): generation ${Math.round(ready.generationMs)} ms, start ${Math.round(ready.startMs)} ms`,
          `baseline read: ${baseline.users} users, ${baseline.groups} groups, ${baseline.memberships} memberships in ${baseline.pages} pages`,
          `pulled: ${pulled.users} users, ${pulled.groups} groups, ${pulled.memberships} memberships in ${pulled.pages} pages`,
          `phases began at (ms): ${Object.entries(pulled.phaseStartMs)
            .map(([phase, ms]) => `${phase} ${Math.round(ms)}`)
            .join(', ')}`,
        ],
        figures: [
          figure(id, 'wall-time', wallSeconds, 's', baselineSeconds),
          figure(id, 'users-phase-time', pulled.usersMs / 1000, 's', baseline.usersMs / 1000),
          figure(id, 'users-per-second', pulled.users / wallSeconds, 'users/s', baseline.users / baselineSeconds),
          figure(id, 'peak-rss', peakMegabytes, 'MB', baseline.peakRssBytes / MEGABYTE),
          figure(id, 'baseline-wall-time', baselineSeconds, 's'),
          figure(id, 'longest-event-loop-block', pulled.longestBlockMs ?? 0, 'ms'),
        ],
        targets: [
          { description: 'full pull ≤ 10 s', isMet: wallSeconds <= 10 },
          { description: 'full pull ≤ 2× baseline', isMet: wallSeconds <= 2 * baselineSeconds },
          { description: 'peak RSS ≤ 600 MB', isMet: peakMegabytes <= 600 },
        ],
      }
    } finally {
      await emulator.stop()
    }
  },
}
