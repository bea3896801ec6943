// JSON with source positions: every syntax error with its place, duplicate keys, and JSON Pointer -> location.
import { findNodeAtLocation, parseTree, printParseErrorCode, visit } from 'jsonc-parser'
import type { Node, ParseError } from 'jsonc-parser'
import { jsonLimit } from './limits.js'
import { positionAt } from './source-file.js'
import type { Position, SourceFile } from './source-file.js'

export interface JsonSyntaxError {
  message: string
  position: Position
  /** The text is over a limit (BG111) and was not parsed at all. */
  limit?: true
}

export interface JsonDuplicateKey {
  key: string
  /**
   * JSON Pointer of the object holding the key twice. In a text with syntax errors, an array's indexes count its
   * elements as written, a broken one too (jsonc-parser's tree leaves that one out).
   */
  pointer: string
  position: Position
}

/** Valid JSON that typed readers take otherwise, or refuse: said as a syntax error, with its place. */
export interface JsonStrictProblem {
  message: string
  position: Position
}

export interface JsonDocument {
  file: SourceFile
  /** jsonc-parser's tree, made on first use (locate); undefined when the text has no value at all. */
  readonly root: Node | undefined
  /** The parsed value; only meaningful when `syntaxErrors` is empty. */
  value: unknown
  /** Why the text has no value: its syntax errors, or the one limit it is over (then nothing was parsed). */
  syntaxErrors: JsonSyntaxError[]
  duplicateKeys: JsonDuplicateKey[]
  /** Numbers and strings JSON allows but the consumer's and producer's typed readers refuse (see `strictProblems`). */
  strictProblems: JsonStrictProblem[]
}

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "':' is expected",
  CommaExpected: "',' is expected",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  EndOfFileExpected: 'nothing may follow the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)'
}

const OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true }

/**
 * The text read once by jsonc-parser's visitor, which finds what its tree would hold (the same scanner, the same
 * errors, the same values in the same order) without keeping one: the tree is made only when a position is asked
 * for (`root`, which locate reads). A policy of 500 baselines (1.4 MB) took 250 ms to read with a tree, half of it
 * the garbage collector moving its 90,000 nodes; 85 ms without.
 */
export function parseJson(file: SourceFile): JsonDocument {
  // before any parser sees it: jsonc-parser and the walks below recurse once per level
  const over = jsonLimit(file)
  if (over) {
    const syntaxErrors = [{ ...over, limit: true as const }]
    return { file, root: undefined, value: undefined, syntaxErrors, duplicateKeys: [], strictProblems: [] }
  }
  const errors: ParseError[] = []
  const found = inspect(file, errors)
  // jsonc-parser can report one mistake twice at the same offset (a trailing comma: name expected, value expected)
  const distinct = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1]!.offset)
  const syntaxErrors = distinct.map((e) => {
    const code = printParseErrorCode(e.error)
    return { message: ERROR_TEXT[code] ?? code, position: positionAt(file, e.offset) }
  })
  if (!found.hasValue && file.text.trim() !== '' && syntaxErrors.length === 0) {
    syntaxErrors.push({ message: 'a value is expected', position: { line: 1, column: 1 } })
  }
  // JSON.parse agrees with the visitor on valid input, and is fast
  const value: unknown = found.hasValue && syntaxErrors.length === 0 ? JSON.parse(file.text) : undefined
  let tree: Node | undefined | null = null
  return {
    file,
    get root() {
      tree ??= found.hasValue ? parseTree(file.text, [], OPTIONS) : undefined
      return tree
    },
    value,
    syntaxErrors,
    duplicateKeys: found.duplicateKeys,
    strictProblems: found.strictProblems
  }
}

interface Found {
  /** Whether the text holds a value at all (the tree would have a root). */
  hasValue: boolean
  duplicateKeys: JsonDuplicateKey[]
  strictProblems: JsonStrictProblem[]
}

/**
 * One read of the text: its syntax errors (into `errors`), keys twice in an object, and the values typed readers
 * refuse, in the order of the text. A pointer is made only for a key found twice.
 */
