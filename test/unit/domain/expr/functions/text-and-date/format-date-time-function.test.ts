import { describe, expect, it } from 'vitest'
import { EvaluationError } from '../../../../../../src-main/domain/expr/functions/function-definition'
import { FORMAT_DATE_TIME_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/format-date-time-function'
import { call, M } from './fixed-context'

const format = (source: string | null, styles: string | typeof M, inputFormat: string, outputFormat: string): unknown =>
  call(FORMAT_DATE_TIME_FUNCTION, source, styles, inputFormat, outputFormat)

describe('FormatDateTime parses with the inputFormat and prints with the outputFormat', () => {
  it.each<[string, string | typeof M, string, string, string]>([
    // The doc's examples (FormatDateTime and the NumFromDate recipes).
    ['20150123105347.1Z', M, 'yyyyMMddHHmmss.fZ', 'yyyy-MM-dd', '2015-01-23'],
    ['2020-12-31-08:00', M, 'yyyy-MM-ddzzz', 'yyyy-MM-dd', '2020-12-31'],
    ['12/31/2020 11:59:59 PM', M, 'M/d/yyyy hh:mm:ss tt', 'yyyy-MM-dd', '2020-12-31'],
    // Styles as a number (32 = AssumeLocal) and as names.
    ['23/11/2026', '32', 'dd/MM/yyyy', 'yyyy-MM-dd', '2026-11-23'],
    ['2015-01-23T10:53:00+02:00', M, "yyyy-MM-dd'T'HH:mm:sszzz", 'HH:mm K', '08:53 +00:00'],
    ['2015-01-23T10:53:00+02:00', 'AdjustToUniversal', "yyyy-MM-dd'T'HH:mm:sszzz", 'HH:mm K', '08:53 Z'],
    ['2015-01-23 10:53', M, 'yyyy-MM-dd HH:mm', 'yyyy-MM-ddTHH:mm:ssK', '2015-01-23T10:53:00'],
    ['20150123105347.1Z', M, 'yyyyMMddHHmmss.fZ', 'o', '2015-01-23T10:53:47.1000000Z'],
    ['20150123105347.1Z', M, 'yyyyMMddHHmmss.fZ', 's', '2015-01-23T10:53:47'],
    ['20150123105347.1Z', M, 'yyyyMMddHHmmss.fZ', 'd', '1/23/2015'],
    ['20150123105347.1Z', M, 'yyyyMMddHHmmss.fZ', 'yyyyMMddHHmmss.fZ', '20150123105347.1Z'],
    // 12 AM is midnight, 12 PM noon, both ways.
    ['12:30 AM', M, 'hh:mm tt', 'HH:mm', '00:30'],
    ['12:30 PM', M, 'hh:mm tt', 'HH:mm', '12:30'],
    ['00:30', M, 'HH:mm', 'h:mm tt', '12:30 AM'],
    ['13:05', M, 'HH:mm', 'h:mm t', '1:05 P'],
    // Names, literals, escapes.
    ['23 Nov 2026', M, 'dd MMM yyyy', 'dddd, MMMM d, yyyy', 'Monday, November 23, 2026'],
    ['Monday 2026-11-23', M, 'dddd yyyy-MM-dd', 'ddd dd/MM/yy', 'Mon 23/11/26'],
    ['2026-11-23', M, 'yyyy-MM-dd', "'Year' yyyy, \\d\\a\\y d", 'Year 2026, day 23'],
    ['2026-11-23', M, 'yyyy-MM-dd', '"on" %d', 'on 23'],
    // Fractions: f keeps digits, F trims zeros and a dangling '.'.
    ['10:53:47.1200', M, 'HH:mm:ss.ffff', 'ss.FFF', '47.12'],
    ['10:53:47.0000', M, 'HH:mm:ss.ffff', 'ss.FFF', '47'],
    ['10:53:47.1', M, 'HH:mm:ss.FFF', 'fff', '100'],
    ['10:53:47', M, 'HH:mm:ss.FFF', 'ss', '47'],
    // Years.
    ['2009-06-15', M, 'yyyy-MM-dd', '%y', '9'],
    ['2009-06-15', M, 'yyyy-MM-dd', 'yy', '09'],
    ['2009-06-15', M, 'yyyy-MM-dd', 'yyyyy', '02009'],
    ['01/23/49', M, 'MM/dd/yy', 'yyyy', '2049'],
    ['01/23/50', M, 'MM/dd/yy', 'yyyy', '1950'],
    ['2024-02-29', M, 'yyyy-MM-dd', 'MMMM d', 'February 29'],
    // Missing parts default as .NET's ParseExact: a time alone is today, a year alone January 1.
    ['10:53', M, 'HH:mm', 'yyyy-MM-dd HH:mm', '2026-11-23 10:53'],
    ['2015', M, 'yyyy', 'yyyy-MM-dd', '2015-01-01'],
    ['01-23', M, 'MM-dd', 'yyyy-MM-dd', '2026-01-23'],
    ['10:53', 'NoCurrentDateDefault', 'HH:mm', 'yyyy-MM-dd', '0001-01-01'],
    // Whitespace: leading and trailing by default, inner only with AllowInnerWhite.
    ['  2015-01-23  ', M, 'yyyy-MM-dd', 'yyyy', '2015'],
    ['2015-01-23   10:53', 'AllowWhiteSpaces', 'yyyy-MM-dd HH:mm', 'HH:mm', '10:53'],
  ])('FormatDateTime(%j, %j, %j, %j) = %j', (source, styles, inputFormat, outputFormat, expected) => {
    expect(format(source, styles, inputFormat, outputFormat)).toBe(expected)
  })

  it('passes an absent or empty source on as null', () => {
    expect(format(null, M, 'yyyy', 'yyyy')).toBeNull()
    expect(format('', M, 'yyyy', 'yyyy')).toBeNull()
  })

  it.each<[string, string | typeof M, string, string]>([
    ['2015-01-23', M, 'yyyyMMdd', 'yyyy'],
    ['2015-01-23  10:53', M, 'yyyy-MM-dd HH:mm', 'HH:mm'],
    ['2023-02-29', M, 'yyyy-MM-dd', 'yyyy'],
    ['Tuesday 2026-11-23', M, 'dddd yyyy-MM-dd', 'yyyy'],
    ['13:00 PM', M, 'HH:mm tt', 'HH'],
    ['2015', M, "yyyy'", 'yyyy'],
    ['2015', M, 'yyyy', 'ffffffff'],
    ['2015', M, 'yyyy', 'Q'],
    ['2015', M, 'yyyy', ''],
    ['2015', 'RoundtripKind, AdjustToUniversal', 'yyyy', 'yyyy'],
    ['2015', 'AssumeLocal, AssumeUniversal', 'yyyy', 'yyyy'],
    ['2015', 'Bogus', 'yyyy', 'yyyy'],
    ['2015', '512', 'yyyy', 'yyyy'],
  ])('FormatDateTime(%j, %j, %j, %j) is an EvaluationError', (source, styles, inputFormat, outputFormat) => {
    expect(() => format(source, styles, inputFormat, outputFormat)).toThrow(EvaluationError)
  })
})
