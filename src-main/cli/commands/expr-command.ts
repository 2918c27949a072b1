/**
 * `headcount expr "<expression>" --user FILE.json [--now ISO-8601] [--json]`: evaluates a mapping
 * expression against one user given as Graph JSON, with the same engine the console uses. Needs no
 * profile and no API: it runs before (and without) composing the services.
 *
 * Output: the value on stdout (a multi-valued result one value per line; null or "left out of the
 * flow" print nothing, with a note on stderr); diagnostics on stderr. With --json, one object
 * `{"value": string | string[] | null, "isIgnored", "redacted", "diagnostics": [...]}`.
 * Exit code 2 when the expression has errors (or cannot be evaluated for this user), else 0.
 */
import { randomUUID, webcrypto } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { DirectoryUser } from '../../domain/directory/directory-user'
import { compileExpression } from '../../domain/expr/compile'
import { hasErrors, type Diagnostic } from '../../domain/expr/diagnostic'
import type { ExprValue, ScalarValue } from '../../domain/expr/expr-value'
import { scalarText } from '../../domain/expr/functions/value-conversion'
import { createUserEvaluationContext } from '../../domain/expr/user-evaluation-context'
import type { CliOutput } from '../cli-context'
import { EXIT_OK, EXIT_USAGE } from '../exit-codes'
import { UsageError, type CommandSpec, type ParsedCommand } from '../parse-command-line'

export const EXPR_COMMAND: CommandSpec = {
  name: 'expr',
  summary: 'Evaluate an Entra attribute-mapping expression against one user given as Graph JSON.',
  positionals: ['expression'],
  flags: {
    user: { kind: 'value', description: 'the user as Graph JSON (a file)' },
    now: { kind: 'value', description: 'the clock for Now() and dates, ISO 8601 (default: now)' },
    json: { kind: 'switch', description: 'print {"value", "diagnostics"} as JSON on stdout' },
  },
}

/** What expr needs: where to write, and optionally the clock (a CliContext or the CLI's io will do). */
export interface ExprCommandContext {
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  /** The real clock by default; tests and --now replace it. */
  readonly clock?: () => Date
}

/** Runs `headcount expr`; a usage mistake is reported here and gives exit code 2. */
export function runExprCommand(command: ParsedCommand, context: ExprCommandContext): Promise<number> {
  try {
    return Promise.resolve(evaluateCommand(command, context))
  } catch (error) {
    if (!(error instanceof UsageError)) return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    context.stderr.write(`${error.message}\n`)
    return Promise.resolve(EXIT_USAGE)
  }
}

function evaluateCommand(command: ParsedCommand, context: ExprCommandContext): number {
  const text = command.positionals[0] ?? ''
  const userFile = command.values.user
  if (!userFile) throw new UsageError('“expr” needs --user FILE.json (the user as Graph JSON).')
  const user = readUser(userFile)
  const now = command.values.now === undefined ? (context.clock ?? (() => new Date()))() : parseNow(command.values.now)

  const compiled = compileExpression(text)
  const evaluation = compiled.evaluate(
    createUserEvaluationContext(user, {
      now,
      random: () => (webcrypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32,
      newGuid: () => randomUUID(),
    }),
  )
  // Compile warnings plus either the compile errors (repeated by evaluate) or the evaluation's own.
  const diagnostics = compiled.hasErrors ? compiled.diagnostics : [...compiled.diagnostics, ...evaluation.diagnostics]
  const value = toOutput(evaluation.value)

  if (command.switches.has('json')) {
    context.stdout.write(
      JSON.stringify({ value, isIgnored: evaluation.isIgnored, redacted: evaluation.redactedText !== undefined, diagnostics }) + '\n',
    )
  } else {
    for (const item of diagnostics) context.stderr.write(formatDiagnostic(text, item))
    if (Array.isArray(value)) for (const line of value) context.stdout.write(`${line}\n`)
    else if (value !== null) context.stdout.write(`${value}\n`)
    else if (evaluation.isIgnored) context.stderr.write('(left out of the flow: IgnoreFlowIfNullOrEmpty)\n')
    else if (!hasErrors(diagnostics)) context.stderr.write('(null: no value flows)\n')
  }
  return hasErrors(diagnostics) ? EXIT_USAGE : EXIT_OK
}

/** The user as the rules see it: properties = the JSON (without `manager`), managerId = `manager.id`. */
function readUser(file: string): DirectoryUser {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(resolve(file), 'utf8'))
  } catch (error) {
    throw new UsageError(`Cannot read the user from ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new UsageError(`${file} must hold one user as a JSON object.`)
  // The manager is a reference, not a property: like the cache, keep it as managerId only, so
  // [manager] reads its id (domain/mapping/source-attributes.ts).
  const { manager, ...properties } = json as Record<string, unknown>
  const managerId = manager && typeof manager === 'object' && typeof (manager as { id?: unknown }).id === 'string' ? (manager as { id: string }).id : null
  return {
    id: typeof properties.id === 'string' ? properties.id : '',
    properties,
    managerId,
    isSoftDeleted: false,
    directGroupIds: new Set(),
    groupIds: new Set(),
  }
}

function parseNow(text: string): Date {
  // ISO 8601 only (a date, or a date and time with Z or an offset), not whatever Date.parse accepts.
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text) ? new Date(text) : new Date(Number.NaN)
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now must be an ISO 8601 date and time, for example 2024-08-06T12:00:00Z (not “${text}”).`)
  return date
}

/** Values as text, the way they would be written to a target attribute. */
function toOutput(value: ExprValue | null): string | string[] | null {
  if (value === null) return null
  if (Array.isArray(value)) return (value as readonly ScalarValue[]).map((item) => scalarText(item) ?? '')
  return scalarText(value as string | number | boolean)
}

/** `error unknownFunction (1:1): message`, the line with a caret under the span, and the hint. */
function formatDiagnostic(text: string, item: Diagnostic): string {
  const before = text.slice(0, item.offset)
  const lineNumber = before.split('\n').length
  const lineStart = before.lastIndexOf('\n') + 1
  const lineEnd = text.indexOf('\n', item.offset) === -1 ? text.length : text.indexOf('\n', item.offset)
  const line = text.slice(lineStart, lineEnd)
  const column = item.offset - lineStart
  const width = Math.max(1, Math.min(item.length, line.length - column))
  const lines = [`${item.severity} ${item.code} (${lineNumber}:${column + 1}): ${item.message}`]
  if (line.length <= 200) lines.push(`  ${line}`, `  ${' '.repeat(column)}${'^'.repeat(width)}`)
  if (item.hint) lines.push(`  ${item.hint}`)
  return lines.join('\n') + '\n'
}
