import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { schemaFiles, validateManifest, validatePin, validatePolicy } from '../../src/generated/validators.js'
import { parseJson } from '../../src/document/json-document.js'
import {
  closest,
  fieldName,
  MAX_SCHEMA_ERRORS,
  preview,
  validateDocument
} from '../../src/document/schema-errors.js'
import { sourceFromBytes } from '../../src/document/source-file.js'
import { EMBEDDED, PIN, MIRROR, REPO_ROOT } from '../helpers/fixture.js'

const sourceFromText = (path: string, text: string) => sourceFromBytes(path, Buffer.from(text, 'utf8'))

const PIN_TEXT = readFileSync(join(REPO_ROOT, PIN), 'utf8')
const MIRROR_TEXT = readFileSync(join(REPO_ROOT, MIRROR), 'utf8')

function pinProblems(text: string) {
  return validateDocument(parseJson(sourceFromText(PIN, text)), validatePin, schemaFiles.validatePin)
}

describe('fieldName', () => {
  it.each([
    ['', ''],
    ['/release_tag', 'release_tag'],
    ['/a/b', 'a.b'],
    ['/a/b/0', 'a.b[0]'],
    ['/error_code_enum/3', 'error_code_enum[3]'],
    ['/list/0/name', 'list[0].name'],
    ['/a~1b/c', 'a/b.c'],
    ['/t~0n', 't~n']
  ])('%j -> %j', (pointer, name) => {
    expect(fieldName(pointer)).toBe(name)
  })
})

