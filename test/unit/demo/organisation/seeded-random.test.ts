import { describe, expect, it } from 'vitest'
import { SeededRandom, guidFromKey, hashSeed } from '../../../../src-main/demo/organisation/seeded-random'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = new SeededRandom(42)
    const second = new SeededRandom(42)
    const a = Array.from({ length: 20 }, () => first.nextUint32())
    const b = Array.from({ length: 20 }, () => second.nextUint32())
    expect(a).toEqual(b)
    expect(new SeededRandom(43).nextUint32()).not.toBe(a[0])
  })

  it('produces version-4-shaped GUIDs', () => {
    const random = new SeededRandom(7)
    for (let index = 0; index < 200; index += 1) expect(random.guid()).toMatch(GUID)
  })

  it('keeps integers inside their inclusive bounds and reaches both ends', () => {
    const random = new SeededRandom(1)
    const seen = new Set<number>()
    for (let index = 0; index < 2000; index += 1) {
      const value = random.integer(3, 6)
      expect(value).toBeGreaterThanOrEqual(3)
      expect(value).toBeLessThanOrEqual(6)
      seen.add(value)
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })

  it('picks by weight', () => {
    const random = new SeededRandom(5)
    let heavy = 0
    for (let index = 0; index < 10_000; index += 1) if (random.pickWeighted(['heavy', 'light'], [9, 1]) === 'heavy') heavy += 1
    expect(heavy / 10_000).toBeGreaterThan(0.87)
    expect(heavy / 10_000).toBeLessThan(0.93)
  })
})

describe('hashSeed and guidFromKey', () => {
  it('separate streams by every part', () => {
    expect(hashSeed(1, 'person', 1)).not.toBe(hashSeed(1, 'person', 2))
    expect(hashSeed(1, 'person', 1)).not.toBe(hashSeed(2, 'person', 1))
    expect(hashSeed(1, 'a', 'bc')).not.toBe(hashSeed(1, 'ab', 'c'))
  })

  it('derives a stable GUID from a key', () => {
    expect(guidFromKey(2026, 'group:All Staff')).toBe(guidFromKey(2026, 'group:All Staff'))
    expect(guidFromKey(2026, 'group:All Staff')).not.toBe(guidFromKey(2027, 'group:All Staff'))
    expect(guidFromKey(2026, 'x')).toMatch(GUID)
  })
})
