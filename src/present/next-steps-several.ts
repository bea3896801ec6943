// The next steps of a run over several baselines (found by review): each step names whose it is; baselines that
// need the very same steps are named together; a baseline with nothing to do is not listed above another's steps;
// and a command meant for some of the baselines names each (`--baseline`), since one run of it covers them all.
import { c, lineToText } from './inline.js'
import type { Line } from './inline.js'

export interface BaselineSteps {
  name: string
  lines: Line[]
  /** Passed, and its only step says there is nothing to do. */
  clear: boolean
  failed: boolean
}

/** The commands that take `--baseline`. */
const SCOPED =
  /^(npx --no baseline-gate (?:health|promote|repin|migrate|lkg|rollback))(?=\s|$)(?![^]*--baseline)/

/** `line` with each of its commands limited to `name`. */
export function scopedTo(line: Line, name: string): Line {
  return line.map((part) =>
    typeof part !== 'string' && 'code' in part && SCOPED.test(part.code)
      ? c(part.code.replace(SCOPED, `$1 --baseline ${name}`))
      : part
  )
}

const hasCommand = (line: Line) =>
  line.some((p) => typeof p !== 'string' && 'code' in p && SCOPED.test(p.code))
/** A rollback is one incident's: its command names its baseline even when every baseline has the same step. */
const rollsBack = (line: Line) =>
  line.some((p) => typeof p !== 'string' && 'code' in p && /^npx --no baseline-gate rollback\b/.test(p.code))

/** @param total how many baselines the policy has: a command for fewer names each of its own */
export function severalSteps(per: readonly BaselineSteps[], total = per.length): Line[] {
  // the failing first: what blocks the verdict is read before the advice to the others
  const open = per.some((p) => !p.clear) ? per.filter((p) => !p.clear) : per
  const shown = [...open.filter((p) => p.failed), ...open.filter((p) => !p.failed)]
  // baselines with the same steps, in the order they first come: each group's steps stay in their own order
  const groups = new Map<string, { names: string[]; lines: Line[] }>()
  for (const p of shown) {
    const key = p.lines.map(lineToText).join('\n')
    const group = groups.get(key)
    if (group) group.names.push(p.name)
    else groups.set(key, { names: [p.name], lines: p.lines })
  }
  const out: Line[] = []
  for (const { names, lines } of groups.values()) {
    // one command for every baseline of the run needs no name; for some of them, one per baseline
    const all = names.length >= total
    const shared = (line: Line) => !hasCommand(line) || (all && !rollsBack(line))
    // a command each baseline must run for itself: the whole list per baseline, each baseline's steps together
    // (found by review: two baselines' steps alternated)
    if (!lines.every(shared))
      for (const name of names) for (const line of lines) out.push([`${name}: `, ...scopedTo(line, name)])
    else for (const line of lines) out.push([`${names.join(', ')}: `, ...line])
  }
  return out
}
