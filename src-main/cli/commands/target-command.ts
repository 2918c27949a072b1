/**
 * `headcount target set --profile NAME --scim-url URL --scim-token-env VAR [--rate N] [--entra-compat]`,
 * and how the sync commands open a profile's target. Like the client secret (cli-credential-sources.ts),
 * the SCIM token is never stored by the CLI: it keeps the environment variable's NAME in
 * `profiles/<id>/cli-target.json` and reads the token from it on every run.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError, type ProfileSummary } from '../../common'
import { findProfile, type CliContext } from '../cli-context'
import { EXIT_OK } from '../exit-codes'
import { UsageError, type CommandSpec, type ParsedCommand } from '../parse-command-line'

export const TARGET_COMMAND: CommandSpec = {
  name: 'target set',
  summary: 'Set the profile’s target application: its SCIM 2.0 address and the variable that holds its token.',
  positionals: [],
  flags: {
    profile: { kind: 'value', description: 'profile name or id' },
    'scim-url': { kind: 'value', description: 'SCIM base URL (https://…; http only for 127.0.0.1)' },
    'scim-token-env': { kind: 'value', description: 'environment variable that holds the bearer token' },
    rate: { kind: 'value', description: 'requests per second (default 25)' },
    'entra-compat': { kind: 'switch', description: 'send PATCH as Entra does (capitalised ops, "True"/"False")' },
    json: { kind: 'switch', description: 'print JSON on stdout' },
  },
}

interface CliTargetSource {
  readonly version: 1
  /** Name of the environment variable holding the SCIM bearer token. */
  readonly tokenEnv: string
}

function sourcePath(dataDir: string, profileId: string): string {
  return join(dataDir, 'profiles', profileId, 'cli-target.json')
}

function loadTokenSource(dataDir: string, profileId: string): CliTargetSource | null {
  try {
    return JSON.parse(readFileSync(sourcePath(dataDir, profileId), 'utf8')) as CliTargetSource
  } catch {
    return null
  }
}

function readToken(name: string, environment: NodeJS.ProcessEnv): string {
  const value = environment[name]
  if (!value) {
    throw new AppError({
      code: 'InvalidArgument',
      message: `The environment variable ${name} is empty, so there is no token for the target application.`,
      hint: `Set ${name} to the application’s SCIM bearer token before running Headcount.`,
    })
  }
  return value
}

/**
 * The profile a sync command works on, with its target's token supplied from its variable (the CLI
 * keeps secrets in memory only). `--profile demo` opens the demo, whose target is set up by itself.
 */
export async function openSyncProfile(command: ParsedCommand, context: CliContext): Promise<ProfileSummary> {
  const nameOrId = command.values.profile
  if (!nameOrId) throw new UsageError(`“${command.spec.name}” needs --profile NAME.`)
  const { api } = context
  const profile = nameOrId === 'demo' ? await api.profiles.openDemo({}) : await findProfile(api, nameOrId)
  if (profile.kind === 'demo') {
    await api.profiles.openDemo({})
    return profile
  }
  const source = loadTokenSource(context.dataDir, profile.id)
  const status = await api.target.status({ profileId: profile.id })
  if (source && status.scimUrl) {
    await api.target.configure({
      profileId: profile.id,
      settings: { ...status.settings, scimUrl: status.scimUrl, token: readToken(source.tokenEnv, context.environment) },
    })
  }
  return profile
}

export async function runTargetCommand(command: ParsedCommand, context: CliContext): Promise<number> {
  const { values } = command
  const nameOrId = values.profile
  const scimUrl = values['scim-url']
  const tokenEnv = values['scim-token-env']
  if (!nameOrId || !scimUrl || !tokenEnv) throw new UsageError('“target set” needs --profile NAME, --scim-url URL and --scim-token-env VAR.')
  const rate = values.rate === undefined ? undefined : Number(values.rate)
  if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0.1 && rate <= 10_000)) throw new UsageError('--rate must be a number of requests per second between 0.1 and 10000.')
  const profile = await findProfile(context.api, nameOrId)
  const token = readToken(tokenEnv, context.environment)
  const current = await context.api.target.status({ profileId: profile.id })
  const status = await context.api.target.configure({
    profileId: profile.id,
    settings: {
      ...current.settings,
      scimUrl,
      token,
      ...(rate !== undefined ? { ratePerSecond: rate } : {}),
      compatibility: command.switches.has('entra-compat') ? 'entra' : 'strict',
    },
  })
  const file = sourcePath(context.dataDir, profile.id)
  mkdirSync(dirname(file), { recursive: true })
  const source: CliTargetSource = { version: 1, tokenEnv }
  writeFileSync(`${file}.tmp`, JSON.stringify(source, null, 2) + '\n', { mode: 0o600 })
  renameSync(`${file}.tmp`, file)
  if (command.switches.has('json')) {
    context.stdout.write(JSON.stringify({ profile: profile.name, target: { scimUrl: status.scimUrl, ...status.settings }, tokenEnv }) + '\n')
  } else {
    context.stdout.write(
      `The target of “${profile.name}” is ${status.scimUrl} (${status.settings.ratePerSecond} requests/s, ${status.settings.compatibility}); ` +
        `its token is read from ${tokenEnv} on every run.\n`,
    )
  }
  return EXIT_OK
}
