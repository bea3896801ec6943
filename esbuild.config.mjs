// One self-contained ESM bundle per entry. Deterministic: a rebuild is byte-identical (check-dist relies on it).
import { build } from 'esbuild'
import { rmSync } from 'node:fs'

const outRoot = process.env.OUT_DIR ?? 'dist'

// dist/<name>/index.js <- entry. Promotion and rollback join with their own issues.
const entries = {
  cli: 'src/cli/index.ts',
  health: 'src/actions/health/index.ts'
}

rmSync(outRoot, { recursive: true, force: true })
await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      entryPoints: [entry],
      outfile: `${outRoot}/${name}/index.js`,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      // jsonc-parser's "main" is a UMD build esbuild cannot follow; prefer the ESM "module" builds
      mainFields: ['module', 'main'],
      // bundled CJS dependencies (undici, tunnel) call require('net'); ESM output needs a real require
      banner: {
        js: [
          name === 'cli' ? '#!/usr/bin/env node' : '',
          "import { createRequire as __bgCreateRequire } from 'node:module'; const require = __bgCreateRequire(import.meta.url);"
        ]
          .filter(Boolean)
          .join('\n')
      },
      legalComments: 'none',
      logLevel: 'warning'
    })
  )
)
console.log(`bundled ${Object.keys(entries).length} entries: ${Object.keys(entries).join(', ')} -> ${outRoot}/`)
