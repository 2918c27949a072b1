/**
 * A text box with a list of suggestions (WAI-ARIA combobox with a listbox popup): typing filters,
 * ↑/↓ move, Enter or Tab choose, Escape closes. The pickers of the rules editors are built on it.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

export interface ComboBoxOption {
  readonly value: string
  readonly label: string
  /** A second, quieter line or column: users with a value, an example, a department. */
  readonly detail?: string
}

export interface ComboBoxProps {
  /** The text in the box. */
  readonly text: string
  onTextChange(text: string): void
  readonly options: readonly ComboBoxOption[]
  onChoose(option: ComboBoxOption): void
  readonly label: string
  readonly placeholder?: string
  readonly testId?: string
  readonly isInvalid?: boolean
  readonly isDisabled?: boolean
  /** Shown in the popup when nothing matches. */
  readonly emptyText?: string
  readonly className?: string
}

/** The combobox; the caller filters `options` from `text`. */
export function ComboBox(props: ComboBoxProps): ReactNode {
  const [isOpen, setIsOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const options = props.options

  useEffect(() => {
    if (active >= options.length) setActive(0)
  }, [active, options.length])

  const choose = (option: ComboBoxOption | undefined): void => {
    if (option === undefined) return
    props.onChoose(option)
    setIsOpen(false)
  }

  return (
    <div
      className={`combo-box ${props.className ?? ''}`}
      ref={rootRef}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget)) setIsOpen(false)
      }}
    >
      <input
        type="text"
        className="text-input"
        role="combobox"
        aria-label={props.label}
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isOpen && options[active] !== undefined ? `${listId}-${active}` : undefined}
        aria-invalid={props.isInvalid === true ? true : undefined}
        disabled={props.isDisabled}
        placeholder={props.placeholder}
        data-testid={props.testId}
        value={props.text}
        spellCheck={false}
        autoComplete="off"
        onFocus={() => setIsOpen(true)}
        onClick={() => setIsOpen(true)}
        onChange={(event) => {
          props.onTextChange(event.target.value)
          setIsOpen(true)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            if (!isOpen) {
              setIsOpen(true)
              return
            }
            const step = event.key === 'ArrowDown' ? 1 : -1
            setActive((current) => (options.length === 0 ? 0 : (current + step + options.length) % options.length))
          } else if ((event.key === 'Enter' || event.key === 'Tab') && isOpen && options[active] !== undefined) {
            if (event.key === 'Enter') event.preventDefault()
            choose(options[active])
          } else if (event.key === 'Escape' && isOpen) {
            event.preventDefault()
            event.stopPropagation()
            setIsOpen(false)
          }
        }}
      />
      {isOpen && (
        <ul className="combo-box-list listbox-popup" id={listId} role="listbox" aria-label={props.label}>
          {options.length === 0 ? (
            <li className="combo-box-empty" role="presentation">
              {props.emptyText ?? 'Nothing matches.'}
            </li>
          ) : (
            options.map((option, index) => (
              <li
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'combo-box-option listbox-option is-active' : 'combo-box-option listbox-option'}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => choose(option)}
              >
                <span className="combo-box-label">{option.label}</span>
                {option.detail !== undefined && <span className="combo-box-detail">{option.detail}</span>}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  )
}
