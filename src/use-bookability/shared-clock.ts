/**
 * One clock for every mounted hook: each subscriber names the instant it cares
 * about, and a single timer waits for the earliest. A page of 1,000 buttons
 * holds at most one pending timer.
 *
 * Timers do not count the time a machine sleeps, so the clock never waits
 * longer than a minute at once, and it looks again as soon as the page is
 * shown, made visible or focused after a sleep.
 */

interface Subscriber {
  at: number
  notify: () => void
}

/** The longest single wait: how far a sleeping tab can fall behind once it runs again. */
export const LONGEST_WAIT_MS = 60_000

/** Events that follow a sleep or a hidden tab: the clock re-checks on each (on hiding too, which finds nothing new). */
const WAKE_EVENTS = ['visibilitychange', 'pageshow', 'focus'] as const

const subscribers = new Set<Subscriber>()
let timer: ReturnType<typeof setTimeout> | undefined
let timerAt = Infinity
let listening = false

/** Calls `notify` once, when the clock reaches `at` (epoch ms). Returns the unsubscribe function. */
export function subscribeAt(at: number, notify: () => void): () => void {
  const subscriber = { at, notify }
  subscribers.add(subscriber)
  listenForWake(true)
  if (at < timerAt) schedule(at)
  return () => {
    subscribers.delete(subscriber)
    // The timer is left to fire: it then finds nothing due and waits for the next earliest.
    if (subscribers.size === 0) {
      schedule(Infinity)
      listenForWake(false)
    }
  }
}

function schedule(at: number) {
  clearTimeout(timer)
  timer = undefined
  timerAt = at
  if (at !== Infinity) timer = setTimeout(tick, Math.min(Math.max(at - Date.now(), 0), LONGEST_WAIT_MS))
}

function tick() {
  // A wake event ticks early: the pending timer must go, or each wake would leave one more behind.
  clearTimeout(timer)
  timer = undefined
  const now = Date.now()
  let next = Infinity
  for (const subscriber of subscribers) {
    if (subscriber.at <= now) {
      subscribers.delete(subscriber)
      subscriber.notify()
    } else if (subscriber.at < next) {
      next = subscriber.at
    }
  }
  // Timers may fire a little early, or after a capped wait: waiting again covers both.
  schedule(next)
  if (subscribers.size === 0) listenForWake(false)
}

function listenForWake(on: boolean) {
  // A renderer that runs effects without a DOM (a test renderer in Node) still gets its timer.
  if (on === listening || typeof window === 'undefined') return
  listening = on
  for (const type of WAKE_EVENTS) {
    const target = type === 'visibilitychange' ? document : window
    if (on) target.addEventListener(type, tick)
    else target.removeEventListener(type, tick)
  }
}
