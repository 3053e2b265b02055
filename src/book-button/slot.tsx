import { Children, cloneElement, isValidElement, version, type ReactElement, type ReactNode, type Ref } from 'react'
import { clsx } from 'clsx'

type Props = Record<string, unknown>

/** Sets several refs from one, so both the button and the caller see the element. */
function composeRefs<T>(...refs: (Ref<T> | undefined)[]): (node: T | null) => void {
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
 * pattern): handlers run the child's first (its `preventDefault` is honoured),
 * classes and descriptions are joined, refs are composed, and the button's
 * state attributes win. `slotRef` carries the ref, since React 18 strips `ref`
 * from a function component's props.
 */
export function Slot({ children, slotRef, ...slotProps }: Props & { children?: ReactNode; slotRef?: Ref<unknown> }) {
  const child = Children.only(children)
  if (!isValidElement(child)) return null
  const childProps = child.props as Props
  const childRef = (refIsProp ? childProps.ref : (child as unknown as { ref?: Ref<unknown> }).ref) as Ref<unknown> | undefined
  const merged: Props = { ...childProps }
  for (const name in slotProps) {
    const slotValue = slotProps[name]
    const childValue = childProps[name]
    if (slotValue === undefined) continue
    if (typeof slotValue === 'function' && typeof childValue === 'function' && /^on[A-Z]/.test(name)) {
      merged[name] = (...args: unknown[]) => {
        childValue(...args)
        if (!(args[0] as { defaultPrevented?: boolean } | undefined)?.defaultPrevented) slotValue(...args)
      }
    } else if (name === 'className' || name === 'aria-describedby') {
      merged[name] = clsx(slotValue as string, childValue as string)
    } else {
      merged[name] = slotValue
    }
  }
  merged.ref = composeRefs(slotRef, childRef)
  return cloneElement(child as ReactElement<Props>, merged)
}
