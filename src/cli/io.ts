// What the command line reads and writes: injected, so tests run main() in process.
import type { EarlyWalks } from '../git/early-walks.js'
import { shownMessage } from '../text/shorten.js'
import { inlineSafe, terminalSafe } from '../text/terminal.js'

export interface Output {
  write(s: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface Io {
  stdout: Output
  stderr: Output
  env: NodeJS.ProcessEnv
  cwd: string
  /**
   * stderr as it is, for the live progress line alone: it moves the cursor itself, and every value in it is made
   * safe where it is put in (progress.ts). Set by guardIo.
   */
  live?: Output
  /** The walks over the history lkg began before main loaded (early-lkg.ts); lkg takes them. */
  early?: EarlyWalks
}

export const EXIT = { pass: 0, fail: 1, usage: 2 } as const

/**
 * The streams with every write made safe for a terminal and for an Actions log (text/terminal.ts): what the
 * command prints quotes what a pull request wrote, and nothing it wrote may move the cursor or start a workflow
 * command.
 */
export function guardIo(io: Io): Io {
  const guard = (out: Output): Output => ({
    write: (s) => out.write(terminalSafe(s)),
    isTTY: out.isTTY,
    columns: out.columns
  })
  return { ...io, stdout: guard(io.stdout), stderr: guard(io.stderr), live: io.live ?? io.stderr }
}

/** The one line an error that gives no verdict (a bug, a broken install) prints: never a stack trace. */
export function internalErrorLine(e: unknown): string {
  // one line whatever the error says: it may quote a path or a value a pull request wrote
  return `baseline-gate: internal error: ${inlineSafe(shownMessage((e as Error | undefined)?.message ?? String(e)))}\n`
}
