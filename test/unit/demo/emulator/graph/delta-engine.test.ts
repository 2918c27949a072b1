import { describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../../../../src-main/demo/organisation/generate-organisation'
import { createDirectoryState } from '../../../../../src-main/demo/emulator/graph/directory-state'
import {
  groupChangeSource,
  takeDeltaPage,
  userChangeSource,
  type DeltaItem,
  type DeltaSource,
} from '../../../../../src-main/demo/emulator/graph/delta-engine'

const organisation = generateOrganisation({ users: 40 })

function sourceOf(items: DeltaItem[]): DeltaSource {
  return { ids: items, describe: (index) => items[index]! }
}

function item(id: string, relationCount: number | null): DeltaItem {
  const relations =
    relationCount === null
      ? null
      : Array.from({ length: relationCount }, (_, index) => ({ '@odata.type': '#microsoft.graph.user' as const, id: `${id}-m${index}` }))
  return { id, record: { id }, removed: null, relations }
}

describe('takeDeltaPage', () => {
  it('cuts pages by object count and splits a large object\'s relations across pages', () => {
    const source = sourceOf([item('a', 2), item('b', 7), item('c', null), item('d', 1)])
    const seen: { id: string; relations: number }[] = []
    let cursor = { after: null as string | null, partialId: null as string | null, offset: 0 }
    let pages = 0
    for (;;) {
      const page = takeDeltaPage(source, cursor, 3, 4)
      pages++
      seen.push(...page.entries.map((entry) => ({ id: entry.item.id, relations: entry.relations?.length ?? 0 })))
      if (!page.next) break
      cursor = page.next
    }
    expect(seen).toEqual([
      { id: 'a', relations: 2 },
      { id: 'b', relations: 2 },
      { id: 'b', relations: 4 },
      { id: 'b', relations: 1 },
      { id: 'c', relations: 0 },
      { id: 'd', relations: 1 },
    ])
    expect(pages).toBe(3)
  })
})

describe('change sources', () => {
  it('reports nothing for changes to properties that are not tracked', () => {
    const state = createDirectoryState(organisation)
    const user = state.users()[0]!
    state.updateUser(user.id, { mobilePhone: '+1 555 0100' })
    const tracked = { properties: new Set(['id', 'displayName']), isRelationTracked: false }
    expect(userChangeSource(state, state.changesBetween(0, state.sequence()), tracked).ids).toEqual([])
    state.updateUser(user.id, { displayName: 'Renamed' })
    expect(userChangeSource(state, state.changesBetween(0, state.sequence()), tracked).ids.map((entry) => entry.id)).toEqual([user.id])
  })

  it('reports the net membership difference, not every event', () => {
    const state = createDirectoryState(organisation)
    const created = state.createGroup({ id: 'g', displayName: 'G' })
    expect(created.ok).toBe(true)
    const [a, b] = state.users()
    state.addMember('g', a!.id)
    state.addMember('g', b!.id)
    const start = state.sequence()
    state.removeMember('g', a!.id)
    state.addMember('g', a!.id)
    state.removeMember('g', b!.id)
    const source = groupChangeSource(state, state.changesBetween(start, state.sequence()), {
      properties: new Set(['id']),
      isRelationTracked: true,
    })
    expect(source.ids.map((entry) => entry.id)).toEqual(['g'])
    expect(source.describe(0).relations).toEqual([{ '@odata.type': '#microsoft.graph.user', id: b!.id, '@removed': { reason: 'deleted' } }])
  })

  it('reports a user deleted and restored within the window as present, without annotation', () => {
    const state = createDirectoryState(organisation)
    const user = state.users()[5]!
    state.softDeleteUser(user.id)
    state.restoreUser(user.id)
    const source = userChangeSource(state, state.changesBetween(0, state.sequence()), {
      properties: new Set(['id']),
      isRelationTracked: false,
    })
    expect(source.describe(0)).toMatchObject({ id: user.id, removed: null })
  })
})
