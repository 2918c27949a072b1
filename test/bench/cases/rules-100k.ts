/**
 * rules-100k: the rules engines over 100,000 users held in memory — a scoping rule (compile +
 * evaluate), a grouping by department + office location, and the role rule (group → role and the
 * manager rule) — against a baseline: a plain loop that reads the same properties and builds the same
 * shapes (a count, a Map keyed by department|office, a manager tally) with no rule interpretation.
 * Target from the issue: ≤ 2 s in total. Each phase runs 5 times; the median is reported. Peak RSS
 * is the process's (it includes generating the organisation); run with `--only rules-100k` for a
 * figure not inflated by earlier cases.
 */
import { compileExpression } from '../../../src-main/domain/expr/compile'
import { createUserEvaluationContext } from '../../../src-main/domain/expr/user-evaluation-context'
import { demoDirectoryUsers } from '../demo-directory-users'
import type { DirectoryUser } from '../../../src-main/domain/directory/directory-user'
import { assignGroups } from '../../../src-main/domain/grouping/assign-groups'
import { assignRoles } from '../../../src-main/domain/grouping/assign-roles'
import type { GroupingRule, RoleRule } from '../../../src-main/domain/grouping/grouping-rule'
import { compileScope } from '../../../src-main/domain/scoping/compile-scope'
import type { ScopeContext, ScopeRule } from '../../../src-main/domain/scoping/scope-rule'
import { figure, median, type BenchCase, type BenchFigure, type BenchOutcome } from '../bench-case'

const USERS = 100_000

/** PRODUCT.md's default attribute map, as expressions over Entra's source attribute names. */
const DEFAULT_MAPPING_EXPRESSIONS = [
  '[userPrincipalName]',
  '[givenName]',
  '[surname]',
  '[jobTitle]',
  '[department]',
  '[manager]',
  'Not([IsSoftDeleted])',
  '[mobile]',
  '[telephoneNumber]',
  '[country]',
  // A typical custom one: a display name without diacritics for the card's QR payload.
  'Join(" ", NormalizeDiacritics([givenName]), ToUpper([surname]))',
]
const DEFAULT_MAPPING_PROPERTIES = ['userPrincipalName', 'givenName', 'surname', 'jobTitle', 'department', 'mobilePhone', 'country', 'givenName']
const REPETITIONS = 5
const MEGABYTE = 1024 * 1024

interface Phase {
  readonly metric: string
  /** The engine under test; returns a number derived from its output so the work cannot be skipped. */
  run(): number
  /** The plain loop it is compared with. */
  baseline(): number
}

