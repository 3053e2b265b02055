import type { UserConfig } from 'vite'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import repoConfig from './vite.config.js'

/**
 * The repository's Vitest configuration, narrowed to the projects a mutation run needs: the
 * unit tests (Node) and the React tests (React 19, in happy-dom here). Storybook, e2e and examples need
 * Chromium and builds; tests of the built package and of real browsers exercise `dist`, not the
 * mutated `src`, so they cannot kill a mutant, and no test needs the global setup's build of dist/.
 */
const NEEDS_DIST_OR_BROWSER = ['test/package.test.ts', 'test/server/edge-runtime.test.ts', 'test/security/cross-site.chromium.test.ts']

/**
 * Runs a mutant's test files quickest first, after any file that failed last time. Vitest's own
 * order (longest first) suits parallel workers; a mutant runs its files one by one and stops at
 * the first that fails, so the cheap files should get their chance first, and the file that
 * killed the last mutant (often a neighbour) goes first of all.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (file: TestSpecification) => {
      const last = this.ctx.cache.getFileTestResults(`${file.project.name}:${file.moduleId.slice(this.ctx.config.root.length + 1)}`)
      return last ? (last.failed ? -1 : last.duration) : Infinity
    }
    return [...files].sort((a, b) => cost(a) - cost(b) || 0)
  }
}

type Project = { test: { name: string; environment?: string; exclude?: string[] } }

export function mutationTestConfig(projectNames: ('unit' | 'react-19')[]): UserConfig {
  const projects = (repoConfig.test!.projects as Project[])
    .filter((project) => (projectNames as string[]).includes(project.test.name))
    .map((project) => ({
      ...project,
      test: {
        ...project.test,
        exclude: [...(project.test.exclude ?? ['**/node_modules/**']), ...NEEDS_DIST_OR_BROWSER],
        typecheck: { enabled: false },
        globalSetup: [],
        // happy-dom loads in half jsdom's time, and a mutation run starts a fresh window for every
        // test file of every mutant; `npm test` keeps jsdom (the React 18 project still runs there).
        ...(project.test.environment === 'jsdom' ? { environment: 'happy-dom' } : {}),
      },
    }))
  return { ...repoConfig, test: { ...repoConfig.test, projects, sequence: { sequencer: QuickestFirst } } } as UserConfig
}
