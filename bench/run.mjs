// npm run bench: cold wall time of `baseline-gate health` (rules only) beside `node -e 0`, measured in the
// same run with the commands interleaved, so machine load affects all alike. Prints medians and ratios.
// Every run is a new process. The CLI's V8 code cache is warm after the warm-up runs (as it is after a
// user's first run); the row without it shows the price of a first run.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { distDir, root } from './lib.mjs'

const runs = Number(process.env.BENCH_RUNS ?? 30)
const warmup = 3
const evidence = mkdtempSync(join(tmpdir(), 'bg-bench-'))

// rules only: the probe would time a cargo build, not the gate
const health = [
  join(distDir, 'cli/index.js'),
  'health',
  '--root',
  root,
  '--no-probe',
  '--json',
  '--evidence-dir',
  evidence
]

const subjects = [
  { name: 'node -e 0', argv: ['-e', '0'] },
  {
    name: 'baseline-gate health (rules only)',
    argv: health,
    expectStatus: 0
  },
  {
    name: 'health, no code cache',
    argv: health,
    env: { BASELINE_GATE_COMPILE_CACHE: '0' },
    expectStatus: 0
  }
]

function once(subject) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, subject.argv, {
    cwd: root,
    env: { ...process.env, ...subject.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (subject.expectStatus !== undefined && r.status !== subject.expectStatus) {
    throw new Error(
      `${subject.name} exited ${r.status}: ${r.stderr.toString()}${r.stdout.toString().slice(0, 2000)}`
    )
  }
  return ms
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

try {
  for (let i = 0; i < warmup; i++) subjects.forEach(once)
  const times = subjects.map(() => [])
  for (let i = 0; i < runs; i++) subjects.forEach((s, j) => times[j].push(once(s)))
  const base = median(times[0])
  console.log(`baseline-gate bench: ${runs} interleaved cold runs each, node ${process.version}`)
  console.log('')
  console.log(`${'command'.padEnd(40)} ${'median'.padStart(10)} ${'min'.padStart(9)} ${'ratio'.padStart(7)}`)
  subjects.forEach((s, j) => {
    const m = median(times[j])
    const min = Math.min(...times[j])
    console.log(
      `${s.name.padEnd(40)} ${`${m.toFixed(1)} ms`.padStart(10)} ${`${min.toFixed(1)} ms`.padStart(9)} ${`${(m / base).toFixed(2)}x`.padStart(7)}`
    )
  })
  console.log('')
  console.log(`health / node -e 0: ${(median(times[1]) / base).toFixed(2)}x (target: at most 2x)`)
  console.log(`health without the code cache / node -e 0: ${(median(times[2]) / base).toFixed(2)}x`)
} finally {
  rmSync(evidence, { recursive: true, force: true })
}
