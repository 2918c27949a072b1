/**
 * `headcount provision-user --profile NAME --user UPN [--dry-run] [--json]`: one user through
 * import → scope → match → action, as Entra's "Provision on demand", with each step's outcome.
 * Like `push`, it is an explicit admin action and applies even when the console is preview-only.
 */
import { AppError } from '../../common'
import type { CliContext } from '../cli-context'
import { EXIT_OK, EXIT_REMOTE } from '../exit-codes'
import { UsageError, type CommandSpec, type ParsedCommand } from '../parse-command-line'
import { openSyncProfile } from './target-command'

export const PROVISION_USER_COMMAND: CommandSpec = {
  name: 'provision-user',
  summary: 'Provision one user now (import → scope → match → action) and show each step.',
  positionals: [],
  flags: {
    profile: { kind: 'value', description: 'profile name or id' },
    user: { kind: 'value', description: 'the user’s userPrincipalName (or Entra object id)' },
    'dry-run': { kind: 'switch', description: 'show what would happen without sending anything' },
    json: { kind: 'switch', description: 'print the result as JSON on stdout' },
  },
}

export async function runProvisionUserCommand(command: ParsedCommand, context: CliContext): Promise<number> {
  const name = command.values.user
  if (!name) throw new UsageError('“provision-user” needs --user UPN.')
  const profile = await openSyncProfile(command, context)
  const found = await context.api.directory.queryUsers({ profileId: profile.id, search: name, offset: 0, limit: 50 })
  const user = found.rows.find((row) => row.id === name || row.userPrincipalName?.toLowerCase() === name.toLowerCase())
  if (!user) {
    throw new AppError({ code: 'NotFound', message: `There is no user “${name}” in the cached directory of “${profile.name}”.`, hint: 'Pull the directory, then try again.' })
  }
  const result = await context.api.sync.provisionUser({ profileId: profile.id, userId: user.id, apply: !command.switches.has('dry-run') })
  if (command.switches.has('json')) {
    context.stdout.write(JSON.stringify(result) + '\n')
  } else {
    const lines = [`${result.displayName} (${name})`]
    for (const step of result.steps) lines.push(`  ${step.step.padEnd(9)} ${step.status.padEnd(8)} ${step.detail}`)
    for (const operation of result.operations) {
      lines.push(`  → ${operation.action} ${operation.userName ?? operation.displayName}: ${operation.status}${operation.errorMessage ? ` — ${operation.errorMessage}` : ''}`)
    }
    lines.push(`  ${(result.durationMs / 1000).toFixed(2)} s${result.runId ? `, run ${result.runId}` : ''}`)
    context.stdout.write(lines.join('\n') + '\n')
  }
  return result.operations.some((operation) => operation.status === 'failed') ? EXIT_REMOTE : EXIT_OK
}
