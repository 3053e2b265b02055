'use client'

import { useEffect, useRef } from 'react'
import type { ButtonState } from '../core/button/button-state.js'
import type { Bookability } from '../core/rules/bookability.js'
import type { Announce } from '../booking-provider/live-region.js'

/**
 * After each render, reports a changed state to the app and announces new words
 * (pending, a failure) politely. One effect for both, since a page renders
 * buttons by the thousand; nothing is reported on mount.
 */
export function useStateReports(
  state: ButtonState,
  bookability: Bookability,
  announcement: string | null,
  onStateChange: ((state: ButtonState, bookability: Bookability) => void) | undefined,
  announce: Announce | undefined,
) {
  const reported = useRef({ state, announcement })
  useEffect(() => {
    const previous = reported.current
    reported.current = { state, announcement }
    if (previous.state !== state) onStateChange?.(state, bookability)
    if (announcement && announcement !== previous.announcement) announce?.(announcement)
  })
}
