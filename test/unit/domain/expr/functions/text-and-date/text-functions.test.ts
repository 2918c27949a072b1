import { describe, expect, it } from 'vitest'
import { EvaluationError } from '../../../../../../src-main/domain/expr/functions/function-definition'
import { CONVERT_TO_BASE64_FUNCTION, CONVERT_TO_UTF8_HEX_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/encoding-functions'
import { GUID_FUNCTION, REDACT_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/guid-and-redact-functions'
import { NORMALIZE_DIACRITICS_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/normalize-diacritics-function'
import { PCASE_FUNCTION } from '../../../../../../src-main/domain/expr/functions/text-and-date/pcase-function'
import {
  CAPITAL_LETTERS,
  DIGITS,
  LOWER_CASE_LETTERS,
  RANDOM_STRING_FUNCTION,
  SPECIAL_CHARACTERS,
} from '../../../../../../src-main/domain/expr/functions/text-and-date/random-string-function'
import type { ArgumentValue } from '../../../../../../src-main/domain/expr/expr-value'
import { TEXT_AND_DATE_FUNCTIONS } from '../../../../../../src-main/domain/expr/functions/text-and-date'
import { call, FIXED_GUID, fixedContext, M } from './fixed-context'

describe('PCase', () => {
  it.each<[string, ArgumentValue, string]>([
    // The doc's examples.
    ['PABLO GONSALVES (SECOND)', M, 'Pablo Gonsalves (Second)'],
    ["PINTO-DE'SILVA", " '-", "Pinto-De'Silva"],
    ['GREGORY JAMES', M, 'Gregory James'],
    // ToTitleCase's word breaks and quirks.
    ['jean-luc picard', M, 'Jean-Luc Picard'],
    ["o'neil", M, "O'neil"],
    ['3rd street', M, '3Rd Street'],
    ['hello_world', M, 'Hello_World'],
    ['r2d2 unit', M, 'R2d2 Unit'],
    ['ÉLODIE ßTRASSE', M, 'Élodie ßtrasse'],
    ['\u01C6ukic', M, '\u01C5ukic'],
    ['mcdonald', '', 'Mcdonald'],
    // With separators only those split words.
    ["o'neil-smith", '-', "O'neil-Smith"],
    ['anne marie', '-', 'Anne marie'],
    ['', M, ''],
  ])('PCase(%j, %j) = %j', (source, separators, expected) => {
    expect(call(PCASE_FUNCTION, source, separators)).toBe(expected)
  })

  it('passes null through', () => {
    expect(call(PCASE_FUNCTION, null)).toBeNull()
  })
})

describe('NormalizeDiacritics uses the doc’s table', () => {
  it.each([
    ['Zoë', 'Zoe'], // doc example
    ['ß', 'ss'],
    ['æ Æ ǣ', 'ae AE ae'],
    ['ø Ø', 'oe OE'],
    ['José García-Müller', 'Jose Garcia-Muller'],
    ['Łukasz Żółć', 'Lukasz Zolc'],
    ['Ștefan Țăran Şahin Ğul İrem ıšık', 'Stefan Taran Sahin Gul Irem isik'],
    ['Ḗḕ ǖṻ ȫȭȱ', 'Ee uu ooo'],
    // Sequences with stacked marks, and decomposed input.
    ['a\u0304\u0301', 'a'],
    ['e\u030A\u0304', 'e'],
    ['u\u0307\u0304', 'u'],
    ['œ\u0304', 'oe'],
    ['e\u0301', 'e'],
    // Outside the table: unchanged (the doc names no fallback).
    ['œ Đ ħ', 'œ Đ ħ'],
    ['Renée 12-34', 'Renee 12-34'],
  ])('NormalizeDiacritics(%j) = %j', (source, expected) => {
    expect(call(NORMALIZE_DIACRITICS_FUNCTION, source)).toBe(expected)
  })

  it('passes null through', () => {
    expect(call(NORMALIZE_DIACRITICS_FUNCTION, null)).toBeNull()
  })
})

describe('ConvertToBase64 (UTF-16LE) and ConvertToUTF8Hex', () => {
  it.each([
    ['Hello world!', 'SABlAGwAbABvACAAdwBvAHIAbABkACEA', '48656C6C6F20776F726C6421'], // doc examples
    ['', '', ''],
    ['é', '6QA=', 'C3A9'],
    ['😀', 'PdgA3g==', 'F09F9880'],
    ['ab', 'YQBiAA==', '6162'],
    ['\uD800', '/f8=', 'EFBFBD'],
  ])('%j', (source, base64, hex) => {
    expect(call(CONVERT_TO_BASE64_FUNCTION, source)).toBe(base64)
    expect(call(CONVERT_TO_UTF8_HEX_FUNCTION, source)).toBe(hex)
  })

  it('pass null through', () => {
    expect(call(CONVERT_TO_BASE64_FUNCTION, null)).toBeNull()
    expect(call(CONVERT_TO_UTF8_HEX_FUNCTION, null)).toBeNull()
  })
})

describe('Guid and Redact', () => {
  it('Guid comes from the context', () => {
    expect(call(GUID_FUNCTION)).toBe(FIXED_GUID)
    expect(GUID_FUNCTION.isVolatile).toBe(true)
  })

  it('Redact returns its value unchanged', () => {
    expect(call(REDACT_FUNCTION, 'StringToBeRedacted')).toBe('StringToBeRedacted')
    expect(call(REDACT_FUNCTION, ['a', 'b'])).toEqual(['a', 'b'])
    expect(call(REDACT_FUNCTION, null)).toBeNull()
  })
})

describe('RandomString', () => {
  const countOf = (text: string, pool: string): number => [...text].filter((character) => pool.includes(character)).length

  it('meets the doc’s example 1: RandomString(6,3,0,0,3)', () => {
    const value = call(RANDOM_STRING_FUNCTION, 6, 3, 0, 0, 3) as string
    expect(value).toHaveLength(6)
    expect(countOf(value, DIGITS)).toBe(3)
    expect(countOf(value, LOWER_CASE_LETTERS)).toBe(3)
  })

  it('meets the doc’s example 2 over many seeds: RandomString(10,2,2,2,1,"?,")', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const value = RANDOM_STRING_FUNCTION.evaluate([10, 2, 2, 2, 1, '?,'], fixedContext(seed)) as string
      expect(value).toHaveLength(10)
      expect(countOf(value, DIGITS)).toBeGreaterThanOrEqual(2)
      expect(countOf(value, SPECIAL_CHARACTERS)).toBeGreaterThanOrEqual(2)
      expect(countOf(value, CAPITAL_LETTERS)).toBeGreaterThanOrEqual(2)
      expect(countOf(value, LOWER_CASE_LETTERS)).toBeGreaterThanOrEqual(1)
      expect(value).not.toMatch(/[?,]/)
    }
  })

  it('is deterministic for a seed, varies across seeds, and reaches 256 characters', () => {
    const first = RANDOM_STRING_FUNCTION.evaluate([16, 4, 4, 4, 4], fixedContext(7))
    expect(RANDOM_STRING_FUNCTION.evaluate([16, 4, 4, 4, 4], fixedContext(7))).toBe(first)
    expect(RANDOM_STRING_FUNCTION.evaluate([16, 4, 4, 4, 4], fixedContext(8))).not.toBe(first)
    expect(call(RANDOM_STRING_FUNCTION, '256', '0', '0', '0', '0')).toHaveLength(256)
    expect(call(RANDOM_STRING_FUNCTION, 0, 0, 0, 0, 0)).toBe('')
    expect(RANDOM_STRING_FUNCTION.evaluate([8, 0, 0, 0, 0], { ...fixedContext(), random: () => 0.9999999999 })).toHaveLength(8)
  })

  it.each<ArgumentValue[]>([
    [257, 0, 0, 0, 0],
    [4, 2, 2, 1, 0],
    [4, -1, 0, 0, 0],
    [4.5, 0, 0, 0, 0],
    ['many', 0, 0, 0, 0],
    [4, 1, 0, 0, 0, DIGITS],
    [4, 0, 0, 0, 0, DIGITS + SPECIAL_CHARACTERS + CAPITAL_LETTERS + LOWER_CASE_LETTERS],
  ])('RandomString(%j, …) is an EvaluationError', (...args) => {
    expect(() => call(RANDOM_STRING_FUNCTION, ...args)).toThrow(EvaluationError)
  })
})

describe('the list of text-and-date functions', () => {
  it('has the 15 documented names, each with its documented signature', () => {
    expect(TEXT_AND_DATE_FUNCTIONS.map((definition) => definition.name).sort()).toEqual(
      ['CDate', 'ConvertToBase64', 'ConvertToUTF8Hex', 'DateAdd', 'DateDiff', 'DateFromNum', 'FormatDateTime', 'Guid', 'NormalizeDiacritics', 'Now', 'NumFromDate', 'PCase', 'RandomString', 'Redact', 'Replace'].sort(),
    )
    for (const definition of TEXT_AND_DATE_FUNCTIONS) {
      expect(definition.signature.startsWith(`${definition.name}(`), definition.name).toBe(true)
      expect(definition.minArguments).toBeLessThanOrEqual(definition.maxArguments)
    }
    expect(TEXT_AND_DATE_FUNCTIONS.filter((definition) => definition.isVolatile === true).map((definition) => definition.name).sort()).toEqual(['Guid', 'Now', 'RandomString'])
  })
})
