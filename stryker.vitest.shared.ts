import type { Plugin, UserConfig } from 'vite'
import type { VitestPluginContext } from 'vitest/node'
import repoConfig from './vite.config.js'

/**
 * The repository's Vitest configuration, narrowed to the projects a mutation run needs: the
 * unit tests (Node) and the React tests (jsdom, React 19). Storybook, e2e and examples need
 * Chromium and builds; tests of the built package and of real browsers exercise `dist`, not the
 * mutated `src`, so they cannot kill a mutant, and no test needs the global setup's build of dist/.
 */
const NEEDS_DIST_OR_BROWSER = ['test/package.test.ts', 'test/server/edge-runtime.test.ts', 'test/security/cross-site.chromium.test.ts']

/**
 * Runs the jsdom files in fresh VM contexts of one worker, instead of a fresh worker per file.
 * Each file still gets its own modules and window; what it saves is loading jsdom again for
 * every file of every mutant (7.7 s of a 25 s React run). Stryker's Vitest runner passes
 * `pool: 'threads'`, which overrides a project's own `pool`, so this sets it once Vitest has
 * resolved the project. `isolate: false` is what Vitest itself sets for VM pools.
 */
const vmContextsPerFile: Plugin = {
  name: 'openactive-book-button:mutation-vm-contexts',
  configureVitest({ project }: VitestPluginContext) {
    project.config.pool = 'vmThreads'
    project.config.isolate = false
  },
}

type Project = { test: { name: string; environment?: string; exclude?: string[] } }

export function mutationTestConfig(projectNames: ('unit' | 'react-19')[]): UserConfig {
  const projects = (repoConfig.test!.projects as Project[])
    .filter((project) => (projectNames as string[]).includes(project.test.name))
    .map((project) => ({
      ...project,
      plugins: project.test.environment === 'jsdom' ? [vmContextsPerFile] : [],
      test: {
        ...project.test,
        exclude: [...(project.test.exclude ?? ['**/node_modules/**']), ...NEEDS_DIST_OR_BROWSER],
        typecheck: { enabled: false },
        globalSetup: [],
      },
    }))
  return { ...repoConfig, test: { ...repoConfig.test, projects } } as UserConfig
}
