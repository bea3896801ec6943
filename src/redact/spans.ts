// Spans of text to redact, and the one place that rewrites text: merge overlapping spans, replace each merged
// span with `[REDACTED:<kind>]`, count the replacements by kind.

/** A half-open range [start, end) of the text to replace. `rank`: lower wins the kind when spans overlap. */
export interface Span {
  start: number
  end: number
  kind: string
  rank: number
}

/** The replacement text: the kind, never any part of the secret. */
export function marker(kind: string): string {
  return `[REDACTED:${kind}]`
}

/** A replacement this module (or an earlier run) already made. Kinds are lower-case words joined by `-`. */
const MARKER = /\[REDACTED:[a-z0-9][a-z0-9-]{0,47}\]/g

/** The [start, end) ranges of every marker already in `text`. */
export function markerRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  if (!text.includes('[REDACTED:')) return out
  MARKER.lastIndex = 0
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text))
    out.push([m.index, m.index + m[0].length])
  return out
}

/** Whether [start, end) overlaps any of `ranges` (sorted by start, non-overlapping). */
export function overlapsAny(ranges: Array<[number, number]>, start: number, end: number): boolean {
  // binary search: the last range that starts before `end`
  let lo = 0
  let hi = ranges.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (ranges[mid]![0] < end) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found >= 0 && ranges[found]![1] > start
}

/**
 * Replace the union of `spans` in `text`. Overlapping spans merge into one replacement whose kind is the one of
 * the lowest-ranked span among them (the most specific detector). Adds each replacement to `kinds`; returns the
 * new text and the number of replacements.
 */
export function applySpans(
  text: string,
  spans: Span[],
  kinds: Record<string, number>
): { text: string; count: number } {
  if (spans.length === 0) return { text, count: 0 }
  const sorted = spans
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.rank - b.rank || b.end - a.end)
  const parts: string[] = []
  let cursor = 0
  let count = 0
  let i = 0
  while (i < sorted.length) {
    const first = sorted[i]!
    let end = first.end
    let kind = first.kind
    let rank = first.rank
    i++
    while (i < sorted.length && sorted[i]!.start < end) {
      const s = sorted[i]!
      if (s.end > end) end = s.end
      if (s.rank < rank) {
        rank = s.rank
        kind = s.kind
      }
      i++
    }
    parts.push(text.slice(cursor, first.start), marker(kind))
    cursor = end
    count++
    kinds[kind] = (kinds[kind] ?? 0) + 1
  }
  parts.push(text.slice(cursor))
  return { text: parts.join(''), count }
}
