// Bytes as UTF-8, or null where they are not: a name or a text that a lossy decode would turn into another one.
// A byte-order mark is kept as a character (a link's text, a file's body once its own mark is taken off).
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes)
  } catch {
    return null
  }
}
