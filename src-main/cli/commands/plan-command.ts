/** `headcount plan --profile NAME [--json]`: what a push would change, without changing anything. */
import type { PlanOperation, PlanSummary } from '../../common'
import { planSummaryLine } from '../../domain/planner/plan-csv'
import type { CliContext } from '../cli-context'
import { EXIT_OK } from '../exit-codes'
import type { CommandSpec, ParsedCommand } from '../parse-command-line'
import { openSyncProfile } from './target-command'

export const PLAN_COMMAND: CommandSpec = {
  name: 'plan',
  summary: 'Plan a sync from the cache, the saved rules and a fresh read of the target; nothing is sent.',
  positionals: [],
  flags: {
    profile: { kind: 'value', description: 'profile name or id' },
    json: { kind: 'switch', description: 'print {counts, operations} as JSON on stdout' },
  },
}

const PAGE = 1000

/** Every operation of a previewed plan, page by page. */
export async function readAllOperations(context: CliContext, summary: PlanSummary): Promise<PlanOperation[]> {
  const operations: PlanOperation[] = []
  for (let offset = 0; offset < summary.totalOperations; offset += PAGE) {
    const page = await context.api.sync.queryPlan({ profileId: summary.profileId, planId: summary.planId, offset, limit: PAGE })
    operations.push(...page.rows)
  }
  return operations
}

/** The plan as scripts read it: counts per action, and each operation's essentials. */
export function planJson(summary: PlanSummary, operations: readonly PlanOperation[]): unknown {
  return {
    counts: summary.counts,
    safety: summary.safety,
    operations: operations.map((operation) => ({
      action: operation.action,
      entraId: operation.entraId,
      targetId: operation.targetId,
      userName: operation.userName,
      reason: operation.reason.text,
      reasonCode: operation.reason.code,
      changes: operation.changes,
    })),
  }
}

export async function runPlanCommand(command: ParsedCommand, context: CliContext): Promise<number> {
  const profile = await openSyncProfile(command, context)
  // The CLI plans against the target as it is now, not against an older snapshot.
  await context.api.target.refresh({ profileId: profile.id })
  const summary = await context.api.sync.plan({ profileId: profile.id })
  if (command.switches.has('json')) {
    context.stdout.write(JSON.stringify(planJson(summary, await readAllOperations(context, summary))) + '\n')
  } else {
    context.stdout.write(`${profile.name}: ${planSummaryLine(summary)}\n`)
    if (!summary.isPushEnabled) context.stdout.write('Pushing is not enabled in the console for this profile; “headcount push --yes” pushes anyway (an explicit admin action).\n')
  }
  return EXIT_OK
}
