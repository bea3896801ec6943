// npm run docs: regenerate the documentation that is derived from code:
// - docs/rules.md from the rule catalog (src/rules/rules-doc.ts);
// - the API tables of actions/<name>/README.md from actions/<name>/action.yml (src/action-docs/action-doc.ts), between
//   the markers <!-- BEGIN GENERATED API --> and <!-- END GENERATED API -->; the rest of each README is
//   hand-written and kept byte for byte. An action without a README gets a skeleton to fill in.
// The TypeScript renderers are bundled on the fly with esbuild, so this runs on plain node.
// `node scripts/gen-docs.mjs --check` writes nothing and exits 1 when a generated file is stale.
import { build } from 'esbuild'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const check = process.argv.includes('--check')
const tmp = mkdtempSync(join(tmpdir(), 'bg-docs-'))
try {
  const out = join(tmp, 'docs.mjs')
  await build({
    stdin: {
      contents: [
        "export { renderRulesDoc } from './src/rules/rules-doc.ts'",
        "export { fillActionReadme, parseActionYml, skeletonReadme } from './src/action-docs/action-doc.ts'"
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts'
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // yaml is CommonJS: give the ESM bundle a require() for the node built-ins it asks for
    banner: {
      js: "import { createRequire as __bgCreateRequire } from 'node:module'; const require = __bgCreateRequire(import.meta.url);"
    },
    logLevel: 'warning'
  })
  const { renderRulesDoc, fillActionReadme, parseActionYml, skeletonReadme } = await import(
    pathToFileURL(out).href
  )

  const files = [['docs/rules.md', () => renderRulesDoc()]]
  const actions = readdirSync('actions', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join('actions', d.name, 'action.yml')))
    .map((d) => d.name)
    .sort()
  for (const name of actions) {
    const yml = `actions/${name}/action.yml`
    const readme = `actions/${name}/README.md`
    files.push([
      readme,
      () => {
        const text = readFileSync(yml, 'utf8')
        const current = existsSync(readme)
          ? readFileSync(readme, 'utf8')
          : skeletonReadme(name, parseActionYml(text, yml))
        return fillActionReadme(current, text, yml)
      }
    ])
  }

  let stale = 0
  for (const [file, render] of files) {
    let next
    try {
      next = render()
    } catch (err) {
      console.error(`${file}: ${err.message}`)
      process.exitCode = 1
      continue
    }
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined
    if (current === next) {
      console.log(`up to date ${file}`)
    } else if (check) {
      console.error(`${current === undefined ? 'missing' : 'stale'} ${file} (run npm run docs)`)
      stale++
    } else {
      writeFileSync(file, next)
      console.log(`${current === undefined ? 'created' : 'wrote'} ${file}`)
    }
  }
  if (stale > 0) process.exitCode = 1
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
