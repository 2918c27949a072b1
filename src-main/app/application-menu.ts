/**
 * The application menu: as little as the platforms need. macOS needs the app menu (Quit, Hide) and
 * an Edit menu, without which copy and paste do not work in text fields; elsewhere a File menu with
 * Quit is enough. Reload and developer tools exist only in development builds.
 *
 * Only a type comes from Electron, so the template can be unit-tested.
 */
import type { MenuItemConstructorOptions } from 'electron'

/** The menu template for `platform`; `isDevelopment` adds reload and developer tools. */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  isDevelopment: boolean,
): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = []
  if (platform === 'darwin') template.push({ role: 'appMenu' })
  else template.push({ label: 'File', submenu: [{ role: 'quit' }] })
  template.push({ role: 'editMenu' })
  if (isDevelopment) {
    template.push({
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    })
  }
  template.push({ role: 'windowMenu' })
  return template
}
