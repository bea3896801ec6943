// A clock for the suite runner that the test moves: time stands still until advance(), and a step's timeout
// fires when the test has seen what it waits for (the step said "ready"), never because the machine was slow.
import type { RunnerClock } from '../../src/exec/clock.js'

export interface ManualClock extends RunnerClock {
  /** The timeouts the runner asked for, in ms, in order. */
  readonly asked: number[]
  /** Moves time on by `ms` and fires every timeout that is then due. */
  advance(ms: number): void
}

export function manualClock(start = new Date('2026-11-25T12:00:00Z')): ManualClock {
  let now = 0
  let pending: { due: number; fire: () => void }[] = []
  const asked: number[] = []
  return {
    asked,
    now: () => now,
    date: () => new Date(start.getTime() + now),
    after(ms, fire) {
      asked.push(ms)
      const timer = { due: now + ms, fire }
      pending.push(timer)
      return () => {
        pending = pending.filter((t) => t !== timer)
      }
    },
    advance(ms) {
      now += ms
      const due = pending.filter((t) => t.due <= now)
      pending = pending.filter((t) => t.due > now)
      for (const t of due) t.fire()
    }
  }
}
