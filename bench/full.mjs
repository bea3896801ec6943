// npm run bench:full: every benchmark, one after another (each a process of its own, its output as it comes),
// then how long each took. A benchmark that exits non-zero (a crash, or init's missed target) does not stop
// the others; the exit code says whether any did.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { root } from './lib.mjs'

const benches = [
  ['targets.mjs', '--full'],
  ['run.mjs'],
  ['lkg.mjs'],
  ['suites.mjs'],
  ['init.mjs'],
  ['promotion.mjs']
]
const took = []
for (const [file, ...args] of benches) {
  console.log(`\n==== bench/${file} ${args.join(' ')}`.trimEnd())
  const t0 = Date.now()
  const r = spawnSync(process.execPath, [join(root, 'bench', file), ...args], { stdio: 'inherit' })
  took.push({ file, s: (Date.now() - t0) / 1000, status: r.status ?? r.signal })
}
console.log('\n==== bench:full')
for (const t of took)
  console.log(
    `${`bench/${t.file}`.padEnd(22)} ${`${t.s.toFixed(0)} s`.padStart(7)}${t.status === 0 ? '' : `  (exit ${t.status})`}`
  )
console.log(`${'in all'.padEnd(22)} ${`${took.reduce((a, t) => a + t.s, 0).toFixed(0)} s`.padStart(7)}`)
if (took.some((t) => t.status !== 0)) process.exitCode = 1
