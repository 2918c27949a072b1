/**
 * A .NET DateTime as the date functions need it: whole seconds since 0001-01-01T00:00:00 plus the
 * 100-nanosecond ticks of the current second, and the DateTimeKind that decides how `K` prints.
 * Calendar arithmetic is proleptic Gregorian (as .NET's GregorianCalendar) and done here by hand:
 * JavaScript's Date maps years 0–99 to 19xx and knows no ticks.
 *
 * The machine's local time zone is taken to be UTC, as on Entra's provisioning servers: a value
 * parsed with an offset is converted to UTC clock time, and "local" prints `+00:00`.
 */
import { EvaluationError } from '../function-definition'

/** DateTimeKind: Utc prints `K` as "Z", Local as "+00:00", Unspecified as "". */
export type DateTimeKind = 'utc' | 'local' | 'unspecified'

export interface DateTimeValue {
  /** Whole seconds since 0001-01-01T00:00:00 (DateTime.MinValue). */
  readonly seconds: number
  /** 100-ns ticks within the second, 0 to 9 999 999. */
  readonly ticks: number
  readonly kind: DateTimeKind
}

/** The parts of a DateTimeValue, as the format strings read them. */
export interface DateTimeParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly ticks: number
  /** 0 = Sunday … 6 = Saturday, as System.DayOfWeek. */
  readonly dayOfWeek: number
}

export const TICKS_PER_SECOND = 10_000_000
export const SECONDS_PER_DAY = 86_400
/** Days from 0001-01-01 to 1970-01-01. */
const UNIX_EPOCH_DAY = 719_162
/** DateTime.MaxValue: 9999-12-31T23:59:59.9999999. */
const MAX_SECONDS = daysFromCivil(9999, 12, 31) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1

/** Days since 0001-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468 + UNIX_EPOCH_DAY
}

/** The inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days - UNIX_EPOCH_DAY + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Builds a value from parts; parts out of range (Feb 30, hour 24, year 0) are an EvaluationError. */
export function dateTimeFromParts(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ticks?: number },
  kind: DateTimeKind,
): DateTimeValue {
  const { year, month, day, hour = 0, minute = 0, second = 0, ticks = 0 } = parts
  const valid =
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ticks >= 0 && ticks < TICKS_PER_SECOND
  if (!valid) throw outOfRange(`${year}-${month}-${day} ${hour}:${minute}:${second}`)
  return { seconds: daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second, ticks, kind }
}

/** Year, month, day, time of day and day of week of a value. */
export function dateTimeParts(value: DateTimeValue): DateTimeParts {
  const days = Math.floor(value.seconds / SECONDS_PER_DAY)
  const secondOfDay = value.seconds - days * SECONDS_PER_DAY
  const { year, month, day } = civilFromDays(days)
  // 0001-01-01 was a Monday.
  const dayOfWeek = (days + 1) % 7
  return { year, month, day, hour: Math.floor(secondOfDay / 3600), minute: Math.floor(secondOfDay / 60) % 60, second: secondOfDay % 60, ticks: value.ticks, dayOfWeek }
}

/** Adds a (possibly fractional, possibly negative) number of seconds, as DateTime.AddSeconds. */
export function addSeconds(value: DateTimeValue, seconds: number): DateTimeValue {
  const whole = Math.floor(seconds)
  let ticks = value.ticks + Math.round((seconds - whole) * TICKS_PER_SECOND)
  let total = value.seconds + whole
  if (ticks >= TICKS_PER_SECOND) {
    ticks -= TICKS_PER_SECOND
    total += 1
  }
  return checkedValue({ seconds: total, ticks, kind: value.kind })
}

/** DateTime.AddMonths: the day is clamped to the target month's length (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(value: DateTimeValue, months: number): DateTimeValue {
  const parts = dateTimeParts(value)
  const monthIndex = parts.year * 12 + (parts.month - 1) + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12 + 1
  if (year < 1 || year > 9999) throw outOfRange(`${year}-${month}`)
  const day = Math.min(parts.day, daysInMonth(year, month))
  return dateTimeFromParts({ ...parts, year, month, day }, value.kind)
}

/** value2 − value1 in seconds, fractions included (TimeSpan.TotalSeconds). */
export function differenceInSeconds(value1: DateTimeValue, value2: DateTimeValue): number {
  return value2.seconds - value1.seconds + (value2.ticks - value1.ticks) / TICKS_PER_SECOND
}

/** The same instant with another kind. */
export function withKind(value: DateTimeValue, kind: DateTimeKind): DateTimeValue {
  return { ...value, kind }
}

function checkedValue(value: DateTimeValue): DateTimeValue {
  if (!Number.isFinite(value.seconds) || value.seconds < 0 || value.seconds > MAX_SECONDS) throw outOfRange('the result')
  return value
}

function outOfRange(what: string): EvaluationError {
  return new EvaluationError('dateOutOfRange', `The date ${what} is not a valid date between 1/1/0001 and 12/31/9999.`)
}

/** The evaluation context's `now` (a JavaScript Date) as a UTC value. */
export function dateTimeFromDate(date: Date): DateTimeValue {
  const milliseconds = date.getTime()
  const seconds = Math.floor(milliseconds / 1000)
  return checkedValue({ seconds: seconds + UNIX_EPOCH_DAY * SECONDS_PER_DAY, ticks: (milliseconds - seconds * 1000) * 10_000, kind: 'utc' })
}
