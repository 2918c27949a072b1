/**
 * The wire envelopes both hosts use. Electron's `ipcRenderer.invoke` drops custom fields of a thrown
 * error, and a WebSocket carries only JSON, so results travel as `{ ok, result | error }` and the
 * renderer side turns a failure back into an {@link AppError}.
 */
import type { AppErrorData } from './errors'

export type ApiEnvelope<T = unknown> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly error: AppErrorData }

/** Browser bridge: a call from the renderer. */
export interface BridgeCallMessage {
  readonly type: 'call'
  readonly id: number
  /** `area:method` */
  readonly channel: string
  readonly argument: unknown
}

/** Browser bridge: the answer to one call. */
export type BridgeResultMessage = { readonly type: 'result'; readonly id: number } & ApiEnvelope

/** Browser bridge: an event pushed to every connected renderer. */
export interface BridgeEventMessage {
  readonly type: 'event'
  /** `area:onDid…` */
  readonly channel: string
  readonly payload: unknown
}

/** WebSocket subprotocols: the first names the protocol, the second carries the per-launch token. */
export const BRIDGE_PROTOCOL = 'headcount.v1'
export const BRIDGE_TOKEN_PREFIX = 'token.'
/** Path of the bridge's WebSocket endpoint. */
export const BRIDGE_SOCKET_PATH = '/api'
