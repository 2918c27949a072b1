/** A labelled form control with optional help text and an error, wired for assistive technology. */
import { cloneElement, useId, type ReactElement, type ReactNode } from 'react'

export interface FormFieldProps {
  readonly label: string
  /** Plain words under the control: what to enter and where to find it. */
  readonly help?: ReactNode
  /** Why main refused this value, shown under the control in the danger colour. */
  readonly error?: string | null
  readonly isOptional?: boolean
  /** One input, select or textarea; it receives id, aria-describedby and aria-invalid. */
  readonly children: ReactElement<Record<string, unknown>>
}

/** Label above, control, help and error below. */
export function FormField(props: FormFieldProps): ReactNode {
  const id = useId()
  const helpId = useId()
  const errorId = useId()
  const describedBy = [props.help !== undefined ? helpId : null, props.error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className={props.error ? 'form-field has-error' : 'form-field'}>
      <label className="form-label" htmlFor={id}>
        {props.label}
        {props.isOptional === true && <span className="form-optional"> (optional)</span>}
      </label>
      {cloneElement(props.children, {
        id,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
        'aria-invalid': props.error ? true : undefined,
      })}
      {props.help !== undefined && (
        <div id={helpId} className="form-help">
          {props.help}
        </div>
      )}
      {props.error ? (
        <div id={errorId} className="form-error">
          {props.error}
        </div>
      ) : null}
    </div>
  )
}
