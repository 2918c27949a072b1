import fc from 'fast-check'
import SCIMMY from 'scimmy'
import { describe, expect, it } from 'vitest'
import { arrangeListPage } from '../../../../src-main/demo/target/arrange-list-page'

/** What SCIMMY does with egress output: map (skipping holes), then ListResponse with the constraints. */
function throughScimmy(arranged: readonly { n: number }[], startIndex: number, count: number) {
  let coerced = 0
  const mapped = arranged.map((item) => {
    coerced += 1
    return { ...item }
  })
  // The items are stand-ins for coerced schemas; ListResponse only slices them.
  const response = new SCIMMY.Messages.ListResponse(mapped as never[], { startIndex, count })
  return { response, coerced }
}

describe('arrangeListPage', () => {
  it('makes SCIMMY ListResponse return exactly the requested page and the full total, for every small case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 45 }), fc.integer({ min: 0, max: 25 }), (total, startIndex, count) => {
        const matches = Array.from({ length: total }, (_, n) => ({ n }))
        const { response, coerced } = throughScimmy(arrangeListPage(matches, { startIndex, count }), startIndex, count)
        expect(response.totalResults).toBe(total)
        expect(response.startIndex).toBe(startIndex)
        expect(response.Resources.map((item) => (item as unknown as { n: number }).n)).toEqual(matches.slice(startIndex - 1, startIndex - 1 + count).map((item) => item.n))
        // Only the page and at most one page of padding is ever coerced.
        expect(coerced).toBeLessThanOrEqual(2 * count + 1)
      }),
      { numRuns: 3000 },
    )
  })

  it('uses SCIMMY defaults (startIndex 1, count 20) when the client sent none', () => {
    const matches = Array.from({ length: 50 }, (_, n) => ({ n }))
    const { response } = throughScimmy(arrangeListPage(matches, undefined), 1, 20)
    expect(response.Resources).toHaveLength(20)
    expect(response.totalResults).toBe(50)
  })

  it('returns every match when the client asked to sort, so SCIMMY can sort them', () => {
    const matches = [{ n: 2 }, { n: 1 }]
    expect(arrangeListPage(matches, { sortBy: 'n' })).toEqual(matches)
  })
})
