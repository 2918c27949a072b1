import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../src-main/common'
import { exitCodeFor } from '../../../src-main/cli/exit-codes'
import { describeCommand, parseCommandLine, UsageError, type CommandSpec } from '../../../src-main/cli/parse-command-line'

const specs: CommandSpec[] = [
  { name: 'profile list', summary: 'List profiles.', positionals: [], flags: { json: { kind: 'switch', description: 'JSON output' } } },
  {
    name: 'profile create',
    summary: 'Create a profile.',
    positionals: ['name'],
    flags: {
      tenant: { kind: 'value', description: 'Tenant id' },
      cloud: { kind: 'value', description: 'Cloud', choices: ['global', 'china'] },
      json: { kind: 'switch', description: 'JSON output' },
    },
  },
  { name: 'pull', summary: 'Pull.', positionals: [], flags: { profile: { kind: 'value', description: 'Profile' }, full: { kind: 'switch', description: 'Full' } } },
]

function usage(argv: string[]): string {
  try {
    parseCommandLine(specs, argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as UsageError).message
  }
  throw new Error('expected a usage error')
}

describe('parseCommandLine', () => {
  it('picks the command and reads positionals, values and switches', () => {
    const parsed = parseCommandLine(specs, ['profile', 'create', 'Nordlys', '--tenant', 'abc', '--cloud=china', '--json'])
    expect(parsed.spec.name).toBe('profile create')
    expect(parsed.positionals).toEqual(['Nordlys'])
    expect(parsed.values).toEqual({ tenant: 'abc', cloud: 'china' })
    expect([...parsed.switches]).toEqual(['json'])
  })

  it.each([
    [['nope'], /Unknown command “nope”/],
    [[], /No command given/],
    [['pull', '--profile'], /--profile needs a value/],
    [['pull', '--profile', '--full'], /--profile needs a value/],
    [['pull', '--verbose'], /has no option --verbose/],
    [['pull', '--full=yes'], /takes no value/],
    [['profile', 'create', 'A', '--cloud', 'mars'], /must be one of global, china/],
    [['profile', 'create'], /needs NAME/],
    [['profile', 'create', 'A', 'B'], /one too many/],
    [['pull', '--profile', 'a', '--profile', 'b'], /given twice/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(usage(argv)).toMatch(message)
  })

  it('describes a command with its options', () => {
    const text = describeCommand(specs[1] as CommandSpec)
    expect(text).toContain('headcount profile create NAME')
    expect(text).toContain('--cloud global|china')
  })
})

describe('exit codes', () => {
  it('gives every error code one of the documented exit codes', () => {
    for (const code of ERROR_CODES) expect([1, 2, 3, 4, 5]).toContain(exitCodeFor(code))
    expect(exitCodeFor('Unauthorized')).toBe(3)
    expect(exitCodeFor('Forbidden')).toBe(3)
    expect(exitCodeFor('TooManyRequests')).toBe(4)
    expect(exitCodeFor('Cancelled')).toBe(5)
    expect(exitCodeFor('InvalidArgument')).toBe(2)
  })
})
