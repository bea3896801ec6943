// One top-level field of a JSON object set in place: every other byte as it was (key order, indentation, line
// endings, a missing final newline). The pin's bytes are reviewed by people and hashed by nobody, but a restored
// pin is compared byte for byte with the one committed, so nothing else may move.
import { applyEdits, modify } from 'jsonc-parser'

export function setJsonField(text: string, key: string, value: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  '
  const edits = modify(text, [key], value, {
    formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize: indent.length, eol }
  })
  return applyEdits(text, edits)
}
