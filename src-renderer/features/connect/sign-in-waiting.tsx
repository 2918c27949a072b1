/**
 * While the admin signs in in the browser: what to do there, and Cancel. In the browser host main
 * cannot open the system browser, so it asks this page to, and the page opens a new tab; when the
 * browser blocks that, the link below does the same on the admin's click.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { ExternalIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'

/** `data-testid="sign-in-waiting"`: announced politely, with Cancel always reachable. */
export function SignInWaiting(): ReactNode {
  const signIn = useAppStore((state) => state.connection.signIn)
  const hostKind = useAppStore((state) => state.hostKind)
  const cancelSignIn = useAppStore((state) => state.cancelSignIn)
  const openedRequest = useRef(0)
  const [wasBlocked, setWasBlocked] = useState(false)

  useEffect(() => {
    if (signIn.browserUrl === null || signIn.browserRequest === openedRequest.current) return
    // Remembered so a re-render (or StrictMode's second effect) does not open a second tab.
    openedRequest.current = signIn.browserRequest
    const opened = window.open(signIn.browserUrl, '_blank')
    if (opened === null) {
      setWasBlocked(true)
    } else {
      // The sign-in page must not be able to reach back into Headcount.
      opened.opener = null
      setWasBlocked(false)
    }
  }, [signIn.browserUrl, signIn.browserRequest])

  const isCancelling = signIn.phase === 'cancelling'
  return (
    <div className="sign-in-waiting" data-testid="sign-in-waiting" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <div className="sign-in-waiting-body">
        <p className="sign-in-waiting-title">
          {signIn.phase === 'saving' ? 'Saving the connection…' : isCancelling ? 'Cancelling…' : 'Finish signing in in your browser…'}
        </p>
        {signIn.phase !== 'saving' && (
          <p>
            {hostKind === 'electron'
              ? 'Microsoft’s sign-in page opened in your default browser.'
              : 'Microsoft’s sign-in page opens in a new tab.'}{' '}
            Sign in with an admin account, tick “Consent on behalf of your organisation” and accept. This screen
            updates by itself; you can close the browser tab afterwards.
          </p>
        )}
        {wasBlocked && <p className="sign-in-waiting-blocked">Your browser blocked the new tab.</p>}
        <div className="sign-in-waiting-actions">
          {signIn.browserUrl !== null && (
            <a className="button is-primary" href={signIn.browserUrl} target="_blank" rel="noopener noreferrer">
              <ExternalIcon />
              Open the sign-in page
            </a>
          )}
          <button
            type="button"
            className="button"
            data-testid="sign-in-cancel-button"
            disabled={signIn.phase !== 'waiting'}
            onClick={() => void cancelSignIn()}
          >
            {isCancelling ? 'Cancelling…' : 'Cancel'}
          </button>
          {signIn.cancelError !== null && (
            <span className="inline-error" role="alert">
              Could not cancel: {signIn.cancelError.message}
            </span>
          )}
        </div>
      </div>
    </div>
  )
}
