/**
 * .NET regular expressions on JavaScript's engine, for Replace. The syntax is nearly shared; this
 * bridges what differs in the expressions mapping authors write:
 * - `\A`, `\Z`, `\z` anchors, and `$`, which in .NET also matches before a final newline;
 * - `(?'name'…)` named groups and a leading `(?i)`;
 * - a `]` right after `[` or `[^`, which .NET reads as a literal;
 * - group NUMBERS: .NET numbers unnamed groups first, then named ones (`(?<Suffix>@(.)*)` has
 *   `(.)` as group 1 and Suffix as 2), which `$1` in a replacement must respect;
 * - replacement patterns (`$1`, `${name}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_`), applied here.
 * Other .NET-only constructs (atomic groups, inline options mid-pattern) reach JavaScript's parser
 * and fail as an invalid regex.
 */
import { EvaluationError } from '../function-definition'

export interface DotnetRegex {
  /** Global, with match indices. */
  readonly regex: RegExp
  /** .NET group number → JavaScript group index. */
  readonly numbers: ReadonlyMap<number, number>
  /** Group name → JavaScript group index. */
  readonly names: ReadonlyMap<string, number>
}

/** Translates and compiles a .NET pattern; an invalid one is an EvaluationError. */
export function compileDotnetRegex(pattern: string, functionName: string): DotnetRegex {
  let source = ''
  let flags = 'gd'
  let index = 0
  let isInClass = false
  const groups: (string | null)[] = []
  if (pattern.startsWith('(?i)')) {
    flags += 'i'
    index = 4
  }
  while (index < pattern.length) {
    const character = pattern.charAt(index)
    const next = pattern.charAt(index + 1)
    if (character === '\\') {
      if (!isInClass && next === 'A') source += '^'
      else if (!isInClass && next === 'Z') source += '(?=\\n?$)'
      else if (!isInClass && next === 'z') source += '$'
      else source += character + next
      index += 2
      continue
    }
    if (isInClass) {
      if (character === ']') isInClass = false
      source += character
      index++
      continue
    }
    if (character === '[') {
      isInClass = true
      const negation = next === '^' ? '^' : ''
      source += '[' + negation
      index += 1 + negation.length
      // .NET reads a ']' first in a class as a literal; JavaScript would close an empty class.
      if (pattern.charAt(index) === ']') {
        source += '\\]'
        index++
      }
      continue
    }
    if (character === '$') {
      source += '(?=\\n?$)'
      index++
      continue
    }
    if (character === '(') {
      const named = /^\(\?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(index))
      if (named !== null) {
        const name = named[1] ?? named[2] ?? ''
        groups.push(name)
        source += `(?<${name}>`
        index += named[0].length
        continue
      }
      if (next !== '?') groups.push(null)
    }
    source += character
    index++
  }
  let regex: RegExp
  try {
    regex = new RegExp(source, flags)
  } catch (error) {
    throw new EvaluationError('invalidRegex', `${functionName}: “${pattern}” is not a valid regular expression (${error instanceof Error ? error.message : String(error)}).`, 'Escape special characters with a backslash, written "\\\\" inside a string.')
  }
  const numbers = new Map<number, number>()
  const names = new Map<string, number>()
  let dotnetNumber = 1
  groups.forEach((name, position) => {
    if (name === null) numbers.set(dotnetNumber++, position + 1)
  })
  groups.forEach((name, position) => {
    if (name !== null && !names.has(name)) {
      names.set(name, position + 1)
      numbers.set(dotnetNumber++, position + 1)
    }
  })
  return { regex, numbers, names }
}

/** Regex.Replace(input, pattern, replacement) with .NET's replacement syntax. */
export function replaceWithPattern(input: string, compiled: DotnetRegex, replacement: string): string {
  let result = ''
  let lastEnd = 0
  for (const match of input.matchAll(compiled.regex)) {
    result += input.slice(lastEnd, match.index) + substitute(replacement, match, input, compiled)
    lastEnd = match.index + match[0].length
  }
  return result + input.slice(lastEnd)
}

function substitute(replacement: string, match: RegExpExecArray | RegExpMatchArray, input: string, compiled: DotnetRegex): string {
  const group = (jsIndex: number | undefined): string => (jsIndex === undefined ? '' : (match[jsIndex] ?? ''))
  const start = match.index ?? 0
  let result = ''
  let index = 0
  while (index < replacement.length) {
    const character = replacement.charAt(index)
    if (character !== '$' || index + 1 >= replacement.length) {
      result += character
      index++
      continue
    }
    const next = replacement.charAt(index + 1)
    const braced = /^\{(\w+)\}/.exec(replacement.slice(index + 1))
    if (braced !== null) {
      const key = braced[1] ?? ''
      const jsIndex = /^\d+$/.test(key) ? compiled.numbers.get(Number(key)) ?? (key === '0' ? 0 : undefined) : compiled.names.get(key)
      if (jsIndex !== undefined) {
        result += group(jsIndex)
        index += 1 + braced[0].length
        continue
      }
    } else if (/\d/.test(next)) {
      // The longest run of digits that names a group, as .NET's ScanDollar.
      let digits = ''
      let taken = ''
      for (let position = index + 1; position < replacement.length && /\d/.test(replacement.charAt(position)); position++) {
        digits += replacement.charAt(position)
        if (Number(digits) === 0 || compiled.numbers.has(Number(digits))) taken = digits
      }
      if (taken !== '') {
        result += Number(taken) === 0 ? match[0] : group(compiled.numbers.get(Number(taken)))
        index += 1 + taken.length
        continue
      }
    } else {
      const special: Readonly<Record<string, () => string>> = {
        $: () => '$',
        '&': () => match[0],
        '`': () => input.slice(0, start),
        "'": () => input.slice(start + match[0].length),
        '+': () => group(compiled.numbers.get(compiled.numbers.size)),
        _: () => input,
      }
      const value = special[next]
      if (value !== undefined) {
        result += value()
        index += 2
        continue
      }
    }
    result += character
    index++
  }
  return result
}
