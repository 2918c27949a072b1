/** Finds a user in the cache by name, mail or department, for live results and explanations. */
import { useEffect, useState, type ReactNode } from 'react'
import type { UserRow } from '../../../src-main/common'
import { useAppStore } from '../../stores/app-store-context'
import { ComboBox } from './combo-box'

export interface UserPickerProps {
  /** The chosen user's name, shown in the box. */
  readonly chosenName: string | null
  onChoose(user: { readonly id: string; readonly displayName: string }): void
  readonly label: string
  readonly testId?: string
}

/** Searches as the admin types (after a short pause) and lists up to eight users. */
export function UserPicker(props: UserPickerProps): ReactNode {
  const findRuleUsers = useAppStore((state) => state.findRuleUsers)
  const [text, setText] = useState(props.chosenName ?? '')
  const [users, setUsers] = useState<readonly UserRow[]>([])

  useEffect(() => setText(props.chosenName ?? ''), [props.chosenName])

  useEffect(() => {
    let isCurrent = true
    const timer = setTimeout(() => {
      void findRuleUsers(text === props.chosenName ? '' : text).then((rows) => {
        if (isCurrent) setUsers(rows)
      })
    }, 150)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [text, findRuleUsers, props.chosenName])

  return (
    <ComboBox
      className="user-picker"
      text={text}
      onTextChange={setText}
      options={users.map((user) => ({
        value: user.id,
        label: user.displayName ?? user.userPrincipalName ?? user.id,
        detail: [user.jobTitle, user.department].filter(Boolean).join(' · ') || (user.userPrincipalName ?? ''),
      }))}
      onChoose={(option) => {
        setText(option.label)
        props.onChoose({ id: option.value, displayName: option.label })
      }}
      label={props.label}
      placeholder="Search users by name"
      testId={props.testId}
      emptyText="No user matches."
    />
  )
}
