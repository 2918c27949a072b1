/**
 * DateFromNum and NumFromDate: Active Directory's large-integer dates (accountExpires,
 * lastLogonTimestamp), 100-nanosecond intervals since 1601-01-01 UTC — .NET's FromFileTimeUtc
 * and ToFileTimeUtc. The numbers pass 2^53, so they are computed with BigInt and NumFromDate
 * returns them as digit text ("132539615990000000"), exact and ready for a directory attribute.
 */
import { MISSING } from '../../expr-value'
import { EvaluationError, type FunctionDefinition } from '../function-definition'
import { describeValue, toText } from '../value-conversion'
import { readDateArgument } from './date-functions'
import { ENTRA_DATE_FORMAT, formatDateTime } from './date-time-format'
import { daysFromCivil, SECONDS_PER_DAY, TICKS_PER_SECOND, type DateTimeValue } from './date-time-value'

const FILE_TIME_EPOCH_SECONDS = BigInt(daysFromCivil(1601, 1, 1) * SECONDS_PER_DAY)
const TICKS = BigInt(TICKS_PER_SECOND)
/** DateTime.MaxValue.ToFileTimeUtc(): larger file times are out of .NET's range. */
const MAX_FILE_TIME = 2_650_467_743_999_999_999n

/** DateFromNum(value): an AD large integer as a UTC date in `M/d/yyyy h:mm:ss tt`. */
export const DATE_FROM_NUM_FUNCTION: FunctionDefinition = {
  name: 'DateFromNum',
  signature: 'DateFromNum(value)',
  summary: 'Converts an Active Directory date (100-ns intervals since 1601) to a UTC date.',
  minArguments: 1,
  maxArguments: 1,
  evaluate(args) {
    const value = args[0] ?? MISSING
    const fileTime = typeof value === 'number' ? (Number.isInteger(value) ? BigInt(value) : null) : readInteger(toText(value))
    if (fileTime === undefined) return null
    if (fileTime === null || fileTime < 0n || fileTime > MAX_FILE_TIME) {
      throw new EvaluationError('invalidDate', `DateFromNum: ${describeValue(value)} is not an Active Directory date.`, 'It takes 100-nanosecond intervals since 1601-01-01, such as 129699324000000000.')
    }
    const date: DateTimeValue = { seconds: Number(fileTime / TICKS + FILE_TIME_EPOCH_SECONDS), ticks: Number(fileTime % TICKS), kind: 'utc' }
    return formatDateTime(date, ENTRA_DATE_FORMAT)
  },
}

/** Digits as a BigInt; undefined for an absent value, null for text that is not a whole number. */
function readInteger(text: string | null): bigint | null | undefined {
  if (text === null) return undefined
  const trimmed = text.trim()
  return /^-?\d{1,20}$/.test(trimmed) ? BigInt(trimmed) : null
}

/** NumFromDate(value): an ISO 8601 date as an AD large integer (digit text). */
export const NUM_FROM_DATE_FUNCTION: FunctionDefinition = {
  name: 'NumFromDate',
  signature: 'NumFromDate(value)',
  summary: 'Converts an ISO 8601 date to an Active Directory date (e.g. for accountExpires).',
  minArguments: 1,
  maxArguments: 1,
  evaluate(args, context) {
    const date = readDateArgument(args[0] ?? MISSING, context, 'NumFromDate')
    if (date === null) return null
    const fileTime = (BigInt(date.seconds) - FILE_TIME_EPOCH_SECONDS) * TICKS + BigInt(date.ticks)
    if (fileTime < 0n) throw new EvaluationError('dateOutOfRange', 'NumFromDate: dates before 1601-01-01 have no Active Directory value.')
    return fileTime.toString()
  },
}
