import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { getNodePath, parseTree } from 'jsonc-parser'
import type { Node, ParseError } from 'jsonc-parser'
import { escapePointer, locate, parseJson } from '../../src/document/json-document.js'
import { positionAt, sourceFromBytes } from '../../src/document/source-file.js'

const sourceFromText = (path: string, text: string) => sourceFromBytes(path, Buffer.from(text, 'utf8'))

const TEXT = [
  '{', //                                     1
  '  "name": "x",', //                        2
  '  "window": {', //                         3
  '    "days": 14,', //                       4
  '    "nested": { "deep": [10, 20, {"k": true}] }', // 5
  '  },', //                                  6
  '  "list": [', //                           7
  '    "a",', //                              8
  '    "b"', //                               9
  '  ],', //                                  10
  '  "a/b": 1,', //                           11
  '  "t~n": 2', //                            12
  '}' //                                      13
].join('\n')

const doc = parseJson(sourceFromText('doc.json', TEXT))

describe('parseJson', () => {
  it('parses valid JSON with no errors and the same value as JSON.parse', () => {
    expect(doc.syntaxErrors).toEqual([])
    expect(doc.duplicateKeys).toEqual([])
    expect(doc.value).toEqual(JSON.parse(TEXT))
  })

  it.each([
    ['', 0],
    ['   \n\t\n', 0]
  ])('empty content %j has no root, no value and no syntax error', (text, errors) => {
    const d = parseJson(sourceFromText('e.json', text))
    expect(d.root).toBeUndefined()
    expect(d.value).toBeUndefined()
    expect(d.syntaxErrors).toHaveLength(errors)
  })

  it.each([
    ['a comment', '{\n  // no\n  "a": 1\n}', 2, 3, 'comments are not allowed in JSON'],
    ['a trailing comma in an array', '[1,\n 2,\n]', 3, 1, 'a value is expected'],
    ['a single-quoted string', "{'a': 1}", 1, 2, 'unexpected character'],
    ['two top-level values', '{}\n{}', 2, 1, 'nothing may follow the top-level value'],
    ['an unterminated string', '{"a": "b\n}', 1, 7, 'unterminated string']
  ])('reports %s at its line and column', (_what, text, line, column, message) => {
    const d = parseJson(sourceFromText('bad.json', text))
    expect(d.syntaxErrors[0]).toEqual({ message, position: { line, column } })
    expect(d.value).toBeUndefined()
  })

  it('reports every syntax error, not only the first', () => {
    const d = parseJson(sourceFromText('bad.json', '{\n  "a" 1,\n  "b": 2,\n  "c": 3 "d": 4\n}'))
    expect(d.syntaxErrors.map((e) => e.position.line)).toEqual([2, 4])
  })
})

describe('locate', () => {
  it.each([
    ['', 1, 1],
    ['/name', 2, 11],
    ['/window', 3, 13],
    ['/window/days', 4, 13],
    ['/window/nested', 5, 15],
    ['/window/nested/deep', 5, 25],
    ['/window/nested/deep/1', 5, 30],
    ['/window/nested/deep/2/k', 5, 40],
    ['/list/0', 8, 5],
    ['/list/1', 9, 5],
    ['/a~1b', 11, 10],
    ['/t~0n', 12, 10]
  ])('an existing pointer %j starts at %i:%i', (pointer, line, column) => {
    expect(locate(doc, pointer)).toEqual({ line, column })
  })

  it.each([
    ['/nope', 1, 1],
    ['/window/nope', 3, 13],
    ['/window/nested/deep/9', 5, 25],
    ['/window/nested/deep/2/missing/more', 5, 34],
    ['/list/5', 7, 11]
  ])('a missing pointer %j falls back to its nearest existing ancestor %i:%i', (pointer, line, column) => {
    expect(locate(doc, pointer)).toEqual({ line, column })
  })

  it.each([
    ['', 'name', 2, 3],
    ['', 'list', 7, 3],
    ['/window', 'days', 4, 5],
    ['/window/nested', 'deep', 5, 17],
    ['/window', 'absent', 3, 13] // no such key: the object itself
  ])('with a key, the position of that key in %j.%s', (pointer, key, line, column) => {
    expect(locate(doc, pointer, key)).toEqual({ line, column })
  })

  it('is line 1, column 1 for a document without a root', () => {
    expect(locate(parseJson(sourceFromText('e.json', '')), '/a/b')).toEqual({ line: 1, column: 1 })
  })

  it('counts lines correctly in CRLF text', () => {
    const d = parseJson(sourceFromText('crlf.json', TEXT.replace(/\n/g, '\r\n')))
    expect(locate(d, '/window/days')).toEqual({ line: 4, column: 13 })
    expect(locate(d, '/list/1')).toEqual({ line: 9, column: 5 })
  })
})

