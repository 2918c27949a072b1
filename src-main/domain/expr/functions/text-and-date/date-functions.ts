/**
 * CDate, Now, DateAdd and DateDiff. Entra has no date type in attribute flows: CDate and Now
 * return the UTC date as text in `M/d/yyyy h:mm:ss tt`, and DateAdd/DateDiff read their date
 * arguments back with the same lenient reader, so `DateAdd("d", 7, CDate([StatusHireDate]))` and
 * `DateDiff("d", Now(), CDate([StatusHireDate]))` work as documented. DateAdd and DateDiff follow
 * Microsoft.VisualBasic.DateAndTime (dotnet/runtime DateAndTime.vb), whose results the doc's
 * examples show (`ww` counts calendar weeks: −493 for the doc's pair of dates, not −492).
 */
import { MISSING, type ArgumentValue, type EvaluationContext } from '../../expr-value'
import { EvaluationError, type FunctionDefinition } from '../function-definition'
import { toNumber, toText } from '../value-conversion'
import { ENTRA_DATE_FORMAT, formatDateTime } from './date-time-format'
import { addMonths, addSeconds, dateTimeFromDate, dateTimeParts, differenceInSeconds, SECONDS_PER_DAY, type DateTimeValue } from './date-time-value'
import { parseDateTime } from './parse-date-time'

/** Microsoft.VisualBasic.DateInterval, named as DateIntervalFromString reads them (any case). */
type DateInterval = 'year' | 'quarter' | 'month' | 'dayOfYear' | 'day' | 'weekOfYear' | 'weekday' | 'hour' | 'minute' | 'second'

const INTERVALS: ReadonlyMap<string, DateInterval> = new Map([
  ['YYYY', 'year'],
  ['Q', 'quarter'],
  ['M', 'month'],
  ['Y', 'dayOfYear'],
  ['D', 'day'],
  ['WW', 'weekOfYear'],
  ['W', 'weekday'],
  ['H', 'hour'],
  ['N', 'minute'],
  ['S', 'second'],
])

/** A date argument read with {@link parseDateTime}; null when the value is absent. */
export function readDateArgument(value: ArgumentValue, context: EvaluationContext, functionName: string): DateTimeValue | null {
  const text = toText(value)
  if (text === null) return null
  return parseDateTime(text, dateTimeFromDate(context.now), functionName)
}

function readInterval(value: ArgumentValue, functionName: string): DateInterval {
  const text = toText(value)
  const interval = text === null ? undefined : INTERVALS.get(text.trim().toUpperCase())
  if (interval === undefined) {
    throw new EvaluationError('invalidInterval', `${functionName}: “${text ?? ''}” is not a date interval.`, 'Use "yyyy", "m", "d", "ww", "h", "n" or "s".')
  }
  return interval
}

/** CDate(expression): the UTC date as `M/d/yyyy h:mm:ss tt`; null stays null. */
export const CDATE_FUNCTION: FunctionDefinition = {
  name: 'CDate',
  signature: 'CDate(expression)',
  summary: 'Reads a date string and returns it in UTC as M/d/yyyy h:mm:ss tt.',
  minArguments: 1,
  maxArguments: 1,
  evaluate(args, context) {
    const date = readDateArgument(args[0] ?? MISSING, context, 'CDate')
    return date === null ? null : formatDateTime(date, ENTRA_DATE_FORMAT)
  },
}

/** Now(): the evaluation's current UTC time as `M/d/yyyy h:mm:ss tt`. */
export const NOW_FUNCTION: FunctionDefinition = {
  name: 'Now',
  signature: 'Now()',
  summary: 'The current UTC date and time as M/d/yyyy h:mm:ss tt.',
  minArguments: 0,
  maxArguments: 0,
  isVolatile: true,
  evaluate(_args, context) {
    return formatDateTime(dateTimeFromDate(context.now), ENTRA_DATE_FORMAT)
  },
}

