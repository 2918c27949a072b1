import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDefaultDataDir } from '../../../../src-main/services/profiles/default-data-dir'

describe('resolveDefaultDataDir', () => {
  it('prefers HEADCOUNT_DATA_DIR', () => {
    expect(resolveDefaultDataDir({ HEADCOUNT_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x')
    expect(resolveDefaultDataDir({ HEADCOUNT_DATA_DIR: '/from/environment' }, 'linux')).toBe('/from/environment')
  })

  it('ignores a blank HEADCOUNT_DATA_DIR and resolves a relative one', () => {
    expect(resolveDefaultDataDir({ HEADCOUNT_DATA_DIR: '  ', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Headcount'))
    expect(resolveDefaultDataDir({ HEADCOUNT_DATA_DIR: 'data' }, 'linux')).toBe(resolve('data'))
  })
  it('uses the per-user folder Electron would use', () => {
    expect(resolveDefaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Headcount'))
    expect(resolveDefaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Headcount'))
    expect(resolveDefaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Headcount'))
    expect(resolveDefaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Headcount'))
  })
})
