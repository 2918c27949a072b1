/**
 * System.Globalization.DateTimeStyles, the second argument of FormatDateTime
 * (https://learn.microsoft.com/dotnet/api/system.globalization.datetimestyles). Entra's default,
 * for an empty slot, is RoundtripKind, AllowLeadingWhite, AllowTrailingWhite.
 */
import { EvaluationError } from '../function-definition'

export const DATE_TIME_STYLES = {
  None: 0,
  AllowLeadingWhite: 1,
  AllowTrailingWhite: 2,
  AllowInnerWhite: 4,
  AllowWhiteSpaces: 7,
  NoCurrentDateDefault: 8,
  AdjustToUniversal: 16,
  AssumeLocal: 32,
  AssumeUniversal: 64,
  RoundtripKind: 128,
} as const

export const DEFAULT_DATE_TIME_STYLES = DATE_TIME_STYLES.RoundtripKind | DATE_TIME_STYLES.AllowLeadingWhite | DATE_TIME_STYLES.AllowTrailingWhite

const ALL_STYLES = 255
const NAMES = new Map(Object.entries(DATE_TIME_STYLES).map(([name, flag]) => [name.toLowerCase(), flag]))

/**
 * Reads "RoundtripKind, AllowLeadingWhite" (names as Enum.Parse reads them, any case, comma
 * separated) or a number ("32"); checks the combinations .NET rejects.
 */
export function parseDateTimeStyles(text: string): number {
  const trimmed = text.trim()
  let styles = 0
  if (/^\d+$/.test(trimmed)) {
    styles = Number(trimmed)
  } else {
    for (const name of trimmed.split(',')) {
      const flag = NAMES.get(name.trim().replace(/^DateTimeStyles\./i, '').toLowerCase())
      if (flag === undefined) throw invalidStyles(text, `“${name.trim()}” is not a DateTimeStyles value`)
      styles |= flag
    }
  }
  if ((styles & ~ALL_STYLES) !== 0) throw invalidStyles(text, 'it has unknown flags')
  const { AssumeLocal, AssumeUniversal, AdjustToUniversal, RoundtripKind } = DATE_TIME_STYLES
  if ((styles & AssumeLocal) !== 0 && (styles & AssumeUniversal) !== 0) throw invalidStyles(text, 'AssumeLocal and AssumeUniversal exclude each other')
  if ((styles & RoundtripKind) !== 0 && (styles & (AssumeLocal | AssumeUniversal | AdjustToUniversal)) !== 0) {
    throw invalidStyles(text, 'RoundtripKind cannot be combined with AssumeLocal, AssumeUniversal or AdjustToUniversal')
  }
  return styles
}

function invalidStyles(text: string, reason: string): EvaluationError {
  return new EvaluationError('invalidDateTimeStyles', `The dateTimeStyles “${text}” are not valid: ${reason}.`, 'Leave the argument empty for the default, or write names such as "AdjustToUniversal, AllowWhiteSpaces".')
}
