/**
 * A modal dialog on the native `<dialog>` element: the rest of the page becomes inert, Escape
 * closes it, Tab stays inside it, and focus goes back where it was when it closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { CloseIcon } from './icons'

export interface DialogProps {
  readonly title: string
  /** One or two sentences under the title, read out when the dialog opens. */
  readonly description?: ReactNode
  readonly children?: ReactNode
  /** The buttons along the bottom; the form's submit button among them. */
  readonly footer: ReactNode
  /** Escape, the close button, or Cancel. */
  onClose(): void
  /** When given, the body and footer are one `<form>` and Enter submits it. */
  onSubmit?(): void
  readonly testId?: string
  readonly tone?: 'danger'
}

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])'

/** Focusable elements of the dialog, in document order. */
function focusablesOf(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null)
}

/** Open while mounted: render it conditionally. */
export function Dialog(props: DialogProps): ReactNode {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const onCloseRef = useRef(props.onClose)
  onCloseRef.current = props.onClose

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.showModal()
    // The first field, not the close button: typing a name is what the dialog is for.
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      focusablesOf(dialog).find((element) => element.closest('.dialog-body, .dialog-footer') !== null)
    first?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (returnTo !== null && document.contains(returnTo)) returnTo.focus()
    }
  }, [])

  const body = (
    <>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-footer">{props.footer}</div>
    </>
  )

  return (
    <dialog
      ref={dialogRef}
      className={props.tone === 'danger' ? 'dialog is-danger' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={props.description === undefined ? undefined : descriptionId}
      data-testid={props.testId}
      onCancel={(event) => {
        // Escape: React decides whether the dialog goes away, so the native close is prevented.
        event.preventDefault()
        onCloseRef.current()
      }}
      onClose={() => {
        // Chromium closes without a cancelable "cancel" when Escape is pressed twice in a row. A close
        // queued by an earlier unmount (StrictMode) finds the dialog open again and is ignored.
        if (dialogRef.current?.open === false) onCloseRef.current()
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Tab' || dialogRef.current === null) return
        // The browser would let Tab leave a modal dialog for its own toolbar; keep it inside.
        const focusables = focusablesOf(dialogRef.current)
        const first = focusables[0]
        const last = focusables[focusables.length - 1]
        if (first === undefined || last === undefined) return
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault()
          last.focus()
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault()
          first.focus()
        }
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" className="icon-button is-small" aria-label="Close" onClick={() => props.onClose()}>
          <CloseIcon />
        </button>
      </div>
      {props.description !== undefined && (
        <div id={descriptionId} className="dialog-description">
          {props.description}
        </div>
      )}
      {props.onSubmit === undefined ? (
        body
      ) : (
        <form
          className="dialog-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            props.onSubmit?.()
          }}
        >
          {body}
        </form>
      )}
    </dialog>
  )
}
