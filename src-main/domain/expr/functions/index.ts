/**
 * The function registry: every function of Entra's expression reference (43 in the stored doc),
 * by its exact, case-sensitive name. The checker reads arities and signatures from it, the editors
 * completion, the evaluator the implementations.
 */
import { CONVERSION_FUNCTIONS } from './conversion-functions'
import type { FunctionDefinition } from './function-definition'
import { LOGIC_FUNCTIONS } from './logic-functions'
import { MULTI_VALUE_FUNCTIONS } from './multi-value-functions'
import { STRING_FUNCTIONS } from './string-functions'
import { TEXT_AND_DATE_FUNCTIONS } from './text-and-date'

/** The 28 functions of the expression core (the other 15 live in ./text-and-date). */
export const CORE_FUNCTIONS: readonly FunctionDefinition[] = [...CONVERSION_FUNCTIONS, ...LOGIC_FUNCTIONS, ...MULTI_VALUE_FUNCTIONS, ...STRING_FUNCTIONS]

/** Builds a registry; a name defined twice is a bug in the function lists, so it throws. */
export function createFunctionRegistry(definitions: readonly FunctionDefinition[]): ReadonlyMap<string, FunctionDefinition> {
  const registry = new Map<string, FunctionDefinition>()
  for (const definition of definitions) {
    if (registry.has(definition.name)) throw new Error(`The function ${definition.name} is defined twice.`)
    registry.set(definition.name, definition)
  }
  return new Map([...registry].sort(([a], [b]) => a.localeCompare(b, 'en')))
}

/** Every function, by name, sorted by name. */
export const FUNCTIONS: ReadonlyMap<string, FunctionDefinition> = createFunctionRegistry([...CORE_FUNCTIONS, ...TEXT_AND_DATE_FUNCTIONS])

export { EvaluationError, type FunctionDefinition } from './function-definition'
