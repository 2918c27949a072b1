/** `headcount pull --profile NAME [--full] [--json]`: progress on stderr, a summary on stdout. */
import type { PullFinished, PullProgress } from '../../common'
import { loadCredentialSources } from '../cli-credential-sources'
import { findProfile, type CliContext } from '../cli-context'
import { EXIT_CANCELLED, EXIT_OK, exitCodeFor } from '../exit-codes'
import { formatPullProgress } from '../format-pull-progress'
import { UsageError, type CommandSpec, type ParsedCommand } from '../parse-command-line'
import { buildConnectionInput } from './profile-commands'

export const PULL_COMMAND: CommandSpec = {
  name: 'pull',
  summary: 'Read the tenant into the profile’s cache: changes since the last pull, or everything with --full.',
  positionals: [],
  flags: {
    profile: { kind: 'value', description: 'profile name or id' },
    full: { kind: 'switch', description: 'read everything again instead of the changes' },
    json: { kind: 'switch', description: 'print a JSON summary on stdout' },
  },
}

const PROGRESS_INTERVAL_MS = 1000

/** Re-supplies the profile's credential from its source (the CLI stores no secret), then pulls. */
export async function runPullCommand(command: ParsedCommand, context: CliContext): Promise<number> {
  const nameOrId = command.values.profile
  if (!nameOrId) throw new UsageError('“pull” needs --profile NAME.')
  const { api } = context
  // `--profile demo` works from the first run: the built-in demo organisation is created on demand.
  const profile = nameOrId === 'demo' ? await api.profiles.openDemo({}) : await findProfile(api, nameOrId)
  if (profile.kind === 'demo') {
    await api.profiles.openDemo({})
  } else {
    const sources = loadCredentialSources(context.dataDir, profile.id)
    const status = await api.connection.status({ profileId: profile.id })
    if (sources && status.settings) {
      const { settings } = status
      const base = {
        cloud: settings.cloud,
        tenant: settings.tenant,
        clientId: settings.clientId,
        ...(settings.cloud === 'custom' ? { authorityHost: settings.authorityHost, graphEndpoint: settings.graphEndpoint } : {}),
        ...(settings.proxyUrl ? { proxyUrl: settings.proxyUrl } : {}),
      }
      await api.connection.configure({ profileId: profile.id, connection: buildConnectionInput(base, sources, context.environment) })
    }
  }

  let lastPrinted = 0
  const printProgress = (progress: PullProgress, force = false): void => {
    const now = Date.now()
    if (!force && now - lastPrinted < PROGRESS_INTERVAL_MS) return
    lastPrinted = now
    context.stderr.write(formatPullProgress(progress) + '\n')
  }
  let latest: PullProgress | null = null
  const finished = new Promise<PullFinished>((resolve) => {
    const stopProgress = api.pull.onDidProgress((progress) => {
      if (progress.profileId !== profile.id) return
      latest = progress
      printProgress(progress)
    })
    const stopFinish = api.pull.onDidFinish((result) => {
      if (result.profileId !== profile.id) return
      stopProgress()
      stopFinish()
      resolve(result)
    })
  })
  const onAbort = (): void => void api.pull.cancel({ profileId: profile.id })
  context.signal.addEventListener('abort', onAbort, { once: true })
  await api.pull.start({ profileId: profile.id, ...(command.switches.has('full') ? { full: true } : {}) })
  const result = await finished
  context.signal.removeEventListener('abort', onAbort)
  if (latest) printProgress(latest, true)

  const summary = {
    profile: profile.name,
    runId: result.runId,
    outcome: result.outcome,
    mode: result.mode ?? 'full',
    users: result.users,
    groups: result.groups,
    memberships: result.memberships,
    durationMs: result.durationMs,
    ...(result.error ? { error: result.error } : {}),
  }
  if (command.switches.has('json')) {
    context.stdout.write(JSON.stringify(summary) + '\n')
  } else if (result.outcome === 'succeeded') {
    context.stdout.write(
      `Pulled ${summary.users.toLocaleString('en-US')} users, ${summary.groups.toLocaleString('en-US')} groups and ` +
        `${summary.memberships.toLocaleString('en-US')} memberships (${summary.mode}) in ${(summary.durationMs / 1000).toFixed(1)} s.\n`,
    )
  }
  if (result.outcome === 'cancelled') {
    context.stderr.write('The pull was cancelled; the cache keeps the last complete directory.\n')
    return EXIT_CANCELLED
  }
  if (result.outcome === 'failed' && result.error) {
    context.stderr.write(`Error: ${result.error.message}${result.error.hint ? `\n${result.error.hint}` : ''}\n`)
    return exitCodeFor(result.error.code)
  }
  return EXIT_OK
}