describe('duplicate keys', () => {
  it('names the key, the pointer of the object holding it twice and the second occurrence', () => {
    const text = ['{', '  "a": 1,', '  "b": { "c": 1,', '         "c": 2 },', '  "a": 3', '}'].join('\n')
    const d = parseJson(sourceFromText('dup.json', text))
    expect(d.syntaxErrors).toEqual([])
    expect(d.duplicateKeys).toEqual([
      { key: 'c', pointer: '/b', position: { line: 4, column: 10 } },
      { key: 'a', pointer: '', position: { line: 5, column: 3 } }
    ])
  })

  it.each([
    ['inside an array element', '{"list": [{"k": 1}, {"k": 1, "k": 2}]}', '/list/1'],
    ['under a key holding a slash', '{"x/y": {"k": 1, "k": 2}}', '/x~1y'],
    ['under a key holding a tilde', '{"x~y": {"k": 1, "k": 2}}', '/x~0y'],
    // in broken text, the broken element is counted as written (found by review: the tree leaves it out)
    ['after a broken element', '[:, {"k": 1, "k": 2}]', '/1']
  ])('pointer %s', (_what, text, pointer) => {
    const d = parseJson(sourceFromText('dup.json', text))
    expect(d.duplicateKeys.map((k) => [k.key, k.pointer])).toEqual([['k', pointer]])
  })

  it('reports a key repeated three times twice (each extra occurrence)', () => {
    const d = parseJson(sourceFromText('dup.json', '{"k": 1,\n"k": 2,\n"k": 3}'))
    expect(d.duplicateKeys.map((k) => k.position.line)).toEqual([2, 3])
  })

  it('the same key in different objects is not a duplicate', () => {
    const d = parseJson(sourceFromText('ok.json', '{"a": {"k": 1}, "b": {"k": 1}, "k": 0}'))
    expect(d.duplicateKeys).toEqual([])
  })
})

describe('escapePointer', () => {
  it.each([
    ['plain', 'plain'],
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
    ['~/', '~0~1']
  ])('%j -> %j', (segment, escaped) => {
    expect(escapePointer(segment)).toBe(escaped)
  })
})

describe('parseJson: what typed readers refuse (found by review)', () => {
  const problems = (text: string) =>
    parseJson(sourceFromText('p.json', text)).strictProblems.map((p) => [p.position.line, p.message])

  it('a whole number with a fraction, an exponent or a sign on zero; never advice of another number', () => {
    expect(problems('{"a": 2500}')).toEqual([])
    expect(problems('{"a": 2.5e3}')).toEqual([
      [
        1,
        "the number 2.5e3 is written with a fraction or an exponent, which typed readers (serde's u64) refuse or read as a float where a whole number belongs; write it in digits alone"
      ]
    ])
    expect(problems('{"a": -0}')[0]![1]).toBe(
      'the number -0 is zero with a sign, which typed readers read as a float; write it as 0'
    )
    // past 2^53 - 1 the value read is not the number written: said so, with no rewrite to a wrong one
    for (const raw of ['1e21', '9007199254740993.0', '9007199254740993'])
      expect(problems(`{"a": ${raw}}`)[0]![1]).toBe(
        `the number ${raw} is past 2^53 - 1, which a JSON reader in JavaScript does not hold exactly; no field of this file takes such a number`
      )
    // a fraction where a whole number belongs is the schema's to say
    expect(problems('{"a": 2.5}')).toEqual([])
  })

  it('a lone surrogate escape, in a value or a key, at its line; a full pair is text', () => {
    expect(problems('{"a": "\\ud83d\\ude00"}')).toEqual([])
    expect(problems('{\n"a": "x\\ud800"}').map(([line]) => line)).toEqual([2])
    expect(problems('{\n\n"\\udc00": 1}').map(([line]) => line)).toEqual([3])
  })
})

