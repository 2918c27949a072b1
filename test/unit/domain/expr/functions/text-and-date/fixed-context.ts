/** A fixed evaluation context for the text-and-date golden tests: now, a seeded random, a fixed GUID. */
import { MISSING, type ArgumentValue, type EvaluationContext, type EvaluationResult } from '../../../../../../src-main/domain/expr/expr-value'
import type { FunctionDefinition } from '../../../../../../src-main/domain/expr/functions/function-definition'

export const FIXED_NOW = new Date('2026-11-23T10:00:00Z')
export const FIXED_GUID = '00aa00aa-bb11-cc22-dd33-44ee44ee44ee'
export const M: typeof MISSING = MISSING

/** mulberry32: a small deterministic generator of uniform [0, 1) numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function fixedContext(seed = 42): EvaluationContext {
  return { attribute: () => null, now: FIXED_NOW, random: seededRandom(seed), newGuid: () => FIXED_GUID, isTaken: () => false }
}

/** Calls a definition's evaluate with a fresh fixed context. */
export function call(definition: FunctionDefinition, ...args: ArgumentValue[]): EvaluationResult {
  return definition.evaluate(args, fixedContext())
}
