// What `baseline-gate health` loads: the CLI's main bundle holds none of the code only other commands need (the
// secret scanner of promote and rollback, the Sigstore libraries, the evidence validators, the adoption code).
// esbuild is asked what each bundle is made of, with the build options of esbuild.config.mjs: a static import in
// the wrong place (a helper of the main path importing a module that loads secretlint) fails here, not silently
// as a slower start.
import { describe, expect, it } from '@jest/globals'
import { build } from 'esbuild'
import type { BuildOptions } from 'esbuild'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/fixture.js'

const { builds } = (await import('../../esbuild.config.mjs' as string)) as { builds: BuildOptions[] }

async function inputsOf(outfile: string): Promise<string[]> {
  const spec = builds.find((b) => b.outfile?.endsWith(outfile))
  if (!spec) throw new Error(`esbuild.config.mjs builds no ${outfile}`)
  const r = await build({ ...spec, write: false, metafile: true, logLevel: 'silent' })
  return Object.keys(r.metafile!.inputs)
}

const NOT_FOR_HEALTH = [
  /node_modules\/@secretlint\//,
  /node_modules\/@sigstore\//,
  /node_modules\/smol-toml\//,
  /node_modules\/diff\//,
  /src\/generated\/evidence-validators\.js$/,
  /src\/adopt\//,
  /src\/redact\/secretlint-scan\.ts$/
]

describe('the CLI bundle health loads (dist/cli/main.cjs)', () => {
  it('holds none of the code only other commands need', async () => {
    const inputs = await inputsOf('/cli/main.cjs')
    expect(inputs.length).toBeGreaterThan(50)
    expect(inputs.filter((i) => NOT_FOR_HEALTH.some((p) => p.test(i)))).toEqual([])
  })

  it('the parts hold what they are for', async () => {
    expect(
      (await inputsOf('/cli/verify-bundle.cjs')).some((i) => i.includes('node_modules/@sigstore/verify/'))
    ).toBe(true)
    expect((await inputsOf('/cli/promote.cjs')).some((i) => i.includes('node_modules/@secretlint/'))).toBe(
      true
    )
  })
})

describe('every built bundle', () => {
  // one character outside ASCII (a typographic apostrophe in a dependency's comment) makes Node hold and compile
  // the whole file as UTF-16: the health action started 40 % slower with 38 of them (esbuild.config.mjs asciiOnly)
  it('is ASCII throughout, so that Node reads and compiles it on the fast path', () => {
    const files = readdirSync(join(REPO_ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.c?js$/.test(f)
    )
    expect(files.length).toBeGreaterThan(10)
    const outside = files.flatMap((f) => {
      const at = readFileSync(join(REPO_ROOT, 'dist', f), 'utf8').search(/[^\0-\x7f]/)
      return at < 0 ? [] : [`${f} at offset ${at}`]
    })
    expect(outside).toEqual([])
  })

  it('asciiOnly escapes what is in comments and refuses a character in code', async () => {
    const { asciiOnly } = (await import('../../esbuild.config.mjs' as string)) as {
      asciiOnly: (text: string, path: string) => Promise<string>
    }
    expect(await asciiOnly('// it\u2019s\nconst a = "\\u2019"\n', 'a.js')).toBe(
      '// it\\u2019s\nconst a = "\\u2019"\n'
    )
    await expect(asciiOnly('const r = /\u2026$/\n', 'b.js')).rejects.toThrow(
      'b.js: a character outside ASCII outside a comment'
    )
    await expect(asciiOnly('const s = String.raw`\u2026`\n', 'c.js')).rejects.toThrow('c.js')
  })
})
