// One self-contained ESM bundle per entry. Deterministic: a rebuild is byte-identical (check-dist relies on it).
import { build } from 'esbuild'
import { chmodSync, rmSync } from 'node:fs'

const outRoot = process.env.OUT_DIR ?? 'dist'

// Promotion and rollback join with their own issues.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build esbuild cannot follow; prefer the ESM "module" builds
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning'
}
// bundled CJS dependencies (undici, tunnel) call require('net'); ESM output needs a real require
const esmRequire =
  "import { createRequire as __bgCreateRequire } from 'node:module'; const require = __bgCreateRequire(import.meta.url);"

/** In the CLI bundle, `import('../producer/preflight.js')` becomes `require('./preflight.cjs')`. */
const lazyPreflight = {
  name: 'lazy-preflight',
  setup(b) {
    b.onResolve({ filter: /\/producer\/preflight\.js$/ }, () => ({ path: './preflight.cjs', external: true }))
  }
}

const builds = [
  // dist/<action>/index.js: one self-contained ESM bundle per action
  {
    ...common,
    entryPoints: ['src/actions/health/index.ts'],
    outfile: `${outRoot}/health/index.js`,
    format: 'esm',
    banner: { js: esmRequire }
  },
  // dist/cli: a small ESM executable that loads the CommonJS bundle of the CLI through a V8 code cache
  {
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: `${outRoot}/cli/index.js`,
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' }
  },
  {
    ...common,
    entryPoints: ['src/producer/preflight.ts'],
    outfile: `${outRoot}/cli/preflight.cjs`,
    format: 'cjs',
    minify: true,
    banner: { js: 'const __bgImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__bgImportMetaUrl' }
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: `${outRoot}/cli/main.cjs`,
    format: 'cjs',
    // the runtime preflight (and the JSON Schema compiler it needs) is its own file, required only when a
    // probe runs: `--no-probe` never reads it
    plugins: [lazyPreflight],
    supported: { 'dynamic-import': false },
    // start-up is read + compile + init of this file: minified, it is less of each (nobody reads dist/)
    minify: true,
    // ESM dependencies (fdir) read import.meta.url, which CommonJS lacks: give them this file's URL
    banner: { js: 'const __bgImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__bgImportMetaUrl' }
  }
]

rmSync(outRoot, { recursive: true, force: true })
await Promise.all(builds.map((b) => build(b)))
// the `baseline-gate` bin: npx runs it directly, so it must be executable (git records the mode)
chmodSync(`${outRoot}/cli/index.js`, 0o755)
console.log(`bundled ${builds.map((b) => b.outfile).join(', ')}`)
