/** The search box over the users table. Matching itself happens in main (name, mail, UPN, department, title). */
import { useEffect, type ReactNode, type RefObject } from 'react'
import { CloseIcon, SearchIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'

/** Typing pauses shorter than this are one search, so the table does not chase every keystroke. */
export const SEARCH_DEBOUNCE_MS = 150

/** A labelled search field; Escape clears it, "/" (handled by the screen) focuses it. */
export function DirectorySearch(props: { inputRef: RefObject<HTMLInputElement | null> }): ReactNode {
  const searchText = useAppStore((state) => state.searchText)
  const setSearchText = useAppStore((state) => state.setSearchText)
  const applySearch = useAppStore((state) => state.applySearch)
  const clearSearch = useAppStore((state) => state.clearSearch)

  useEffect(() => {
    const timer = window.setTimeout(applySearch, SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [searchText, applySearch])

  return (
    <div className="search-field" role="search">
      <SearchIcon />
      <label className="visually-hidden" htmlFor="directory-search">
        Search users
      </label>
      <input
        id="directory-search"
        ref={props.inputRef}
        type="search"
        data-testid="directory-search"
        placeholder="Search by name, mail, UPN, department or title"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        value={searchText}
        onChange={(event) => setSearchText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && searchText !== '') {
            event.preventDefault()
            event.stopPropagation()
            clearSearch()
          } else if (event.key === 'Enter') {
            applySearch()
          }
        }}
      />
      {searchText === '' ? (
        <kbd className="search-shortcut" aria-hidden="true">
          /
        </kbd>
      ) : (
        <button
          type="button"
          className="icon-button is-small"
          aria-label="Clear search"
          onClick={() => {
            clearSearch()
            props.inputRef.current?.focus()
          }}
        >
          <CloseIcon size={14} />
        </button>
      )}
    </div>
  )
}
