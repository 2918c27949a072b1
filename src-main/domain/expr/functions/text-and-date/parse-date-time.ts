/**
 * The lenient date reading of CDate, DateAdd, DateDiff and NumFromDate — the subset of .NET's
 * DateTime.Parse (en-US) that HR and directory attributes use:
 * - ISO 8601: `2009-06-15T01:45:30.5-07:00`, `2021-08-24`, and a zone right after the date as
 *   Workday sends it (`2020-03-16-07:00`);
 * - en-US numbers: `8/25/2021 5:41:18 PM` (what CDate and Now print), `8-25-21`, `2021/8/25`;
 * - month names: `January 1, 2012 11:00 PM`, `Sun, 15 Jun 2009 20:45:30 GMT`;
 * - a time alone (`17:41`), which is on the evaluation's current date.
 * Zones are `Z`, `GMT`, `UTC`, `±hh`, `±hhmm`, `±hh:mm`. The result is UTC: a time without a zone
 * is taken as UTC (the provisioning servers' local zone).
 */
import { EvaluationError } from '../function-definition'
import { MONTH_NAMES } from './date-time-format'
import { addSeconds, dateTimeFromParts, dateTimeParts, type DateTimeValue } from './date-time-value'

const MONTH = `(${[...MONTH_NAMES, ...MONTH_NAMES.map((name) => name.slice(0, 3))].join('|')})\\.?`
const WEEKDAY = '(?:(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\\.?,?\\s+)?'
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s*(am|pm|a|p))?'
const ZONE = '(z|gmt|utc|[+-]\\d{1,2}(?::?\\d{2})?)'
const TAIL = new RegExp(`^(?:(?:t|\\s+|,\\s*)${TIME})?\\s*${ZONE}?$`, 'i')
const TIME_ONLY = new RegExp(`^${TIME}\\s*${ZONE}?$`, 'i')

interface DateForm {
  readonly pattern: RegExp
  /** Year, month and day from the match. */
  read(match: RegExpExecArray): { year: number; month: number; day: number; isTwoDigitYear: boolean }
}

const monthNumber = (name: string): number => MONTH_NAMES.findIndex((month) => month.toLowerCase().startsWith(name.slice(0, 3).toLowerCase())) + 1

const DATE_FORMS: readonly DateForm[] = [
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})/, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), isTwoDigitYear: false }) },
  { pattern: /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})/, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), isTwoDigitYear: false }) },
  {
    pattern: /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/,
    read: (m) => ({ year: Number(m[4]), month: Number(m[1]), day: Number(m[3]), isTwoDigitYear: (m[4] ?? '').length === 2 }),
  },
  {
    pattern: new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'i'),
    read: (m) => ({ year: Number(m[3]), month: monthNumber(m[1] ?? ''), day: Number(m[2]), isTwoDigitYear: false }),
  },
  {
    pattern: new RegExp(`^${WEEKDAY}(\\d{1,2})[\\s-]+${MONTH}[\\s,-]+(\\d{4})`, 'i'),
    read: (m) => ({ year: Number(m[3]), month: monthNumber(m[2] ?? ''), day: Number(m[1]), isTwoDigitYear: false }),
  },
]

/** Reads a date string as described above; text it cannot read is an EvaluationError. */
export function parseDateTime(text: string, now: DateTimeValue, functionName: string): DateTimeValue {
  const trimmed = text.trim()
  const fail = (): EvaluationError =>
    new EvaluationError('invalidDate', `${functionName}: “${text}” is not a date.`, 'Write dates as ISO 8601 ("2021-06-30T10:00:00Z") or M/d/yyyy h:mm:ss tt; use FormatDateTime for other formats.')
  let date: { year: number; month: number; day: number } | undefined
  let tail: RegExpExecArray | null = null
  for (const form of DATE_FORMS) {
    const match = form.pattern.exec(trimmed)
    if (match === null) continue
    tail = TAIL.exec(trimmed.slice(match[0].length))
    if (tail === null) continue
    const read = form.read(match)
    date = { ...read, year: read.isTwoDigitYear ? (read.year <= 49 ? 2000 + read.year : 1900 + read.year) : read.year }
    break
  }
  if (date === undefined) {
    tail = TIME_ONLY.exec(trimmed)
    if (tail === null) throw fail()
    // A time alone is on the current date, as DateTime.Parse does.
    const today = dateTimeParts(now)
    date = { year: today.year, month: today.month, day: today.day }
  }
  const [, hourText, minuteText, secondText, fractionText, meridiem, zone] = tail ?? []
  let hour = Number(hourText ?? 0)
  if (meridiem !== undefined) {
    if (hour > 12) throw fail()
    const isPm = meridiem.toLowerCase().startsWith('p')
    if (isPm && hour < 12) hour += 12
    if (!isPm && hour === 12) hour = 0
  }
  const ticks = fractionText === undefined ? 0 : Math.min(Math.round(Number(`0.${fractionText}`) * 10_000_000), 9_999_999)
  let value: DateTimeValue
  try {
    value = dateTimeFromParts({ ...date, hour, minute: Number(minuteText ?? 0), second: Number(secondText ?? 0), ticks }, 'utc')
  } catch {
    throw fail()
  }
  const offsetMinutes = zone === undefined ? 0 : zoneOffsetMinutes(zone)
  if (offsetMinutes === undefined) throw fail()
  return addSeconds(value, -offsetMinutes * 60)
}

/** Minutes east of UTC of `Z`, `GMT`, `+08`, `-0700` or `+05:30`; undefined when out of range. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)
  if (match === null) return 0
  const hours = Number(match[2])
  const minutes = Number(match[3] ?? 0)
  if (hours > 14 || minutes > 59) return undefined
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}
