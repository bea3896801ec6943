// Walks over the history begun before the code that reads them has loaded. lkg's time is mostly git's walk of the
// trio's history, and the walk depends only on the root, HEAD and the trio's paths: the command line starts it
// from a small part of its own (cli/early-lkg.ts), then loads the rest while git walks. The rest asks for the same
// walk again; it takes the one begun, with every line git printed in between, or starts its own when the
// arguments differ (nothing is ever taken from a walk that was not asked for in exactly the same words).
import { gitLines } from './git.js'
import type { GitStream } from './git.js'

interface Begun {
  stream: GitStream
  /** The lines git printed before the walk was taken. */
  lines: string[]
  /** Where the lines go once taken. */
  sink: ((line: string) => void) | null
}

const keyOf = (cwd: string, args: readonly string[]) => JSON.stringify([cwd, args])

export class EarlyWalks {
  private readonly begun = new Map<string, Begun>()

  /** Starts `git <args>` in `cwd` (as gitLines does) and keeps its lines until taken. */
  begin(cwd: string, args: string[], failure: string): void {
    const key = keyOf(cwd, args)
    if (this.begun.has(key)) return
    const entry: Begun = { stream: null as unknown as GitStream, lines: [], sink: null }
    entry.stream = gitLines(cwd, args, failure, (line) => {
      if (entry.sink) entry.sink(line)
      else entry.lines.push(line)
    })
    // a walk nobody takes fails to nobody; the one that takes it sees the failure through `done`
    entry.stream.done.catch(() => {})
    this.begun.set(key, entry)
  }

  /**
   * The walk begun with exactly these arguments, or null (each walk is taken once). As from gitLines, no line is
   * handed over before the event loop turns: the kept lines go to `onLine` then, in order, and the rest as git
   * prints them; none after stop(). (A caller may finish setting up after this returns, as lastKnownGood does.)
   */
  take(cwd: string, args: string[], onLine: (line: string) => void): GitStream | null {
    const key = keyOf(cwd, args)
    const entry = this.begun.get(key)
    if (!entry) return null
    this.begun.delete(key)
    let stopped = false
    const deliver = (line: string) => {
      if (!stopped) onLine(line)
    }
    // `done` settles after the kept lines are handed over, as gitLines' settles after git's last line: a walk
    // that ended before it was taken must not read as one that found nothing
    const replayed = new Promise<void>((resolve) =>
      setImmediate(() => {
        // lines that came while this waited were kept behind the others
        for (const line of entry.lines) deliver(line)
        entry.lines = []
        entry.sink = deliver
        resolve()
      })
    )
    return {
      done: replayed.then(() => entry.stream.done),
      stop() {
        stopped = true
        entry.stream.stop()
      }
    }
  }

  /** Ends every walk not taken (the command is over); settles once their git processes have ended. */
  stopAll(): Promise<void> {
    const ending = [...this.begun.values()].map((entry) => {
      entry.stream.stop()
      return entry.stream.done.catch(() => {})
    })
    this.begun.clear()
    return Promise.all(ending).then(() => {})
  }

  /** How many walks are begun and not taken (tests). */
  get pending(): number {
    return this.begun.size
  }
}
