/**
 * The one timer-based wait in the tests, for a fake server that takes its time (the
 * sandbox's slow answer). Tests never sleep to let something happen: they await the
 * condition itself (`waitFor`, `vi.waitUntil`, a recorded request), which holds on a
 * loaded machine. The lint configuration allows no other sleep.
 */
export function simulateLatency(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
