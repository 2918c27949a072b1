/**
 * A small seeded pseudo-random generator for the demo organisation. The demo must be reproducible
 * (same seed → same tenant, byte for byte), so nothing here touches `Math.random`, the clock or
 * `crypto`. mulberry32 is fast, has a 2^32 period per stream and passes the statistical checks that
 * matter for synthetic data; each user gets its own stream (see {@link hashSeed}) so a user's
 * attributes do not depend on how many users come after it.
 */

const HEX = Array.from({ length: 256 }, (_, index) => index.toString(16).padStart(2, '0'))

/**
 * Mixes a seed with further numbers or strings into one 32-bit stream seed (FNV-1a over the parts,
 * finished with the murmur3 avalanche so nearby inputs give unrelated streams).
 */
export function hashSeed(seed: number, ...parts: readonly (number | string)[]): number {
  let hash = (2166136261 ^ (seed >>> 0)) >>> 0
  hash = Math.imul(hash, 16777619) >>> 0
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : part
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index)
      hash = Math.imul(hash, 16777619) >>> 0
    }
    hash ^= 0xff
    hash = Math.imul(hash, 16777619) >>> 0
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b) >>> 0
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0
  hash ^= hash >>> 16
  return hash >>> 0
}

/** A deterministic random stream. */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** The next unsigned 32-bit integer (mulberry32). */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let value = this.state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return (value ^ (value >>> 14)) >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** An integer in [minimum, maximum], both inclusive. */
  integer(minimum: number, maximum: number): number {
    return minimum + Math.floor(this.next() * (maximum - minimum + 1))
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('SeededRandom.pick needs a non-empty array')
    return item
  }

  /** One element chosen by weight; `weights` must be as long as `items` and sum above zero. */
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0
    for (const weight of weights) total += weight
    let target = this.next() * total
    for (let index = 0; index < items.length; index += 1) {
      target -= weights[index] ?? 0
      if (target < 0) return items[index] as T
    }
    return items[items.length - 1] as T
  }

  /** `count` random digits as a string (leading zeros kept). */
  digits(count: number): string {
    let text = ''
    for (let index = 0; index < count; index += 1) text += String(this.nextUint32() % 10)
    return text
  }

  /** `count` bytes as lower-case hex. */
  hex(byteCount: number): string {
    let text = ''
    for (let index = 0; index < byteCount; index += 1) text += HEX[this.nextUint32() & 0xff]
    return text
  }

  /** A GUID-shaped id (RFC 9562 version 4 layout, as Entra object ids are), from this stream. */
  guid(): string {
    const a = this.nextUint32()
    const b = this.nextUint32()
    const c = this.nextUint32()
    const d = this.nextUint32()
    const byte = (value: number, shift: number): string => HEX[(value >>> shift) & 0xff] as string
    return (
      byte(a, 24) + byte(a, 16) + byte(a, 8) + byte(a, 0) + '-' +
      byte(b, 24) + byte(b, 16) + '-' +
      HEX[0x40 | ((b >>> 8) & 0x0f)] + byte(b, 0) + '-' +
      HEX[0x80 | ((c >>> 24) & 0x3f)] + byte(c, 16) + '-' +
      byte(c, 8) + byte(c, 0) + byte(d, 24) + byte(d, 16) + byte(d, 8) + byte(d, 0)
    )
  }
}

/** A GUID that depends only on the seed and a stable key (e.g. a group's name). */
export function guidFromKey(seed: number, key: string): string {
  return new SeededRandom(hashSeed(seed, 'guid', key)).guid()
}
