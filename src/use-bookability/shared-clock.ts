/**
 * One clock for every mounted hook: each subscriber names the instant it cares
 * about, and a single timer waits for the earliest. A page of 1,000 buttons
 * holds at most one pending timer.
 */

interface Subscriber {
  at: number
  notify: () => void
}

// Browsers and Node run a longer timeout at once, so wait in steps of at most this.
const LONGEST_TIMEOUT = 2 ** 31 - 1

const subscribers = new Set<Subscriber>()
let timer: ReturnType<typeof setTimeout> | undefined
let timerAt = Infinity

/** Calls `notify` once, when the clock reaches `at` (epoch ms). Returns the unsubscribe function. */
export function subscribeAt(at: number, notify: () => void): () => void {
  const subscriber = { at, notify }
  subscribers.add(subscriber)
  if (at < timerAt) schedule(at)
  return () => {
    subscribers.delete(subscriber)
    // The timer is left to fire: it then finds nothing due and waits for the next earliest.
    if (subscribers.size === 0) schedule(Infinity)
  }
}

function schedule(at: number) {
  if (timer !== undefined) clearTimeout(timer)
  timer = undefined
  timerAt = at
  if (at !== Infinity) timer = setTimeout(tick, Math.min(Math.max(at - Date.now(), 0), LONGEST_TIMEOUT))
}

function tick() {
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
}
