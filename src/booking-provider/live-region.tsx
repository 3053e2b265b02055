'use client'

import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react'

/** Says a short text politely to assistive technology. */
export type Announce = (text: string) => void

const AnnounceContext = createContext<Announce | null>(null)

const REGION_CLASS = 'obb-live-region'

function say(region: HTMLElement | null, text: string) {
  if (!region) return
  // The same words again (a second failure) must still be heard, so they differ by a trailing space.
  region.textContent = region.textContent === text ? `${text}\u00a0` : text
}

/**
 * One polite live region for every button below it: always present, so the first
 * announcement is heard. A live region inside another reuses the outer one.
 */
export function LiveRegion({ children }: { children?: ReactNode }) {
  const outer = useContext(AnnounceContext)
  const region = useRef<HTMLSpanElement>(null)
  const announce = useCallback<Announce>((text) => say(region.current, text), [])
  if (outer) return children
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <span ref={region} role="status" className={REGION_CLASS} />
    </AnnounceContext.Provider>
  )
}

let pageRegion: HTMLElement | undefined

/** The page's own region, for buttons outside any provider: created once, at the end of `<body>`. */
function ensurePageRegion(): HTMLElement {
  if (!pageRegion?.isConnected) {
    pageRegion = document.createElement('span')
    pageRegion.setAttribute('role', 'status')
    pageRegion.className = REGION_CLASS
    document.body.append(pageRegion)
  }
  return pageRegion
}

const announceOnPage: Announce = (text) => say(ensurePageRegion(), text)

/**
 * The nearest provider's announcer, else the page's. A component that will announce
 * calls this on mount, so the page's region exists before its first announcement.
 */
export function useAnnounce(): Announce {
  const announce = useContext(AnnounceContext)
  useEffect(() => {
    if (!announce) ensurePageRegion()
  }, [announce])
  return announce ?? announceOnPage
}
