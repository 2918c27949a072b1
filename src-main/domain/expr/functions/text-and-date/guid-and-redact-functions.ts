/** Guid and Redact: the two functions that only pass something through. */
import { MISSING } from '../../expr-value'
import type { FunctionDefinition } from '../function-definition'

/** Guid(): a new GUID from the context's id source (random in the product, fixed in tests). */
export const GUID_FUNCTION: FunctionDefinition = {
  name: 'Guid',
  signature: 'Guid()',
  summary: 'A new random GUID.',
  minArguments: 0,
  maxArguments: 0,
  isVolatile: true,
  evaluate(_args, context) {
    return context.newGuid()
  },
}

/**
 * Redact(attribute/value): the value itself; only the logs change. The evaluator (not this
 * function) prints "[Redact]" for the call in run logs and previews, as Entra's provisioning logs do.
 */
export const REDACT_FUNCTION: FunctionDefinition = {
  name: 'Redact',
  signature: 'Redact(attribute/value)',
  summary: 'Returns the value unchanged and shows it as [Redact] in the logs.',
  minArguments: 1,
  maxArguments: 1,
  evaluate(args) {
    const value = args[0] ?? MISSING
    return value === MISSING ? null : value
  },
}
