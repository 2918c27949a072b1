/**
 * The few icons the console uses, drawn inline so the strict CSP needs no font or image source.
 * Decorative: each is hidden from assistive technology; the control around it carries the name.
 */
import type { ReactNode } from 'react'

type IconProps = { readonly size?: number }

function Icon(props: IconProps & { readonly children: ReactNode }): ReactNode {
  const size = props.size ?? 16
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {props.children}
    </svg>
  )
}

/** A plug: the Connect area. */
export function ConnectIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M6 1.5v3M10 1.5v3M4 4.5h8v3a4 4 0 0 1-8 0v-3ZM8 11.5v3" />
    </Icon>
  )
}

/** Two people: the Directory area. */
export function DirectoryIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="6" cy="5" r="2.5" />
      <path d="M1.5 13.5c.4-2.5 2.2-4 4.5-4s4.1 1.5 4.5 4" />
      <path d="M10.5 2.8a2.3 2.3 0 0 1 0 4.4M12 9.6c1.4.5 2.3 1.8 2.5 3.9" />
    </Icon>
  )
}

/** A funnel over lines: the Rules area (mapping, scope, grouping). */
export function RulesIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M2 2.5h12l-4.5 5.5v4.5l-3 1.5v-6L2 2.5Z" />
    </Icon>
  )
}

/** A magnifier, for the search box. */
export function SearchIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="7" cy="7" r="4.5" />
      <path d="m10.5 10.5 4 4" />
    </Icon>
  )
}

/** Three columns, for the column chooser. */
export function ColumnsIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <path d="M6 2.5v11M10 2.5v11" />
    </Icon>
  )
}

/** A cross, for close buttons. */
export function CloseIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="m4 4 8 8M12 4l-8 8" />
    </Icon>
  )
}

/** Sort indicator; `direction` null draws a faint double arrow for "sortable". */
export function SortIcon(props: IconProps & { readonly direction: 'asc' | 'desc' | null }): ReactNode {
  if (props.direction === null) {
    return (
      <Icon size={props.size ?? 12}>
        <path d="m5 6 3-3 3 3M5 10l3 3 3-3" />
      </Icon>
    )
  }
  return (
    <Icon size={props.size ?? 12}>
      {props.direction === 'asc' ? <path d="M8 13V3M4 7l4-4 4 4" /> : <path d="M8 3v10M4 9l4 4 4-4" />}
    </Icon>
  )
}

/** A tick in a circle, for a finished pull. */
export function SuccessIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="8" cy="8" r="6.5" />
      <path d="m5.2 8.2 1.9 1.9 3.7-4" />
    </Icon>
  )
}

/** An exclamation mark in a circle, for failures. */
export function ErrorIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 4.5v4.2M8 11.2v.1" />
    </Icon>
  )
}

/** An information mark, for neutral notices such as a cancelled pull. */
export function InfoIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 7.3v4.2M8 4.8v.1" />
    </Icon>
  )
}

/** A downward chevron, for menus that open below their button. */
export function ChevronDownIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="m4 6 4 4 4-4" />
    </Icon>
  )
}

/** A shield with a pulse line: the Health area. */
export function HealthIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M8 1.5 13.5 3.5v4c0 3.3-2.3 5.9-5.5 7-3.2-1.1-5.5-3.7-5.5-7v-4L8 1.5Z" />
      <path d="M4.8 8.2h1.8l1-1.8 1.4 3.2 1-1.4h1.4" />
    </Icon>
  )
}

/** Two arrows chasing each other: the Sync area (preview and push). */
export function SyncIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M13 6.5A5 5 0 0 0 3.6 4.6M3 9.5a5 5 0 0 0 9.4 1.9" />
      <path d="M3.3 2v2.8h2.8M12.7 14v-2.8H9.9" />
    </Icon>
  )
}

/** A list with ticks: the Runs area (push history). */
export function RunsIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="m2 4 1.2 1.2L5.4 3M2 11l1.2 1.2 2.2-2.2M7.5 4.2h6.5M7.5 11.2h6.5" />
    </Icon>
  )
}

/** Sliders: the Settings area. */
export function SettingsIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M2 4.5h7M12 4.5h2M2 11.5h2M7 11.5h7" />
      <circle cx="10.5" cy="4.5" r="1.5" />
      <circle cx="5.5" cy="11.5" r="1.5" />
    </Icon>
  )
}

/** A plus, for "New …". */
export function PlusIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  )
}

/** Two sheets, for copy buttons. */
export function CopyIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
    </Icon>
  )
}

/** A triangle with an exclamation mark, for warnings. */
export function WarningIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M7.1 2.4a1 1 0 0 1 1.8 0l5.6 10.1a1 1 0 0 1-.9 1.5H2.4a1 1 0 0 1-.9-1.5L7.1 2.4Z" />
      <path d="M8 6.2v3.2M8 11.6v.1" />
    </Icon>
  )
}

/** A padlock, for stored secrets. */
export function LockIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </Icon>
  )
}

/** A tick, for a chosen menu item or a passed step. */
export function CheckIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="m3.5 8.5 3 3 6-7" />
    </Icon>
  )
}

/** A box with an arrow leaving it, for links that open another window. */
export function ExternalIcon(props: IconProps): ReactNode {
  return (
    <Icon {...props}>
      <path d="M9.5 2.5h4v4M13.5 2.5 8 8M12 9.5v3a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3" />
    </Icon>
  )
}

/** The product mark: a stylised head above a row of people. */
export function HeadcountMark(props: IconProps): ReactNode {
  const size = props.size ?? 20
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect width="20" height="20" rx="5" fill="var(--color-brand)" />
      <circle cx="10" cy="7.2" r="2.7" fill="#fff" />
      <path d="M4.6 15.5c.6-2.8 2.7-4.4 5.4-4.4s4.8 1.6 5.4 4.4" stroke="#fff" strokeWidth="1.6" fill="none" strokeLinecap="round" />
    </svg>
  )
}
