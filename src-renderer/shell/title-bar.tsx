/** The band across the top: product name and the profile everything on screen belongs to. */
import type { ReactNode } from 'react'
import { HeadcountMark } from '../components/icons'
import { useAppStore } from '../stores/app-store-context'
import { selectActiveProfile } from '../stores/selectors'

/** `<header>` landmark with the product name and the active profile. */
export function TitleBar(): ReactNode {
  const profile = useAppStore(selectActiveProfile)
  return (
    <header className="title-bar">
      <div className="title-bar-product">
        <HeadcountMark size={22} />
        <span className="title-bar-name">Headcount</span>
      </div>
      <div className="title-bar-profile" aria-label="Active profile">
        {profile === null ? (
          <span className="title-bar-profile-empty">No profile yet</span>
        ) : (
          <>
            <span className="title-bar-profile-name">{profile.name}</span>
            {profile.tenantName !== null && <span className="title-bar-tenant">{profile.tenantName}</span>}
            {profile.kind === 'demo' && <span className="badge is-inverse">Demo</span>}
          </>
        )}
      </div>
    </header>
  )
}
