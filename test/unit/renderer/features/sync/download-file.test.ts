import { describe, expect, it } from 'vitest'
import { downloadFileName, mimeTypeOf } from '../../../../../src-renderer/features/sync/download-file'

describe('download names', () => {
  it('keeps main’s suggestion and makes sure of the extension', () => {
    expect(downloadFileName('headcount-plan-2026-11-01.csv', 'csv')).toBe('headcount-plan-2026-11-01.csv')
    expect(downloadFileName('headcount-plan-2026-11-01', 'json')).toBe('headcount-plan-2026-11-01.json')
    expect(downloadFileName('plan.CSV', 'csv')).toBe('plan.csv')
  })

  it('drops folders and characters Windows refuses', () => {
    expect(downloadFileName('../../etc/passwd', 'csv')).toBe('passwd.csv')
    expect(downloadFileName('C:\\Users\\x\\run:12?.csv', 'csv')).toBe('run-12.csv')
    expect(downloadFileName('  ..  ', 'json', 'headcount-run')).toBe('headcount-run.json')
  })

  it('marks CSV as UTF-8', () => {
    expect(mimeTypeOf('csv')).toBe('text/csv;charset=utf-8')
  })
})
