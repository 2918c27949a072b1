/**
 * Who may call the API over IPC. Pure (no Electron import): ipc-host.ts reduces Electron's
 * `event.senderFrame` to a {@link SenderFrame} and asks here.
 */
import { isAppUrl, type AppLocation } from './app-location'

/** What the check needs to know about the frame that sent an IPC message. */
export interface SenderFrame {
  readonly url: string
  /** True for the window's top-level frame; iframes never get the API. */
  readonly isMainFrame: boolean
}

/**
 * True when the message came from the main frame of the app's own page (Electron security checklist,
 * item 17 "validate the sender of all IPC messages"). `null` is how Electron reports a frame that has
 * navigated away or been destroyed since it sent the message: refused.
 */
export function isTrustedSender(frame: SenderFrame | null, location: AppLocation): boolean {
  if (frame === null || !frame.isMainFrame) return false
  return isAppUrl(frame.url, location)
}
