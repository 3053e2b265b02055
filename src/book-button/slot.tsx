'use client'

import { cloneElement, version, type CSSProperties, type ReactElement, type Ref } from 'react'
import { clsx } from 'clsx'
import { useComposedRefs } from './compose-refs.js'

type Props = Record<string, unknown>

const refIsProp = Number.parseInt(version, 10) >= 19

/**
 * Renders its only child with the button's props merged in (the `asChild`
 * pattern): handlers run the child's first (its `preventDefault` is honoured),
 * classes and descriptions are joined, styles are merged (the child's own win),
 * refs are composed once, and the button's state attributes win. `slotRef`
 * carries the ref, since React 18 strips `ref` from a function component's props.
 */
export function Slot({ children: child, slotRef, ...slotProps }: Props & { children: ReactElement<Props>; slotRef?: Ref<unknown> }) {
  const childProps = child.props
  const childRef = (refIsProp ? childProps.ref : (child as unknown as { ref?: Ref<unknown> }).ref) as Ref<unknown> | undefined
  const ref = useComposedRefs(slotRef, childRef)
  // cloneElement keeps the child's own props: only what the button adds or joins is passed.
  const merged: Props = {}
  for (const name in slotProps) {
    const slotValue = slotProps[name]
    const childValue = childProps[name]
    if (slotValue === undefined) continue
    if (typeof slotValue === 'function' && typeof childValue === 'function' && /^on[A-Z]/.test(name)) {
      merged[name] = (...args: unknown[]) => {
        childValue(...args)
        if (!(args[0] as { defaultPrevented: boolean }).defaultPrevented) slotValue(...args)
      }
    } else if (name === 'className' || name === 'aria-describedby') {
      merged[name] = clsx(slotValue as string, childValue as string)
    } else if (name === 'style') {
      merged[name] = { ...(slotValue as CSSProperties), ...(childValue as CSSProperties | undefined) }
    } else {
      merged[name] = slotValue
    }
  }
  merged.ref = ref
  return cloneElement(child, merged)
}
