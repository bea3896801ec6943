// Whether processes a test started are gone: the check behind every "no process is left behind".
import { readFileSync } from 'node:fs'
import { expect } from '@jest/globals'

/**
 * A pid a test may ask about or kill: `kill(0)` is this process group, `kill(-1)` every process the user owns (a pid
 * file read while empty gives 0).
 */
function safePid(pid: number): boolean {
  return Number.isSafeInteger(pid) && pid > 1
}

/** Running, that is: it exists and is not a zombie waiting for init to reap it. */
export function alive(pid: number): boolean {
  if (!safePid(pid)) throw new Error(`not a process a test started: ${pid}`)
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true // no /proc: trust kill(0)
  }
}

/** The pids a test recorded (whitespace-separated in a file); [] when the file was never written. */
export function recordedPids(pidFile: string): number[] {
  try {
    return readFileSync(pidFile, 'utf8').split(/\s+/).filter(Boolean).map(Number).filter(safePid)
  } catch {
    return []
  }
}

/** Every pid is gone (waits, bounded, for the kernel to finish the kill). */
export async function expectGone(pids: number[]): Promise<void> {
  for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 50))
  expect(pids.filter(alive)).toEqual([])
}

/** SIGKILL to each pid still running: a test's clean-up when the code under test did not do its job. */
export function killLeftovers(pids: number[]): void {
  for (const pid of pids.filter((p) => safePid(p) && alive(p))) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}
