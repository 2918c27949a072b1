/** The band across the top: product name and the profile everything on screen belongs to. */
import type { ReactNode } from 'react'
import { HeadcountMark } from '../components/icons'
import { ProfileSwitcher } from './profile-switcher'

/** `<header>` landmark with the product name and the profile menu. */
export function TitleBar(): ReactNode {
  return (
    <header className="title-bar">
      <div className="title-bar-product">
        <HeadcountMark size={22} />
        <span className="title-bar-name">Headcount</span>
      </div>
      <div className="title-bar-profile">
        <ProfileSwitcher />
      </div>
    </header>
  )
}
