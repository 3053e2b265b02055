import { mutationTestConfig } from './stryker.vitest.shared.js'

// The React layer: its jsdom tests, and the server-rendering tests that run in Node.
export default mutationTestConfig(['unit', 'react-19'])
