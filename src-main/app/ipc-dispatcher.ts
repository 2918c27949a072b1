/**
 * The host-side half of IPC without Electron: which channels exist, the sender check, and turning
 * every outcome into an {@link ApiEnvelope}. ipc-host.ts only binds this to `webContents.ipc`.
 */
import {
  AppError,
  CONTRACT,
  channelOf,
  isAppErrorData,
  toAppErrorData,
  type ApiEnvelope,
  type AreaName,
} from '../common'
import type { AppLocation } from './app-location'
import { isTrustedSender, type SenderFrame } from './trusted-sender'

/** Every method channel of the contract (`area:method`), in contract order. */
export const CONTRACT_METHOD_CHANNELS: readonly string[] = (Object.keys(CONTRACT) as AreaName[]).flatMap((area) =>
  (CONTRACT[area].methods as readonly string[]).map((method) => channelOf(area, method)),
)

/** One `ipcRenderer.invoke` as the dispatcher sees it. */
export interface IpcCall {
  readonly channel: string
  /** `null` when the sending frame has gone (navigated or destroyed). */
  readonly frame: SenderFrame | null
  readonly argument: unknown
}

/** The app's location (for the sender check), the call runner and the two report hooks. */
export interface IpcDispatcherOptions {
  readonly location: AppLocation
  /** Validates and runs one call: `invokeApi` bound to the API, in production. */
  readonly invoke: (channel: string, argument: unknown) => Promise<unknown>
  /** A thrown value that is not an expected failure: a bug, logged in full, shown as `Internal`. */
  readonly onUnexpectedError: (error: unknown, channel: string) => void
  /** A call from a frame that is not the app's own page. */
  readonly onRejectedSender: (call: IpcCall) => void
}

/** Answers one IPC call; never rejects. */
export type IpcDispatcher = (call: IpcCall) => Promise<ApiEnvelope>

/**
 * Builds the dispatcher. Answers are envelopes, never rejections, because `ipcRenderer.invoke`
 * keeps only the message of a thrown error and the renderer needs `code`, `hint` and `requestId`.
 */
export function createIpcDispatcher(options: IpcDispatcherOptions): IpcDispatcher {
  return async (call) => {
    if (!isTrustedSender(call.frame, options.location)) {
      options.onRejectedSender(call)
      return {
        ok: false,
        error: { code: 'Forbidden', message: 'This request did not come from the Headcount window.' },
      }
    }
    try {
      return { ok: true, result: await options.invoke(call.channel, call.argument) }
    } catch (error) {
      if (!isExpectedFailure(error)) options.onUnexpectedError(error, call.channel)
      return { ok: false, error: toAppErrorData(error) }
    }
  }
}

function isExpectedFailure(error: unknown): boolean {
  if (error instanceof AppError || isAppErrorData(error)) return true
  return error instanceof Error && error.name === 'AbortError'
}