function inspect(file: SourceFile, errors: ParseError[]): Found {
  const out: Found = { hasValue: false, duplicateKeys: [], strictProblems: [] }
  // text decoded from UTF-8 holds no lone surrogate: a string can hold one only through a \u escape
  const escapes = file.text.includes('\\u')
  // the keys of each object the read is in, innermost last
  const keys: Set<string>[] = []
  let depth = 0
  const begin = () => {
    if (depth++ === 0) out.hasValue = true
  }
  visit(
    file.text,
    {
      onObjectBegin: () => {
        begin()
        keys.push(new Set())
      },
      onObjectEnd: () => {
        depth--
        keys.pop()
      },
      onArrayBegin: begin,
      onArrayEnd: () => {
        depth--
      },
      onObjectProperty: (key, offset, _length, _line, _column, path) => {
        const seen = keys[keys.length - 1]!
        if (seen.has(key))
          out.duplicateKeys.push({ key, pointer: pointerOf(path()), position: positionAt(file, offset) })
        seen.add(key)
        if (escapes) strictString(file, key, offset, out.strictProblems)
      },
      onLiteralValue: (value: unknown, offset, length) => {
        if (depth === 0) out.hasValue = true
        if (typeof value === 'string') {
          if (escapes) strictString(file, value, offset, out.strictProblems)
        } else if (typeof value === 'number') strictNumber(file, value, offset, length, out.strictProblems)
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length })
      }
    },
    OPTIONS
  )
  return out
}

const pointerOf = (path: (string | number)[]) =>
  path.map((segment) => `/${escapePointer(String(segment))}`).join('')

/** An unpaired surrogate (a `\uD800` escape without its pair): no text at all, which Rust's readers refuse. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * The most of them a document reports: the findings are capped at 20 anyway, and a crafted file of a million
 * `-0`s would otherwise make a million messages (5.8 s and 640 MB for a 4 MiB pin, measured).
 */
const MAX_STRICT = 100

function strictString(file: SourceFile, value: string, offset: number, out: JsonStrictProblem[]): void {
  if (out.length >= MAX_STRICT) return
  if (!LONE_SURROGATE.test(value)) return
  out.push({
    message:
      "a \\u escape of half a UTF-16 surrogate pair (\\uD800 to \\uDFFF) without its other half is no character: the producer's and the consumer's readers refuse it; write the character itself, or its full pair",
    position: positionAt(file, offset)
  })
}

/** The only form of a whole number every typed reader takes as one: digits, no fraction, no exponent, no -0. */
const WHOLE_NUMBER = /^(0|-?[1-9][0-9]*)$/

function strictNumber(
  file: SourceFile,
  value: number,
  offset: number,
  length: number,
  out: JsonStrictProblem[]
): void {
  if (out.length >= MAX_STRICT) return
  const raw = file.text.slice(offset, offset + length)
  // a fraction where a whole number belongs is the schema's to say; here only how a whole number is written
  if (!Number.isInteger(value)) return
  // the size first: past 2^53 - 1 the value read is not the number written, so no rewrite of it is advised
  const why = !Number.isSafeInteger(value)
    ? `the number ${raw} is past 2^53 - 1, which a JSON reader in JavaScript does not hold exactly; no field of this file takes such a number`
    : raw === '-0'
      ? 'the number -0 is zero with a sign, which typed readers read as a float; write it as 0'
      : !WHOLE_NUMBER.test(raw)
        ? `the number ${raw} is written with a fraction or an exponent, which typed readers (serde's u64) refuse or read as a float where a whole number belongs; write it in digits alone`
        : null
  if (why) out.push({ message: why, position: positionAt(file, offset) })
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

function decodePointer(pointer: string): (string | number)[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s))
}

/**
 * Where the value at `pointer` starts; when it does not exist, the nearest existing ancestor.
 * With `key`, the position of that property's key inside the object at `pointer` (for unknown or duplicate keys).
 */
export function locate(doc: JsonDocument, pointer: string, key?: string): Position {
  if (!doc.root) return { line: 1, column: 1 }
  const path = decodePointer(pointer)
  let node: Node | undefined
  for (let n = path.length; n >= 0 && !node; n--) node = findNodeAtLocation(doc.root, path.slice(0, n))
  node ??= doc.root
  if (key !== undefined && node.type === 'object') {
    const prop = node.children?.find((p) => p.children?.[0]?.value === key)
    if (prop?.children?.[0]) return positionAt(doc.file, prop.children[0].offset)
  }
  return positionAt(doc.file, node.offset)
}
