// A value quoted into a message is redacted whole before it is cut to fit: cut first, a secret is no longer one any
// detector knows, nor one the environment holds, and its start (or a passphrase's first words) would be shown
// (found by review). The rules that quote values live below the redaction; the entry layer installs the run's
// (its environment's secrets, our detectors) before anything is read. Without it only the cut between words holds.
import { shorten } from './shorten.js'

let redactWhole: (text: string) => string = (text) => text

/** The run's redaction of a value quoted into a message (the entry layer's, once per run). */
export function installQuoteRedaction(redact: (text: string) => string): void {
  redactWhole = redact
}

/** `text` redacted whole, as every value quoted into a message is before it is cut or folded. */
export function redactQuoted(text: string): string {
  return redactWhole(text)
}

/** `text` redacted whole, then cut between words to `max` (see shorten's `quote`). */
export function quote(text: string, max: number): string {
  return shorten(redactWhole(text), max, 'quote')
}
