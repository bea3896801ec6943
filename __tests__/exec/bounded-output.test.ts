import { describe, expect, it } from '@jest/globals'
import { BoundedOutput } from '../../src/exec/bounded-output.js'

describe('BoundedOutput', () => {
  it('keeps everything while it fits', () => {
    const out = new BoundedOutput(16, 16)
    out.write(Buffer.from('one\ntwo\n'))
    expect([out.text(), out.total, out.omitted]).toEqual(['one\ntwo\n', 8, 0])
  })

  it('keeps whole lines of the head and the tail, never half a line, and counts what it dropped', () => {
    const out = new BoundedOutput(12, 12)
    const lines = Array.from({ length: 20 }, (_, i) => `line-${String(i).padStart(2, '0')}`)
    for (const l of lines) out.write(Buffer.from(`${l}\n`))
    const text = out.text()
    const [head, tail] = text.split(/\[… \d+ bytes omitted …\]\n/)
    expect(head).toBe('line-00\n')
    expect(tail).toBe('line-19\n')
    const dropped = Number(/\[… (\d+) bytes omitted …\]/.exec(text)![1])
    expect(dropped).toBe(out.total - head!.length - tail!.length)
    // no kept line is a fragment of a token-like line
    for (const kept of [...head!.split('\n'), ...tail!.split('\n')].filter(Boolean))
      expect(lines).toContain(kept)
  })

  it('a single huge line is still bounded', () => {
    const out = new BoundedOutput(8, 8)
    out.write(Buffer.alloc(1000, 0x61))
    expect(out.text().length).toBeLessThan(100)
    expect(out.total).toBe(1000)
  })
})