describe('parseJson: a crafted file of refused numbers', () => {
  it('reports at most 100 of them: the findings are capped anyway, and a message each would cost seconds', () => {
    const text = `{"a": [${Array(5000).fill('-0').join(',\n')}]}`
    expect(parseJson(sourceFromText('p.json', text)).strictProblems).toHaveLength(100)
  })
})

// parseJson reads the text once with jsonc-parser's visitor and makes the tree only when a position is asked for:
// what it reports must be what a walk of the tree reports (the way it was read before), on any text, valid or not
describe('parseJson against a walk of the tree', () => {
  /** Every key and value of the tree, in the order of the text. */
  const walk = (node: Node | undefined, each: (node: Node, key?: Node) => void): void => {
    if (!node) return
    if (node.type === 'object')
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? []
        if (key) each(key, key)
        walk(value, each)
      }
    else if (node.type === 'array') for (const child of node.children ?? []) walk(child, each)
    else each(node)
  }
  const piece = fc.oneof(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      '\n',
      'true',
      'null',
      '-0',
      '1.5e3',
      '12',
      '9007199254740993'
    ),
    fc.constantFrom('"a"', '"b"', '"a"', '"\\u0061"', '"x\\ud800"', '"\\ud83d\\ude00"', '"~/"', '"\\"'),
    fc.string({ maxLength: 3 })
  )
  const texts = fc.oneof(
    // anything, mostly broken
    fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
    // valid JSON with repeated keys, at the top or nested
    fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'a/b', 'c~'), fc.jsonValue({ maxDepth: 3 })), {
          maxLength: 6
        }),
        fc.constantFrom('%', '{"o/k~": %}', '[1, {"a": %}]')
      )
      .map(([entries, around]) =>
        around.replace(
          '%',
          `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}}`
        )
      )
  )

  it('the same syntax errors, keys twice, refused values, value and tree', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const file = sourceFromText('p.json', text)
        const doc = parseJson(file)
        if (doc.syntaxErrors[0]?.limit) return
        const errors: ParseError[] = []
        const root = parseTree(text, errors, { disallowComments: true, allowEmptyContent: true })
        expect(doc.root).toEqual(root)
        const distinct = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1]!.offset)
        expect(doc.syntaxErrors.map((e) => e.position)).toEqual(
          distinct.length === 0 && !root && text.trim() !== ''
            ? [{ line: 1, column: 1 }]
            : distinct.map((e) => positionAt(file, e.offset))
        )
        // each key found again in its object, with the pointer of that object; each value or key refused
        const dups: { key: string; pointer: string; position: unknown }[] = []
        const seen = new Map<Node, Set<string>>()
        walk(root, (_node, key) => {
          if (!key) return
          const object = key.parent!.parent!
          const keys = seen.get(object) ?? new Set<string>()
          seen.set(object, keys)
          const name = String(key.value)
          if (keys.has(name))
            dups.push({
              key: name,
              pointer: getNodePath(object)
                .map((s) => `/${escapePointer(String(s))}`)
                .join(''),
              position: positionAt(file, key.offset)
            })
          keys.add(name)
        })
        // in broken text an array's broken element is counted in a pointer, and left out of the tree: the key and
        // its place are the same
        expect(
          doc.duplicateKeys.map(({ pointer, ...rest }) => (distinct.length ? rest : { pointer, ...rest }))
        ).toEqual(dups.map(({ pointer, ...rest }) => (distinct.length ? rest : { pointer, ...rest })))
        const refused: number[] = []
        walk(root, (node) => {
          const tried = parseJson(
            sourceFromText('one.json', `[${text.slice(node.offset, node.offset + node.length)}]`)
          )
          if (tried.strictProblems.length > 0) refused.push(node.offset)
        })
        expect(doc.strictProblems.map((p) => p.position)).toEqual(
          refused.slice(0, 100).map((o) => positionAt(file, o))
        )
        if (doc.syntaxErrors.length === 0 && root) expect(doc.value).toEqual(JSON.parse(text))
      }),
      { numRuns: 1000 }
    )
  })
})
