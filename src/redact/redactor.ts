// Redaction (DESIGN.md §7): secrets are removed before anything is hashed, stored or shown. First every value
// known to be secret (and its URL-encoded, JSON-escaped and base64 forms), then a scanner for the tokens nobody
// declared: our own detectors (detectors.ts), then secretlint's recommended preset over what is left. Each
// replacement is `[REDACTED:<kind>]`; redacting redacted text changes nothing.

import { KNOWN_SECRET_VARIABLES, secretsFromEnv } from './known-secrets.js'
import { secretlintSpans } from './secretlint-scan.js'
import { DETECTORS } from './detectors.js'
import { applySpans, markerRanges, overlapsAny, type Span } from './spans.js'
import { detectorSpans, knownSecretSpans, needleSearch, needlesOf } from './text-redactor.js'

export { KNOWN_SECRET_KIND } from './text-redactor.js'

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
