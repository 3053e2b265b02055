import type { UserConfig } from 'vite'
import repoConfig from './vite.config.js'

/**
 * The Vitest projects that mutation testing runs: the unit tests (Node) and the React tests
 * (jsdom, React 19). Storybook, e2e and examples need Chromium and builds; tests of the built
 * package and of real browsers exercise `dist`, not the mutated `src`, so they cannot kill a mutant,
 * and nothing needs the build of dist/ that those projects' global setup makes.
 */
const MUTATION_PROJECTS = ['unit', 'react-19']
const NEEDS_DIST_OR_BROWSER = ['test/package.test.ts', 'test/server/edge-runtime.test.ts', 'test/security/cross-site.chromium.test.ts']

type Project = { test: { name: string; exclude?: string[]; globalSetup?: string[] } }
const projects = (repoConfig.test!.projects as Project[])
  .filter((project) => MUTATION_PROJECTS.includes(project.test.name))
  .map((project) => ({
    ...project,
    test: { ...project.test, exclude: [...(project.test.exclude ?? ['**/node_modules/**']), ...NEEDS_DIST_OR_BROWSER], typecheck: { enabled: false }, globalSetup: [] },
  }))

export default { ...repoConfig, test: { ...repoConfig.test, projects } } as UserConfig
