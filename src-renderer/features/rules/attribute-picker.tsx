/**
 * Picks a source attribute by its Entra name from what was pulled, showing how many users have a
 * value and an example. A name not in the list (an extension not pulled yet) may still be typed.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { SourceAttributeInfo } from '../../../src-main/common'
import { formatCount } from '../../components/format-count'
import { ComboBox, type ComboBoxOption } from './combo-box'

export interface AttributePickerProps {
  readonly value: string
  onChange(name: string): void
  readonly attributes: readonly SourceAttributeInfo[]
  readonly label: string
  readonly testId?: string
  readonly isInvalid?: boolean
}

/** Options for the attributes whose name contains `text`, attributes with values first. */
export function attributeOptions(attributes: readonly SourceAttributeInfo[], text: string, limit = 60): readonly ComboBoxOption[] {
  const needle = text.trim().toLowerCase()
  return attributes
    .filter((attribute) => needle === '' || attribute.name.toLowerCase().includes(needle))
    .sort((left, right) => Number(right.name.toLowerCase().startsWith(needle)) - Number(left.name.toLowerCase().startsWith(needle)))
    .slice(0, limit)
    .map((attribute) => ({
      value: attribute.name,
      label: attribute.name,
      detail: `${formatCount(attribute.usersWithValue)} with a value${attribute.example === null ? '' : ` · e.g. ${attribute.example}`}`,
    }))
}

/** The picker; typing a name and leaving the box keeps what was typed. */
export function AttributePicker(props: AttributePickerProps): ReactNode {
  const [text, setText] = useState(props.value)
  useEffect(() => setText(props.value), [props.value])
  const options = useMemo(() => attributeOptions(props.attributes, text === props.value ? '' : text), [props.attributes, text, props.value])
  return (
    <div
      className="attribute-picker"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget) && text !== props.value) props.onChange(text.trim())
      }}
    >
      <ComboBox
        text={text}
        onTextChange={setText}
        options={options}
        onChoose={(option) => {
          setText(option.value)
          props.onChange(option.value)
        }}
        label={props.label}
        placeholder="Attribute"
        testId={props.testId}
        isInvalid={props.isInvalid}
        emptyText="No pulled attribute has this name; it is kept as typed."
      />
    </div>
  )
}
