'use client'

import { useCallback, type Ref } from 'react'

type Cleanup = () => void

/** Sets one ref; returns the cleanup a React 19 callback ref gave back, if any. */
function setRef<T>(ref: Ref<T> | undefined, node: T | null): Cleanup | void {
  if (typeof ref === 'function') {
    const cleanup = ref(node)
    return typeof cleanup === 'function' ? cleanup : undefined
  }
  if (ref) (ref as { current: T | null }).current = node
}

/**
 * One callback ref that sets every given ref. On React 19 it returns a cleanup,
 * which runs the refs' own cleanups (or sets them to null).
 */
export function composeRefs<T>(...refs: (Ref<T> | undefined)[]): (node: T | null) => Cleanup | void {
  return (node) => {
    const cleanups = refs.map((ref) => setRef(ref, node))
    if (!cleanups.some(Boolean)) return
    return () => {
      cleanups.forEach((cleanup, index) => (cleanup ? cleanup() : setRef(refs[index], null)))
    }
  }
}

/**
 * The same composed ref from render to render while the refs stay the same, so
 * React does not detach and re-attach it (callback refs run once, cleanups survive).
 */
export function useComposedRefs<T>(...refs: (Ref<T> | undefined)[]) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback(composeRefs(...refs), refs)
}
