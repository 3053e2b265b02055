import { afterAll, beforeAll, beforeEach } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOptions } from './server.js'

/**
 * One sandbox for the test file that calls it: started before its tests, closed after them,
 * and its request log emptied before each test.
 */
export function sandboxForThisFile(options?: SandboxOptions): Sandbox {
  const sandbox = {} as Sandbox
  beforeAll(async () => {
    Object.assign(sandbox, await startSandbox(options))
  })
  afterAll(() => sandbox.close())
  beforeEach(() => {
    sandbox.requests.length = 0
  })
  return sandbox
}
