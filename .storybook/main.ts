import type { StorybookConfig } from '@storybook/react-vite'
import type { PluginOption } from 'vite'

/**
 * Plugins of the library build (vite.config.ts) that a Storybook build must not run:
 * declaration files (vite-plugin-dts registers as `unplugin-dts`; older releases as
 * `vite:dts`) and the copy of the stylesheet into `dist/`.
 */
const libraryOnly = /^(?:vite:dts|unplugin-dts|unplugin:dts|openactive-book-button:stylesheet)/

function withoutLibraryPlugins(plugins: PluginOption[]): PluginOption[] {
  return plugins
    .filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && libraryOnly.test(plugin.name)))
    .map((plugin) => (Array.isArray(plugin) ? withoutLibraryPlugins(plugin) : plugin))
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // MSW's worker (`npx msw init .storybook/public`) lives here, never in the package's own public dir.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // A catalogue for the library's users, not a Storybook tutorial.
  features: { sidebarOnboardingChecklist: false },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: withoutLibraryPlugins(viteConfig.plugins ?? []),
      // staticDirs serves and copies the worker; Vite's own public dir would copy nothing useful.
      publicDir: false,
      // The preview bundles React, axe and the docs renderer: large by nature, and never shipped.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 },
    }
  },
}

export default config
