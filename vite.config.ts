import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import dts from 'vite-plugin-dts'
import { CHROMIUM_ARGS, findChromium } from './test/chromium.js'
import { defineConfig, type Plugin } from 'vite'
import { configDefaults } from 'vitest/config'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const manifest = JSON.parse(readFileSync(here('package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  peerDependencies: Record<string, string>
}
/**
 * Peers and dependencies are never bundled: brokers bring their own React and
 * React Query, and their bundler shares one copy of clsx with the rest of the app.
 */
const externalPackages = [...Object.keys(manifest.peerDependencies), ...Object.keys(manifest.dependencies)]
const isExternal = (id: string) => externalPackages.some((name) => id === name || id.startsWith(`${name}/`))

/** Ships the static stylesheet as `dist/styles.css`, untouched. */
function stylesheet(): Plugin {
  return {
    name: 'openactive-book-button:stylesheet',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(here('src/styles.css'), 'utf8') })
    },
  }
}

const reactTestProject = (name: string, reactMajor: string, aliases: { find: RegExp; replacement: string }[] = []) => ({
  extends: true as const,
  resolve: { alias: aliases },
  test: {
    name,
    environment: 'jsdom',
    env: { EXPECTED_REACT_MAJOR: reactMajor },
    include: ['test/react/**/*.test.tsx'],
    exclude: ['test/react/**/*.ssr.test.tsx'],
    setupFiles: [...(aliases.length ? ['test/react/react-18.ts'] : []), 'test/react/setup.ts'],
    // ES modules that import React must go through the alias too, or two Reacts meet.
    server: { deps: { inline: aliases.length ? [/@tanstack\/react-query/] : [] } },
  },
})

export default defineConfig({
  plugins: [react(), dts({ include: ['src'], entryRoot: 'src', tsconfigPath: here('tsconfig.build.json') }), stylesheet()],
  publicDir: false,
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: here('src/index.ts'), checkout: here('src/use-checkout/index.ts'), core: here('src/core/index.ts'), server: here('src/server/index.ts') },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        // One output file per source file keeps each file's own 'use client' (components and hooks only),
        // so a server component can import the core's functions from the main entry.
        preserveModules: true,
        preserveModulesRoot: 'src',
      },
    },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts', 'test/react/**/*.ssr.test.tsx'],
          exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/examples/**/*.examples.test.ts'],
          // The package, edge-runtime and Chromium security tests run the built dist/.
          globalSetup: ['test/build-dist.ts'],
          // Type tests (*.test-d.tsx): the public props compile, and misuse does not.
          typecheck: { enabled: true, include: ['test/**/*.test-d.tsx'], tsconfig: 'tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/build-dist.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The example apps, built and driven in Chromium: one build of each, shared through the global setup.
        extends: true,
        test: {
          name: 'examples',
          environment: 'node',
          include: ['test/examples/**/*.examples.test.ts'],
          globalSetup: ['test/build-dist.ts', 'test/examples/global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      reactTestProject('react-19', '19'),
      // React 18 comes from the nested package test/react-18 (its own lockfile, `npm run install:react-18`).
      reactTestProject('react-18', '18', [
        { find: /^react(\/.*)?$/, replacement: here('test/react-18/node_modules/react') + '$1' },
        { find: /^react-dom(\/.*)?$/, replacement: here('test/react-18/node_modules/react-dom') + '$1' },
      ]),
      {
        // Every story is a test: its play function and an axe check, in a real Chromium.
        extends: true,
        plugins: [storybookTest({ configDir: here('.storybook') })],
        // Stories import axe-core for the contrast check: optimise it up front, or Vite reloads the page mid-run.
        optimizeDeps: { include: ['axe-core'] },
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                // CHROMIUM_PATH, then Debian's chromium, then Playwright's own cache: nothing is downloaded.
                executablePath: findChromium(),
                args: CHROMIUM_ARGS,
              },
              // Room for the tallest story at full scale, so screenshots are not shrunk to fit.
              contextOptions: { viewport: { width: 1280, height: 1600 } },
            }),
            instances: [{ browser: 'chromium' as const }],
            // The gallery story saves its screenshot (stories/gallery.png, test-results/).
            api: { allowWrite: true },
          },
        },
      },
    ],
  },
})
