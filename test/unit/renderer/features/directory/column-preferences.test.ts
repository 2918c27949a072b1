import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VISIBLE_COLUMNS,
  loadVisibleColumns,
  normaliseColumns,
  saveVisibleColumns,
  toggleColumn,
  VISIBLE_COLUMNS_KEY,
  type PreferenceStorage,
} from '../../../../../src-renderer/features/directory/column-preferences'
import { USER_COLUMNS } from '../../../../../src-main/common/directory'
import { USER_COLUMN_PRESENTATION } from '../../../../../src-renderer/features/directory/user-columns'

class MemoryStorage implements PreferenceStorage {
  readonly items = new Map<string, string>()
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value)
  }
}

describe('remembered table columns', () => {
  it('shows the defaults the first time', () => {
    expect(loadVisibleColumns(new MemoryStorage())).toEqual(DEFAULT_VISIBLE_COLUMNS)
    expect(loadVisibleColumns(null)).toEqual(DEFAULT_VISIBLE_COLUMNS)
  })

  it('reads back what was saved', () => {
    const storage = new MemoryStorage()
    saveVisibleColumns(storage, ['displayName', 'mail', 'city'])
    expect(loadVisibleColumns(storage)).toEqual(['displayName', 'mail', 'city'])
  })

  it('falls back to the defaults when the stored text is not JSON or names no known column', () => {
    const storage = new MemoryStorage()
    storage.setItem(VISIBLE_COLUMNS_KEY, '{not json')
    expect(loadVisibleColumns(storage)).toEqual(DEFAULT_VISIBLE_COLUMNS)
    storage.setItem(VISIBLE_COLUMNS_KEY, '["favouriteColour"]')
    expect(loadVisibleColumns(storage)).toEqual(DEFAULT_VISIBLE_COLUMNS)
  })

  it('keeps going when the browser refuses the storage', () => {
    const refusing: PreferenceStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(loadVisibleColumns(refusing)).toEqual(DEFAULT_VISIBLE_COLUMNS)
    expect(() => saveVisibleColumns(refusing, ['displayName'])).not.toThrow()
  })

  it('drops unknown and repeated columns, restores contract order, and always keeps the display name', () => {
    expect(normaliseColumns(['city', 'nonsense', 'mail', 'city', 42])).toEqual(['displayName', 'mail', 'city'])
    expect(normaliseColumns('displayName')).toBeNull()
  })

  it('shows and hides columns in the contract order, but never hides the display name', () => {
    const shown = toggleColumn(['displayName', 'department'], 'mail')
    expect(shown).toEqual(['displayName', 'mail', 'department'])
    expect(toggleColumn(shown, 'mail')).toEqual(['displayName', 'department'])
    expect(toggleColumn(shown, 'displayName')).toEqual(shown)
  })

  it('has a human label and a width for every column the contract offers', () => {
    for (const column of USER_COLUMNS) {
      expect(USER_COLUMN_PRESENTATION[column].label).toMatch(/^[A-Z][a-z]/)
      expect(USER_COLUMN_PRESENTATION[column].width).toBeGreaterThan(60)
    }
  })
})
