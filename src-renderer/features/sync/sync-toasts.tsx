/**
 * In-app toasts for runs that ended with failures, shown whatever screen is open, plus the desktop
 * notification when the admin allowed them (asked once from the Runs screen).
 *
 * Test ids: sync-toast (with data-run-id).
 */
import { useEffect, useRef, type ReactNode } from 'react'
import { ErrorIcon, CloseIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'
import { notifyDesktop } from './run-notification'

/** The corner stack; each toast stays until dismissed, because a failure should not go unseen. */
export function SyncToasts(): ReactNode {
  const toasts = useAppStore((state) => state.sync.toasts)
  const dismissToast = useAppStore((state) => state.dismissToast)
  const navigate = useAppStore((state) => state.navigate)
  const selectRun = useAppStore((state) => state.selectRun)
  const notified = useRef(new Set<number>())

  useEffect(() => {
    for (const toast of toasts) {
      if (notified.current.has(toast.id)) continue
      notified.current.add(toast.id)
      notifyDesktop(`Headcount: ${toast.title}`, toast.text, toast.runId)
    }
  }, [toasts])

  if (toasts.length === 0) return null
  return (
    <div className="sync-toasts" role="region" aria-label="Notifications">
      {toasts.map((toast) => (
        <div key={toast.id} className={`sync-toast is-${toast.tone}`} role="alert" data-testid="sync-toast" data-run-id={toast.runId}>
          <ErrorIcon size={20} />
          <div className="sync-toast-body">
            <p className="sync-toast-title">{toast.title}</p>
            <p>{toast.text}</p>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                navigate('runs')
                selectRun(toast.runId)
                dismissToast(toast.id)
              }}
            >
              Show the run
            </button>
          </div>
          <button type="button" className="icon-button is-small" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  )
}
