/**
 * `headcount push --profile NAME [--yes] [--max-deletes N] [--json]`: plans, shows the plan, and
 * pushes exactly it. The command line is an explicit admin action: `--yes` (or "y" typed at the
 * prompt) counts as enabling pushing for this run, even when the console keeps the profile
 * preview-only. Without `--yes` it asks on a terminal and refuses without one (a scheduler must say
 * --yes). Over the deletion threshold it needs `--max-deletes N` with N at least the deletes and
 * disables (or the number typed at the prompt). A run that ends with failures exits non-zero.
 */
import { createInterface } from 'node:readline/promises'
import { AppError, type PlanSummary, type PushFinished, type PushProgress, type RunSummary } from '../../common'
import { planSummaryLine } from '../../domain/planner/plan-csv'
import type { CliContext } from '../cli-context'
import { EXIT_CANCELLED, EXIT_OK, EXIT_REMOTE, EXIT_USAGE } from '../exit-codes'
import { UsageError, type CommandSpec, type ParsedCommand } from '../parse-command-line'
import { openSyncProfile } from './target-command'

export const PUSH_COMMAND: CommandSpec = {
  name: 'push',
  summary:
    'Plan and push the changes to the target. An explicit admin action: with --yes it pushes even when the console keeps the profile preview-only.',
  positionals: [],
  flags: {
    profile: { kind: 'value', description: 'profile name or id' },
    yes: { kind: 'switch', description: 'push without asking (scheduled runs); enables pushing for this run' },
    'max-deletes': { kind: 'value', description: 'refuse when deletes + disables exceed N (also confirms up to N over the threshold)' },
    json: { kind: 'switch', description: 'print the finished run as JSON on stdout' },
  },
}

const PROGRESS_INTERVAL_MS = 1000
/** A re-plan answer means the target changed while planning; a few rounds settle any real change. */
const MAX_ROUNDS = 3

/** Asks on the terminal; null when there is no terminal to ask on. */
async function ask(question: string, signal: AbortSignal): Promise<string | null> {
  if (!process.stdin.isTTY) return null
  const prompt = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return (await prompt.question(question, { signal })).trim()
  } finally {
    prompt.close()
  }
}

function formatProgress(progress: PushProgress): string {
  const eta = progress.etaSeconds === null ? '' : `, about ${Math.ceil(progress.etaSeconds)} s left`
  return `${progress.done} of ${progress.total} operations, ${progress.failed} failed, ${progress.perSecond.toFixed(1)}/s${eta}`
}

/** Decides whether this plan may be pushed; returns the number that confirms the deletion threshold. */
async function approve(summary: PlanSummary, command: ParsedCommand, context: CliContext): Promise<number | undefined> {
  const { safety } = summary
  const removals = safety.deletes + safety.disables
  const limitText = command.values['max-deletes']
  const limit = limitText === undefined ? null : Number(limitText)
  if (limit !== null && !(Number.isInteger(limit) && limit >= 0)) throw new UsageError('--max-deletes must be a whole number, 0 or more.')
  if (limit !== null && removals > limit) {
    throw new AppError({
      code: 'ThresholdExceeded',
      message: `The plan deletes ${safety.deletes} and disables ${safety.disables} users, more than --max-deletes ${limit}. Nothing was pushed.`,
      hint: 'Review the plan with “headcount plan”, then raise --max-deletes if these are expected.',
    })
  }
  if (command.switches.has('yes')) {
    if (!safety.isBlocked) return undefined
    if (limit !== null) return safety.confirmNumber
    throw new AppError({
      code: 'ThresholdExceeded',
      message: `The plan deletes ${safety.deletes} and disables ${safety.disables} users, over the deletion threshold. Nothing was pushed.`,
      hint: `Review it, then run again with --max-deletes ${safety.confirmNumber} to confirm.`,
    })
  }
  const answer = await ask(
    safety.isBlocked && limit === null
      ? `Over the deletion threshold: type ${safety.confirmNumber} to push these ${removals} deletes and disables: `
      : 'Push these changes? [y/N] ',
    context.signal,
  )
  if (answer === null) {
    throw new UsageError('“push” asks before pushing and there is no terminal to ask on: run it with --yes (and --max-deletes N) to push unattended.')
  }
  if (safety.isBlocked && limit === null) {
    if (answer !== String(safety.confirmNumber)) throw new AppError({ code: 'Cancelled', message: 'The number did not match; nothing was pushed.' })
    return safety.confirmNumber
  }
  if (!/^y(es)?$/i.test(answer)) throw new AppError({ code: 'Cancelled', message: 'Nothing was pushed.' })
  return safety.isBlocked ? safety.confirmNumber : undefined
}

