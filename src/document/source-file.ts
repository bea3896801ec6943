// A text file with the byte-level facts the rules care about and a line index for locations.
import { strictUtf8 } from '../text/utf8.js'

/** 1-based line and column. */
export interface Position {
  line: number
  column: number
}

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string
  /** The raw bytes, exactly as on disk (hashes are computed over these). */
  bytes: Buffer
  /** Decoded text without a leading byte-order mark; offsets and positions refer to this text. */
  text: string
  hasBom: boolean
  /** False when the bytes are not valid UTF-8 (text then holds replacement characters). */
  validUtf8: boolean
  hasCrlf: boolean
  /** The offset where each line starts (the first is 0). */
  readonly lineStarts: Int32Array
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** Text that starts with the byte order mark of UTF-16 (or UTF-32): compilers read it so, the UTF-8 search cannot. */
export const isUtf16 = (b: Buffer): boolean =>
  b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })

export function sourceFromBytes(path: string, bytes: Buffer): SourceFile {
  const hasBom = bytes.length >= 3 && bytes.subarray(0, 3).equals(BOM)
  const body = hasBom ? bytes.subarray(3) : bytes
  const strict = strictUtf8(body)
  const validUtf8 = strict !== null
  const text = strict ?? lenientUtf8.decode(body)
  return {
    path,
    bytes,
    text,
    hasBom,
    validUtf8,
    hasCrlf: text.includes('\r\n'),
    lineStarts: lineStartsOf(text)
  }
}

/** Where each line of `text` starts: 0, and the offset after each line feed. */
export function lineStartsOf(text: string): Int32Array {
  // a typed array: one block the garbage collector does not scan, however many lines (a 1 MiB ledger: 7,900)
  let starts = new Int32Array(Math.max(16, text.length >> 6))
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (n === starts.length) {
      const more = new Int32Array(n * 2)
      more.set(starts)
      starts = more
    }
    starts[n++] = i + 1
  }
  return starts.subarray(0, n)
}

/** Offset in `text` to a 1-based position (binary search over line starts). */
export function positionAt(file: SourceFile, offset: number): Position {
  const starts = file.lineStarts
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 }
}
