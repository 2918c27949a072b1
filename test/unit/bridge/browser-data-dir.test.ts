import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveBrowserDataDir } from '../../../src-main/bridge/browser-data-dir'

describe('resolveBrowserDataDir', () => {
  it('prefers HEADCOUNT_DATA_DIR', () => {
    expect(resolveBrowserDataDir({ HEADCOUNT_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x')
  })
  it('uses the per-user folder Electron would use', () => {
    expect(resolveBrowserDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Headcount'))
    expect(resolveBrowserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Headcount'))
    expect(resolveBrowserDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Headcount'))
    expect(resolveBrowserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Headcount'))
  })
})
