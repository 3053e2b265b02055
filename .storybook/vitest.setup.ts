import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview'
import type { AfterEach } from '@storybook/react-vite'
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

setProjectAnnotations([a11yAddonAnnotations, projectAnnotations, { afterEach: saveScreenshots }])
