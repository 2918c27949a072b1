/**
 * Desktop notifications for finished runs, through the web Notification API (Electron maps it to
 * the operating system's notifications). Permission is asked once, from a button, never on load.
 */

/** Where notification permission stands; 'unsupported' where the API does not exist. */
export type NotificationPermissionState = NotificationPermission | 'unsupported'

/** The current permission, without asking. */
export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

/** Asks for permission (the browser shows its prompt at most once) and says what the admin chose. */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported'
  if (Notification.permission !== 'default') return Notification.permission
  return Notification.requestPermission()
}

/** Shows a desktop notification when permission was granted; silently nothing otherwise. */
export function notifyDesktop(title: string, body: string, tag: string): void {
  if (notificationPermission() !== 'granted') return
  try {
    new Notification(title, { body, tag })
  } catch (reason) {
    // Some hosts (Android Chrome, old Electron) only notify from a service worker; the toast remains.
    console.warn('Could not show a desktop notification', reason)
  }
}
