// PEM-style private key blocks (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP ... BLOCK, plain PKCS#8): the whole block,
// from BEGIN to END. A block cut in two by bounded capture (head ... tail) loses one of its markers: then the key
// lines after a lone BEGIN, or before a lone END, are taken, and the log lines around the cut are not.

const BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g
const END_HERE = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/y
const END_LINE = /^(?:\S{1,64}\s+)?(-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----)/
const END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g

/** No key block is longer than this: the scan of a body stops here. */
const MAX_BODY = 64 * 1024

/** Characters of a key body on the marker's own line (JSON-escaped newlines, `\n`, included). */
const INLINE_BODY = /[A-Za-z0-9+/=\\]/

/** A line of a key body, optionally after one prefix word (a log timestamp, `stderr:`). */
const BODY_LINE = /^(?:\S{1,64}\s+)?[A-Za-z0-9+/=]{1,4096}$/
/** A full-length body line: only these are taken when the block is cut and its extent is a guess. */
const FULL_BODY_LINE = /^(?:\S{1,64}\s+)?[A-Za-z0-9+/=]{16,4096}$/
/** A header of an encrypted PEM or a PGP armour (`Proc-Type: 4,ENCRYPTED`, `Version: ...`). */
const HEADER_LINE = /^(?:\S{1,64}\s+)?[A-Za-z][A-Za-z-]{1,30}: \S.{0,200}$/

function matches(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push([m.index, m.index + m[0].length])
  return out
}

/**
 * The block that starts with a BEGIN marker ending at `from`: through its END marker when the body leads to one,
 * else (cut) through the last full-length key line. Returns the end of the range and the END marker's start, if any.
 */
function blockAfter(text: string, from: number): { end: number; endMarker?: number } {
  const limit = Math.min(text.length, from + MAX_BODY)
  let pos = from
  while (pos < limit && INLINE_BODY.test(text[pos]!)) pos++
  END_HERE.lastIndex = pos
  if (END_HERE.test(text)) return { end: END_HERE.lastIndex, endMarker: pos }
  let fullEnd = pos
  if (pos >= limit || (text[pos] !== '\n' && text[pos] !== '\r')) return { end: fullEnd }
  let blank = 0
  let lines = 0
  while (pos < limit) {
    if (text[pos] === '\r' && text[pos + 1] === '\n') pos++
    const lineStart = pos + 1
    const nl = text.indexOf('\n', lineStart)
    const lineEnd = nl < 0 ? text.length : nl
    if (lineEnd > limit) break
    const line = text.slice(lineStart, lineEnd).trim()
    lines++
    const end = END_LINE.exec(line)
    if (end) {
      const at = text.indexOf(end[1]!, lineStart)
      return { end: at + end[1]!.length, endMarker: at }
    }
    if (line === '') {
      if (++blank > 2) break
    } else if (BODY_LINE.test(line) || (lines <= 4 && HEADER_LINE.test(line))) {
      if (FULL_BODY_LINE.test(line)) fullEnd = lineEnd
    } else break
    if (nl < 0) break
    pos = lineEnd
  }
  return { end: fullEnd }
}

/** Start of the key lines before an END marker that starts at `to` and has no BEGIN (its head was cut). */
function bodyBefore(text: string, to: number): number {
  const limit = Math.max(0, to - MAX_BODY)
  let pos = to
  while (pos > limit && INLINE_BODY.test(text[pos - 1]!)) pos--
  let start = pos
  if (pos <= limit || (text[pos - 1] !== '\n' && text[pos - 1] !== '\r')) return start
  let blank = 0
  let first = true
  while (pos > limit) {
    const nl = pos >= 2 ? text.lastIndexOf('\n', pos - 2) : -1
    const lineStart = nl < 0 ? 0 : nl + 1
    const line = text.slice(lineStart, pos).trim()
    // the line next to END may be a short last line; further up, only full-length lines and headers count
    if (line === '') {
      if (++blank > 2) break
    } else if ((first ? BODY_LINE : FULL_BODY_LINE).test(line) || HEADER_LINE.test(line)) {
      start = Math.max(lineStart, limit)
    } else break
    first = false
    pos = lineStart
  }
  return start
}

/** The [start, end) ranges of every private key block in `text`, whole or cut. */
export function privateKeyBlocks(text: string): Array<[number, number]> {
  if (!text.includes('PRIVATE KEY')) return []
  const out: Array<[number, number]> = []
  const usedEnds = new Set<number>()
  let covered = 0
  for (const [bStart, bEnd] of matches(BEGIN, text)) {
    if (bStart < covered) continue
    const block = blockAfter(text, bEnd)
    if (block.endMarker !== undefined) usedEnds.add(block.endMarker)
    out.push([bStart, block.end])
    covered = block.end
  }
  for (const [eStart, eEnd] of matches(END, text)) {
    if (!usedEnds.has(eStart)) out.push([bodyBefore(text, eStart), eEnd])
  }
  return out
}
