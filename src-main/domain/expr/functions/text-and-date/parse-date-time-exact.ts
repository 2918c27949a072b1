/**
 * DateTime.ParseExact(text, format, en-US, styles): how FormatDateTime reads its source with the
 * inputFormat. Follows .NET's ParseByFormat: `d`/`M`/`H`… take one or two digits, doubled
 * specifiers exactly two, `yyyy` exactly four, `f` exactly its count and `F` up to its count; a
 * bare `Z` in the format matches "Z" (or "GMT") and marks UTC; missing date parts default as .NET
 * documents (only a time → today; a year only → January 1).
 */
import { EvaluationError } from '../function-definition'
import { DAY_NAMES, MONTH_NAMES, tokenizeDateFormat } from './date-time-format'
import { DATE_TIME_STYLES } from './date-time-styles'
import { addSeconds, dateTimeFromParts, dateTimeParts, withKind, TICKS_PER_SECOND, type DateTimeValue } from './date-time-value'

interface ParsedFields {
  year?: number
  isTwoDigitYear?: boolean
  month?: number
  day?: number
  dayOfWeek?: number
  hour?: number
  isTwelveHour?: boolean
  minute?: number
  second?: number
  ticks?: number
  isPm?: boolean
  /** Minutes east of UTC, when the text carries a zone. */
  offsetMinutes?: number
  isUtcMarker?: boolean
}

/** Parses `text` with `format`; a mismatch is an EvaluationError naming both. `now` fills missing date parts. */
export function parseDateTimeExact(text: string, format: string, styles: number, now: DateTimeValue): DateTimeValue {
  const tokens = tokenizeDateFormat(format)
  const fail = (): EvaluationError =>
    new EvaluationError('invalidDate', `“${text}” does not match the date format “${format}”.`, 'The inputFormat must describe the source exactly, e.g. "yyyyMMddHHmmss.fZ" for "20150123105347.1Z".')
  const isInnerWhiteAllowed = (styles & DATE_TIME_STYLES.AllowInnerWhite) !== 0
  let position = 0
  const skipWhite = (): void => {
    while (position < text.length && /\s/.test(text.charAt(position))) position++
  }
  const digits = (minimum: number, maximum: number): number => {
    let end = position
    while (end < text.length && end - position < maximum && /[0-9]/.test(text.charAt(end))) end++
    if (end - position < minimum) throw fail()
    const value = Number(text.slice(position, end))
    position = end
    return value
  }
  const word = (candidates: readonly string[]): number => {
    // Longest first, so "May" never shadows nothing and "June" wins over "Jun".
    const order = candidates.map((candidate, index) => ({ candidate, index })).sort((a, b) => b.candidate.length - a.candidate.length)
    for (const { candidate, index } of order) {
      if (text.slice(position, position + candidate.length).toLowerCase() === candidate.toLowerCase()) {
        position += candidate.length
        return index
      }
    }
    throw fail()
  }
  const offset = (): number => {
    const sign = text.charAt(position)
    if (sign !== '+' && sign !== '-') throw fail()
    position++
    const hours = digits(1, 2)
    let minutes = 0
    if (text.charAt(position) === ':') {
      position++
      minutes = digits(2, 2)
    } else if (/^[0-9]{2}/.test(text.slice(position))) {
      minutes = digits(2, 2)
    }
    if (hours > 14 || minutes > 59) throw fail()
    return (sign === '-' ? -1 : 1) * (hours * 60 + minutes)
  }

  const fields: ParsedFields = {}
  if ((styles & DATE_TIME_STYLES.AllowLeadingWhite) !== 0) skipWhite()
  for (let tokenIndex = 0; tokenIndex < tokens.length; tokenIndex++) {
    const token = tokens[tokenIndex]
    if (token === undefined) break
    if (isInnerWhiteAllowed) skipWhite()
    if (token.type === 'literal') {
      const next = tokens[tokenIndex + 1]
      if (!token.quoted && token.text === '.' && text.charAt(position) !== '.' && next?.type === 'field' && next.symbol === 'F') {
        // ".FFF" without the dot: an optional fraction that is absent, as .NET's ParseByFormat allows.
        tokenIndex++
        continue
      }
      if (!token.quoted && token.text === 'Z') {
        if (text.startsWith('GMT', position)) position += 3
        else if (text.charAt(position) === 'Z') position++
        else throw fail()
        fields.offsetMinutes = 0
        fields.isUtcMarker = true
      } else if (isInnerWhiteAllowed && /^\s+$/.test(token.text)) {
        continue
      } else {
        if (!text.startsWith(token.text, position)) throw fail()
        position += token.text.length
      }
      continue
    }
    const { symbol, count } = token
    switch (symbol) {
      case 'd':
        if (count <= 2) fields.day = digits(count, 2)
        else fields.dayOfWeek = word(count === 3 ? DAY_NAMES.map((name) => name.slice(0, 3)) : DAY_NAMES)
        break
      case 'M':
        if (count <= 2) fields.month = digits(count, 2)
        else fields.month = word(count === 3 ? MONTH_NAMES.map((name) => name.slice(0, 3)) : MONTH_NAMES) + 1
        break
      case 'y':
        fields.year = count === 1 ? digits(1, 2) : digits(count, count)
        fields.isTwoDigitYear = count <= 2
        break
      case 'h':
      case 'H':
        fields.hour = digits(Math.min(count, 2), 2)
        fields.isTwelveHour = symbol === 'h'
        break
      case 'm':
        fields.minute = digits(Math.min(count, 2), 2)
        break
      case 's':
        fields.second = digits(Math.min(count, 2), 2)
        break
      case 'f':
      case 'F': {
        const start = position
        digits(symbol === 'f' ? count : 0, count)
        const fraction = text.slice(start, position)
        fields.ticks = fraction === '' ? 0 : Number(fraction.padEnd(7, '0'))
        break
      }
      case 't':
        fields.isPm = word(count === 1 ? ['A', 'P'] : ['AM', 'PM']) === 1
        break
      case 'z':
        fields.offsetMinutes = offset()
        break
      case 'K':
        if (text.charAt(position) === 'Z') {
          position++
          fields.offsetMinutes = 0
          fields.isUtcMarker = true
        } else if (text.charAt(position) === '+' || text.charAt(position) === '-') {
          fields.offsetMinutes = offset()
        }
        break
      case 'g':
        word(['A.D.', 'AD'])
        break
    }
  }
  if ((styles & DATE_TIME_STYLES.AllowTrailingWhite) !== 0) skipWhite()
  if (position !== text.length) throw fail()
  return resolveFields(fields, styles, now, fail)
}

