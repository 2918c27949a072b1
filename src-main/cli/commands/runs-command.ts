/** `headcount runs --profile NAME [--json]`: the push and provisioning runs, newest first. */
import type { CliContext } from '../cli-context'
import { findProfile } from '../cli-context'
import { EXIT_OK } from '../exit-codes'
import { UsageError, type CommandSpec, type ParsedCommand } from '../parse-command-line'

export const RUNS_COMMAND: CommandSpec = {
  name: 'runs',
  summary: 'List the profile’s push and provisioning runs, newest first.',
  positionals: [],
  flags: {
    profile: { kind: 'value', description: 'profile name or id' },
    limit: { kind: 'value', description: 'how many runs (default 20)' },
    json: { kind: 'switch', description: 'print JSON on stdout' },
  },
}

export async function runRunsCommand(command: ParsedCommand, context: CliContext): Promise<number> {
  const nameOrId = command.values.profile
  if (!nameOrId) throw new UsageError('“runs” needs --profile NAME.')
  const limit = command.values.limit === undefined ? 20 : Number(command.values.limit)
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) throw new UsageError('--limit must be a whole number from 1 to 1000.')
  // The run history is in the cache: no sign-in, no target needed.
  const profile = await findProfile(context.api, nameOrId)
  const runs = await context.api.sync.runs({ profileId: profile.id, limit })
  if (command.switches.has('json')) {
    context.stdout.write(JSON.stringify(runs) + '\n')
  } else if (runs.length === 0) {
    context.stdout.write(`No runs yet for “${profile.name}”.\n`)
  } else {
    for (const run of runs) {
      const { counts } = run
      context.stdout.write(
        `${run.startedAt}\t${run.kind}\t${run.status}\t${counts.succeeded} ok, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.pending} pending\t${run.startedBy}\t${run.runId}\n`,
      )
    }
  }
  return EXIT_OK
}
