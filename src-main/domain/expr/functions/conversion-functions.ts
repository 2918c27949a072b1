/** Number and conversion functions: BitAnd and CStr. */
import { EvaluationError, type FunctionDefinition } from './function-definition'
import { toNumber, toText } from './value-conversion'

const BitAnd: FunctionDefinition = {
  name: 'BitAnd',
  signature: 'BitAnd(value1, value2)',
  summary: 'The bitwise AND of two whole numbers: BitAnd(&HF, &HF7) is 7.',
  minArguments: 2,
  maxArguments: 2,
  evaluate: ([first, second]) => {
    const left = toNumber(first ?? null, 'BitAnd', 'value1')
    const right = toNumber(second ?? null, 'BitAnd', 'value2')
    if (!Number.isSafeInteger(left) || !Number.isSafeInteger(right)) {
      throw new EvaluationError('invalidNumber', 'BitAnd works on whole numbers.')
    }
    // 64-bit like .NET's long; BigInt keeps values above 2^31 exact (AD flags such as userAccountControl fit either way).
    return Number(BigInt.asIntN(64, BigInt(left) & BigInt(right)))
  },
}

const CStr: FunctionDefinition = {
  name: 'CStr',
  signature: 'CStr(value)',
  summary: 'The value as a string (numbers as digits, booleans as True/False); null stays null.',
  minArguments: 1,
  maxArguments: 1,
  evaluate: ([value]) => toText(value ?? null),
}

/** The number and conversion functions. */
export const CONVERSION_FUNCTIONS: readonly FunctionDefinition[] = [BitAnd, CStr]
