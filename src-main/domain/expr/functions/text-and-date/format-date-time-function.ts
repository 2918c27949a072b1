/**
 * FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat): DateTime.ParseExact with the
 * inputFormat and styles, then ToString(outputFormat), both with .NET format strings. Entra's
 * example: `FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")` turns
 * "20150123105347.1Z" into "2015-01-23".
 */
import { MISSING, type ArgumentValue } from '../../expr-value'
import { EvaluationError, type FunctionDefinition } from '../function-definition'
import { toText } from '../value-conversion'
import { formatDateTime } from './date-time-format'
import { DEFAULT_DATE_TIME_STYLES, parseDateTimeStyles } from './date-time-styles'
import { dateTimeFromDate } from './date-time-value'
import { parseDateTime } from './parse-date-time'
import { parseDateTimeExact } from './parse-date-time-exact'

export const FORMAT_DATE_TIME_FUNCTION: FunctionDefinition = {
  name: 'FormatDateTime',
  signature: 'FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat)',
  summary: 'Reads a date with a .NET inputFormat and writes it with a .NET outputFormat.',
  minArguments: 4,
  maxArguments: 4,
  evaluate(args, context) {
    const source = toText(args[0] ?? MISSING)
    const stylesText = toText(args[1] ?? MISSING)
    const inputFormat = toText(args[2] ?? MISSING)
    const outputFormat = requiredText(args[3] ?? MISSING, 'outputFormat')
    const styles = stylesText === null || stylesText.trim() === '' ? DEFAULT_DATE_TIME_STYLES : parseDateTimeStyles(stylesText)
    // An absent or empty source has no date to convert: null flows on (IgnoreFlowIfNullOrEmpty can drop it).
    if (source === null || source.trim() === '') return null
    const now = dateTimeFromDate(context.now)
    const date = inputFormat === null || inputFormat === '' ? parseDateTime(source, now, 'FormatDateTime') : parseDateTimeExact(source, inputFormat, styles, now)
    return formatDateTime(date, outputFormat)
  },
}

function requiredText(value: ArgumentValue, parameter: string): string {
  const text = toText(value)
  if (text === null || text === '') throw new EvaluationError('missingArgument', `FormatDateTime: ${parameter} is required.`, 'For example "yyyy-MM-dd".')
  return text
}
