/**
 * Host-neutral dispatch of one contract call: both the Electron IPC wrapper and the browser bridge
 * come through here, so validation and error shaping are the same in both hosts.
 */
import {
  AppError,
  CONTRACT,
  channelOf,
  toAppErrorData,
  type ApiEnvelope,
  type AreaName,
  type HeadcountApi,
  type Unsubscribe,
} from '../common'
import type { ZodType } from 'zod'
import { CONTRACT_SCHEMAS } from '../common/contract-schemas'

function isAreaName(value: string): value is AreaName {
  return Object.prototype.hasOwnProperty.call(CONTRACT, value)
}

/** Splits `area:method` and checks both halves against the contract. */
export function parseChannel(channel: string): { area: AreaName; method: string } {
  const separator = channel.indexOf(':')
  const area = channel.slice(0, separator)
  const method = channel.slice(separator + 1)
  if (separator <= 0 || !isAreaName(area) || !(CONTRACT[area].methods as readonly string[]).includes(method)) {
    throw new AppError({ code: 'InvalidArgument', message: `There is no operation called “${channel.slice(0, 80)}”.` })
  }
  return { area, method }
}

/**
 * Validates `argument` with the method's schema and calls the implementation.
 * Throws {@link AppError} `InvalidArgument` for an unknown channel or a bad argument.
 */
export async function invokeApi(api: HeadcountApi, channel: string, argument: unknown): Promise<unknown> {
  const { area, method } = parseChannel(channel)
  const schemas = CONTRACT_SCHEMAS[area] as unknown as Record<string, ZodType | undefined>
  const schema = schemas[method]
  if (!schema) throw new AppError({ code: 'Internal', message: `No schema for ${channel}.` })
  const parsed = schema.safeParse(argument)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
    throw new AppError({
      code: 'InvalidArgument',
      message: `The request to ${channel} was not valid${where}: ${issue?.message ?? 'unexpected shape'}.`,
    })
  }
  const target = (api[area] as unknown as Record<string, (argument: unknown) => Promise<unknown>>)[method]
  if (typeof target !== 'function') throw new AppError({ code: 'Internal', message: `${channel} is not implemented.` })
  return target.call(api[area], parsed.data)
}

/** {@link invokeApi}, answering with an envelope instead of throwing. */
export async function invokeApiEnveloped(api: HeadcountApi, channel: string, argument: unknown): Promise<ApiEnvelope> {
  try {
    return { ok: true, result: await invokeApi(api, channel, argument) }
  } catch (error) {
    return { ok: false, error: toAppErrorData(error) }
  }
}

/** Subscribes to every event of the contract and forwards it as `area:onDid…`. */
export function subscribeAll(api: HeadcountApi, send: (channel: string, payload: unknown) => void): Unsubscribe {
  const unsubscribes: Unsubscribe[] = []
  for (const area of Object.keys(CONTRACT) as AreaName[]) {
    for (const event of CONTRACT[area].events as readonly string[]) {
      const subscribe = (api[area] as unknown as Record<string, (listener: (payload: unknown) => void) => Unsubscribe>)[event]
      if (typeof subscribe !== 'function') continue
      unsubscribes.push(subscribe.call(api[area], (payload) => send(channelOf(area, event), payload)))
    }
  }
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe()
  }
}
