/**
 * The `headcount` command line: headless commands over the same API and services as the console,
 * for scheduled runs and scripts. Exit codes: 0 ok, 2 usage/configuration, 3 authentication or
 * permission, 4 remote service, 5 cancelled (see exit-codes.ts).
 */
import { composeHeadcountApi } from '../api/compose-api'
import { isAppErrorData, toAppErrorData } from '../common'
import { resolveDefaultDataDir } from '../services/profiles/default-data-dir'
import type { CliContext, CliOutput } from './cli-context'
import { PROFILE_COMMANDS, runProfileCommand } from './commands/profile-commands'
import { EXPR_COMMAND, runExprCommand } from './commands/expr-command'
import { PULL_COMMAND, runPullCommand } from './commands/pull-command'
import { PLAN_COMMAND, runPlanCommand } from './commands/plan-command'
import { PROVISION_USER_COMMAND, runProvisionUserCommand } from './commands/provision-user-command'
import { PUSH_COMMAND, runPushCommand } from './commands/push-command'
import { RUNS_COMMAND, runRunsCommand } from './commands/runs-command'
import { TARGET_COMMAND, runTargetCommand } from './commands/target-command'
import { EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, exitCodeFor } from './exit-codes'
import { describeCommand, parseCommandLine, UsageError, type CommandSpec, type ParsedCommand } from './parse-command-line'

const COMMANDS: readonly CommandSpec[] = [
  ...PROFILE_COMMANDS,
  PULL_COMMAND,
  EXPR_COMMAND,
  TARGET_COMMAND,
  PLAN_COMMAND,
  PUSH_COMMAND,
  PROVISION_USER_COMMAND,
  RUNS_COMMAND,
]

/** The sync commands (issue 5), by name. */
const SYNC_COMMANDS: Readonly<Record<string, (command: ParsedCommand, context: CliContext) => Promise<number>>> = {
  [TARGET_COMMAND.name]: runTargetCommand,
  [PLAN_COMMAND.name]: runPlanCommand,
  [PUSH_COMMAND.name]: runPushCommand,
  [PROVISION_USER_COMMAND.name]: runProvisionUserCommand,
  [RUNS_COMMAND.name]: runRunsCommand,
}

export interface CliEnvironment {
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  readonly environment: NodeJS.ProcessEnv
  readonly signal: AbortSignal
}

function help(words: readonly string[]): string {
  const topic = words.join(' ')
  const matching = COMMANDS.filter((spec) => topic === '' || spec.name === topic || spec.name.startsWith(`${topic} `))
  const chosen = matching.length > 0 ? matching : COMMANDS
  return ['Headcount command line', '', ...chosen.map(describeCommand).flatMap((text) => [text, ''])].join('\n')
}

export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout.write(help(argv.slice(1)) + '\n')
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK
  }
  let command
  try {
    command = parseCommandLine(COMMANDS, argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`)
      return EXIT_USAGE
    }
    throw error
  }
  // Evaluating an expression needs no profile, cache or network.
  if (command.spec.name === EXPR_COMMAND.name) return runExprCommand(command, io)
  const dataDir = resolveDefaultDataDir(io.environment)
  const handle = await composeHeadcountApi({ dataDir, host: 'cli' })
  const context = { api: handle.api, dataDir, stdout: io.stdout, stderr: io.stderr, environment: io.environment, signal: io.signal }
  try {
    const runSync = SYNC_COMMANDS[command.spec.name]
    if (runSync) return await runSync(command, context)
    return command.spec.name === 'pull' ? await runPullCommand(command, context) : await runProfileCommand(command, context)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`)
      return EXIT_USAGE
    }
    const data = toAppErrorData(error)
    io.stderr.write(`Error: ${data.message}${data.hint ? `\n${data.hint}` : ''}\n`)
    return isAppErrorData(error) || data.code !== 'Internal' ? exitCodeFor(data.code) : EXIT_UNEXPECTED
  } finally {
    await handle.dispose()
  }
}
