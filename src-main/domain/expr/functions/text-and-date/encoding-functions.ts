/**
 * ConvertToBase64 and ConvertToUTF8Hex. ConvertToBase64 encodes .NET's Encoding.Unicode, that is
 * UTF-16 little-endian ("Hello world!" → "SABlAGwAbABvACAAdwBvAHIAbABkACEA"); ConvertToUTF8Hex
 * prints UTF-8 bytes as upper-case hex. A lone surrogate becomes U+FFFD, as .NET's replacement
 * fallback does. Written by hand: domain code has no Buffer.
 */
import { MISSING } from '../../expr-value'
import type { FunctionDefinition } from '../function-definition'
import { toText } from '../value-conversion'

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Replaces unpaired surrogates with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** Standard base64 with padding (RFC 4648 §4). */
export function encodeBase64(bytes: Uint8Array): string {
  let result = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const byte1 = bytes[index] ?? 0
    const byte2 = bytes[index + 1] ?? 0
    const byte3 = bytes[index + 2] ?? 0
    const triple = (byte1 << 16) | (byte2 << 8) | byte3
    result += BASE64_ALPHABET.charAt((triple >> 18) & 63) + BASE64_ALPHABET.charAt((triple >> 12) & 63)
    result += index + 1 < bytes.length ? BASE64_ALPHABET.charAt((triple >> 6) & 63) : '='
    result += index + 2 < bytes.length ? BASE64_ALPHABET.charAt(triple & 63) : '='
  }
  return result
}

/** UTF-16LE code units of a string. */
export function utf16LittleEndianBytes(text: string): Uint8Array {
  const units = wellFormed(text)
  const bytes = new Uint8Array(units.length * 2)
  for (let index = 0; index < units.length; index++) {
    const unit = units.charCodeAt(index)
    bytes[index * 2] = unit & 0xff
    bytes[index * 2 + 1] = unit >> 8
  }
  return bytes
}

export const CONVERT_TO_BASE64_FUNCTION: FunctionDefinition = {
  name: 'ConvertToBase64',
  signature: 'ConvertToBase64(source)',
  summary: 'Encodes a string as base64 of its Unicode (UTF-16LE) bytes.',
  minArguments: 1,
  maxArguments: 1,
  evaluate(args) {
    const source = toText(args[0] ?? MISSING)
    return source === null ? null : encodeBase64(utf16LittleEndianBytes(source))
  },
}

export const CONVERT_TO_UTF8_HEX_FUNCTION: FunctionDefinition = {
  name: 'ConvertToUTF8Hex',
  signature: 'ConvertToUTF8Hex(source)',
  summary: 'Encodes a string as the upper-case hex of its UTF-8 bytes.',
  minArguments: 1,
  maxArguments: 1,
  evaluate(args) {
    const source = toText(args[0] ?? MISSING)
    if (source === null) return null
    let result = ''
    for (const byte of new TextEncoder().encode(wellFormed(source))) result += byte.toString(16).toUpperCase().padStart(2, '0')
    return result
  },
}
