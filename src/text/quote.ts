// A value quoted into a message is redacted whole before it is cut to fit: cut first, a secret is no longer one any
// detector knows, nor one the environment holds, and its start (or a passphrase's first words) would be shown
// (found by review). The rules that quote values live below the redaction; the entry layer installs the run's
// (its environment's secrets, our detectors) before anything is read. Without it only the cut between words holds.
import { shorten } from './shorten.js'

// kept on the global object, not in this module: the command line is several bundles, each with its own copy of
// this module, and the one the entry installs into must be the one every command's rules read (found by review:
// promote, rollback, migrate and init cut values unredacted)
const KEY = Symbol.for('baseline-gate.quote-redaction')
type Redact = (text: string) => string
const slot = globalThis as { [KEY]?: Redact }

/** The run's redaction of a value quoted into a message (the entry layer's, once per run). */
export function installQuoteRedaction(redact: Redact): void {
  slot[KEY] = redact
}

/** `text` redacted whole, as every value quoted into a message is before it is cut or folded. */
export function redactQuoted(text: string): string {
  const redact = slot[KEY]
  return redact ? redact(text) : text
}

/** `text` redacted whole, then cut between words to `max` (see shorten's `quote`). */
export function quote(text: string, max: number): string {
  return shorten(redactQuoted(text), max, 'quote')
}