function resolveFields(fields: ParsedFields, styles: number, now: DateTimeValue, fail: () => EvaluationError): DateTimeValue {
  let hour = fields.hour ?? 0
  if (fields.isPm !== undefined) {
    if (hour > 12) throw fail()
    if (fields.isPm && hour < 12) hour += 12
    if (!fields.isPm && hour === 12) hour = 0
  }
  // DateTimeParse.CheckDefaultDateTime's table of missing year, month and day.
  const today = dateTimeParts(now)
  let { year, month, day } = fields
  if (year !== undefined && fields.isTwoDigitYear === true) year = year <= 49 ? 2000 + year : 1900 + year
  if (month === undefined && day === undefined) {
    if (year === undefined) {
      const isNoDefault = (styles & DATE_TIME_STYLES.NoCurrentDateDefault) !== 0
      year = isNoDefault ? 1 : today.year
      month = isNoDefault ? 1 : today.month
      day = isNoDefault ? 1 : today.day
    } else {
      month = 1
      day = 1
    }
  } else {
    year ??= today.year
    month ??= 1
    day ??= 1
  }
  let value: DateTimeValue
  try {
    value = dateTimeFromParts({ year, month, day, hour, minute: fields.minute ?? 0, second: fields.second ?? 0, ticks: Math.min(fields.ticks ?? 0, TICKS_PER_SECOND - 1) }, 'unspecified')
  } catch {
    throw fail()
  }
  if (fields.dayOfWeek !== undefined && dateTimeParts(value).dayOfWeek !== fields.dayOfWeek) throw fail()
  return applyZone(value, fields, styles)
}

/** DateTimeParse.DetermineTimeZoneAdjustments, the local zone being UTC. */
function applyZone(value: DateTimeValue, fields: ParsedFields, styles: number): DateTimeValue {
  const isAdjustToUniversal = (styles & DATE_TIME_STYLES.AdjustToUniversal) !== 0
  if (fields.offsetMinutes === undefined) {
    if ((styles & (DATE_TIME_STYLES.AssumeLocal | DATE_TIME_STYLES.AssumeUniversal)) === 0) return value
    return withKind(value, isAdjustToUniversal ? 'utc' : 'local')
  }
  const utc = addSeconds(value, -fields.offsetMinutes * 60)
  if ((styles & DATE_TIME_STYLES.RoundtripKind) !== 0 && fields.isUtcMarker === true) return withKind(utc, 'utc')
  return withKind(utc, isAdjustToUniversal ? 'utc' : 'local')
}
