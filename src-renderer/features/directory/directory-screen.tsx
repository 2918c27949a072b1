/** Directory: every cached user in a virtual table, with search, sorting, columns and details. */
import { useEffect, useRef, type ReactNode } from 'react'
import { EmptyState } from '../../components/empty-state'
import { formatCount } from '../../components/format-count'
import { DirectoryIcon } from '../../components/icons'
import { useAppStore, useAppStoreApi } from '../../stores/app-store-context'
import { selectCurrentTotal, selectHasNoDirectory, selectUserCount } from '../../stores/selectors'
import { ColumnChooser } from './column-chooser'
import { DirectorySearch } from './directory-search'
import { UserDetailPanel } from './user-detail-panel'
import { UsersTable } from './users-table'

/** The Directory screen, or what to do first when nothing has been pulled. */
export function DirectoryScreen(): ReactNode {
  const hasNoDirectory = useAppStore(selectHasNoDirectory)
  const isDetailOpen = useAppStore((state) => state.detail.isOpen)
  const navigate = useAppStore((state) => state.navigate)
  const searchRef = useRef<HTMLInputElement>(null)
  const storeApi = useAppStoreApi()

  // Screen-wide keys, listened for on the document so they work wherever focus is (including on
  // nothing, after the button that had it disappeared). Controls that use a key themselves (the
  // search box and column chooser with Escape) stop it before it gets here.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      const isTyping = target !== null && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      if (event.key === '/' && !isTyping) {
        // As in GitHub and the Azure portal: "/" jumps to the search box.
        event.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
      } else if (event.key === 'Escape' && storeApi.getState().detail.isOpen) {
        event.preventDefault()
        storeApi.getState().closeDetail()
        document.querySelector<HTMLElement>('.users-table')?.focus()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [storeApi])

  if (hasNoDirectory) {
    return (
      <section className="screen directory-screen" aria-labelledby="directory-heading">
        <header className="screen-header">
          <h1 id="directory-heading" tabIndex={-1}>
            Directory
          </h1>
        </header>
        <EmptyState
          icon={<DirectoryIcon size={40} />}
          title="No directory yet"
          action={
            <button type="button" className="button is-primary" onClick={() => navigate('connect')}>
              Pull the directory from Connect
            </button>
          }
        >
          <p>Users and groups appear here once Headcount has pulled them from Entra ID into its local cache.</p>
        </EmptyState>
      </section>
    )
  }

  return (
    <section className="screen directory-screen is-full" aria-labelledby="directory-heading">
      <header className="directory-toolbar">
        <div className="directory-title">
          <h1 id="directory-heading" tabIndex={-1}>
            Directory
          </h1>
          <DirectoryTotal />
        </div>
        <DirectorySearch inputRef={searchRef} />
        <ColumnChooser />
      </header>
      <div className={isDetailOpen ? 'directory-body has-detail' : 'directory-body'}>
        <UsersTable />
        {isDetailOpen && <UserDetailPanel />}
      </div>
    </section>
  )
}

/** "100,000 users", or "12 of 100,000 users" while searching. */
function DirectoryTotal(): ReactNode {
  const total = useAppStore(selectCurrentTotal)
  const userCount = useAppStore(selectUserCount)
  const search = useAppStore((state) => state.search)
  const isSearching = search.trim() !== ''
  let text = 'Counting…'
  if (total !== null) {
    text =
      isSearching && userCount !== null
        ? `${formatCount(total)} of ${formatCount(userCount)} users`
        : `${formatCount(total)} ${total === 1 ? 'user' : 'users'}`
  }
  return (
    <span className="directory-total" data-testid="directory-total" data-total={total ?? undefined} aria-live="polite">
      {text}
    </span>
  )
}
