/**
 * A real HTTP CONNECT proxy on 127.0.0.1 for tests: tunnels TLS to loopback targets only and
 * records which host:port each tunnel went to, so a test can prove traffic took the proxy.
 */
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'

export interface RunningConnectProxy {
  readonly url: string
  readonly tunnels: readonly string[]
  close(): Promise<void>
}

export async function startConnectProxy(): Promise<RunningConnectProxy> {
  const tunnels: string[] = []
  const sockets = new Set<Duplex | Socket>()
  const server = createServer((_request, response) => {
    response.writeHead(405).end('CONNECT only\n')
  })
  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client)
    const target = request.url ?? ''
    const [host, port] = target.split(':')
    if (host !== '127.0.0.1' && host !== 'localhost') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    tunnels.push(target)
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
