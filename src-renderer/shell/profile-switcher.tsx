/**
 * The profile menu in the title bar: which profile is active, the others to switch to, and
 * New / Rename / Duplicate / Delete. A menu button as WAI-ARIA describes it: arrow keys move,
 * Home/End jump, Escape closes and returns focus to the button, Tab leaves.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { CheckIcon, ChevronDownIcon, PlusIcon } from '../components/icons'
import { useAppStore } from '../stores/app-store-context'
import { selectActiveProfile } from '../stores/selectors'

/** The button and its menu. */
export function ProfileSwitcher(): ReactNode {
  const profile = useAppStore(selectActiveProfile)
  const profiles = useAppStore((state) => state.profiles)
  const switchProfile = useAppStore((state) => state.switchProfile)
  const openProfileDialog = useAppStore((state) => state.openProfileDialog)
  const [isOpen, setIsOpen] = useState(false)
  const containerRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  const items = (): HTMLElement[] => [...(containerRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])]

  useEffect(() => {
    if (!isOpen) return
    // Focus the active profile, as a listbox would, so Enter keeps it and arrows move from it.
    const all = items()
    ;(all.find((item) => item.getAttribute('aria-checked') === 'true') ?? all[0])?.focus()
    const onPointerDown = (event: PointerEvent): void => {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [isOpen])

  const close = (returnFocus: boolean): void => {
    setIsOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const all = items()
    const index = all.indexOf(document.activeElement as HTMLElement)
    const move = (next: number): void => {
      event.preventDefault()
      all[(next + all.length) % all.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(index + 1)
    else if (event.key === 'ArrowUp') move(index - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(all.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') close(false)
  }

  const choose = (action: () => void): void => {
    close(true)
    action()
  }

  return (
    <div className="profile-switcher" ref={containerRef}>
      <button
        type="button"
        ref={buttonRef}
        className="profile-switcher-button"
        data-testid="profile-switcher"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        aria-label={profile === null ? 'Profiles: none yet' : `Profile: ${profile.name}. Switch or manage profiles`}
        onClick={() => setIsOpen(!isOpen)}
        onKeyDown={(event) => {
          if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !isOpen) {
            event.preventDefault()
            setIsOpen(true)
          }
        }}
      >
        {profile === null ? (
          <span className="title-bar-profile-empty">No profile yet</span>
        ) : (
          <>
            <span className="title-bar-profile-name">{profile.name}</span>
            {profile.tenantName !== null && <span className="title-bar-tenant">{profile.tenantName}</span>}
            {profile.kind === 'demo' && <span className="badge is-inverse">Demo</span>}
          </>
        )}
        <ChevronDownIcon />
      </button>
      {isOpen && (
        <div className="popover profile-menu" id={menuId} role="menu" aria-label="Profiles" onKeyDown={onMenuKeyDown}>
          {profiles.length > 0 && (
            <div role="group" aria-label="Switch to profile" className="profile-menu-group">
              {profiles.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  role="menuitemradio"
                  aria-checked={item.id === profile?.id}
                  tabIndex={-1}
                  className="profile-menu-item"
                  data-testid="profile-menu-item"
                  onClick={() => choose(() => switchProfile(item.id))}
                >
                  <span className="profile-menu-check">{item.id === profile?.id && <CheckIcon />}</span>
                  <span className="profile-menu-text">
                    <span className="profile-menu-name">{item.name}</span>
                    <span className="profile-menu-meta">
                      {item.kind === 'demo' ? 'Demo organisation' : (item.tenantName ?? 'Not connected yet')}
                    </span>
                  </span>
                </button>
              ))}
            </div>
          )}
          <div role="separator" className="profile-menu-separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="profile-menu-item"
            data-testid="new-profile-button"
            onClick={() => choose(() => openProfileDialog({ kind: 'create' }))}
          >
            <span className="profile-menu-check">
              <PlusIcon />
            </span>
            <span className="profile-menu-text">New profile…</span>
          </button>
          {profile !== null && (
            <>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="profile-menu-item"
                data-testid="rename-profile-button"
                onClick={() => choose(() => openProfileDialog({ kind: 'rename', profileId: profile.id }))}
              >
                <span className="profile-menu-check" />
                <span className="profile-menu-text">Rename “{profile.name}”…</span>
              </button>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="profile-menu-item"
                data-testid="duplicate-profile-button"
                onClick={() => choose(() => openProfileDialog({ kind: 'duplicate', profileId: profile.id }))}
              >
                <span className="profile-menu-check" />
                <span className="profile-menu-text">Duplicate “{profile.name}”…</span>
              </button>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="profile-menu-item is-danger"
                data-testid="delete-profile-button"
                onClick={() => choose(() => openProfileDialog({ kind: 'delete', profileId: profile.id }))}
              >
                <span className="profile-menu-check" />
                <span className="profile-menu-text">Delete “{profile.name}”…</span>
              </button>
            </>
          )}
        </div>
      )}
    </div>
  )
}
