/**
 * .NET date and time format strings, for formatting and (in parse-date-time-exact.ts) for parsing:
 * https://learn.microsoft.com/dotnet/standard/base-types/custom-date-and-time-format-strings and
 * …/standard-date-and-time-format-strings. Names, AM/PM and the standard patterns are en-US, the
 * culture Entra's own output shows (`M/d/yyyy h:mm:ss tt` is en-US's "G"); ':' and '/' are the
 * en-US separators ':' and '/'.
 */
import { EvaluationError } from '../function-definition'
import { dateTimeParts, type DateTimeValue } from './date-time-value'

/** The format of CDate, Now, DateAdd and DateFromNum results. */
export const ENTRA_DATE_FORMAT = 'M/d/yyyy h:mm:ss tt'

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

/** One piece of a format string: a field such as `yyyy` or literal text. */
export type FormatToken =
  | { readonly type: 'field'; readonly symbol: string; readonly count: number }
  /** `quoted` is false for a bare character, which ParseExact may treat specially (`Z`, spaces). */
  | { readonly type: 'literal'; readonly text: string; readonly quoted: boolean }

const FIELD_SYMBOLS = new Set(['d', 'f', 'F', 'g', 'h', 'H', 'K', 'm', 'M', 's', 't', 'y', 'z'])

/** en-US standard formats: a one-character format string is one of these, never a custom one. */
const STANDARD_FORMATS: Readonly<Record<string, string>> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  m: 'MMMM d',
  M: 'MMMM d',
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: 'dddd, MMMM d, yyyy h:mm:ss tt',
  y: 'MMMM yyyy',
  Y: 'MMMM yyyy',
}

/** Splits a format string into tokens; an invalid one (unmatched quote, `fffffffff`) is an EvaluationError. */
export function tokenizeDateFormat(format: string): readonly FormatToken[] {
  if (format.length === 0) throw invalidFormat(format, 'it is empty')
  if (format.length === 1) {
    const standard = STANDARD_FORMATS[format]
    if (standard === undefined) throw invalidFormat(format, `“${format}” is not a standard format; write “%${format}” for the custom specifier`)
    return tokenizeCustom(standard)
  }
  return tokenizeCustom(format)
}

function tokenizeCustom(format: string): FormatToken[] {
  const tokens: FormatToken[] = []
  let index = 0
  while (index < format.length) {
    const character = format.charAt(index)
    if (FIELD_SYMBOLS.has(character)) {
      let count = 1
      while (format.charAt(index + count) === character) count++
      if ((character === 'f' || character === 'F') && count > 7) throw invalidFormat(format, 'a fraction has at most 7 digits')
      tokens.push({ type: 'field', symbol: character, count })
      index += count
    } else if (character === "'" || character === '"') {
      let text = ''
      let position = index + 1
      while (position < format.length && format.charAt(position) !== character) {
        if (format.charAt(position) === '\\' && position + 1 < format.length) position++
        text += format.charAt(position)
        position++
      }
      if (position >= format.length) throw invalidFormat(format, `the quote ${character} is not closed`)
      tokens.push({ type: 'literal', text, quoted: true })
      index = position + 1
    } else if (character === '%') {
      const next = format.charAt(index + 1)
      if (next === '' || next === '%') throw invalidFormat(format, '“%” must be followed by one specifier')
      if (FIELD_SYMBOLS.has(next)) tokens.push({ type: 'field', symbol: next, count: 1 })
      else tokens.push({ type: 'literal', text: next, quoted: false })
      index += 2
    } else if (character === '\\') {
      if (index + 1 >= format.length) throw invalidFormat(format, 'it ends with a lone backslash')
      tokens.push({ type: 'literal', text: format.charAt(index + 1), quoted: true })
      index += 2
    } else {
      tokens.push({ type: 'literal', text: character, quoted: false })
      index++
    }
  }
  return tokens
}

/** DateTime.ToString(format) in en-US, the local zone being UTC. */
export function formatDateTime(value: DateTimeValue, format: string): string {
  const parts = dateTimeParts(value)
  let result = ''
  for (const token of tokenizeDateFormat(format)) {
    if (token.type === 'literal') {
      result += token.text
      continue
    }
    const { symbol, count } = token
    switch (symbol) {
      case 'd':
        result += count <= 2 ? pad(parts.day, count) : count === 3 ? DAY_NAMES[parts.dayOfWeek]?.slice(0, 3) : DAY_NAMES[parts.dayOfWeek]
        break
      case 'M':
        result += count <= 2 ? pad(parts.month, count) : count === 3 ? MONTH_NAMES[parts.month - 1]?.slice(0, 3) : MONTH_NAMES[parts.month - 1]
        break
      case 'y':
        result += count === 1 ? String(parts.year % 100) : pad(count === 2 ? parts.year % 100 : parts.year, count)
        break
      case 'h':
        result += pad(parts.hour % 12 === 0 ? 12 : parts.hour % 12, Math.min(count, 2))
        break
      case 'H':
        result += pad(parts.hour, Math.min(count, 2))
        break
      case 'm':
        result += pad(parts.minute, Math.min(count, 2))
        break
      case 's':
        result += pad(parts.second, Math.min(count, 2))
        break
      case 't':
        result += (parts.hour < 12 ? 'AM' : 'PM').slice(0, count === 1 ? 1 : 2)
        break
      case 'f':
        result += String(parts.ticks).padStart(7, '0').slice(0, count)
        break
      case 'F': {
        const digits = String(parts.ticks).padStart(7, '0').slice(0, count).replace(/0+$/, '')
        // .NET drops a '.' just before an all-zero `F` fraction ("ss.FFF" prints "05", not "05.").
        if (digits === '' && result.endsWith('.')) result = result.slice(0, -1)
        result += digits
        break
      }
      case 'g':
        result += 'A.D.'
        break
      case 'K':
        result += value.kind === 'utc' ? 'Z' : value.kind === 'local' ? '+00:00' : ''
        break
      case 'z':
        // The offset of the local zone, UTC here (a Utc DateTime prints +00:00 too).
        result += count === 1 ? '+0' : count === 2 ? '+00' : '+00:00'
        break
    }
  }
  return result
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

function invalidFormat(format: string, reason: string): EvaluationError {
  return new EvaluationError('invalidDateFormat', `The date format “${format}” is not valid: ${reason}.`, 'Use .NET custom date and time format strings such as "yyyy-MM-dd HH:mm:ss".')
}
