import type { UserConfig } from 'vite'
import repoConfig from './vite.config.js'

/**
 * The repository's Vitest configuration, narrowed to the projects a mutation run needs: the
 * unit tests (Node) and the React tests (jsdom, React 19). Storybook, e2e and examples need
 * Chromium and builds; tests of the built package and of real browsers exercise `dist`, not the
 * mutated `src`, so they cannot kill a mutant, and no test needs the global setup's build of dist/.
 */
const NEEDS_DIST_OR_BROWSER = ['test/package.test.ts', 'test/server/edge-runtime.test.ts', 'test/security/cross-site.chromium.test.ts']

type Project = { test: { name: string; exclude?: string[] } }

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
      },
    }))
  return { ...repoConfig, test: { ...repoConfig.test, projects } } as UserConfig
}
