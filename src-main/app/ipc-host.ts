/**
 * Binds the contract to Electron IPC for one window. The only file that handles IPC in main: it
 * uses `webContents.ipc`, the window-scoped `IpcMain`, so messages from any other web contents never
 * reach a handler at all. Everything that can be decided without Electron lives in ipc-dispatcher.ts.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import type { HeadcountApi, Unsubscribe } from '../common'
import { invokeApi, subscribeAll } from '../api/invoke-api'
import type { AppLocation } from './app-location'
import { CONTRACT_METHOD_CHANNELS, createIpcDispatcher } from './ipc-dispatcher'
import type { SenderFrame } from './trusted-sender'

/** The window to serve, the API behind it, and where refusals and bugs are reported. */
export interface IpcHostOptions {
  readonly window: BrowserWindow
  readonly api: HeadcountApi
  readonly location: AppLocation
  readonly log: (message: string, detail?: unknown) => void
}

/**
 * Registers one `invoke` handler per contract method (`area:method`) and forwards every contract
 * event to the window as `area:onDid…`. Detaches itself when the window closes; the returned
 * function detaches earlier.
 */
export function attachIpcHost(options: IpcHostOptions): Unsubscribe {
  const { window, api, log } = options
  const contents = window.webContents
  const dispatch = createIpcDispatcher({
    location: options.location,
    invoke: (channel, argument) => invokeApi(api, channel, argument),
    onUnexpectedError: (error, channel) => log(`Unexpected failure in ${channel}.`, error),
    onRejectedSender: (call) => log(`Refused ${call.channel} from an untrusted frame: ${call.frame?.url ?? 'gone'}`),
  })
  for (const channel of CONTRACT_METHOD_CHANNELS) {
    // Only the first argument is taken: the contract has one object argument per method.
    contents.ipc.handle(channel, (event, argument: unknown) =>
      dispatch({ channel, frame: senderFrameOf(event), argument }),
    )
  }
  const unsubscribeEvents = subscribeAll(api, (channel, payload) => {
    if (!contents.isDestroyed()) contents.send(channel, payload)
  })

  let isAttached = true
  const detach = (): void => {
    if (!isAttached) return
    isAttached = false
    unsubscribeEvents()
    if (contents.isDestroyed()) return
    for (const channel of CONTRACT_METHOD_CHANNELS) contents.ipc.removeHandler(channel)
  }
  window.once('closed', detach)
  return detach
}

function senderFrameOf(event: IpcMainInvokeEvent): SenderFrame | null {
  const frame = event.senderFrame
  if (frame === null) return null
  return { url: frame.url, isMainFrame: frame.parent === null }
}
