import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../../../src-main/demo/organisation/generate-organisation'
import type { PulledUser } from '../../../../src-main/services/graph/graph-reader'
import { DirectorySnapshots, SAMPLE_SIZE } from '../../../../src-main/services/rules/directory-snapshots'
import { DirectoryWriter } from '../../../../src-main/services/store/directory-writer'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { pullInto, temporaryDataDir } from '../store/directory-fixtures'

let folder: ReturnType<typeof temporaryDataDir>
let database: ProfileDatabase
let users: PulledUser[]

beforeAll(() => {
  folder = temporaryDataDir()
  database = openProfileDatabase(folder.path, 'generated')
  const organisation = generateOrganisation({ users: 300 })
  users = organisation.users.map(({ user, managerId }) => ({ ...user, manager: managerId === null ? null : { id: managerId } }))
  pullInto(new DirectoryWriter(database), { users, groups: [], members: {} })
})

afterAll(() => {
  database.close()
  folder.remove()
})

describe('DirectorySnapshots', () => {
  it('loads every user with the manager as an id, not the pulled manager object', () => {
    const loaded = new DirectorySnapshots(() => database).get('generated')
    expect(loaded.snapshot.users).toHaveLength(300)
    const managed = loaded.snapshot.users.find((user) => user.managerId !== null)!
    expect(managed.properties).not.toHaveProperty('manager')
  })

  it('keeps the loaded directory until a pull finishes', () => {
    const snapshots = new DirectorySnapshots(() => database)
    const first = snapshots.get('generated')
    expect(snapshots.get('generated')).toBe(first)
    pullInto(new DirectoryWriter(database), { users, groups: [], members: {} }, 'run-2')
    expect(snapshots.get('generated')).not.toBe(first)
  })

  it('samples the same 20 users every time, spread over the directory rather than its first rows', () => {
    const sample = new DirectorySnapshots(() => database).get('generated').sample.map((user) => user.id)
    const again = new DirectorySnapshots(() => database).get('generated').sample.map((user) => user.id)
    expect(sample).toHaveLength(SAMPLE_SIZE)
    expect(again).toEqual(sample)
    expect(sample).not.toEqual(users.slice(0, SAMPLE_SIZE).map((user) => user.id))
  })
})
