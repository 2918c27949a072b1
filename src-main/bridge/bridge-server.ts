/**
 * The browser host: serves the built renderer and the same API as Electron's IPC over a WebSocket,
 * bound to 127.0.0.1 only and guarded by Host, Origin and a random per-launch token.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import {
  AppError,
  BRIDGE_PROTOCOL,
  BRIDGE_SOCKET_PATH,
  toAppErrorData,
  type BridgeEventMessage,
  type BridgeResultMessage,
  type HeadcountApi,
} from '../common'
import { invokeApiEnveloped, subscribeAll } from '../api/invoke-api'
import { checkUpgrade, isAllowedHost } from './request-guards'
import { serveStatic } from './static-files'

export interface BridgeOptions {
  readonly api: HeadcountApi
  /** Folder holding the built renderer (index.html and assets). */
  readonly staticRoot: string
  /** 0 (default) picks a free port. */
  readonly port?: number
  /** Fixed token for tests; a fresh random one otherwise. */
  readonly token?: string
}

export interface RunningBridge {
  /** `http://127.0.0.1:PORT/#token=…`: the address to open. */
  readonly url: string
  readonly origin: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const MAX_MESSAGE_BYTES = 1024 * 1024

function parseCall(raw: string): { id: number; channel: string; argument: unknown } | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const message = value as Record<string, unknown>
  if (message.type !== 'call' || typeof message.id !== 'number' || !Number.isSafeInteger(message.id)) return null
  if (typeof message.channel !== 'string' || message.channel.length > 200) return null
  return { id: message.id, channel: message.channel, argument: message.argument }
}

function rawDataToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}

function reject(socket: Duplex, status: number, reason: string): void {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error'
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  )
}

export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = 0
  const sockets = new Set<WebSocket>()

  const server = createServer((request, response) => {
    if (!isAllowedHost(request.headers.host, port)) {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('Host not allowed.\n')
      return
    }
    serveStatic(options.staticRoot, port, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  })

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkUpgrade(
      {
        path: (request.url ?? '').split('?')[0] ?? '',
        host: request.headers.host,
        origin: request.headers.origin,
        protocols: request.headers['sec-websocket-protocol'],
      },
      port,
      token,
      BRIDGE_SOCKET_PATH,
    )
    if (!verdict.ok) {
      reject(socket, verdict.status, verdict.reason)
      return
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => webSockets.emit('connection', webSocket, request))
  })

  webSockets.on('connection', (webSocket: WebSocket) => {
    sockets.add(webSocket)
    webSocket.on('close', () => sockets.delete(webSocket))
    webSocket.on('message', (data, isBinary) => {
      const call = isBinary ? null : parseCall(rawDataToText(data))
      if (!call) {
        const error = new AppError({ code: 'InvalidArgument', message: 'The bridge received a malformed message.' })
        const answer: BridgeResultMessage = { type: 'result', id: -1, ok: false, error: toAppErrorData(error) }
        webSocket.send(JSON.stringify(answer))
        return
      }
      void invokeApiEnveloped(options.api, call.channel, call.argument).then((envelope) => {
        const answer: BridgeResultMessage = { type: 'result', id: call.id, ...envelope }
        if (webSocket.readyState === webSocket.OPEN) webSocket.send(JSON.stringify(answer))
      })
    })
  })

  const unsubscribe = subscribeAll(options.api, (channel, payload) => {
    const text = JSON.stringify({ type: 'event', channel, payload } satisfies BridgeEventMessage)
    for (const webSocket of sockets) if (webSocket.readyState === webSocket.OPEN) webSocket.send(text)
  })

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    async close() {
      unsubscribe()
      for (const webSocket of sockets) webSocket.terminate()
      webSockets.close()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}
