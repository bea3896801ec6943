// Captured output of a child with a fixed memory bound: the first and the last bytes, and a count of the rest.
// A child that prints gigabytes costs us at most head + tail bytes.

export class BoundedOutput {
  private head: Buffer[] = []
  private headBytes = 0
  private tail: Buffer[] = []
  private tailBytes = 0
  /** Every byte written, kept or not. */
  total = 0

  constructor(
    private readonly headLimit = 32 * 1024,
    private readonly tailLimit = 32 * 1024
  ) {}

  write(chunk: Buffer): void {
    this.total += chunk.length
    if (this.headBytes < this.headLimit) {
      const take = chunk.subarray(0, this.headLimit - this.headBytes)
      this.head.push(take)
      this.headBytes += take.length
      chunk = chunk.subarray(take.length)
    }
    if (chunk.length === 0) return
    this.tail.push(chunk)
    this.tailBytes += chunk.length
    while (this.tailBytes - (this.tail[0]?.length ?? 0) >= this.tailLimit) {
      this.tailBytes -= this.tail.shift()!.length
    }
  }

  /** Bytes neither in the head nor in the tail. */
  get omitted(): number {
    return this.total - this.headBytes - Math.min(this.tailBytes, this.tailLimit)
  }

  /** The kept text, with a marker where bytes were dropped. */
  text(): string {
    let tail = Buffer.concat(this.tail)
    if (tail.length > this.tailLimit) tail = tail.subarray(tail.length - this.tailLimit)
    let head = Buffer.concat(this.head)
    if (this.omitted === 0) return Buffer.concat([head, tail]).toString('utf8')
    // Cut at line boundaries: a token cut in half could slip past redaction, and half lines help nobody. Without
    // one, at the edge of a run of the characters a token is made of, or nothing of the run is kept: a secret
    // straddling the cut was kept whole, its halves apart, where the redactor matches neither (found by review)
    const headEnd = head.lastIndexOf(0x0a)
    if (headEnd !== -1) head = head.subarray(0, headEnd + 1)
    else head = head.subarray(0, lastIndexWhere(head, (b) => !isTokenByte(b)) + 1)
    const tailStart = tail.indexOf(0x0a)
    if (tailStart !== -1 && tailStart < tail.length - 1) tail = tail.subarray(tailStart + 1)
    else {
      // no line break, or only the last byte's: the line the cut goes through is all the tail holds
      const edge = tail.findIndex((b) => !isTokenByte(b))
      tail = edge === -1 ? tail.subarray(tail.length) : tail.subarray(edge)
    }
    const dropped = this.total - head.length - tail.length
    return `${head.toString('utf8')}[… ${dropped} bytes omitted …]\n${tail.toString('utf8')}`
  }

  /** The last `lines` lines of the kept text. */
  lastLines(lines: number): string {
    return this.text().split('\n').filter(Boolean).slice(-lines).join('\n')
  }
}

/** What a token, a key or a password is made of (letters, digits, and the punctuation of base64 and URLs). */
function isTokenByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x2b || // +
    b === 0x2d || // -
    b === 0x2e || // .
    b === 0x2f || // /
    b === 0x3d || // =
    b === 0x5f || // _
    b === 0x7e || // ~
    b >= 0x80 // inside a UTF-8 character
  )
}

function lastIndexWhere(buf: Buffer, test: (b: number) => boolean): number {
  for (let i = buf.length - 1; i >= 0; i--) if (test(buf[i]!)) return i
  return -1
}
