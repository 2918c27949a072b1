/**
 * Conditions, tests and choices: CBool, Coalesce, IgnoreFlowIfNullOrEmpty, IIF, IsNull,
 * IsNullOrEmpty, IsPresent, IsString, Not, SelectUniqueValue, Switch. Yes/no answers are the strings
 * "True"/"False" (see value-conversion.ts).
 */
import { IGNORE_FLOW, MISSING, type ArgumentValue, type ExprValue } from '../expr-value'
import { EvaluationError, type FunctionDefinition } from './function-definition'
import { booleanText, isNullOrEmpty, isNullValue, toBoolean, toText } from './value-conversion'

const CBool: FunctionDefinition = {
  name: 'CBool',
  signature: 'CBool(Expression)',
  summary: 'True when the expression is true or a non-zero number, otherwise False.',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([value]) => booleanText(toBoolean(value ?? null, 'CBool')),
}

const Coalesce: FunctionDefinition = {
  name: 'Coalesce',
  signature: 'Coalesce(source1, source2, ..., defaultValue)',
  summary: 'The first argument that is not null (an empty string counts as a value).',
  minArguments: 1,
  maxArguments: Number.POSITIVE_INFINITY,
  evaluate: (args) => asValue(args.find((value) => !isNullValue(value)) ?? null),
}

const IgnoreFlowIfNullOrEmpty: FunctionDefinition = {
  name: 'IgnoreFlowIfNullOrEmpty',
  signature: 'IgnoreFlowIfNullOrEmpty(expression)',
  summary: 'Leaves the target attribute out of the flow when the expression is null or empty.',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([value]) => (isNullOrEmpty(value ?? null) ? IGNORE_FLOW : asValue(value ?? null)),
}

const IIF: FunctionDefinition = {
  name: 'IIF',
  signature: 'IIF(condition, valueIfTrue, valueIfFalse)',
  summary: 'valueIfTrue when the condition holds, otherwise valueIfFalse (a null or empty source attribute in the condition fails it).',
  minArguments: 3,
  maxArguments: 3,
  // The evaluator passes "False" when a source attribute inside the condition is null or empty
  // (Entra: "the condition check fails"), so this only reads the condition's truth.
  evaluate: ([condition, valueIfTrue, valueIfFalse]) =>
    asValue((toBoolean(condition ?? null, 'IIF') ? valueIfTrue : valueIfFalse) ?? null),
}

const IsNull: FunctionDefinition = {
  name: 'IsNull',
  signature: 'IsNull(Expression)',
  summary: 'True when the expression is null (an attribute that is absent).',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([value]) => booleanText(isNullValue(value ?? null)),
}

const IsNullOrEmpty: FunctionDefinition = {
  name: 'IsNullOrEmpty',
  signature: 'IsNullOrEmpty(Expression)',
  summary: 'True when the expression is null or an empty string; the inverse of IsPresent.',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([value]) => booleanText(isNullOrEmpty(value ?? null)),
}

const IsPresent: FunctionDefinition = {
  name: 'IsPresent',
  signature: 'IsPresent(Expression)',
  summary: 'True when the expression is neither null nor empty; the inverse of IsNullOrEmpty.',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([value]) => booleanText(!isNullOrEmpty(value ?? null)),
}

const IsString: FunctionDefinition = {
  name: 'IsString',
  signature: 'IsString(Expression)',
  summary: 'True when the expression is a string (not null, a number or a multi-valued attribute).',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([value]) => booleanText(typeof value === 'string'),
}

const Not: FunctionDefinition = {
  name: 'Not',
  signature: 'Not(source)',
  summary: 'False when the source is "True", otherwise True.',
  minArguments: 1,
  maxArguments: 1,
  // "If source value is True, returns False. Otherwise, returns True." Case is ignored, as .NET's
  // Boolean.Parse does.
  evaluate: ([value]) => booleanText(!(value === true || toText(value ?? null)?.trim().toLowerCase() === 'true')),
}

const SelectUniqueValue: FunctionDefinition = {
  name: 'SelectUniqueValue',
  signature: 'SelectUniqueValue(uniqueValueRule1, uniqueValueRule2, ...)',
  summary: 'The first rule’s value that is not already taken in the target (top level only).',
  minArguments: 2,
  maxArguments: Number.POSITIVE_INFINITY,
  isVolatile: true,
  evaluate: (args, context) => {
    for (const candidate of args) {
      const text = toText(candidate)
      if (text === null || text === '') continue
      if (!context.isTaken(text)) return text
    }
    // Entra escrows the entry and logs the reason; here the mapping reports it.
    throw new EvaluationError('noUniqueValue', 'SelectUniqueValue: every candidate value is already taken in the target.', 'Add another rule, for example with a number appended.')
  },
}

const Switch: FunctionDefinition = {
  name: 'Switch',
  signature: 'Switch(source, defaultValue, key1, value1, key2, value2, ...)',
  summary: 'The value paired with the first key equal to the source (case-sensitive), else defaultValue.',
  minArguments: 4,
  maxArguments: Number.POSITIVE_INFINITY,
  evaluate: (args) => {
    // A null source matches the key "" (the doc's own workaround: Switch([country],[country],"","Other")).
    const source = toText(args[0] ?? null) ?? ''
    for (let index = 2; index + 1 < args.length; index += 2) {
      const key = args[index] ?? null
      if ((toText(key) ?? '') === source) return asValue(args[index + 1] ?? null)
    }
    return asValue(args[1] ?? null)
  },
}

/** An argument as a result: an empty slot is null. */
function asValue(value: ArgumentValue): ExprValue {
  return value === MISSING ? null : value
}

/** The condition and choice functions, in documentation order. */
export const LOGIC_FUNCTIONS: readonly FunctionDefinition[] = [CBool, Coalesce, IgnoreFlowIfNullOrEmpty, IIF, IsNull, IsNullOrEmpty, IsPresent, IsString, Not, SelectUniqueValue, Switch]
