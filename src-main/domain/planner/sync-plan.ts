/**
 * The plan's shapes cross the contract (the preview screen shows them), so they live in
 * common/sync-plan.ts; the planner and the executor import them from here as well.
 */
export * from '../../common/sync-plan'
