import type { StoryContext } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

type Context = Pick<StoryContext, 'canvasElement' | 'globals' | 'args'>

/** True when the story renders authenticated buttons: its own `getAuthToken`, or the Mode toolbar. */
export const isAuthenticated = ({ args, globals }: Pick<Context, 'args' | 'globals'>) =>
  typeof args.getAuthToken === 'function' || globals.mode === 'authenticated'

/**
 * The Book control as a user finds it: a link in guest mode, a button in
 * authenticated mode, by its accessible name.
 */
export function findControl(context: Context, name: string | RegExp) {
  const role = isAuthenticated(context) ? 'button' : 'link'
  return within(context.canvasElement).findByRole(role, { name })
}

/** A control that says why it cannot be booked: disabled for assistive technology, yet still in the tab order. */
export async function expectNotBookable(context: Context, name: string | RegExp, state: string) {
  const control = await findControl(context, name)
  await expect(control).toHaveAttribute('data-state', state)
  await expect(control).toHaveAttribute('aria-disabled', 'true')
  await expect(control).not.toHaveAttribute('href')
  control.focus()
  await expect(control).toHaveFocus()
  return control
}
