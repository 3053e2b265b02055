import { Children, cloneElement, isValidElement, version, type ReactElement, type ReactNode, type Ref } from 'react'
import { clsx } from 'clsx'

type Props = Record<string, unknown>

/** Sets several refs from one, so both the button and the caller see the element. */
export function composeRefs<T>(...refs: (Ref<T> | undefined)[]): (node: T | null) => void {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node)
      else if (ref) (ref as { current: T | null }).current = node
    }
  }
}

const refIsProp = Number.parseInt(version, 10) >= 19

/**
 * Renders its only child with the button's props merged in (the `asChild`
 * pattern): handlers run the child's first, classes are joined, refs are composed.
 */
export function Slot({ children, ref, ...slotProps }: Props & { children?: ReactNode; ref?: Ref<unknown> }) {
  const child = Children.only(children)
  if (!isValidElement(child)) return null
  const childProps = child.props as Props
  const childRef = (refIsProp ? childProps.ref : (child as unknown as { ref?: Ref<unknown> }).ref) as Ref<unknown> | undefined
  const merged: Props = { ...slotProps, ...childProps }
  for (const name in slotProps) {
    const slotValue = slotProps[name]
    const childValue = childProps[name]
    if (/^on[A-Z]/.test(name) && typeof slotValue === 'function' && typeof childValue === 'function') {
      merged[name] = (...args: unknown[]) => {
        childValue(...args)
        if (!(args[0] as { defaultPrevented?: boolean } | undefined)?.defaultPrevented) slotValue(...args)
      }
    } else if (name === 'className') {
      merged.className = clsx(slotValue as string, childValue as string)
    } else if (name.startsWith('data-') || name.startsWith('aria-') || name === 'href' || name === 'role' || name === 'tabIndex') {
      // The button's state wins: a child cannot claim to be bookable when it is not.
      merged[name] = slotValue
    }
  }
  merged.ref = composeRefs(ref, childRef)
  return cloneElement(child as ReactElement<Props>, merged)
}
