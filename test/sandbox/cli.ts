/** `npm run sandbox`: the sandbox checkout server on `PORT` (default 4010). */
import { SANDBOX_API_KEY, SANDBOX_TOKEN, startSandbox } from './server.js'

const port = Number(process.env.PORT ?? 4010)
const sandbox = await startSandbox({ port, host: process.env.HOST ?? '127.0.0.1' })

console.log(`Sandbox checkout server: ${sandbox.url}
  checkoutBaseUrl: ${sandbox.url}
  bearer token:    ${SANDBOX_TOKEN}
  X-API-KEY:       ${SANDBOX_API_KEY}
  guest page:      ${sandbox.url}/v1/scheduled-sessions/<identifier>
  standalone:      POST ${sandbox.url}/checkout-sessions
  magic identifiers (sandbox:full, sandbox:hang, ...): see test/sandbox/server.ts`)

const stop = () => void sandbox.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
