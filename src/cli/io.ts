// What the command line reads and writes: injected, so tests run main() in process.

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown; isTTY?: boolean }
  env: NodeJS.ProcessEnv
  cwd: string
}

export const EXIT = { pass: 0, fail: 1, usage: 2 } as const

/** The one line an error that gives no verdict (a bug, a broken install) prints: never a stack trace. */
export function internalErrorLine(e: unknown): string {
  return `baseline-gate: internal error: ${(e as Error | undefined)?.message ?? String(e)}\n`
}
