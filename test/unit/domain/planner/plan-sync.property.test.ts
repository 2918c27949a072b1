import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DirectoryUser } from '../../../../src-main/domain/directory/directory-user'
import { planSync, type PlanInput } from '../../../../src-main/domain/planner/plan-sync'
import { DEFAULT_SYNC_OPTIONS, type SyncLink, type SyncPlan, type TargetUserRecord } from '../../../../src-main/domain/planner/sync-plan'
import { goldenRules, person, SERVICES, targetUser } from './planner-fixtures'

const NAMES = ['ann', 'bo', 'cy', 'dag', 'eve', 'fay', 'gus', 'hal']
const name = fc.constantFrom(...NAMES)
const letterCase = fc.constantFrom((text: string) => text, (text: string) => text.toUpperCase())

const organisation = fc
  .record({
    users: fc.array(
      fc.record({
        name,
        manager: fc.option(fc.nat(9), { nil: null }),
        department: fc.constantFrom('Sales', 'Support', 'Contractors'),
        isGuest: fc.boolean(),
        isEnabled: fc.boolean(),
        isSoftDeleted: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    targets: fc.array(fc.record({ name, letterCase, isActive: fc.boolean(), manager: fc.option(fc.nat(9), { nil: null }), title: fc.constantFrom('A', 'B') }), { maxLength: 6 }),
    links: fc.array(fc.record({ user: fc.nat(11), target: fc.nat(9), isDisabled: fc.boolean() }), { maxLength: 4 }),
    salesMembers: fc.array(fc.nat(9), { maxLength: 4 }),
    hasSalesGroup: fc.boolean(),
  })
  .map(({ users: userSpecs, targets: targetSpecs, links: linkSpecs, salesMembers, hasSalesGroup }): PlanInput => {
    const users: DirectoryUser[] = userSpecs.map((spec, index) =>
      person(`u${index}`, {
        upn: `${spec.name}${index % 3 === 0 ? '' : index}@contoso.com`,
        givenName: spec.name,
        surname: 'Test',
        jobTitle: 'B',
        department: spec.department,
        managerId: spec.manager === null ? null : spec.manager < userSpecs.length ? `u${spec.manager}` : 'ghost',
        userType: spec.isGuest ? 'Guest' : 'Member',
        accountEnabled: spec.isEnabled,
        isSoftDeleted: spec.isSoftDeleted,
      }),
    )
    const targets: TargetUserRecord[] = targetSpecs.map((spec, index) =>
      targetUser(`t${index}`, {
        userName: spec.letterCase(`${spec.name}@contoso.com`),
        givenName: spec.name,
        familyName: 'Test',
        title: spec.title,
        active: spec.isActive,
        ...(spec.manager !== null && spec.manager < targetSpecs.length ? { managerTargetId: `t${spec.manager}` } : {}),
      }),
    )
    const links: SyncLink[] = []
    for (const spec of linkSpecs) {
      const entraId = spec.user < users.length ? `u${spec.user}` : `gone${spec.user}`
      const targetId = `t${spec.target}`
      if (spec.target >= targets.length || links.some((link) => link.entraId === entraId || link.targetId === targetId)) continue
      links.push({ entraId, targetId, disabledAt: spec.isDisabled ? '2026-09-01T00:00:00Z' : null })
    }
    const memberIds = salesMembers.filter((index) => index < targets.length).map((index) => `t${index}`)
    return {
      users,
      scopeContext: { assignedGroupIds: new Set() },
      rules: goldenRules(),
      target: { users: targets, groups: hasSalesGroup ? [{ id: 'tg-sales', displayName: 'SALES', memberIds: [...new Set(memberIds)] }] : [] },
      links,
      options: DEFAULT_SYNC_OPTIONS,
      services: SERVICES,
    }
  })

/** The target after a push of the plan's creates, with the links the executor would record. */
function applyCreates(input: PlanInput, plan: SyncPlan): PlanInput {
  const created = plan.operations.filter((operation) => operation.action === 'create')
  const users = created.map((operation): TargetUserRecord => {
    const id = `new-${operation.entraId!}`
    const resource: Record<string, unknown> = { ...operation.resource!, id }
    return { id, userName: String(resource.userName), externalId: null, active: resource.active !== false, resource }
  })
  return {
    ...input,
    target: { ...input.target, users: [...input.target.users, ...users] },
    links: [...input.links, ...created.map((operation) => ({ entraId: operation.entraId!, targetId: `new-${operation.entraId!}`, disabledAt: null }))],
  }
}

describe('planSync properties (random small organisations and targets)', () => {
  it('orders every dependency first, references only managers that exist, and keeps ids unique', () => {
    fc.assert(
      fc.property(organisation, (input) => {
        const plan = planSync(input)
        const seen = new Set<string>()
        const createdEntraIds = new Set<string>()
        const targetIds = new Set(input.target.users.map((target) => target.id))
        for (const operation of plan.operations) {
          expect(seen.has(operation.id)).toBe(false)
          for (const dependency of operation.dependsOn) expect(seen.has(dependency)).toBe(true)
          expect(new Set(operation.dependsOn).size).toBe(operation.dependsOn.length)
          if (operation.action === 'setManager') {
            const managerTargetId = (operation.patch?.[0]?.value as { value: string | null }).value
            const managerEntraId = operation.references!.managerEntraId!
            expect(managerTargetId === null ? createdEntraIds.has(managerEntraId) : targetIds.has(managerTargetId)).toBe(true)
          }
          if (operation.action === 'create') createdEntraIds.add(operation.entraId!)
          seen.add(operation.id)
        }
        expect(Object.values(plan.counts).reduce((sum, count) => sum + count, 0)).toBe(plan.operations.length)
      }),
      { numRuns: 300 },
    )
  })

  it('is deterministic, and re-planning after the creates are applied creates nothing more', () => {
    fc.assert(
      fc.property(organisation, (input) => {
        const plan = planSync(input)
        expect(planSync(input)).toEqual(plan)
        const replanned = planSync(applyCreates(input, plan))
        expect(replanned.operations.filter((operation) => operation.action === 'create')).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
