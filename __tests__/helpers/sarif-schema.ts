// The official SARIF 2.1.0 schema (vendored: __fixtures__/sarif/README.md), compiled once: a JSON Schema draft-04
// document, so ajv's draft-04 class, with the formats it names (uri, uri-reference, date-time) checked.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv04Module from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'
import { REPO_ROOT } from './fixture.js'

export const SARIF_SCHEMA_FILE = join(REPO_ROOT, '__fixtures__', 'sarif', 'sarif-schema-2.1.0.json')

let compiled: ((data: unknown) => boolean) & { errors?: unknown } = null!

/** The schema's errors for `log` (empty: valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv04Module.default({ allErrors: true, strict: false })
    addFormatsModule.default(ajv)
    compiled = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as object)
  }
  if (compiled(log)) return []
  return ((compiled.errors ?? []) as { instancePath: string; message?: string }[]).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''}`
  )
}
