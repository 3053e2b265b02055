/**
 * Serves a web-standard handler on 127.0.0.1 for the tests through
 * `@hono/node-server`, the adapter the README recommends: it streams the body,
 * aborts `request.signal` when the client disconnects, and answers 400 to a
 * request that `new Request()` cannot represent (a malformed `Host`) instead of
 * crashing the process.
 */
import { serve as serveNode } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

export async function serve(handler: (request: Request) => Promise<Response>) {
  let server: Server | undefined
  const address = await new Promise<AddressInfo>((resolve) => {
    // The test process keeps Node's own Request and Response: other tests in it build them too.
    server = serveNode({ fetch: handler, hostname: '127.0.0.1', port: 0, overrideGlobalObjects: false }, resolve) as Server
  })
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server!.close(() => resolve())
        server!.closeAllConnections()
      }),
  }
}
