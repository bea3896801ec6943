// npm run docs: regenerate the documentation that is derived from code (docs/rules.md from the rule catalog).
// The TypeScript renderers are bundled on the fly with esbuild, so this runs on plain node.
import { build } from 'esbuild'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const tmp = mkdtempSync(join(tmpdir(), 'bg-docs-'))
try {
  const out = join(tmp, 'docs.mjs')
  await build({
    stdin: {
      contents: "export { renderRulesDoc } from './src/rules/rules-doc.ts'",
      resolveDir: process.cwd(),
      loader: 'ts'
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  })
  const { renderRulesDoc } = await import(pathToFileURL(out).href)
  writeFileSync('docs/rules.md', renderRulesDoc())
  console.log('wrote docs/rules.md')
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
