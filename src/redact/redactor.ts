// Redaction (DESIGN.md §7): secrets are removed before anything is hashed, stored or shown. First every value
// known to be secret (and its URL-encoded, JSON-escaped and base64 forms), then a scanner for the tokens nobody
// declared: our own detectors (detectors.ts), then secretlint's recommended preset over what is left. Each
// replacement is `[REDACTED:<kind>]`; redacting redacted text changes nothing.

import { DETECTORS } from './detectors.js'
import { KNOWN_SECRET_VARIABLES, MIN_SECRET_LENGTH, secretForms, secretsFromEnv } from './known-secrets.js'
import { secretlintSpans } from './secretlint-scan.js'
import { applySpans, markerRanges, overlapsAny, type Span } from './spans.js'

export interface Redaction {
  /** The text with every secret replaced by `[REDACTED:<kind>]`. */
  text: string
  /** The number of replacements. */
  count: number
  /** The number of replacements by kind. */
  kinds: Record<string, number>
}

export interface RedactorOptions {
  /** Values known to be secret (tokens, `core.setSecret` values); values shorter than 4 characters are ignored. */
  secrets: string[]
  /**
   * Told when secretlint fails on a text (the known secrets and our own detectors have run all the same), so
   * the entry layer can say so in its log.
   */
  onScannerError?: (error: unknown) => void
}

export interface Redactor {
  redact(text: string): Promise<Redaction>
}

export const KNOWN_SECRET_KIND = 'known-secret'

/** The forms of the known secrets to look for, longest first. */
function needlesOf(secrets: readonly string[]): string[] {
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
function needleSearch(
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
function knownSecretSpans(text: string, search: ReturnType<typeof needleSearch>): Span[] {
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
function detectorSpans(text: string): Span[] {
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
  return (text) => {
    if (text.length === 0) return text
    let out = search ? applySpans(text, knownSecretSpans(text, search), {}).text : text
    out = applySpans(out, detectorSpans(out), {}).text
    return out
  }
}

/** The redactor of a local run: the secrets of its environment (variables named so, and the known ones). */
export function environmentRedactor(env: NodeJS.ProcessEnv): Redactor {
  return createRedactor({ secrets: secretsFromEnv(env, KNOWN_SECRET_VARIABLES) })
}

/** A redactor for the given known secrets; the scanners need no configuration. */
export function createRedactor(options: RedactorOptions): Redactor {
  const needles = needlesOf(options.secrets ?? [])
  const search = needles.length > 0 ? needleSearch(needles) : undefined
  return {
    async redact(input: string): Promise<Redaction> {
      const kinds: Record<string, number> = {}
      let text = typeof input === 'string' ? input : String(input ?? '')
      let count = 0
      const apply = (spans: Span[]): void => {
        const r = applySpans(text, spans, kinds)
        text = r.text
        count += r.count
      }
      if (text.length === 0) return { text, count, kinds }
      if (search) apply(knownSecretSpans(text, search))
      apply(detectorSpans(text))
      try {
        // secretlint reports whole URLs (user and host included) where ours already took the password: a
        // finding that touches a replacement is one we made more precisely
        const markers = markerRanges(text)
        const found = await secretlintSpans(text, DETECTORS.length)
        apply(found.filter((s) => !overlapsAny(markers, s.start, s.end)))
      } catch (error) {
        // the scanner failed on odd input: the known secrets and our own detectors have already run
        options.onScannerError?.(error)
      }
      return { text, count, kinds }
    }
  }
}
