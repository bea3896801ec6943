// mapStrings (src/text/map-strings.ts): what redaction and terminal safety walk.
import { describe, expect, it } from '@jest/globals'
import { mapStrings } from '../../src/text/map-strings.js'

describe('mapStrings', () => {
  it('maps every string of plain objects and arrays; keeps other objects, other values and the named keys', () => {
    const bytes = Buffer.from('a')
    const at = new Date(0)
    const value = { a: 'x', n: 1, b: [null, 'y', { c: 'z' }], bytes, at, log_tail: 'x\n' }
    expect(mapStrings(value, (s) => s.toUpperCase(), new Set(['log_tail']))).toEqual({
      a: 'X',
      n: 1,
      b: [null, 'Y', { c: 'Z' }],
      bytes,
      at,
      log_tail: 'x\n'
    })
    expect(value.a).toBe('x') // a copy: the value given is left as it was
  })

  it('an object inside itself (a parse tree with parent links) is kept as it is, not walked forever', () => {
    const parent: { name: string; children: unknown[] } = { name: 'p', children: [] }
    parent.children.push({ name: 'c', parent })
    const out = mapStrings(parent, (s) => s.toUpperCase())
    expect(out.name).toBe('P')
    expect(out.children[0]).toEqual({ name: 'C', parent })
  })

  it('an object met twice, not inside itself, is mapped both times', () => {
    const shared = { tag: 'v1' }
    expect(mapStrings({ a: shared, b: shared }, (s) => `${s}!`)).toEqual({
      a: { tag: 'v1!' },
      b: { tag: 'v1!' }
    })
  })
})
