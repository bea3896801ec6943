// Turn ajv errors into located, readable problems: "`release_tag` must be ... (got "v1.0")" at line:column.
import type { ErrorObject } from 'ajv'
import { errorMessages } from '../generated/validators.js'
import { escapePointer, locate } from './json-document.js'
import type { JsonDocument } from './json-document.js'
import { quote } from '../text/quote.js'
import { shorten } from '../text/shorten.js'
import type { Position } from './source-file.js'

export interface SchemaProblem {
  pointer: string
  position: Position
  message: string
  /** Set on the one problem that counts the validator's errors left undescribed: how many. */
  unsaid?: number
}

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null }

/**
 * The errors of a document described, at most: a crafted file of thousands of violations (thousands of unknown
 * keys, a 60,000-character key in every error's path) is said in these and a count. Described all, each error's
 * location, its "did you mean" and its de-duplication cost the whole document or all the other errors again
 * (found by review: minutes and 1.9 GB for 80 KB).
 */
export const MAX_SCHEMA_ERRORS = 50

/**
 * Validate a parsed document; every violation with its location, in document order, once (the first
 * MAX_SCHEMA_ERRORS of the validator's, then one problem that counts the rest).
 * @param schemaFile the schema the validator was compiled from, to find its errorMessage annotations
 */
export function validateDocument(
  doc: JsonDocument,
  validate: SchemaValidator,
  schemaFile: string
): SchemaProblem[] {
  if (validate(doc.value)) return []
  const all = validate.errors ?? []
  const errors = all.slice(0, MAX_SCHEMA_ERRORS)
  const required = errors.filter((e) => e.keyword === 'required')
  const seen = new Set<string>()
  const problems: SchemaProblem[] = []
  // a propertyNames failure is also reported by its sub-error, which names the key
  for (const e of errors.filter((e) => e.keyword !== 'propertyNames')) {
    // an unknown field's "did you mean" is one of the fields missing from the same object
    const missing = required
      .filter((r) => r.instancePath === e.instancePath)
      .map((r) => String(r.params.missingProperty))
    const p = describe(doc, e, missing, schemaFile)
    // the message names the place (long keys shortened): the same text at the same place is said once
    const key = `${p.position.line}:${p.position.column}\0${p.message}`
    if (!seen.has(key)) problems.push(p)
    seen.add(key)
  }
  problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column)
  if (all.length > errors.length)
    problems.push({
      pointer: '',
      position: { line: 1, column: 1 },
      message: `the schema found ${all.length - errors.length} more errors than the ${errors.length} said here; correct these, then check it again`,
      unsaid: all.length - errors.length
    })
  return problems
}

/** The schema's own errorMessage for this error: on the subschema that failed, as a string or per keyword. */
export function schemaMessage(e: ErrorObject, schemaFile: string): string | undefined {
  const hash = e.schemaPath.indexOf('#')
  const file = hash > 0 ? e.schemaPath.slice(0, hash) : schemaFile
  const pointer = e.schemaPath.slice(hash + 1)
  const entry = errorMessages[`${file}#${pointer.slice(0, pointer.lastIndexOf('/'))}`]
  return typeof entry === 'string' ? entry : entry?.[e.keyword]
}

function describe(doc: JsonDocument, e: ErrorObject, missing: string[], schemaFile: string): SchemaProblem {
  const at = e.instancePath
  switch (e.keyword) {
    case 'required': {
      const field = String(e.params.missingProperty)
      return {
        pointer: `${at}/${escapePointer(field)}`,
        position: locate(doc, at),
        message: `${where(at, 'the object')} is missing the required field \`${field}\``
      }
    }
    case 'additionalProperties': {
      const field = String(e.params.additionalProperty)
      const guess = closest(field, missing)
      const hint = guess ? `; did you mean \`${guess}\`?` : '; remove it or check its spelling'
      return {
        pointer: `${at}/${escapePointer(field)}`,
        position: locate(doc, at, field),
        message: `${where(at, 'the object')} has the unknown field \`${shortKey(field)}\`${hint}`
      }
    }
    default: {
      if (e.propertyName !== undefined) {
        return {
          pointer: `${at}/${escapePointer(e.propertyName)}`,
          position: locate(doc, at, e.propertyName),
          message: `the key "${shortKey(e.propertyName)}" in ${where(at, 'the document')}: ${schemaMessage(e, schemaFile) ?? e.message}`
        }
      }
      const got = valueAt(doc.value, at)
      const shown = got === undefined ? '' : ` (got ${preview(got)})`
      return {
        pointer: at,
        position: locate(doc, at),
        message: `${where(at, 'the document')} ${schemaMessage(e, schemaFile) ?? e.message ?? 'is invalid'}${shown}`
      }
    }
  }
}

/** A key as a message shows it: one of more than 80 characters shortened, its length said. */
function shortKey(key: string): string {
  return key.length > 80 ? `${shorten(key, 41)}(a key of ${key.length} characters)` : key
}

/** `/a/b/0` -> "`a.b[0]`"; a key of more than 80 characters is shortened, its length said. */
export function fieldName(pointer: string): string {
  if (pointer === '') return ''
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(shortKey)
    .reduce((acc, s) => (/^[0-9]+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '')
}

function where(pointer: string, whole: string): string {
  return pointer === '' ? whole : `\`${fieldName(pointer)}\``
}

function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value
  let cur: unknown = value
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[seg]
  }
  return cur
}

/** A value for a message: JSON, cut between words (see shorten's `quote`), its length said when none fits. */
export function preview(value: unknown, max = 60): string {
  const text = JSON.stringify(value) ?? String(value)
  const cut = quote(text, max)
  return cut === '…' ? `a value of ${text.length} characters` : cut
}

/** The candidate within edit distance 2 (or a third of the length) of `word`, if any. */
export function closest(word: string, candidates: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3))
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    // the distance is at least the difference in length: a hostile 100 KB key costs no quadratic comparison
    const candidate = c.toLowerCase()
    if (Math.abs(candidate.length - lower.length) > limit) continue
    const d = editDistance(lower, candidate)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]!
}
