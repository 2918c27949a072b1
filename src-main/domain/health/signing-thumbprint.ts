/**
 * Certificate thumbprints as Entra writes them in two places that must be compared:
 * `servicePrincipal.preferredTokenSigningKeyThumbprint` (hex SHA-1) and `keyCredential.customKeyIdentifier`.
 *
 * customKeyIdentifier is an Edm.Binary property, so Graph's JSON carries it base64-encoded; for a SAML
 * signing certificate its bytes are the SHA-1 thumbprint. Some tools (and the demo tenant) store the hex
 * text itself. Both spellings are accepted, and hex compares case-insensitively.
 */

const SHA1_HEX = /^[0-9a-f]{40}$/i
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** The thumbprint as lower-case hex, or null when the value is no SHA-1 thumbprint in either spelling. */
export function thumbprintHex(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const text = value.trim()
  if (SHA1_HEX.test(text)) return text.toLowerCase()
  const bytes = decodeBase64(text)
  if (bytes === null) return null
  if (bytes.length === 20) return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  // base64 of the hex text (what `[Text.Encoding]::UTF8.GetBytes($thumbprint)` scripts upload).
  const ascii = String.fromCharCode(...bytes)
  return SHA1_HEX.test(ascii) ? ascii.toLowerCase() : null
}

/** True when both name the same certificate. */
export function isSameThumbprint(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = thumbprintHex(a)
  return left !== null && left === thumbprintHex(b)
}

function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null
  // atob is a global in browsers and Node ≥ 16; the functional core imports no Node module.
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes
}
