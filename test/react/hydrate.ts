import { act } from '@testing-library/react'
import type { ReactNode } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { afterEach } from 'vitest'

const roots = new Set<Root>()

// Testing Library unmounts only what it rendered: a root left mounted would keep its buttons
// subscribed to the shared clock, and answer events meant for the next test.
afterEach(() => {
  for (const root of roots) act(() => root.unmount())
  roots.clear()
})

/**
 * Hydrates server HTML in `container` with `page`, as a browser does, and unmounts it after the test.
 * Returns the errors React recovered from (a hydration mismatch lands there).
 */
export async function hydrate(container: Element, page: ReactNode): Promise<{ recoverable: unknown[] }> {
  const recoverable: unknown[] = []
  await act(async () => {
    roots.add(hydrateRoot(container, page, { onRecoverableError: (error) => recoverable.push(error) }))
  })
  return { recoverable }
}
