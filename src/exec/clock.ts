// Time as the suite runner sees it: the real clock by default. A test gives its own, so that what it asserts
// (a duration, a start time, the moment a step's timeout fires) never depends on how fast the machine is.
import { performance } from 'node:perf_hooks'

export interface RunnerClock {
  /** Milliseconds on a monotonic clock, for durations. */
  now(): number
  /** The wall-clock instant, for a step's start time. */
  date(): Date
  /** Calls `fire` once, `ms` from now; the function returned cancels it. */
  after(ms: number, fire: () => void): () => void
}

/** setTimeout fires at once for anything above 2^31-1 ms (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1

export const realClock: RunnerClock = {
  now: () => performance.now(),
  date: () => new Date(),
  after: (ms, fire) => {
    const timer = setTimeout(fire, Math.min(Math.max(Number.isFinite(ms) ? ms : 0, 0), MAX_TIMER_MS))
    return () => clearTimeout(timer)
  }
}
