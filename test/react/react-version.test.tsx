import { version as reactVersion } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'

it('runs this project against the React major it names, with a matching React DOM', () => {
  const testingLibraryReact = createRequire(import.meta.url)('react/package.json').version as string
  expect(reactVersion.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR)
  expect(reactDomVersion).toBe(reactVersion)
  expect(testingLibraryReact).toBe(reactVersion)
})
