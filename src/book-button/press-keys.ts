import type { KeyboardEvent } from 'react'

/*
 * An element that acts as a button but is not one (an asChild `<a>` on a route that
 * creates a checkout session) answers the keys a button does: Enter on press,
 * Space on release. A real `<button>` does this natively and is left alone.
 */

const isNativeButton = (element: Element) => element.tagName === 'BUTTON'

export function pressOnKeyDown(event: KeyboardEvent<HTMLElement>) {
  if (isNativeButton(event.currentTarget)) return
  if (event.key === 'Enter') {
    // Also stops a link's own href from being followed.
    event.preventDefault()
    event.currentTarget.click()
  } else if (event.key === ' ') {
    event.preventDefault() // no page scroll
  }
}

export function pressOnKeyUp(event: KeyboardEvent<HTMLElement>) {
  if (isNativeButton(event.currentTarget) || event.key !== ' ') return
  event.preventDefault()
  event.currentTarget.click()
}
