/**
 * The ONLY module that touches `window.headcount` (Electron preload) or the browser bridge.
 *
 * Under Electron the preload has already built `window.headcount` from the contract. In a browser
 * (the bridge in src-main/bridge), this module builds the same object over a WebSocket to 127.0.0.1,
 * authenticated with the per-launch token the bridge put in the page's URL fragment.
 */
import {
  AppError,
  BRIDGE_PROTOCOL,
  BRIDGE_SOCKET_PATH,
  BRIDGE_TOKEN_PREFIX,
  CONTRACT,
  channelOf,
  isAppErrorData,
  type AreaName,
  type BridgeCallMessage,
  type BridgeEventMessage,
  type BridgeResultMessage,
  type HeadcountApi,
  type HostKind,
} from '../../src-main/common'

// `window.headcount` is declared in src-preload/headcount-global.d.ts, next to the code that sets it.

type Pending = { resolve: (value: unknown) => void; reject: (reason: unknown) => void }
type AnyListener = (payload: unknown) => void

const TOKEN_STORAGE_KEY = 'headcount.bridgeToken'

/** Reads the bridge token from `#token=…` once, keeps it for reloads, and removes it from the URL. */
function takeBridgeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, match[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return match[1]
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY)
}

function toError(data: unknown): Error {
  return isAppErrorData(data)
    ? new AppError(data)
    : new AppError({ code: 'Internal', message: 'The console received an unreadable answer.' })
}

/** A WebSocket connection to the bridge that reconnects and queues calls while it is down. */
class BridgeConnection {
  private socket: WebSocket | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Map<string, Set<AnyListener>>()
  private opened: Promise<WebSocket> | null = null

  constructor(private readonly token: string) {}

  call(channel: string, argument: unknown): Promise<unknown> {
    return this.connect().then(
      (socket) =>
        new Promise((resolve, reject) => {
          const id = this.nextId++
          this.pending.set(id, { resolve, reject })
          const message: BridgeCallMessage = { type: 'call', id, channel, argument }
          socket.send(JSON.stringify(message))
        }),
    )
  }

  subscribe(channel: string, listener: AnyListener): () => void {
    let set = this.listeners.get(channel)
    if (!set) {
      set = new Set()
      this.listeners.set(channel, set)
    }
    set.add(listener)
    void this.connect().catch(() => undefined)
    return () => {
      set.delete(listener)
    }
  }

  private connect(): Promise<WebSocket> {
    if (this.opened) return this.opened
    this.opened = new Promise<WebSocket>((resolve, reject) => {
      const url = `ws://${window.location.host}${BRIDGE_SOCKET_PATH}`
      const socket = new WebSocket(url, [BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX + this.token])
      socket.addEventListener('open', () => {
        this.socket = socket
        resolve(socket)
      })
      socket.addEventListener('message', (event) => this.receive(String(event.data)))
      socket.addEventListener('close', () => {
        const wasOpen = this.socket === socket
        this.socket = null
        this.opened = null
        for (const pending of this.pending.values()) {
          pending.reject(
            new AppError({
              code: 'NetworkError',
              message: 'The connection to Headcount was lost.',
              hint: 'Check that Headcount is still running, then reload the page.',
            }),
          )
        }
        this.pending.clear()
        if (!wasOpen) {
          reject(
            new AppError({
              code: 'Unauthorized',
              message: 'Headcount refused this page.',
              hint: 'Open the address Headcount printed when it started; it contains a fresh access token.',
            }),
          )
        } else if (this.listeners.size > 0) {
          setTimeout(() => void this.connect().catch(() => undefined), 1000)
        }
      })
    })
    return this.opened
  }

  private receive(text: string): void {
    let message: BridgeResultMessage | BridgeEventMessage
    try {
      message = JSON.parse(text) as BridgeResultMessage | BridgeEventMessage
    } catch {
      return
    }
    if (message.type === 'event') {
      for (const listener of this.listeners.get(message.channel) ?? []) listener(message.payload)
      return
    }
    const pending = this.pending.get(message.id)
    if (!pending) return
    this.pending.delete(message.id)
    if (message.ok) pending.resolve(message.result)
    else pending.reject(toError(message.error))
  }
}

/** Builds a HeadcountApi mechanically from CONTRACT over any call/subscribe transport. */
export function buildApi(
  call: (channel: string, argument: unknown) => Promise<unknown>,
  subscribe: (channel: string, listener: AnyListener) => () => void,
): HeadcountApi {
  const api: Record<string, Record<string, unknown>> = {}
  for (const area of Object.keys(CONTRACT) as AreaName[]) {
    const members: Record<string, unknown> = {}
    for (const method of CONTRACT[area].methods) {
      members[method] = (argument: unknown) => call(channelOf(area, method), argument)
    }
    for (const event of CONTRACT[area].events as readonly string[]) {
      members[event] = (listener: AnyListener) => subscribe(channelOf(area, event), listener)
    }
    api[area] = members
  }
  return api as unknown as HeadcountApi
}

function createBrowserApi(): HeadcountApi {
  const token = takeBridgeToken()
  if (!token) {
    const missing = (): Promise<never> =>
      Promise.reject(
        new AppError({
          code: 'Unauthorized',
          message: 'This page was opened without Headcount’s access token.',
          hint: 'Open the address Headcount printed when it started (it ends with #token=…).',
        }),
      )
    return buildApi(missing, () => () => undefined)
  }
  const connection = new BridgeConnection(token)
  return buildApi(
    (channel, argument) => connection.call(channel, argument),
    (channel, listener) => connection.subscribe(channel, listener),
  )
}

/** Which host the console runs in. */
export const hostKind: HostKind = window.headcount ? 'electron' : 'browser'

/** The Headcount API, whichever host is present. */
export const api: HeadcountApi = window.headcount ?? createBrowserApi()