export async function runPushCommand(command: ParsedCommand, context: CliContext): Promise<number> {
  const { api } = context
  const profile = await openSyncProfile(command, context)
  let latest: PushProgress | null = null
  let lastPrinted = 0
  const stopProgress = api.sync.onDidProgress((progress) => {
    if (progress.profileId !== profile.id) return
    latest = progress
    if (Date.now() - lastPrinted < PROGRESS_INTERVAL_MS) return
    lastPrinted = Date.now()
    context.stderr.write(formatProgress(progress) + '\n')
  })
  const onAbort = (): void => void api.sync.cancel({ profileId: profile.id })
  context.signal.addEventListener('abort', onAbort, { once: true })
  try {
    const finishes: RunSummary[] = []
    let waiting: ((run: RunSummary) => void) | null = null
    const stopFinish = api.sync.onDidFinish((finished: PushFinished) => {
      if (finished.profileId !== profile.id) return
      if (waiting) waiting(finished.run)
      else finishes.push(finished.run)
    })
    const nextFinish = (): Promise<RunSummary> =>
      finishes.length > 0 ? Promise.resolve(finishes.shift() as RunSummary) : new Promise((resolve) => (waiting = (run) => ((waiting = null), resolve(run))))
    try {
      // A run cut short earlier is finished first, from its journal, before anything new is planned.
      const last = await api.sync.status({ profileId: profile.id })
      if (last?.status === 'running') {
        context.stderr.write(`Resuming the interrupted run ${last.runId} (started ${last.startedAt}).\n`)
        const resume = await api.sync.plan({ profileId: profile.id })
        await api.sync.push({ profileId: profile.id, planId: resume.planId })
        const resumed = await nextFinish()
        context.stderr.write(`The interrupted run ended ${resumed.status}.\n`)
      }
      let summary = await api.sync.plan({ profileId: profile.id })
      for (let round = 0; round < MAX_ROUNDS; round++) {
        context.stderr.write(`${profile.name}: ${planSummaryLine(summary)}\n`)
        const confirmNumber = await approve(summary, command, context)
        const started = await api.sync.push({ profileId: profile.id, planId: summary.planId, ...(confirmNumber === undefined ? {} : { confirmNumber }) })
        if (started.kind === 'replanned') {
          context.stderr.write(`The target or the cache changed while planning (${started.changes.added} new, ${started.changes.changed} changed, ${started.changes.removed} gone):\n`)
          for (const line of started.changes.lines) context.stderr.write(`  ${line}\n`)
          summary = started.summary
          continue
        }
        const run = await nextFinish()
        if (latest) context.stderr.write(formatProgress(latest) + '\n')
        return report(run, command, context)
      }
      throw new AppError({ code: 'PlanOutdated', message: 'The target kept changing while planning; nothing was pushed.', hint: 'Run the push again later.' })
    } finally {
      stopFinish()
    }
  } finally {
    stopProgress()
    context.signal.removeEventListener('abort', onAbort)
  }
}

function report(run: RunSummary, command: ParsedCommand, context: CliContext): number {
  if (command.switches.has('json')) context.stdout.write(JSON.stringify(run) + '\n')
  else {
    const { counts } = run
    context.stdout.write(
      `Push ${run.status}: ${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.pending} pending ` +
        `(run ${run.runId}${run.durationMs === null ? '' : `, ${(run.durationMs / 1000).toFixed(1)} s`}).\n`,
    )
  }
  if (run.status === 'succeeded') return EXIT_OK
  if (run.status === 'cancelled') return EXIT_CANCELLED
  if (run.status === 'running') return EXIT_USAGE
  // partial or failed: a run with failures never exits 0.
  return EXIT_REMOTE
}
