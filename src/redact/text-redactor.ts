// The synchronous part of redaction: every known secret (in each of its forms) and our own detectors, without
// secretlint's scan. What short texts need on every run of every command (a finding's message), and what the full
// redactor (redactor.ts) runs first; importing it loads no secretlint.
import { DETECTORS } from './detectors.js'
import { MIN_SECRET_LENGTH, secretForms } from './known-secrets.js'
import { applySpans, markerRanges, overlapsAny, type Span } from './spans.js'

export const KNOWN_SECRET_KIND = 'known-secret'

/** The forms of the known secrets to look for, longest first. */
export function needlesOf(secrets: readonly string[]): string[] {
  const needles = new Set<string>()
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue
    for (const form of secretForms(secret)) needles.add(form)
  }
  return [...needles].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * One search for all the needles (a regular expression of alternatives, longest first: one pass over the text,
 * however many secrets), or, if the engine refuses so large a pattern, one `indexOf` scan per needle.
 */
export function needleSearch(
  needles: readonly string[]
): (text: string, found: (start: number, end: number) => void) => void {
  let re: RegExp | undefined
  try {
    re = new RegExp(needles.map(escapeRegExp).join('|'), 'g')
  } catch {
    re = undefined
  }
  if (re) {
    const pattern = re
    return (text, found) => {
      pattern.lastIndex = 0
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        found(m.index, m.index + m[0].length)
        // the next match may start inside this one (`abab` in `ababab`, one secret inside another)
        pattern.lastIndex = m.index + 1
      }
    }
  }
  return (text, found) => {
    const hits: Array<[number, number]> = []
    for (const needle of needles) {
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1))
        hits.push([i, i + needle.length])
    }
    hits.sort((a, b) => a[0] - b[0] || b[1] - a[1])
    for (const [start, end] of hits) found(start, end)
  }
}

/** Every occurrence of every needle outside the markers already in `text`; overlapping ones as one span. */
export function knownSecretSpans(text: string, search: ReturnType<typeof needleSearch>): Span[] {
  const markers = markerRanges(text)
  const spans: Span[] = []
  let last: Span | undefined
  search(text, (start, end) => {
    if (overlapsAny(markers, start, end)) return
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else spans.push((last = { start, end, kind: KNOWN_SECRET_KIND, rank: 0 }))
  })
  return spans
}

/** The spans our own detectors find. A detector that fails leaves the others to do their work. */
export function detectorSpans(text: string): Span[] {
  const spans: Span[] = []
  DETECTORS.forEach((detector, rank) => {
    try {
      detector.find(text, spans, rank)
    } catch {
      // a detector is a set of regular expressions; nothing here is expected to throw
    }
  })
  return spans
}

/**
 * A redactor of short texts that must stay synchronous and cheap (a finding's message, on every run of every
 * command): the known secrets and our own detectors, without secretlint's scan of long logs.
 */
export function textRedactor(secrets: readonly string[]): (text: string) => string {
  const needles = needlesOf(secrets)
  const search = needles.length > 0 ? needleSearch(needles) : undefined
  // The same short texts come again and again (lkg's 200 revisions repeat a release tag, a reason, a profile):
  // each is searched once. Bounded, so a run of millions of distinct texts holds no more than this.
  const seen = new Map<string, string>()
  return (text) => {
    if (text.length === 0) return text
    const known = seen.get(text)
    if (known !== undefined) return known
    let out = search ? applySpans(text, knownSecretSpans(text, search), {}).text : text
    out = applySpans(out, detectorSpans(out), {}).text
    if (text.length <= MEMO_TEXT_CHARS && seen.size < MEMO_ENTRIES) seen.set(text, out)
    return out
  }
}

/** The texts a redactor remembers: short ones (identities, reasons, paths), a bounded number of them. */
const MEMO_TEXT_CHARS = 256
const MEMO_ENTRIES = 4096