/** DateAdd(interval, value, dateTime), as VB's DateAdd: the number is truncated to a whole one. */
export const DATE_ADD_FUNCTION: FunctionDefinition = {
  name: 'DateAdd',
  signature: 'DateAdd(interval, value, dateTime)',
  summary: 'Adds a number of years (yyyy), months (m), days (d), weeks (ww), hours (h), minutes (n) or seconds (s) to a date.',
  minArguments: 3,
  maxArguments: 3,
  evaluate(args, context) {
    const interval = readInterval(args[0] ?? MISSING, 'DateAdd')
    const number = Math.trunc(toNumber(args[1] ?? MISSING, 'DateAdd', 'value'))
    // CInt(Fix(Number)) overflows outside Int32.
    if (Math.abs(number) > 2_147_483_647) throw new EvaluationError('invalidNumber', `DateAdd: ${number} is too large a number to add.`)
    const date = readDateArgument(args[2] ?? MISSING, context, 'DateAdd')
    if (date === null) return null
    return formatDateTime(addInterval(date, interval, number), ENTRA_DATE_FORMAT)
  },
}

function addInterval(date: DateTimeValue, interval: DateInterval, number: number): DateTimeValue {
  switch (interval) {
    case 'year':
      return addMonths(date, number * 12)
    case 'quarter':
      return addMonths(date, number * 3)
    case 'month':
      return addMonths(date, number)
    case 'dayOfYear':
    case 'day':
    case 'weekday':
      return addSeconds(date, number * SECONDS_PER_DAY)
    case 'weekOfYear':
      return addSeconds(date, number * 7 * SECONDS_PER_DAY)
    case 'hour':
      return addSeconds(date, number * 3600)
    case 'minute':
      return addSeconds(date, number * 60)
    case 'second':
      return addSeconds(date, number)
  }
}

/** DateDiff(interval, date1, date2): positive when date2 is later; null when either date is absent. */
export const DATE_DIFF_FUNCTION: FunctionDefinition = {
  name: 'DateDiff',
  signature: 'DateDiff(interval, date1, date2)',
  summary: 'The number of intervals (yyyy, m, d, ww, h, n, s) from date1 to date2; negative when date2 is earlier.',
  minArguments: 3,
  maxArguments: 3,
  evaluate(args, context) {
    const interval = readInterval(args[0] ?? MISSING, 'DateDiff')
    const date1 = readDateArgument(args[1] ?? MISSING, context, 'DateDiff')
    const date2 = readDateArgument(args[2] ?? MISSING, context, 'DateDiff')
    if (date1 === null || date2 === null) return null
    return dateDifference(interval, date1, date2)
  },
}

function dateDifference(interval: DateInterval, date1: DateTimeValue, date2: DateTimeValue): number {
  const parts1 = dateTimeParts(date1)
  const parts2 = dateTimeParts(date2)
  const wholeDays = (seconds: number): number => Math.trunc(seconds / SECONDS_PER_DAY)
  // `+ 0` turns −0 into 0.
  switch (interval) {
    case 'year':
      return parts2.year - parts1.year
    case 'quarter':
      return (parts2.year - parts1.year) * 4 + Math.floor((parts2.month - 1) / 3) - Math.floor((parts1.month - 1) / 3)
    case 'month':
      return (parts2.year - parts1.year) * 12 + parts2.month - parts1.month
    case 'dayOfYear':
    case 'day':
      return wholeDays(differenceInSeconds(date1, date2)) + 0
    case 'hour':
      return Math.trunc(differenceInSeconds(date1, date2) / 3600) + 0
    case 'minute':
      return Math.trunc(differenceInSeconds(date1, date2) / 60) + 0
    case 'second':
      return Math.trunc(differenceInSeconds(date1, date2)) + 0
    case 'weekday':
      return Math.trunc(wholeDays(differenceInSeconds(date1, date2)) / 7) + 0
    case 'weekOfYear': {
      // VB moves both dates back by GetDayOfWeek(date, Sunday) = 1…7 days, then counts whole weeks.
      const shift = (parts: { dayOfWeek: number }): number => ((parts.dayOfWeek + 7) % 7) + 1
      const seconds = differenceInSeconds(date1, date2) - (shift(parts2) - shift(parts1)) * SECONDS_PER_DAY
      return Math.trunc(wholeDays(seconds) / 7) + 0
    }
  }
}
