/**
 * The CLI's argument grammar: `headcount <command> [<subcommand>] [positionals] [--flag value | --switch]`.
 * Each command declares its flags; anything else is a usage error (exit code 2), never ignored.
 */

export interface FlagSpec {
  /** `value` flags take the next argument (or `--name=value`); `switch` flags take none. */
  readonly kind: 'value' | 'switch'
  readonly description: string
  /** Allowed values, when the flag is a choice. */
  readonly choices?: readonly string[]
}

export interface CommandSpec {
  /** e.g. `profile create` */
  readonly name: string
  readonly summary: string
  /** Names of the positional arguments, in order, for help and checks. */
  readonly positionals: readonly string[]
  readonly flags: Readonly<Record<string, FlagSpec>>
}

export interface ParsedCommand {
  readonly spec: CommandSpec
  readonly positionals: readonly string[]
  readonly values: Readonly<Record<string, string>>
  readonly switches: ReadonlySet<string>
}

/** A mistake in how the command was written: the message says what and how to fix it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Picks the longest command name that prefixes the arguments (`profile create` before `profile`). */
function findCommand(specs: readonly CommandSpec[], words: readonly string[]): { spec: CommandSpec; used: number } | null {
  let best: { spec: CommandSpec; used: number } | null = null
  for (const spec of specs) {
    const parts = spec.name.split(' ')
    if (parts.every((part, index) => words[index] === part) && (!best || parts.length > best.used)) {
      best = { spec, used: parts.length }
    }
  }
  return best
}

export function parseCommandLine(specs: readonly CommandSpec[], argv: readonly string[]): ParsedCommand {
  const found = findCommand(specs, argv)
  if (!found) {
    const attempt = argv.filter((word) => !word.startsWith('-')).slice(0, 2).join(' ')
    throw new UsageError(attempt ? `Unknown command “${attempt}”. Run “headcount help” for the list.` : 'No command given. Run “headcount help” for the list.')
  }
  const { spec } = found
  const positionals: string[] = []
  const values: Record<string, string> = {}
  const switches = new Set<string>()
  const rest = argv.slice(found.used)
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index] as string
    if (!word.startsWith('--')) {
      positionals.push(word)
      continue
    }
    const equals = word.indexOf('=')
    const name = word.slice(2, equals === -1 ? undefined : equals)
    const flag = spec.flags[name]
    if (!flag) throw new UsageError(`“${spec.name}” has no option --${name}. Run “headcount help ${spec.name}”.`)
    if (flag.kind === 'switch') {
      if (equals !== -1) throw new UsageError(`--${name} takes no value.`)
      switches.add(name)
      continue
    }
    const value = equals !== -1 ? word.slice(equals + 1) : rest[++index]
    if (value === undefined || (equals === -1 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value.`)
    if (flag.choices && !flag.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${flag.choices.join(', ')} (not “${value}”).`)
    }
    if (name in values) throw new UsageError(`--${name} is given twice.`)
    values[name] = value
  }
  if (positionals.length > spec.positionals.length) {
    throw new UsageError(`“${spec.name}” takes ${spec.positionals.length === 0 ? 'no arguments' : spec.positionals.map((p) => p.toUpperCase()).join(' ')}; “${positionals[spec.positionals.length]}” is one too many.`)
  }
  if (positionals.length < spec.positionals.length) {
    throw new UsageError(`“${spec.name}” needs ${spec.positionals.map((p) => p.toUpperCase()).join(' ')}.`)
  }
  return { spec, positionals, values, switches }
}

/** The help text of one command. */
export function describeCommand(spec: CommandSpec): string {
  const lines = [`headcount ${spec.name}${spec.positionals.map((p) => ` ${p.toUpperCase()}`).join('')}`, `  ${spec.summary}`]
  for (const [name, flag] of Object.entries(spec.flags)) {
    const value = flag.kind === 'value' ? (flag.choices ? ` ${flag.choices.join('|')}` : ' VALUE') : ''
    lines.push(`  --${name}${value}`.padEnd(40) + flag.description)
  }
  return lines.join('\n')
}
