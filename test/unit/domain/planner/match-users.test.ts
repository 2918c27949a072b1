import { describe, expect, it } from 'vitest'
import type { MatchingKey } from '../../../../src-main/domain/mapping/evaluate-mappings'
import { matchUsers, type MatchCandidate } from '../../../../src-main/domain/planner/match-users'
import { targetUser } from './planner-fixtures'

const EMAIL = 'emails[type eq "work"].value'
const EMPLOYEE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'

function candidate(entraId: string, keys: Record<string, string>): MatchCandidate {
  const matching: MatchingKey[] = Object.entries(keys).map(([targetPath, value], index) => ({ targetPath, precedence: index + 1, value }))
  return { entraId, keys: matching }
}

function withEmployeeNumber(id: string, userName: string, employeeNumber: string) {
  const record = targetUser(id, { userName, givenName: 'X', familyName: 'Y' })
  return { ...record, resource: { ...record.resource, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber } } }
}

describe('matchUsers', () => {
  const targets = [
    targetUser('t-ann', { userName: 'ann@contoso.com', givenName: 'Ann', familyName: 'Lee', email: 'Ann.Lee@Contoso.com' }),
    targetUser('t-bo', { userName: 'bo@contoso.com', givenName: 'Bo', familyName: 'Ek' }),
    withEmployeeNumber('t-cy', 'cy.old@contoso.com', 'E-3'),
  ]

  it('matches by the first matching attribute that finds someone, case-insensitively', () => {
    const result = matchUsers({
      candidates: [candidate('u-ann', { userName: 'ANN@contoso.com', [EMAIL]: 'nobody@contoso.com' }), candidate('u-ann2', { userName: 'ann.lee@contoso.com', [EMAIL]: 'ann.lee@contoso.com' })],
      targets: targets.slice(0, 2),
      links: [],
    })
    // u-ann matches by userName; u-ann2's userName finds nobody, so the second precedence (the work
    // e-mail) decides — and finds t-ann too. Neither is guessed: both are in conflict.
    expect(result.byEntraId.get('u-ann')).toEqual({ kind: 'duplicateSources', targetId: 't-ann', targetPath: 'userName', value: 'ANN@contoso.com', otherEntraIds: ['u-ann2'] })
    expect(result.byEntraId.get('u-ann2')).toEqual({ kind: 'duplicateSources', targetId: 't-ann', targetPath: EMAIL, value: 'ann.lee@contoso.com', otherEntraIds: ['u-ann'] })
    const alone = matchUsers({ candidates: [candidate('u-ann', { userName: 'nobody@contoso.com', [EMAIL]: 'ANN.LEE@contoso.com' })], targets, links: [] })
    expect(alone.byEntraId.get('u-ann')).toEqual({ kind: 'attribute', targetId: 't-ann', targetPath: EMAIL, value: 'ANN.LEE@contoso.com' })
  })

  it('reports one target user claimed by several Entra users as a conflict for each of them', () => {
    const result = matchUsers({ candidates: [candidate('u-1', { userName: 'bo@contoso.com' }), candidate('u-2', { userName: 'BO@CONTOSO.COM' })], targets, links: [] })
    expect(result.byEntraId.get('u-1')).toEqual({ kind: 'duplicateSources', targetId: 't-bo', targetPath: 'userName', value: 'bo@contoso.com', otherEntraIds: ['u-2'] })
    expect(result.byEntraId.get('u-2')).toEqual({ kind: 'duplicateSources', targetId: 't-bo', targetPath: 'userName', value: 'BO@CONTOSO.COM', otherEntraIds: ['u-1'] })
    expect(result.unmatchedTargetIds).toEqual(['t-ann', 't-cy'])
  })

  it('reports several target users for one value as DuplicateTargetEntries, naming them', () => {
    const twins = [targetUser('t-1', { userName: 'dag@contoso.com', givenName: 'D', familyName: 'A' }), targetUser('t-2', { userName: 'Dag@Contoso.com', givenName: 'D', familyName: 'A' })]
    const result = matchUsers({ candidates: [candidate('u-dag', { userName: 'dag@contoso.com' })], targets: twins, links: [] })
    expect(result.byEntraId.get('u-dag')).toEqual({ kind: 'duplicateTargets', targetPath: 'userName', value: 'dag@contoso.com', candidateTargetIds: ['t-1', 't-2'] })
    expect(result.unmatchedTargetIds).toEqual(['t-1', 't-2'])
  })

  it('follows a link first, as long as its target user still exists', () => {
    const result = matchUsers({
      candidates: [candidate('u-cy', { userName: 'cy@contoso.com' }), candidate('u-bo', { userName: 'bo@contoso.com' })],
      targets,
      links: [{ entraId: 'u-cy', targetId: 't-cy', disabledAt: null }, { entraId: 'u-bo', targetId: 't-deleted', disabledAt: null }],
    })
    expect(result.byEntraId.get('u-cy')).toEqual({ kind: 'link', targetId: 't-cy' })
    expect(result.byEntraId.get('u-bo')).toEqual({ kind: 'attribute', targetId: 't-bo', targetPath: 'userName', value: 'bo@contoso.com' })
  })

  it('does not hand a linked target user to someone else by value', () => {
    const result = matchUsers({ candidates: [candidate('u-new', { userName: 'bo@contoso.com' })], targets, links: [{ entraId: 'u-old', targetId: 't-bo', disabledAt: null }] })
    expect(result.byEntraId.get('u-new')).toMatchObject({ kind: 'duplicateSources', targetId: 't-bo', otherEntraIds: ['u-old'] })
    expect(result.unmatchedTargetIds).not.toContain('t-bo')
  })

  it('matches on extension attributes and says what it tried when nothing matched', () => {
    const result = matchUsers({ candidates: [candidate('u-cy', { userName: 'cy@contoso.com', [EMPLOYEE]: 'e-3' }), candidate('u-zed', { userName: 'zed@contoso.com' })], targets, links: [] })
    expect(result.byEntraId.get('u-cy')).toEqual({ kind: 'attribute', targetId: 't-cy', targetPath: EMPLOYEE, value: 'e-3' })
    expect(result.byEntraId.get('u-zed')).toEqual({ kind: 'none', triedKeys: [{ targetPath: 'userName', value: 'zed@contoso.com' }] })
  })

  it('leaves excluded target users alone', () => {
    const result = matchUsers({ candidates: [candidate('u-bo', { userName: 'bo@contoso.com' })], targets, links: [], excludedTargetIds: new Set(['t-bo']) })
    expect(result.byEntraId.get('u-bo')?.kind).toBe('none')
    expect(result.unmatchedTargetIds).toEqual(['t-ann', 't-cy'])
  })

  it('stays linear: 100,000 users against 100,000 target users in well under a second', () => {
    const many = Array.from({ length: 100_000 }, (_, index) => ({ id: `t${index}`, userName: `user${index}@contoso.com`, externalId: null, active: true, resource: {} }))
    const started = performance.now()
    const result = matchUsers({ candidates: many.map((target, index) => candidate(`u${index}`, { userName: target.userName.toUpperCase() })), targets: many, links: [] })
    expect(result.unmatchedTargetIds).toEqual([])
    expect(performance.now() - started).toBeLessThan(3_000)
  })
})
