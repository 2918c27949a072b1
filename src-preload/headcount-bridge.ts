/**
 * Builds `window.headcount` mechanically from the contract (STYLE.md habit 3): one function per
 * method, one subscriber per event, nothing typed twice. Pure: the Electron specifics arrive as a
 * {@link BridgeTransport}, so this runs under Vitest and index.ts stays a few lines of wiring.
 */
import { CONTRACT, channelOf, type AreaName, type HeadcountApi, type Unsubscribe } from '../src-main/common/contract'
import type { ApiEnvelope } from '../src-main/common/envelope'
import { toAppErrorData, type AppErrorData } from '../src-main/common/errors'

/** What the renderer sees as `window.headcount` in the Electron host. */
export type HeadcountBridge = HeadcountApi & { host: 'electron' }

/** The two IPC primitives the bridge needs, without naming Electron. */
export interface BridgeTransport {
  /** Sends one call on `area:method` and resolves with the main process's envelope. */
  invoke(channel: string, argument: unknown): Promise<unknown>
  /** Listens on `area:onDid…`; the returned function stops listening. */
  subscribe(channel: string, listener: (payload: unknown) => void): Unsubscribe
}

type Listener = (payload: unknown) => void

/** Creates the object exposed as `window.headcount`. */
export function createHeadcountBridge(transport: BridgeTransport): HeadcountBridge {
  const bridge: Record<string, unknown> = { host: 'electron' }
  for (const area of Object.keys(CONTRACT) as AreaName[]) {
    const members: Record<string, unknown> = {}
    for (const method of CONTRACT[area].methods as readonly string[]) {
      const channel = channelOf(area, method)
      // Exactly one argument crosses: a caller passing extras (say, a click event) sends nothing more.
      members[method] = async (argument: unknown): Promise<unknown> =>
        unwrapEnvelope(await transport.invoke(channel, argument))
    }
    for (const event of CONTRACT[area].events as readonly string[]) {
      const channel = channelOf(area, event)
      members[event] = (listener: Listener): Unsubscribe => {
        if (typeof listener !== 'function') throw new TypeError(`${channel} needs a listener function.`)
        return transport.subscribe(channel, (payload) => listener(payload))
      }
    }
    bridge[area] = Object.freeze(members)
  }
  return Object.freeze(bridge) as unknown as HeadcountBridge
}

/**
 * Returns an envelope's result, or rejects with its error as plain {@link AppErrorData}.
 *
 * Why not an `Error`: contextBridge copies a thrown `Error` into the page with its message only —
 * "any custom properties on the Error object will be lost" (Electron docs, context-bridge.md,
 * parameter/error/return type support). A plain object crosses intact, so the renderer's api module
 * gets `code`, `hint`, `requestId` and `status` and rebuilds an `AppError` from them.
 */
export function unwrapEnvelope(envelope: unknown): unknown {
  if (isEnvelope(envelope)) {
    if (envelope.ok) return envelope.result
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- plain data on purpose, see above
    throw rejectionOf(toAppErrorData(envelope.error))
  }
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- plain data on purpose, see above
  throw rejectionOf({ code: 'Internal', message: 'Headcount received an answer it did not understand.' })
}

function rejectionOf(data: AppErrorData): AppErrorData & { readonly name: 'AppError' } {
  return { name: 'AppError', ...data }
}

function isEnvelope(value: unknown): value is ApiEnvelope {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return record.ok === true ? 'result' in record : record.ok === false && 'error' in record
}
