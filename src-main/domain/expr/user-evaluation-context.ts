/**
 * An EvaluationContext over one DirectoryUser: source attributes are read the way Entra names them
 * (domain/mapping/source-attributes.ts) and turned into expression values. The clock, randomness,
 * GUIDs and the "already taken" test are injected: the core stays pure.
 */
import type { DirectoryUser } from '../directory/directory-user'
import { readSourceAttribute } from '../mapping/source-attributes'
import type { EvaluationContext, ExprValue, ScalarValue } from './expr-value'

export interface ContextServices {
  readonly now: Date
  random(): number
  newGuid(): string
  /** SelectUniqueValue; by default nothing is taken. */
  isTaken?(value: string): boolean
}

/** The context for evaluating expressions against one user. */
export function createUserEvaluationContext(user: DirectoryUser, services: ContextServices): EvaluationContext {
  return new UserEvaluationContext(user, services)
}

/**
 * A class rather than an object of closures: one is made per user and phase while planning 100,000
 * users, and methods on the prototype allocate nothing per instance.
 */
class UserEvaluationContext implements EvaluationContext {
  readonly now: Date

  constructor(
    private readonly user: DirectoryUser,
    private readonly services: ContextServices,
  ) {
    this.now = services.now
  }

  attribute(name: string): ExprValue {
    return toExprValue(readSourceAttribute(this.user, name))
  }

  random(): number {
    return this.services.random()
  }

  newGuid(): string {
    return this.services.newGuid()
  }

  isTaken(value: string): boolean {
    return this.services.isTaken?.(value) ?? false
  }
}

/**
 * A Graph JSON value as an expression value: strings, numbers and booleans as they are, arrays as
 * multi-valued attributes (of their scalar elements), anything else (objects) as null — Entra
 * exposes complex properties through flattened names such as [extensionAttribute1].
 */
export function toExprValue(value: unknown): ExprValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (Array.isArray(value)) {
    return value.filter((item): item is ScalarValue => item === null || ['string', 'number', 'boolean'].includes(typeof item))
  }
  return null
}
