// What `baseline-gate health` loads: the CLI's main bundle holds none of the code only other commands need (the
// secret scanner of promote and rollback, the Sigstore libraries, the evidence validators, the adoption code).
// esbuild is asked what each bundle is made of, with the build options of esbuild.config.mjs: a static import in
// the wrong place (a helper of the main path importing a module that loads secretlint) fails here, not silently
// as a slower start.
import { describe, expect, it } from '@jest/globals'
import { build } from 'esbuild'
import type { BuildOptions } from 'esbuild'

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

describe('the CLI parts (dist/cli)', () => {
  // A part with one non-ASCII byte is a two-byte string to V8: twice the memory, and each start decoded and
  // deserialised slower (health on one baseline about 5 ms). esbuild escapes strings but not regex literals.
  it('are ASCII only', async () => {
    const parts = builds.filter((b) => /\/cli\/[\w-]+\.c?js$/.test(b.outfile ?? ''))
    expect(parts.length).toBeGreaterThan(5)
    for (const spec of parts) {
      const r = await build({ ...spec, write: false, logLevel: 'silent' })
      const bytes = r.outputFiles![0]!.contents
      const at = bytes.findIndex((b) => b > 0x7f)
      const text = Buffer.from(bytes).toString('latin1')
      expect({
        part: spec.outfile,
        nonAscii: at < 0 ? null : text.slice(Math.max(0, at - 40), at + 10)
      }).toEqual({
        part: spec.outfile,
        nonAscii: null
      })
    }
  })
})

describe("jsonc-parser's formatter tables in the bundles (esbuild.config.mjs, lazyJsoncStringIntern)", () => {
  /** The string-intern module as a bundle builds it (with the plugins of `spec`), evaluated. */
  async function internOf(plugins: BuildOptions['plugins']): Promise<Record<string, unknown>> {
    const r = await build({
      stdin: {
        contents: "export * from 'jsonc-parser/lib/esm/impl/string-intern.js'",
        resolveDir: process.cwd(),
        loader: 'js'
      },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      write: false,
      logLevel: 'silent',
      plugins
    })
    const module = { exports: {} as Record<string, unknown> }
    new Function('module', 'exports', r.outputFiles![0]!.text)(module, module.exports)
    return module.exports
  }

  it('are built on first use, and hold what the original module builds when it loads', async () => {
    const plugins = builds.find((b) => b.outfile?.endsWith('/cli/main.cjs'))!.plugins
    const lazy = await internOf(plugins)
    const original = await internOf([])
    const tables = lazy.cachedBreakLinesWithSpaces as Record<string, object>
    // nothing built yet: each table is a getter
    expect(Object.getOwnPropertyDescriptor(tables[' '], '\n')?.get).toBeInstanceOf(Function)
    expect(
      Object.getOwnPropertyDescriptor(
        (original.cachedBreakLinesWithSpaces as Record<string, object>)[' ']!,
        '\n'
      )?.value
    ).toHaveLength(200)
    // the same values, the same table on every read
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(original))
    expect((tables['\t'] as Record<string, string[]>)['\r\n']![3]).toBe('\r\n\t\t\t')
    expect((tables[' '] as Record<string, string[]>)['\n']).toBe(
      (tables[' '] as Record<string, string[]>)['\n']
    )
  })
})
