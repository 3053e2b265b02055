import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview'
import type { AfterEach, Loader } from '@storybook/react-vite'
import { setProjectAnnotations } from '@storybook/react-vite'
import { page } from 'vitest/browser'
import * as projectAnnotations from './preview.js'

/**
 * Stories with a `screenshot` parameter save a PNG of their canvas after their play
 * function, here only, since `vitest/browser` exists only under Vitest. Paths are
 * relative to the story file.
 */
const saveScreenshots: AfterEach = async ({ parameters, canvasElement }) => {
  const paths = (parameters.screenshot as { paths?: string[] } | undefined)?.paths ?? []
  for (const path of paths) await page.screenshot({ element: canvasElement, path })
}

/**
 * Every story not tagged `checkout` runs with service workers unavailable, as on a
 * plain-http LAN address or a browser that blocks them: it must render and pass
 * without Mock Service Worker. Runs before the preview's own loaders.
 */
const serviceWorker = Object.getOwnPropertyDescriptor(Navigator.prototype, 'serviceWorker')!
const blockServiceWorkers: Loader = ({ tags }) => {
  if (!tags.includes('checkout')) Object.defineProperty(Navigator.prototype, 'serviceWorker', { configurable: true, get: () => undefined })
  return {}
}
const unblockServiceWorkers: AfterEach = () => {
  Object.defineProperty(Navigator.prototype, 'serviceWorker', serviceWorker)
}

setProjectAnnotations([
  a11yAddonAnnotations,
  { loaders: [blockServiceWorkers] },
  projectAnnotations,
  { afterEach: [saveScreenshots, unblockServiceWorkers] },
])