export const rules100k: BenchCase = {
  id: 'rules-100k',
  description: 'default mapping expressions, scoping (compile + evaluate), grouping by two fields and roles for 100,000 users vs. a plain property-reading loop',
  run(log): Promise<BenchOutcome> {
    log(`generating ${USERS} users and building DirectoryUsers…`)
    const built = performance.now()
    const { users, groupIds, departments } = buildDirectoryUsers()
    const buildMs = performance.now() - built
    const allUsersById = new Map(users.map((user) => [user.id, user]))
    const context: ScopeContext = { assignedGroupIds: new Set() }

    const scopeRule: ScopeRule = {
      mode: 'allUsers',
      filters: [
        {
          name: 'Enabled members',
          clauses: [
            { attribute: 'accountEnabled', operator: 'IS TRUE' },
            { attribute: 'userType', operator: 'EQUALS', value: 'Member' },
          ],
        },
        { name: departments[0]!, clauses: [{ attribute: 'department', operator: 'EQUALS', value: departments[0]! }] },
      ],
    }
    const groupingRule: GroupingRule = { kind: 'byFields', fields: ['department', 'officeLocation'], nameTemplate: 'Cards - {department} - {officeLocation}' }
    const roleRule: RoleRule = {
      groupRoles: groupIds.slice(0, 3).map((entraGroupId, index) => ({ entraGroupId, role: `Role ${index + 1}` })),
      managerRule: { isEnabled: true, approverRole: 'Approver' },
      selfApproverIds: users.slice(0, 50).map((user) => user.id),
    }
    // Grouping and roles work on the users in scope, as the planner will call them.
    const inScope = users.filter((user) => compileScope(scopeRule).isInScope(user, context))
    const mappedGroupIds = new Set(roleRule.groupRoles.map((entry) => entry.entraGroupId))

    // The default mapping of PRODUCT.md as Entra expressions, compiled once per run, evaluated per user.
    const evaluationOptions = { now: new Date('2026-11-23T10:00:00Z'), random: () => 0.5, newGuid: () => '00000000-0000-0000-0000-000000000000' }
    const phases: readonly Phase[] = [
      {
        metric: 'mapping-expressions',
        run: () => {
          const compiled = DEFAULT_MAPPING_EXPRESSIONS.map((text) => compileExpression(text))
          let values = 0
          for (const user of users) {
            const context = createUserEvaluationContext(user, evaluationOptions)
            for (const expression of compiled) if (expression.evaluate(context).value !== null) values += 1
          }
          return values
        },
        baseline: () => {
          let values = 0
          for (const user of users) {
            const { properties } = user
            for (const name of DEFAULT_MAPPING_PROPERTIES) if (properties[name] !== null && properties[name] !== undefined) values += 1
            values += 1 // active
          }
          return values
        },
      },
      {
        metric: 'scoping',
        run: () => {
          const scope = compileScope(scopeRule)
          let count = 0
          for (const user of users) if (scope.isInScope(user, context)) count += 1
          return count
        },
        baseline: () => {
          let count = 0
          for (const user of users) {
            const { accountEnabled, userType, department } = user.properties
            if ((accountEnabled === true && userType === 'Member') || department === departments[0]) count += 1
          }
          return count
        },
      },
      {
        metric: 'grouping-by-two-fields',
        run: () => assignGroups(groupingRule, inScope).groups.length,
        baseline: () => {
          const groups = new Map<string, string[]>()
          for (const user of inScope) {
            const key = `${String(user.properties.department)}|${String(user.properties.officeLocation)}`
            const members = groups.get(key)
            if (members === undefined) groups.set(key, [user.id])
            else members.push(user.id)
          }
          return groups.size
        },
      },
      {
        metric: 'roles',
        run: () => assignRoles(roleRule, inScope, allUsersById).size,
        baseline: () => {
          const reports = new Map<string, number>()
          let withRole = 0
          for (const user of inScope) {
            if (user.managerId !== null) reports.set(user.managerId, (reports.get(user.managerId) ?? 0) + 1)
            for (const groupId of user.groupIds) if (mappedGroupIds.has(groupId)) withRole += 1
          }
          return reports.size + withRole
        },
      },
    ]

    const id = 'rules-100k'
    const figures: BenchFigure[] = []
    let totalMs = 0
    let baselineTotalMs = 0
    const outputs: string[] = []
    for (const phase of phases) {
      log(`${phase.metric}…`)
      const times = timeRepeatedly(phase.run, (output) => outputs.push(`${phase.metric}: ${output}`))
      const baselineTimes = timeRepeatedly(phase.baseline)
      totalMs += median(times)
      baselineTotalMs += median(baselineTimes)
      figures.push(figure(id, `${phase.metric}-time`, median(times), 'ms', median(baselineTimes)))
    }
    const scope = compileScope(scopeRule)
    const explainMs = median(timeRepeatedly(() => users.reduce((count, user) => count + scope.evaluate(user, context).reasons.length, 0)))
    const peakMegabytes = process.resourceUsage().maxRSS / 1024

    figures.push(
      figure(id, 'total-time', totalMs, 'ms', baselineTotalMs),
      figure(id, 'users-per-second', USERS / (totalMs / 1000), 'users/s', USERS / (baselineTotalMs / 1000)),
      figure(id, 'scoping-with-explanations-time', explainMs, 'ms'),
      figure(id, 'peak-rss', peakMegabytes, 'MB'),
    )
    return Promise.resolve({
      notes: [
        `organisation generated and DirectoryUsers built in ${Math.round(buildMs)} ms (excluded); ${inScope.length} of ${USERS} users in scope`,
        `results (last run): ${[...new Set(outputs)].join('; ')}`,
        `current RSS ${Math.round(process.memoryUsage().rss / MEGABYTE)} MB; peak includes the generated organisation`,
      ],
      figures,
      targets: [{ description: 'default mapping + scoping + grouping + roles for 100,000 users ≤ 2 s', isMet: totalMs <= 2_000 }],
    })
  },
}

function timeRepeatedly(run: () => number, report: (output: number) => void = () => undefined): number[] {
  const times: number[] = []
  for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
    const started = performance.now()
    const output = run()
    times.push(performance.now() - started)
    report(output)
  }
  return times
}

/** DirectoryUsers as the services will build them: Graph properties, manager, direct groups (enough here). */
function buildDirectoryUsers(): { users: DirectoryUser[]; groupIds: string[]; departments: string[] } {
  const { organisation, users, groupsOf } = demoDirectoryUsers(USERS)
  // The most common department first, so the second filter matters.
  const tally = new Map<string, number>()
  for (const { user } of organisation.users) if (user.department !== null) tally.set(user.department, (tally.get(user.department) ?? 0) + 1)
  const departments = [...tally].sort((left, right) => right[1] - left[1]).map(([name]) => name)
  // Groups with the most user members first, so the role rule maps groups people are in.
  const memberCount = new Map<string, number>()
  for (const groups of groupsOf.values()) for (const groupId of groups) memberCount.set(groupId, (memberCount.get(groupId) ?? 0) + 1)
  const groupIds = [...memberCount].sort((left, right) => right[1] - left[1]).map(([groupId]) => groupId)
  return { users, groupIds, departments }
}
