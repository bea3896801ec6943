// Names and tails of the suite step logs written beside an evidence packet. Pure.

/** The last lines of a log that the packet, the summary and the comment show. */
export const TAIL_LINES = 40
export const TAIL_CHARS = 4000

/** `<packet>-<nn>-<suite>-<step>.log`: flat (the schema allows no directories), unique by its index. */
export function logFileName(packet: string, index: number, suite: string, name: string): string {
  const slug = `${suite}-${name}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60)
  return `${packet}-${String(index + 1).padStart(2, '0')}-${slug || 'step'}.log`
}

/** The last `lines` lines, at most `chars` characters (cut at a line start when one is near). */
export function logTail(text: string, lines = TAIL_LINES, chars = TAIL_CHARS): string {
  const trimmed = text.replace(/\s+$/, '')
  let start = trimmed.length
  for (let i = 0; i < lines && start > 0; i++) {
    const nl = trimmed.lastIndexOf('\n', start - 1)
    start = nl === -1 ? 0 : nl
  }
  let tail = trimmed.slice(start).replace(/^\n/, '')
  if (tail.length > chars) {
    const cut = tail.length - chars
    const nl = tail.indexOf('\n', cut)
    tail = tail.slice(nl !== -1 && nl - cut < 200 ? nl + 1 : cut)
  }
  return tail
}
