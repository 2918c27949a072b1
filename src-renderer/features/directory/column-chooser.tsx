/** Picks which columns the users table shows; the choice is remembered (see column-preferences). */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { ColumnsIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'
import { ALWAYS_VISIBLE_COLUMN } from './column-preferences'
import { labelOfColumn, OFFERED_USER_COLUMNS } from './user-columns'

/** A disclosure button opening a list of checkboxes, one per column. */
export function ColumnChooser(): ReactNode {
  const visibleColumns = useAppStore((state) => state.visibleColumns)
  const toggleColumn = useAppStore((state) => state.toggleColumn)
  const resetColumns = useAppStore((state) => state.resetColumns)
  const [isOpen, setIsOpen] = useState(false)
  const containerRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const popoverId = useId()

  useEffect(() => {
    if (!isOpen) return
    containerRef.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus()
    const onPointerDown = (event: PointerEvent): void => {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [isOpen])

  const close = (): void => {
    setIsOpen(false)
    buttonRef.current?.focus()
  }

  return (
    <div
      className="column-chooser"
      ref={containerRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          event.stopPropagation()
          close()
        }
      }}
      onBlur={(event) => {
        // Tabbing out of the list closes it, like a menu (outside clicks are handled above).
        const next = event.relatedTarget as Node | null
        if (isOpen && next !== null && !containerRef.current?.contains(next)) setIsOpen(false)
      }}
    >
      <button
        type="button"
        ref={buttonRef}
        className="button"
        data-testid="column-chooser"
        aria-expanded={isOpen}
        aria-controls={popoverId}
        onClick={() => setIsOpen(!isOpen)}
      >
        <ColumnsIcon />
        Columns
      </button>
      {isOpen && (
        // tabIndex -1: a click on a label lands focus here, not on <main>, so it is not "leaving".
        <div className="popover column-chooser-popover" id={popoverId} tabIndex={-1}>
          <fieldset>
            <legend>Show columns</legend>
            {OFFERED_USER_COLUMNS.map((column) => (
              <label key={column} className="checkbox-row">
                <input
                  type="checkbox"
                  checked={visibleColumns.includes(column)}
                  disabled={column === ALWAYS_VISIBLE_COLUMN}
                  onChange={() => toggleColumn(column)}
                />
                <span>{labelOfColumn(column)}</span>
              </label>
            ))}
          </fieldset>
          <div className="popover-footer">
            <button type="button" className="button is-subtle" onClick={resetColumns}>
              Reset to default
            </button>
            <button type="button" className="button" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
