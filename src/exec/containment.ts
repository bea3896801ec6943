// Which processes belong to a step, decided from snapshots of the process table (pure: no /proc, no signals).
//
// A step is a process group, but a process can leave it (setsid, setpgid) and, once its parent exits, be
// re-parented to init, out of reach of the group kill. So a step's processes are, together:
//   - group:      still in the step's process group;
//   - descendant: seen, at some snapshot, as a child of the leader or of a process already the step's
//                 (followed across re-parenting: once seen, kept by pid and start time);
//   - marker:     carrying the step's random token in the environment it was started with (catches a
//                 setsid + double fork that was re-parented before any snapshot saw it).
// A process is named by its pid AND its start time, so a pid reused by an unrelated process never matches.
// Only processes started no earlier than the leader can be the step's: that keeps us, our ancestors and
// everything older out, whatever they carry.
import type { ProcEntry } from './proc-table.js'

export type FoundBy = 'group' | 'descendant' | 'marker'

export interface Scope {
  leader: { pid: number; start: number }
  /** Never the step's, whatever the table says: our own pid, our parent's. */
  protectedPids: ReadonlySet<number>
  /**
   * Whether the group id still names the step's group by itself: true while the leader lives and in the
   * sweep right after it exits. Later, once the group has emptied, its id (the leader's pid) may be reused.
   */
  groupOpen: boolean
}

/** How a process became the step's: through the tree (parent or group) or through the marker. */
export type Via = 'tree' | 'marker'

/** `pid:start`: one process, never a later one with the same pid. */
export function procKey(p: { pid: number; start: number }): string {
  return `${p.pid}:${p.start}`
}

/** The group is open, and no later process holds the leader's pid (which would prove the group gone). */
function groupOpenIn(scope: Scope, table: readonly ProcEntry[]): boolean {
  return scope.groupOpen && !table.some((p) => p.pid === scope.leader.pid && p.start !== scope.leader.start)
}

/** Dead for good: a zombie with no thread left (a leader that ended its main thread alone is still running). */
export function isDead(p: ProcEntry): boolean {
  return p.state === 'X' || (p.state === 'Z' && p.threads <= 1)
}

function mayBeTheSteps(scope: Scope, p: ProcEntry): boolean {
  return p.pid > 1 && !scope.protectedPids.has(p.pid) && p.start >= scope.leader.start
}

/**
 * The step's processes known after this snapshot: the ones known before that still exist (same pid, same
 * start), plus every new child of the leader or of one of them, every member of the group (while it is
 * open), every process `carriesMarker` says carries the token (asked only of processes not otherwise the
 * step's), and their children.
 */
export function claim(
  scope: Scope,
  known: ReadonlyMap<string, Via>,
  table: readonly ProcEntry[],
  carriesMarker: (p: ProcEntry) => boolean
): Map<string, Via> {
  const present = new Map(table.map((p) => [p.pid, p]))
  const next = new Map<string, Via>()
  for (const [key, via] of known) {
    const pid = Number(key.slice(0, key.indexOf(':')))
    const p = present.get(pid)
    if (p && procKey(p) === key) next.set(key, via)
  }
  const leaderKey = procKey(scope.leader)
  const groupOpen = groupOpenIn(scope, table)
  const parentIsOurs = (p: ProcEntry): boolean => {
    const parent = present.get(p.ppid)
    if (!parent) return false
    const key = procKey(parent)
    return key === leaderKey || next.has(key)
  }
  // parents start no later than their children: in start order, one pass finds whole chains
  const candidates = table
    .filter((p) => mayBeTheSteps(scope, p) && procKey(p) !== leaderKey && !next.has(procKey(p)))
    .sort((a, b) => a.start - b.start)
  let added = true
  while (added) {
    added = false
    for (const p of candidates) {
      const key = procKey(p)
      if (next.has(key)) continue
      if ((groupOpen && p.pgid === scope.leader.pid) || parentIsOurs(p)) {
        next.set(key, 'tree')
        added = true
      }
    }
  }
  for (const p of candidates) {
    const key = procKey(p)
    if (!next.has(key) && !isDead(p) && carriesMarker(p)) next.set(key, 'marker')
  }
  // the children of a process found by its marker are the step's too
  added = true
  while (added) {
    added = false
    for (const p of candidates) {
      const key = procKey(p)
      if (!next.has(key) && parentIsOurs(p)) {
        next.set(key, 'tree')
        added = true
      }
    }
  }
  return next
}

export interface Target {
  pid: number
  start: number
  comm: string
  found: FoundBy
}

/**
 * What to signal now: every living process of the step (`known`, as `claim` left it) but the leader, whose
 * end is the step's status. `group` wins over the other two (it is what the group kill reaches anyway).
 */
export function targets(
  scope: Scope,
  known: ReadonlyMap<string, Via>,
  table: readonly ProcEntry[]
): Target[] {
  const leaderKey = procKey(scope.leader)
  const out: Target[] = []
  for (const p of table) {
    const key = procKey(p)
    const via = known.get(key)
    if (!via || key === leaderKey || isDead(p) || !mayBeTheSteps(scope, p)) continue
    const found: FoundBy = p.pgid === scope.leader.pid ? 'group' : via === 'tree' ? 'descendant' : 'marker'
    out.push({ pid: p.pid, start: p.start, comm: p.comm, found })
  }
  return out.sort((a, b) => a.start - b.start || a.pid - b.pid)
}

/**
 * Whether signalling the group id still reaches only the step: while the group is open, or while a process
 * known to be the step's is in it (a live member keeps the id from being reused).
 */
export function groupIsTheSteps(
  scope: Scope,
  known: ReadonlyMap<string, Via>,
  table: readonly ProcEntry[]
): boolean {
  return groupOpenIn(scope, table) || table.some((p) => p.pgid === scope.leader.pid && known.has(procKey(p)))
}
