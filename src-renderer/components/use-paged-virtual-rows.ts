/**
 * The machinery every long list in the renderer shares: a virtualiser whose rows sit under a sticky
 * header, a request to the store for the row windows now in view, a jump to the top when the query
 * behind the rows changes, and (for grids) the WAI-ARIA grid keys that move the selection. The
 * lists keep their own columns, markup and test ids; only this part is the same everywhere.
 */
import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type CSSProperties, type KeyboardEvent, type RefObject } from 'react'
import { isRowNavigationKey, type RowNavigationKey } from '../features/directory/row-navigation'

/** What a paged, virtualised list tells {@link usePagedVirtualRows}. */
export interface PagedVirtualRowsOptions {
  /** Rows in the whole result, null while the count is not known yet. */
  readonly total: number | null
  /** Changes whenever the query behind the rows changes (new plan, search, sort or filter). */
  readonly queryKey: unknown
  readonly rowHeight: number
  /** Height of the sticky header that the first row sits below; 0 for a list without one. */
  readonly headerHeight?: number
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank band. */
  readonly overscan: number
  /** The last index to ask for before the virtualiser has measured the viewport. */
  readonly initialLastIndex?: number
  /** Asks the store to hold the rows from `firstIndex` to `lastIndex` (it fetches missing windows). */
  readonly ensureRows: (firstIndex: number, lastIndex: number) => void
  /** The selected row, kept in view as it moves; leave out for lists without a selection. */
  readonly selectedIndex?: number | null
  /** Moves the selection for a grid navigation key; leave out for lists without keyboard selection. */
  readonly moveSelection?: (key: RowNavigationKey, pageSize: number) => void
  /** Prefix of the row element ids that `aria-activedescendant` points at (`user-row` → `user-row-7`). */
  readonly rowIdPrefix?: string
  /** Keys other than the navigation keys, pressed on the grid itself (Enter, Space …). */
  readonly onOtherKey?: (event: KeyboardEvent<HTMLDivElement>) => void
}

/** The attributes of the scrolling grid element: WAI-ARIA grid with one tab stop. */
export interface VirtualGridProps {
  readonly ref: RefObject<HTMLDivElement | null>
  readonly role: 'grid'
  readonly 'aria-rowcount': number
  readonly 'aria-busy': boolean
  readonly 'aria-activedescendant': string | undefined
  readonly tabIndex: 0
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void
}

/** The attributes every rendered row carries (its key stays with the caller: React will not spread it). */
export interface VirtualRowProps {
  readonly id: string
  readonly role: 'row'
  readonly 'aria-rowindex': number
  readonly style: CSSProperties
}

/** What the list renders with. */
export interface PagedVirtualRows {
  /** Rows in the whole result (0 while the count is not known). */
  readonly total: number
  /** Goes on the scrolling element (grids spread {@link gridProps} instead). */
  readonly scrollRef: RefObject<HTMLDivElement | null>
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>
  /** The rows to render now. */
  readonly items: readonly VirtualItem[]
  /** Spread on the scrolling element of a grid; the header row is row 1. */
  readonly gridProps: VirtualGridProps
  /** Spread on each rendered row of a grid. */
  readonly rowProps: (item: VirtualItem) => VirtualRowProps
}

/** Virtualises a paged list and keeps the store's row windows in step with what is in view. */
export function usePagedVirtualRows(options: PagedVirtualRowsOptions): PagedVirtualRows {
  const { queryKey, rowHeight, overscan, ensureRows, selectedIndex, moveSelection, onOtherKey } = options
  const total = options.total ?? 0
  const rowIdPrefix = options.rowIdPrefix ?? 'row'
  const headerHeight = options.headerHeight ?? 0
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
  })
  const items = virtualizer.getVirtualItems()
  const firstIndex = items[0]?.index ?? 0
  const lastIndex = items[items.length - 1]?.index ?? options.initialLastIndex ?? 40

  useEffect(() => {
    ensureRows(firstIndex, lastIndex)
  }, [queryKey, firstIndex, lastIndex, ensureRows])

  // A new query starts at the top; the old scroll position means nothing in it.
  useEffect(() => {
    virtualizer.scrollToOffset(0)
  }, [queryKey, virtualizer])

  useEffect(() => {
    if (selectedIndex != null && selectedIndex < total) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, total, virtualizer])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Keys pressed on a header button or a row's control belong to that control.
    if (event.target !== event.currentTarget) return
    if (moveSelection !== undefined && isRowNavigationKey(event.key)) {
      event.preventDefault()
      const viewport = (scrollRef.current?.clientHeight ?? rowHeight * 10) - headerHeight
      moveSelection(event.key, Math.floor(viewport / rowHeight) - 1)
    } else {
      onOtherKey?.(event)
    }
  }

  const gridProps: VirtualGridProps = {
    ref: scrollRef,
    role: 'grid',
    'aria-rowcount': options.total === null ? -1 : total + 1,
    'aria-busy': options.total === null,
    'aria-activedescendant': selectedIndex == null ? undefined : `${rowIdPrefix}-${selectedIndex}`,
    tabIndex: 0,
    onKeyDown,
  }
  const rowProps = (item: VirtualItem): VirtualRowProps => ({
    id: `${rowIdPrefix}-${item.index}`,
    role: 'row',
    'aria-rowindex': item.index + 2,
    style: { height: rowHeight, transform: `translateY(${item.start}px)` },
  })

  return { total, scrollRef, virtualizer, items, gridProps, rowProps }
}
