// A source module bundled on its own (esbuild, ESM), for a test that must run it in a child process: one that could
// hang (a blocking open of a FIFO) must not hang the test's own process, and races need processes of their own.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import esbuild from 'esbuild'
import { REPO_ROOT, tempDir } from './fixture.js'

/** `src/<rel>` bundled into a temporary .mjs file; returns its path. */
export function bundleModule(rel: string): string {
  const out = join(tempDir('bg-module-'), `${rel.replace(/[/.]/g, '-')}.mjs`)
  esbuild.buildSync({
    entryPoints: [join(REPO_ROOT, 'src', rel)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent'
  })
  return out
}

/** `code` (an ES module that may import the bundle) run by node in a child, stopped after 10 s. */
export function runModuleCode(code: string): {
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
} {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
    timeout: 10_000
  })
  return { signal: r.signal, stdout: r.stdout.trim(), stderr: r.stderr }
}
