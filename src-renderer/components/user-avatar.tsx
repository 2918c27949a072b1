/** Initials in a coloured circle, as Microsoft admin tools show a person without a photo. */
import type { ReactNode } from 'react'

const AVATAR_HUES = [210, 160, 20, 280, 340, 100, 40, 190, 250, 0] as const

/** "Anna Berg" → "AB"; "anna" → "A"; nothing → "?". */
export function initialsOf(name: string | null): string {
  // The first letter of the first and last words that have one: "Lars (Contractor) - 2" → "LC".
  const letters = (name ?? '')
    .split(/\s+/)
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((letter): letter is string => letter !== undefined)
  const first = letters[0] ?? ''
  const last = letters.length > 1 ? (letters[letters.length - 1] ?? '') : ''
  return (first + last).toUpperCase() || '?'
}

/** A stable hue per user id, so the same person keeps their colour everywhere. */
function hueOf(id: string): number {
  let hash = 0
  for (let index = 0; index < id.length; index++) hash = (hash * 31 + id.charCodeAt(index)) >>> 0
  return AVATAR_HUES[hash % AVATAR_HUES.length] ?? 210
}

/** Decorative: the name beside it is what assistive technology reads. */
export function UserAvatar(props: { id: string; name: string | null; size?: 'small' | 'large' }): ReactNode {
  const hue = hueOf(props.id)
  return (
    <span
      className={props.size === 'large' ? 'avatar is-large' : 'avatar'}
      style={{ backgroundColor: `hsl(${hue} 55% 92%)`, color: `hsl(${hue} 60% 28%)` }}
      aria-hidden="true"
    >
      {initialsOf(props.name)}
    </span>
  )
}
