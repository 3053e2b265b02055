/**
 * Serves a web-standard handler with node:http for the tests: the body is
 * streamed (not read first), a client that disconnects aborts `request.signal`,
 * and a request `new Request()` cannot represent answers 400 instead of
 * crashing the process.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

export async function serve(handler: (request: Request) => Promise<Response>) {
  const server = createServer(async (req, res) => {
    const disconnected = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) disconnected.abort()
    })
    let request: Request
    try {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
      request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([name, value]) =>
          value === undefined ? [] : Array.isArray(value) ? value.map((one) => [name, one] as [string, string]) : [[name, value] as [string, string]],
        ),
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        duplex: 'half',
        signal: disconnected.signal,
      } as RequestInit)
    } catch {
      res.writeHead(400).end()
      return
    }
    try {
      const response = await handler(request)
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()))
    } catch {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
