import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareIds, indexAfter, takePage, type Page } from '../../../../../src-main/demo/emulator/graph/sorted-page'

describe('paging over an id-sorted list', () => {
  it('visits every matching item exactly once, whatever the page size and filter', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 4 }),
        (ids, size, modulo) => {
          const items = ids.map((id, index) => ({ id, index })).sort((a, b) => compareIds(a.id, b.id))
          const test = (item: { index: number }) => item.index % modulo === 0
          const seen: string[] = []
          let after: string | null = null
          for (;;) {
            const page: Page<{ id: string; index: number }> = takePage(items, indexAfter(items, after), size, test)
            expect(page.items.length).toBeLessThanOrEqual(size)
            seen.push(...page.items.map((item) => item.id))
            if (!page.hasMore) break
            expect(page.items.length).toBe(size)
            after = page.items[page.items.length - 1]!.id
          }
          expect(seen).toEqual(items.filter(test).map((item) => item.id))
        },
      ),
    )
  })

  it('resumes after an id that has since disappeared', () => {
    const items = [{ id: 'a' }, { id: 'c' }, { id: 'e' }]
    expect(indexAfter(items, 'b')).toBe(1)
    expect(indexAfter(items, 'e')).toBe(3)
    expect(indexAfter(items, null)).toBe(0)
  })
})
