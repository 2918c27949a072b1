import { describe, expect, it } from 'vitest'
import { applicationMenuTemplate } from '../../../src-main/app/application-menu'

function roles(template: ReturnType<typeof applicationMenuTemplate>): string[] {
  return template.flatMap((item) => [
    item.role ?? item.label ?? '?',
    ...(Array.isArray(item.submenu) ? item.submenu.map((child) => child.role ?? child.label ?? '?') : []),
  ])
}

describe('the application menu', () => {
  it('on macOS has the app menu, Edit (for copy and paste) and Window', () => {
    expect(roles(applicationMenuTemplate('darwin', false))).toEqual(['appMenu', 'editMenu', 'windowMenu'])
  })

  it('elsewhere has File with Quit instead of the app menu', () => {
    expect(roles(applicationMenuTemplate('win32', false))).toEqual(['File', 'quit', 'editMenu', 'windowMenu'])
  })

  it('offers reload and developer tools only in development', () => {
    expect(roles(applicationMenuTemplate('linux', false))).not.toContain('toggleDevTools')
    expect(roles(applicationMenuTemplate('linux', true))).toEqual(
      expect.arrayContaining(['View', 'reload', 'forceReload', 'toggleDevTools']),
    )
  })
})