describe('closest', () => {
  const PIN_FIELDS = ['release_tag', 'commit_sha', 'memorykernel_repo', 'expected_api_contract_version']
  it.each([
    ['relase_tag', 'release_tag'],
    ['release-tag', 'release_tag'],
    ['RELEASE_TAG', 'release_tag'],
    ['comit_sha', 'commit_sha'],
    ['commitsha', 'commit_sha'],
    ['memory_kernel_repo', 'memorykernel_repo'],
    ['expected_api_contrct_versoin', 'expected_api_contract_version']
  ])('%j -> %j', (word, want) => {
    expect(closest(word, PIN_FIELDS)).toBe(want)
  })

  it.each([['zzzzzz'], ['posture'], ['tag']])('%j is too far from every candidate', (word) => {
    expect(closest(word, PIN_FIELDS)).toBeUndefined()
  })

  it('has no answer without candidates', () => {
    expect(closest('release_tag', [])).toBeUndefined()
  })

  // the reference: every candidate compared, the first at the least distance, kept when within the limit
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
    for (let j = 1; j <= b.length; j++) d[0]![j] = j
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(
          d[i - 1]![j]! + 1,
          d[i]![j - 1]! + 1,
          d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
        )
    return d[a.length]![b.length]!
  }
  const reference = (word: string, candidates: string[]): string | undefined => {
    const scored = candidates.map((c) => ({ c, d: distance(word.toLowerCase(), c.toLowerCase()) }))
    const best = scored.reduce<{ c: string; d: number } | undefined>(
      (b, x) => (b && b.d <= x.d ? b : x),
      undefined
    )
    return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.c : undefined
  }

  it('answers as comparing every candidate does (candidates too long or short to be close are passed over)', () => {
    const word = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...PIN_FIELDS),
      fc.string({ unit: 'grapheme' })
    )
    fc.assert(
      fc.property(
        word,
        fc.array(fc.oneof(fc.constantFrom(...PIN_FIELDS), fc.string({ maxLength: 40 }))),
        (w, cs) => {
          expect(closest(w, cs)).toBe(reference(w, cs))
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('a key of 200,000 characters is compared with no candidate (each is too short to be within a third of it)', () => {
    expect(closest('x'.repeat(200_000), PIN_FIELDS)).toBeUndefined()
  })
})

describe('preview', () => {
  it.each([
    ['a short string', 'v1.0', '"v1.0"'],
    ['a number', 2500, '2500'],
    ['null', null, 'null'],
    ['an object', { a: 1 }, '{"a":1}'],
    ['undefined', undefined, 'undefined']
  ])('%s', (_what, value, shown) => {
    expect(preview(value)).toBe(shown)
  })

  it('truncates to the limit between words, with an ellipsis; a word that does not fit is not shown in part', () => {
    const shown = preview(`${'word '.repeat(40)}end`)
    expect(shown.length).toBeLessThanOrEqual(60)
    expect(shown).toMatch(/^"word( word)*…$/)
    // a secret cut in two would show its start: one word too long is said by its length
    expect(preview('x'.repeat(200))).toBe('a value of 202 characters')
    expect(preview('abcdefghij', 5)).toBe('a value of 12 characters')
  })

  it('leaves a value exactly at the limit alone', () => {
    const value = 'y'.repeat(58) // 60 characters with its quotes
    expect(preview(value)).toBe(JSON.stringify(value))
  })
})

describe('validateDocument on the pin schema', () => {
  it('the embedded pin has no problem', () => {
    expect(pinProblems(PIN_TEXT)).toEqual([])
  })

  it('a misspelt field: the unknown field with a "did you mean" hint, and the missing required field', () => {
    const text = PIN_TEXT.replace('"release_tag"', '"relase_tag"')
    const line = text.split('\n').findIndex((l) => l.includes('"relase_tag"')) + 1
    expect(pinProblems(text)).toEqual([
      {
        pointer: '/release_tag',
        position: { line: 1, column: 1 },
        message: 'the object is missing the required field `release_tag`'
      },
      {
        pointer: '/relase_tag',
        position: { line, column: 3 },
        message: 'the object has the unknown field `relase_tag`; did you mean `release_tag`?'
      }
    ])
  })

  it('an unknown field far from every missing one gets the generic advice', () => {
    const text = PIN_TEXT.replace(
      '"runtime_cutover_posture": "GO"',
      '"runtime_cutover_posture": "GO",\n  "owner": "me"'
    )
    const problems = pinProblems(text)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toBe(
      'the object has the unknown field `owner`; remove it or check its spelling'
    )
    expect(problems[0]!.position).toEqual({ line: text.split('\n').length - 2, column: 3 })
  })

  it("a format violation uses the schema's own message and shows the value", () => {
    const text = PIN_TEXT.replace(/"commit_sha": "[0-9a-f]{40}"/, '"commit_sha": "7e4806a"')
    const line = text.split('\n').findIndex((l) => l.includes('"commit_sha"')) + 1
    expect(pinProblems(text)).toEqual([
      {
        pointer: '/commit_sha',
        position: { line, column: 17 },
        message:
          '`commit_sha` must be a full 40-character lower-case hex commit SHA (git rev-parse <commit>) (got "7e4806a")'
      }
    ])
  })

  it('problems come in document order', () => {
    const text = PIN_TEXT.replace(
      '"runtime_cutover_posture": "GO"',
      '"runtime_cutover_posture": "go"'
    ).replace(`"release_tag": "${EMBEDDED.tag}"`, '"release_tag": "0.4"')
    const problems = pinProblems(text)
    expect(problems.map((p) => p.pointer)).toEqual(['/release_tag', '/runtime_cutover_posture'])
    expect(problems[1]!.message).toBe('`runtime_cutover_posture` must be "GO" or "NO-GO" (got "go")')
  })

  it('a non-object document is one problem at the start', () => {
    const problems = pinProblems('[1, 2]')
    expect(problems).toHaveLength(1)
    expect(problems[0]!.position).toEqual({ line: 1, column: 1 })
    expect(problems[0]!.message).toContain('the document')
  })
})

describe('validateDocument on the manifest schema', () => {
  it('locates a nested violation and names it with dots and brackets', () => {
    const text = MIRROR_TEXT.replace('"write_conflict"', '"Write-Conflict"')
    const line = text.split('\n').findIndex((l) => l.includes('"Write-Conflict"')) + 1
    const problems = validateDocument(
      parseJson(sourceFromText(MIRROR, text)),
      validateManifest,
      schemaFiles.validateManifest
    )
    expect(problems).toEqual([
      {
        pointer: '/error_code_enum/3',
        position: { line, column: 5 },
        message:
          '`error_code_enum[3]` must be a snake_case error code like invalid_json (got "Write-Conflict")'
      }
    ])
  })
})

describe('a document of thousands of violations (found by review: minutes and gigabytes)', () => {
  const policyProblems = (value: unknown) =>
    validateDocument(
      parseJson(sourceFromText('config/baseline-policy.json', JSON.stringify(value))),
      validatePolicy,
      schemaFiles.validatePolicy
    )
  const policyWith = (consumer: unknown[], name = 'memorykernel') => ({
    policy_version: 'baseline-policy.v1',
    baselines: { [name]: { suites: { consumer } } }
  })

  it(`says the first ${MAX_SCHEMA_ERRORS} of the validator's errors, then counts the rest`, () => {
    const problems = policyProblems(policyWith(Array.from({ length: 2_000 }, () => ({ nam: 1 }))))
    expect(problems).toHaveLength(MAX_SCHEMA_ERRORS + 1)
    expect(problems.at(-1)!.message).toBe(
      `the schema found ${6_000 - MAX_SCHEMA_ERRORS} more errors than the ${MAX_SCHEMA_ERRORS} said here; correct these, then check it again`
    )
    expect(problems.map((p) => p.message)).toContain(
      '`baselines.memorykernel.suites.consumer[0]` has the unknown field `nam`; did you mean `name`?'
    )
  })

  it('shortens a key of thousands of characters where a message names it', () => {
    const problems = policyProblems(policyWith([{}], 'a'.repeat(60_000)))
    expect(problems.length).toBeGreaterThan(0)
    for (const p of problems) expect(p.message.length).toBeLessThan(400)
    expect(problems.map((p) => p.message).join('\n')).toContain(
      `${'a'.repeat(40)}…(a key of 60000 characters)`
    )
  })

  it('suggests a field missing from the same object only, not from another one', () => {
    const problems = policyProblems(policyWith([{ run: ['x'] }, { name: 'y', run: ['y'], nme: 1 }]))
    expect(problems.map((p) => p.message)).toEqual([
      '`baselines.memorykernel.suites.consumer[0]` is missing the required field `name`',
      '`baselines.memorykernel.suites.consumer[1]` has the unknown field `nme`; remove it or check its spelling'
    ])
  })

  it("the generated validators append a called validator's errors in place (ajv's concat copied them all each time)", () => {
    for (const file of ['validators.js', 'evidence-validators.js'])
      expect(readFileSync(join(REPO_ROOT, 'src/generated', file), 'utf8')).not.toMatch(
        /\.concat\([\w$]+\.errors\)/
      )
  })
})
