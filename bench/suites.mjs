// The suite runner (src/exec/run-steps.ts, bundled on the fly with esbuild so this runs on plain node):
// (a) two suites of three steps (`node -e`, 300 ms each) run concurrently beside one after another, with the
//     ratio; the two modes are interleaved, so machine load affects both alike;
// (b) the peak RSS of a node process running one step that prints 1 GiB through the runner, beside the same
//     process running a step that prints nothing (the difference is the price of the flood) and one that
//     prints 4 GiB (the same price: it does not grow with the output; it is garbage V8 collects in rounds).
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
const runs = Number(process.env.BENCH_SUITE_RUNS ?? 3)
const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-suites-'))
const GiB = 1024 * 1024 * 1024

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

try {
  const bundle = join(tmp, 'run-steps.mjs')
  await build({
    stdin: {
      contents: "export { runSuite, runSuites } from './src/exec/run-steps.ts'",
      resolveDir: root,
      loader: 'ts'
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  })
  const { runSuites } = await import(pathToFileURL(bundle).href)

  // (a) concurrent vs sequential
  const step = (suite, name) => ({
    suite,
    name,
    argv: [process.execPath, '-e', 'setTimeout(() => {}, 300)'],
    cwd: tmp,
    timeoutMs: 60_000,
    env: process.env
  })
  const suites = [
    ['a1', 'a2', 'a3'].map((n) => step('consumer', n)),
    ['b1', 'b2', 'b3'].map((n) => step('producer', n))
  ]
  const wall = { true: [], false: [] }
  for (let i = 0; i < runs; i++) {
    for (const concurrent of [true, false]) {
      const t0 = process.hrtime.bigint()
      const result = await runSuites(suites, { concurrent })
      wall[concurrent].push(Number(process.hrtime.bigint() - t0) / 1e6)
      const bad = result.flat().filter((r) => r.status !== 'passed')
      if (bad.length) throw new Error(`a bench step did not pass: ${JSON.stringify(bad[0])}`)
    }
  }
  const conc = median(wall.true)
  const seq = median(wall.false)
  console.log(`suite runner bench: node ${process.version}, median of ${runs} interleaved runs`)
  console.log('')
  console.log('(a) two suites x three steps of `node -e` sleeping 300 ms')
  console.log(`    concurrent   ${conc.toFixed(0).padStart(6)} ms`)
  console.log(`    sequential   ${seq.toFixed(0).padStart(6)} ms`)
  console.log(`    ratio        ${(seq / conc).toFixed(2).padStart(6)}x (sequential / concurrent)`)

  // (b) peak RSS of a process whose step prints 1 GiB
  const flood = (mib) =>
    `const b = Buffer.alloc(1 << 20, 97); let i = 0; (function w() { while (i < ${mib}) { i++; if (!process.stdout.write(b)) return process.stdout.once('drain', w) } })()`
  const child = join(tmp, 'flood.mjs')
  writeFileSync(
    child,
    `import { readFileSync } from 'node:fs'
const { runSuite } = await import(${JSON.stringify(pathToFileURL(bundle).href)})
const script = process.argv[2]
const [run] = await runSuite([{ suite: 'bench', name: 'flood', argv: [process.execPath, '-e', script], cwd: process.cwd(), timeoutMs: 120000, env: process.env }])
const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
console.log(JSON.stringify({
  status: run.status,
  outputBytes: run.outputBytes,
  outputChars: run.output.length,
  durationMs: run.durationMs,
  peakKiB: hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS
}))
`
  )
  const measure = (script) => {
    const r = spawnSync(process.execPath, [child, script], { cwd: tmp, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`flood child exited ${r.status}: ${r.stderr}`)
    return JSON.parse(r.stdout)
  }
  const quiet = measure('0')
  const MiB = (kib) => (kib / 1024).toFixed(1).padStart(6)
  console.log('')
  console.log('(b) peak RSS (VmHWM) of a node process running one step through the runner')
  console.log(`    step printing nothing   ${MiB(quiet.peakKiB)} MiB`)
  for (const gib of [1, 4]) {
    const loud = measure(flood(gib * 1024))
    if (loud.status !== 'passed' || loud.outputBytes !== gib * GiB) {
      throw new Error(`the ${gib} GiB step did not run as expected: ${JSON.stringify(loud)}`)
    }
    console.log(
      `    step printing ${gib} GiB     ${MiB(loud.peakKiB)} MiB  (+${MiB(loud.peakKiB - quiet.peakKiB).trim()} MiB; ${loud.outputBytes} bytes in ${(loud.durationMs / 1000).toFixed(1)} s, ${loud.outputChars} chars kept)`
    )
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
