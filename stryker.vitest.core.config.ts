import { mutationTestConfig } from './stryker.vitest.shared.js'

// The core and the server answer to their own tests, in Node: the React tests exercise them too,
// but a floor on the core should not lean on them, and jsdom would make every mutant slower.
export default mutationTestConfig(['unit'])
