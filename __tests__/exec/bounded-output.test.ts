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

  it('output with no line break keeps no part of a token the cut goes through: its halves apart, no redactor matched either (found by review)', () => {
    const secret = 'zq8Lw2Vx9mP4nR7tY1uE6oI3aS5dF0gH2jK4lZ8cQ'
    const out = new BoundedOutput(64, 64)
    // words, then a run of token characters the head/tail cut falls inside
    out.write(
      Buffer.from(`start of log ${'a'.repeat(40)}${secret}${'c'.repeat(200)}${secret}${'c'.repeat(30)} end`)
    )
    const text = out.text()
    const [head, tail] = text.split(/\[… \d+ bytes omitted …\]\n/)
    expect([head, tail]).toEqual(['start of log ', ' end'])
    for (const part of [head!, tail!]) expect(secret.includes(part.trim()) && part.trim() !== '').toBe(false)
    expect(Number(/\[… (\d+) bytes omitted …\]/.exec(text)![1])).toBe(out.total - head!.length - tail!.length)
    // the usual line, ending in a line break: its start is cut at a token's edge too (found by re-reading)
    const line = new BoundedOutput(64, 64)
    line.write(
      Buffer.from(`start of log ${'a'.repeat(40)}${secret}${'c'.repeat(200)}${secret}${'c'.repeat(30)} end\n`)
    )
    expect(line.text().split(/\[… \d+ bytes omitted …\]\n/)).toEqual(['start of log ', ' end\n'])
  })
})
