// The Linux process table as /proc shows it: the one place that reads /proc. A step's containment
// (containment.ts decides, step-watch.ts acts) needs each process's parent, group, state and start time.
import { existsSync, readdirSync, readFileSync } from 'node:fs'

export interface ProcEntry {
  pid: number
  ppid: number
  /** Process group id. */
  pgid: number
  /** R, S, D, Z (zombie: already dead, waiting to be reaped), T, X... */
  state: string
  /** Its live threads: a zombie leader whose other threads still run shows Z with more than one. */
  threads: number
  /** Clock ticks since boot: with the pid, it names one process even after the pid is reused. */
  start: number
  /** The kernel's command name (at most 15 bytes, chosen by the process itself). */
  comm: string
}

/** `/proc/<pid>/stat` parsed; null when it is not one. The name may hold ')' and spaces: it ends at the last ')'. */
export function parseStat(text: string): ProcEntry | null {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 1 || close < open) return null
  const pid = Number(text.slice(0, open).trim())
  // fields after the name, from field 3 (state): ppid is field 4, pgrp 5, num_threads 20, starttime 22
  const rest = text
    .slice(close + 2)
    .trim()
    .split(' ')
  const [state, ppid, pgid, threads, start] = [
    rest[0],
    Number(rest[1]),
    Number(rest[2]),
    Number(rest[17]),
    Number(rest[19])
  ]
  if (!Number.isSafeInteger(pid) || !state || ![ppid, pgid, threads, start].every(Number.isSafeInteger))
    return null
  // the name is the process's own choice: no control characters into evidence
  // eslint-disable-next-line no-control-regex
  const comm = text.slice(open + 1, close).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
  return { pid, ppid, pgid, state, threads, start, comm }
}

/** Whether this platform has a Linux /proc to track processes with. */
export function procAvailable(): boolean {
  return existsSync('/proc/self/stat')
}

/** One process, or null when it is gone (or /proc is not there). */
export function readProc(pid: number): ProcEntry | null {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'latin1'))
  } catch {
    return null
  }
}

/** Every process; null when there is no /proc. Processes that end while it is read are left out. */
export function readProcTable(): ProcEntry[] | null {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return null
  }
  const table: ProcEntry[] = []
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue
    const entry = readProc(Number(name))
    if (entry) table.push(entry)
  }
  return table
}

/**
 * The values of `name` in a process's environment as it was given at exec; [] when unreadable (another user's
 * process, one that made itself non-dumpable, a zombie) or gone.
 */
export function readEnvValues(pid: number, name: string): string[] {
  let raw: Buffer
  try {
    raw = readFileSync(`/proc/${pid}/environ`)
  } catch {
    return []
  }
  const prefix = `${name}=`
  const values: string[] = []
  for (const entry of raw.toString('latin1').split('\0'))
    if (entry.startsWith(prefix)) values.push(entry.slice(prefix.length))
  return values
}
