import { describe, expect, it } from 'vitest'
import { DATE_FROM_NUM_FUNCTION, NUM_FROM_DATE_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/ad-date-functions'
import { CDATE_FUNCTION, DATE_ADD_FUNCTION, DATE_DIFF_FUNCTION, NOW_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/date-functions'
import { EvaluationError } from '../../../../../../src-main/domain/expr/functions/function-definition'
import { call, M } from './fixed-context'

describe('CDate returns the UTC date as M/d/yyyy h:mm:ss tt', () => {
  it.each([
    ['2020-03-16-07:00', '3/16/2020 7:00:00 AM'], // doc example 1
    ['2021-06-30+08:00', '6/29/2021 4:00:00 PM'], // doc example 2
    ['2009-06-15T01:45:30-07:00', '6/15/2009 8:45:30 AM'], // doc example 3
    ['2024-02-29T00:00:00Z', '2/29/2024 12:00:00 AM'],
    ['2024-02-29 12:00', '2/29/2024 12:00:00 PM'],
    ['2021-12-31T23:30:00-01:00', '1/1/2022 12:30:00 AM'],
    ['2021-06-30T10:00:00.1234567+05:30', '6/30/2021 4:30:00 AM'],
    ['8/25/2021 5:41:18 PM', '8/25/2021 5:41:18 PM'],
    ['12/31/99', '12/31/1999 12:00:00 AM'],
    ['1/2/49', '1/2/2049 12:00:00 AM'],
    ['January 1, 2012 11:00 PM', '1/1/2012 11:00:00 PM'],
    ['Sun, 15 Jun 2009 20:45:30 GMT', '6/15/2009 8:45:30 PM'],
    ['17:41', '11/23/2026 5:41:00 PM'],
  ])('CDate(%j) = %j', (input, expected) => {
    expect(call(CDATE_FUNCTION, input)).toBe(expected)
  })

  it('passes null through and reports text that is not a date', () => {
    expect(call(CDATE_FUNCTION, null)).toBeNull()
    expect(call(CDATE_FUNCTION, M)).toBeNull()
    for (const input of ['2023-02-29', 'not a date', '13/1/2020', '2020-01-01T24:00', '1:00 +15:00']) {
      expect(() => call(CDATE_FUNCTION, input), input).toThrow(EvaluationError)
    }
  })
})

describe('Now', () => {
  it('prints the context time and is volatile', () => {
    expect(call(NOW_FUNCTION)).toBe('11/23/2026 10:00:00 AM')
    expect(NOW_FUNCTION.isVolatile).toBe(true)
  })
})

describe('DateAdd adds VB intervals and prints M/d/yyyy h:mm:ss tt', () => {
  const hireDate = call(CDATE_FUNCTION, '2012-03-16-07:00') as string
  it.each([
    // The doc's table for DateAdd(interval, value, CDate("2012-03-16-07:00")).
    ['d', 7, hireDate, '3/23/2012 7:00:00 AM'],
    ['d', -10, hireDate, '3/6/2012 7:00:00 AM'],
    ['ww', 2, hireDate, '3/30/2012 7:00:00 AM'],
    ['m', 10, hireDate, '1/16/2013 7:00:00 AM'],
    ['yyyy', 2, hireDate, '3/16/2014 7:00:00 AM'],
    // AddMonths clamps to the month's last day; AddYears from Feb 29 lands on Feb 28.
    ['m', 1, '2024-01-31', '2/29/2024 12:00:00 AM'],
    ['m', 1, '2023-01-31', '2/28/2023 12:00:00 AM'],
    ['m', -1, '2024-03-31', '2/29/2024 12:00:00 AM'],
    ['yyyy', 1, '2024-02-29', '2/28/2025 12:00:00 AM'],
    ['h', 5, '2021-12-31T22:00:00Z', '1/1/2022 3:00:00 AM'],
    ['n', -90, '2021-01-01T00:30:00Z', '12/31/2020 11:00:00 PM'],
    ['s', 30, '2021-01-01T11:59:45Z', '1/1/2021 12:00:15 PM'],
    // The number is a VB Double truncated with Fix; the interval is read in any case.
    ['d', '7', '2021-01-01', '1/8/2021 12:00:00 AM'],
    ['d', 7.9, '2021-01-01', '1/8/2021 12:00:00 AM'],
    ['d', -7.9, '2021-01-08', '1/1/2021 12:00:00 AM'],
    ['D', 1, '2021-01-01', '1/2/2021 12:00:00 AM'],
  ])('DateAdd(%j, %j, %j) = %j', (interval, value, date, expected) => {
    expect(call(DATE_ADD_FUNCTION, interval, value, date)).toBe(expected)
  })

  it('gives null for an absent date and reports bad intervals, numbers and overflows', () => {
    expect(call(DATE_ADD_FUNCTION, 'd', 1, null)).toBeNull()
    expect(() => call(DATE_ADD_FUNCTION, 'x', 1, '2021-01-01')).toThrow(EvaluationError)
    expect(() => call(DATE_ADD_FUNCTION, 'd', 'seven', '2021-01-01')).toThrow(EvaluationError)
    expect(() => call(DATE_ADD_FUNCTION, 'yyyy', 8000, '2021-01-01')).toThrow(EvaluationError)
    expect(() => call(DATE_ADD_FUNCTION, 'd', -1, '0001-01-01')).toThrow(EvaluationError)
  })
})

describe('DateDiff counts intervals from date1 to date2 as VB does', () => {
  it.each([
    // The doc's table.
    ['d', '2021-08-18+08:00', '2021-08-31+08:00', 13],
    ['d', '8/25/2021 5:41:18 PM', '2012-03-16-07:00', -3449],
    ['ww', '8/25/2021 5:41:18 PM', '2012-03-16-07:00', -493],
    ['m', '8/25/2021 5:41:18 PM', '2012-03-16-07:00', -113],
    ['yyyy', '8/25/2021 5:41:18 PM', '2012-03-16-07:00', -9],
    ['d', '2021-08-31+08:00', '2021-08-31+08:00', 0],
    ['h', '2021-08-24', '2021-08-25', 24],
    ['n', '2021-08-24', '2021-08-25', 1440],
    ['s', '2021-08-24', '2021-08-25', 86400],
    // Days are whole elapsed days; months and years are calendar boundaries.
    ['d', '2024-01-01T12:00:00Z', '2024-01-02T11:59:59Z', 0],
    ['d', '2024-02-28', '2024-03-01', 2],
    ['d', '2023-02-28', '2023-03-01', 1],
    ['yyyy', '2024-12-31', '2025-01-01', 1],
    ['m', '2024-01-31', '2024-02-01', 1],
    ['h', '2021-08-25T10:30:00Z', '2021-08-25T08:00:00Z', -2],
    // ww counts Sunday-first calendar weeks: Saturday to the next day is one week.
    ['ww', '2021-08-21', '2021-08-22', 1],
    ['ww', '2021-08-22', '2021-08-28', 0],
  ])('DateDiff(%j, %j, %j) = %j', (interval, date1, date2, expected) => {
    expect(call(DATE_DIFF_FUNCTION, interval, date1, date2)).toBe(expected)
  })

  it('reads Now() and CDate() results, gives null for an absent date', () => {
    expect(call(DATE_DIFF_FUNCTION, 'd', call(NOW_FUNCTION) as string, call(CDATE_FUNCTION, '2026-11-30T10:00:00Z') as string)).toBe(7)
    expect(call(DATE_DIFF_FUNCTION, 'd', null, '2021-01-01')).toBeNull()
    expect(() => call(DATE_DIFF_FUNCTION, 'fortnight', '2021-01-01', '2021-01-02')).toThrow(EvaluationError)
  })
})

describe('DateFromNum and NumFromDate convert Active Directory large integers', () => {
  it.each([
    [129699324000000000, '1/1/2012 11:00:00 PM'], // doc: January 1, 2012 at 11:00PM
    ['129699324000000000', '1/1/2012 11:00:00 PM'],
    [0, '1/1/1601 12:00:00 AM'],
    ['2650467743999999999', '12/31/9999 11:59:59 PM'],
  ])('DateFromNum(%j) = %j', (input, expected) => {
    expect(call(DATE_FROM_NUM_FUNCTION, input)).toBe(expected)
  })

  it('reports values outside .NET file times', () => {
    expect(call(DATE_FROM_NUM_FUNCTION, null)).toBeNull()
    for (const input of ['9223372036854775807', -1, 'soon', 1.5]) expect(() => call(DATE_FROM_NUM_FUNCTION, input)).toThrow(EvaluationError)
  })

  it.each([
    // The doc's Workday example joins "2020-12-31" and " 23:59:59-08:00".
    ['2020-12-31 23:59:59-08:00', '132539615990000000'],
    ['2012-01-01T23:00:00Z', '129699324000000000'],
    ['1601-01-01T00:00:00Z', '0'],
    ['2021-01-01T00:00:00.0000001Z', '132539328000000001'],
  ])('NumFromDate(%j) = %j', (input, expected) => {
    expect(call(NUM_FROM_DATE_FUNCTION, input)).toBe(expected)
  })

  it('round-trips through DateFromNum and rejects dates before 1601', () => {
    const number = call(NUM_FROM_DATE_FUNCTION, '2009-06-15T01:45:30-07:00') as string
    expect(call(DATE_FROM_NUM_FUNCTION, number)).toBe('6/15/2009 8:45:30 AM')
    expect(() => call(NUM_FROM_DATE_FUNCTION, '1600-12-31')).toThrow(EvaluationError)
    expect(call(NUM_FROM_DATE_FUNCTION, null)).toBeNull()
  })
})
