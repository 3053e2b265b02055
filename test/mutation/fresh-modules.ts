import { vi } from 'vitest'

// Mutation runs in Node reuse one worker across test files (`isolate: false`), to save starting a
// worker for every mutant. Each file still gets fresh modules of its own, as in `npm test`, so module
// state such as the once-only warnings never leaks from one file into the next.
vi.resetModules()
