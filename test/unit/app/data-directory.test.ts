import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDirectory } from '../../../src-main/app/data-directory'

const userData = '/home/alice/.config/Headcount'

describe('the data directory', () => {
  it("is Electron's userData folder by default", () => {
    expect(resolveDataDirectory({}, userData)).toEqual({ path: userData, isOverridden: false })
  })

  it('is HEADCOUNT_DATA_DIR when set', () => {
    expect(resolveDataDirectory({ HEADCOUNT_DATA_DIR: '/tmp/headcount-e2e-1' }, userData)).toEqual({
      path: '/tmp/headcount-e2e-1',
      isOverridden: true,
    })
  })

  it('takes a relative HEADCOUNT_DATA_DIR from the working directory', () => {
    expect(resolveDataDirectory({ HEADCOUNT_DATA_DIR: 'data' }, userData).path).toBe(resolve('data'))
  })

  it('ignores an empty or blank HEADCOUNT_DATA_DIR', () => {
    expect(resolveDataDirectory({ HEADCOUNT_DATA_DIR: '' }, userData).path).toBe(userData)
    expect(resolveDataDirectory({ HEADCOUNT_DATA_DIR: '   ' }, userData).path).toBe(userData)
  })
})
