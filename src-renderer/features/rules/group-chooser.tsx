/** Picks Entra groups from the cache: chosen ones as removable chips, more from a searchable list. */
import { useMemo, useState, type ReactNode } from 'react'
import type { RulesCatalogue } from '../../../src-main/common'
import { formatCount } from '../../components/format-count'
import { CloseIcon } from '../../components/icons'
import { ComboBox } from './combo-box'

type GroupInfo = RulesCatalogue['groups'][number]

export interface GroupChooserProps {
  readonly groups: readonly GroupInfo[]
  readonly chosenIds: readonly string[]
  onChange(ids: readonly string[]): void
  readonly label: string
}

/** Group names for the chips; an id no longer in the cache is shown as it is. */
export function GroupChooser(props: GroupChooserProps): ReactNode {
  const [text, setText] = useState('')
  const byId = useMemo(() => new Map(props.groups.map((group) => [group.id, group])), [props.groups])
  const options = useMemo(
    () =>
      props.groups
        .filter((group) => !props.chosenIds.includes(group.id) && group.displayName.toLowerCase().includes(text.trim().toLowerCase()))
        .slice(0, 40)
        .map((group) => ({ value: group.id, label: group.displayName, detail: `${formatCount(group.memberCount)} members` })),
    [props.groups, props.chosenIds, text],
  )
  return (
    <div className="group-chooser">
      {props.chosenIds.length > 0 && (
        <ul className="chip-list" aria-label={props.label}>
          {props.chosenIds.map((id) => (
            <li key={id} className="chip">
              {byId.get(id)?.displayName ?? id}
              <button type="button" className="chip-remove" aria-label={`Remove ${byId.get(id)?.displayName ?? id}`} onClick={() => props.onChange(props.chosenIds.filter((item) => item !== id))}>
                <CloseIcon size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <ComboBox
        text={text}
        onTextChange={setText}
        options={options}
        onChoose={(option) => {
          props.onChange([...props.chosenIds, option.value])
          setText('')
        }}
        label={`Add to: ${props.label}`}
        placeholder="Search groups"
        emptyText="No other group has this name."
      />
    </div>
  )
}

/** One Entra group, chosen from the cache (for a role mapping row). */
export function GroupSelect(props: { groups: readonly GroupInfo[]; value: string; onChange(id: string): void; label: string }): ReactNode {
  const chosen = props.groups.find((group) => group.id === props.value)
  const [text, setText] = useState<string | null>(null)
  const shown = text ?? chosen?.displayName ?? props.value
  const options = props.groups
    .filter((group) => text === null || group.displayName.toLowerCase().includes(text.trim().toLowerCase()))
    .slice(0, 40)
    .map((group) => ({ value: group.id, label: group.displayName, detail: `${formatCount(group.memberCount)} members` }))
  return (
    <ComboBox
      text={shown}
      onTextChange={setText}
      options={options}
      onChoose={(option) => {
        setText(null)
        props.onChange(option.value)
      }}
      label={props.label}
      placeholder="Search groups"
      emptyText="No group has this name."
    />
  )
}
