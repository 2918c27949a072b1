import { describe, expect, it } from 'vitest'
import { isSameThumbprint, thumbprintHex } from '../../../../src-main/domain/health/signing-thumbprint'

const HEX = '3A6F0C1B2D4E5F60718293A4B5C6D7E8F9011223'
const base64OfBytes = Buffer.from(HEX, 'hex').toString('base64')
const base64OfText = Buffer.from(HEX, 'utf8').toString('base64')

describe('thumbprintHex', () => {
  it.each([
    ['hex text, upper case', HEX, HEX.toLowerCase()],
    ['hex text, lower case with spaces around', `  ${HEX.toLowerCase()} `, HEX.toLowerCase()],
    ['base64 of the 20 thumbprint bytes (Graph Edm.Binary)', base64OfBytes, HEX.toLowerCase()],
    ['base64 of the hex text', base64OfText, HEX.toLowerCase()],
    ['a key id that is no thumbprint', 'c29tZSBrZXkgaWQ=', null],
    ['too short hex', 'ABCDEF', null],
    ['empty', '', null],
    ['null', null, null],
  ])('%s', (_label, value, expected) => {
    expect(thumbprintHex(value)).toBe(expected)
  })
})

describe('isSameThumbprint', () => {
  it('compares hex case-insensitively and across spellings', () => {
    expect(isSameThumbprint(HEX, HEX.toLowerCase())).toBe(true)
    expect(isSameThumbprint(base64OfBytes, HEX)).toBe(true)
    expect(isSameThumbprint(HEX, '0000000000000000000000000000000000000000')).toBe(false)
  })

  it('never matches missing values to each other', () => {
    expect(isSameThumbprint(null, null)).toBe(false)
    expect(isSameThumbprint('nothing', 'nothing')).toBe(false)
  })
})
