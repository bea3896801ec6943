// The signals that stop a run (a Ctrl-C, a cancelled CI job, a closed terminal) and the exit code a shell gives a
// process one of them ended: one table for the process groups, the command line and the actions.
import { writeSync } from 'node:fs'

export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
export type StopSignal = keyof typeof STOP_SIGNALS
export const STOP_NAMES = Object.keys(STOP_SIGNALS) as StopSignal[]

/** The exit code of a run `signal` ended (130, a Ctrl-C's, for a name not in the table). */
export function signalExit(signal: string | null | undefined): number {
  return STOP_SIGNALS[signal as StopSignal] ?? 130
}

/**
 * Ends the process by a hang-up as the default action would: Node's own exit restores the terminal's settings, and
 * on a terminal that hung up that fails and aborts with a native stack, exit 134 (nodejs/node#42433; found by
 * review). Only for SIGHUP: the other signals' exits still say why on stderr.
 */
export function dieOfHangUp(line?: string | null): void {
  // said first, to stderr as it is (a file or a job's log still reads it; a hung-up terminal fails, and that is all)
  if (line)
    try {
      writeSync(2, line)
    } catch {
      // nowhere to say it
    }
  process.removeAllListeners('SIGHUP')
  process.kill(process.pid, 'SIGHUP')
}

/** The stop signal an exit code stands for; null for any other code. */
export function signalOfExit(code: number): StopSignal | null {
  return STOP_NAMES.find((s) => STOP_SIGNALS[s] === code) ?? null
}

/** For a run a signal ended before it had a verdict; null for any other exit code. */
export function interruptedLine(code: number): string | null {
  const signal = signalOfExit(code)
  return signal
    ? `baseline-gate: interrupted by ${signal}: no verdict; the processes the run started were stopped. What it wrote before stays: a rollback's restored trio was not verified (git status shows it; git checkout -- <the trio's files> puts the previous one back)\n`
    : null
}
