/**
 * RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase,
 * CharactersToAvoid). The character classes are those of Windows' "Password must meet complexity
 * requirements" reference, which the doc points to: A–Z, a–z, 0–9 and the special characters
 * ~!@#$%^&*_-+=`|\(){}[]:;"'<>,.?/ . The minimums are drawn first, the rest from every allowed
 * character, then the whole is shuffled (Fisher–Yates) — all with the context's random source.
 */
import { MISSING, type ArgumentValue } from '../../expr-value'
import { EvaluationError, type FunctionDefinition } from '../function-definition'
import { toNumber, toText } from '../value-conversion'

export const MAXIMUM_RANDOM_STRING_LENGTH = 256
export const DIGITS = '0123456789'
export const SPECIAL_CHARACTERS = '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/'
export const CAPITAL_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const LOWER_CASE_LETTERS = 'abcdefghijklmnopqrstuvwxyz'

function count(value: ArgumentValue, parameter: string, maximum: number): number {
  const number = toNumber(value, 'RandomString', parameter)
  if (!Number.isInteger(number) || number < 0 || number > maximum) {
    throw new EvaluationError('invalidNumber', `RandomString: ${parameter} must be a whole number from 0 to ${maximum}, not ${number}.`)
  }
  return number
}

export const RANDOM_STRING_FUNCTION: FunctionDefinition = {
  name: 'RandomString',
  signature: 'RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase, CharactersToAvoid)',
  summary: 'A random string of up to 256 characters with minimum numbers, special characters, capitals and lower-case letters.',
  minArguments: 5,
  maxArguments: 6,
  isVolatile: true,
  evaluate(args, context) {
    const length = count(args[0] ?? MISSING, 'Length', MAXIMUM_RANDOM_STRING_LENGTH)
    const minimums = [
      count(args[1] ?? MISSING, 'MinimumNumbers', MAXIMUM_RANDOM_STRING_LENGTH),
      count(args[2] ?? MISSING, 'MinimumSpecialCharacters', MAXIMUM_RANDOM_STRING_LENGTH),
      count(args[3] ?? MISSING, 'MinimumCapital', MAXIMUM_RANDOM_STRING_LENGTH),
      count(args[4] ?? MISSING, 'MinimumLowerCase', MAXIMUM_RANDOM_STRING_LENGTH),
    ]
    const required = minimums.reduce((sum, minimum) => sum + minimum, 0)
    if (required > length) {
      throw new EvaluationError('invalidNumber', `RandomString: the minimums add up to ${required}, more than the length ${length}.`, 'Make Length at least the sum of the four minimums.')
    }
    const avoided = new Set(toText(args[5] ?? MISSING) ?? '')
    const pools = [DIGITS, SPECIAL_CHARACTERS, CAPITAL_LETTERS, LOWER_CASE_LETTERS].map((pool) => [...pool].filter((character) => !avoided.has(character)))
    const names = ['numbers', 'special characters', 'capital letters', 'lower-case letters']
    const pick = (pool: readonly string[]): string => pool[Math.min(pool.length - 1, Math.floor(context.random() * pool.length))] ?? ''
    const characters: string[] = []
    pools.forEach((pool, index) => {
      const minimum = minimums[index] ?? 0
      if (minimum > 0 && pool.length === 0) throw new EvaluationError('invalidArgument', `RandomString: CharactersToAvoid excludes every one of the ${names[index] ?? ''}.`)
      for (let drawn = 0; drawn < minimum; drawn++) characters.push(pick(pool))
    })
    const allowed = pools.flat()
    if (characters.length < length && allowed.length === 0) throw new EvaluationError('invalidArgument', 'RandomString: CharactersToAvoid excludes every character.')
    while (characters.length < length) characters.push(pick(allowed))
    for (let index = characters.length - 1; index > 0; index--) {
      const other = Math.min(index, Math.floor(context.random() * (index + 1)))
      ;[characters[index], characters[other]] = [characters[other] ?? '', characters[index] ?? '']
    }
    return characters.join('')
  },
}
