// The producer's own response schemas, compiled at run time: they live in the user's repository, so they
// cannot be precompiled with ours. Only loaded when the preflight runs.
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv'
import { readRepoFile } from '../fs/read.js'

export type SchemaCheck = (body: unknown) => string[]
export type LoadedSchema = { ok: true; check: SchemaCheck } | { ok: false; problem: string }

export function loadResponseSchemas(root: string, dir: string, files: string[]): Map<string, LoadedSchema> {
  // strict off: the producer's schemas may use keywords or formats we do not know; that is not our finding
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false })
  const out = new Map<string, LoadedSchema>()
  for (const file of new Set(files)) {
    const path = `${dir.replace(/\/+$/, '')}/${file}`
    const read = readRepoFile(root, path)
    if (read.kind !== 'ok') {
      out.set(file, { ok: false, problem: `the producer schema ${path} is ${read.kind.replace(/-/g, ' ')}` })
      continue
    }
    let validate: ValidateFunction
    try {
      const schema = JSON.parse(read.bytes.toString('utf8')) as object
      validate = ajv.compile(schema)
    } catch (e) {
      out.set(file, {
        ok: false,
        problem: `the producer schema ${path} cannot be used: ${(e as Error).message}`
      })
      continue
    }
    out.set(file, {
      ok: true,
      check: (body) =>
        validate(body)
          ? []
          : (validate.errors ?? []).map(
              (e) =>
                `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`
            )
    })
  }
  return out
}
