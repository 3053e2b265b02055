import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOptions } from './server.js'

/**
 * One sandbox for the test file that calls it: started before its tests, closed after them,
 * and its request log emptied before each test. In each test, `sandbox:slow` answers are held
 * until the test calls `releaseSlowAnswers()`, so a pending state never races its answer.
 */
export function sandboxForThisFile(options?: SandboxOptions): Sandbox {
  const sandbox = {} as Sandbox
  beforeAll(async () => {
    Object.assign(sandbox, await startSandbox(options))
  })
  afterAll(() => sandbox.close())
  beforeEach(() => {
    sandbox.requests.length = 0
    sandbox.holdSlowAnswers()
  })
  afterEach(() => sandbox.releaseSlowAnswers())
  return sandbox
}
