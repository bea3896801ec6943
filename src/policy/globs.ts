// Scan globs the adapter scan matches in time about linear in a path: picomatch turns each `*` of a path segment
// into a lazy `[^/]*?`, and a segment with a literal between two stars (`*a*`) tries every split of a name, so
// each more such star multiplies the time by the name's length (found by review: `src/*a*a*a*a*a*a*b` ran for
// minutes on one file name of 120 characters; `*a*/*a*/*a*/x` took 11 s on one path). Extglobs nest quantifiers
// the same way (picomatch issue #175). The policy refuses such globs; ordinary ones (`**/*.test.*`) pass.
import { escapePointer } from '../document/json-document.js'

/** Why a glob could make matching slow, or null. */
export function globHazard(glob: string): string | null {
  if (/[@!+*?]\(/.test(glob))
    return 'an extglob such as `+(a|b)`, which this tool does not take: write the alternatives as a brace, `{a,b}`'
  // each star run beyond the first of a segment (other than `**` alone) is one more factor of a name's length; each
  // group of `**` after the second, with a name between, one more factor of a path's depth (found by review:
  // `src/**/a/**/a/**/b` took 82 s on one path 480 directories deep)
  let extra = 0
  let groups = 0
  let inGroup = false
  for (const segment of glob.split('/')) {
    if (segment === '**') {
      if (!inGroup) groups++
      inGroup = true
      continue
    }
    inGroup = false
    extra += Math.max(0, (segment.match(/\*+/g)?.length ?? 0) - 1)
  }
  if (groups > 2)
    return 'more than two `**` with a directory name between them, which makes matching a path take time to the power of its depth: keep to two, like `src/**/__tests__/**`'
  return extra > 1
    ? 'more than one path segment with two `*` (or a segment with three), which makes matching a file name take time to the power of its length: keep to one such segment, like `**/*.test.*`'
    : null
}

/** The first glob of the baselines' adapter scan and exclude lists that globHazard refuses: its JSON Pointer and why. */
export function firstGlobHazard(
  baselines: Record<string, { adapter?: { scan?: string[]; exclude?: string[] } }>
): { pointer: string; why: string } | null {
  for (const [name, b] of Object.entries(baselines)) {
    for (const list of ['scan', 'exclude'] as const) {
      const globs = b.adapter?.[list] ?? []
      for (let i = 0; i < globs.length; i++) {
        const why = globHazard(globs[i]!)
        if (why) return { pointer: `/baselines/${escapePointer(name)}/adapter/${list}/${i}`, why }
      }
    }
  }
  return null
}
