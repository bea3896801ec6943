// The promotion gate on the embedded default, with its full suites: concurrent (the policy's setting) beside
// the same steps one after another (the same policy with "concurrent": false, given with --policy), and the
// ratio. The repository is a fresh one made of this repository's tracked files, with a trio change committed
// on top (a Candidate row in the matrix's ledger: the gate runs everything and can pass). node_modules is linked, cargo builds into a target directory of its own. A warm-up run first builds
// everything once, so both measured runs start warm. Runs: BENCH_PROMOTION_RUNS pairs (default 1);
// BENCH_PROMOTION=0 skips this benchmark (it takes minutes).
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import semverInc from 'semver/functions/inc.js'
import { distDir, root } from './lib.mjs'

if (process.env.BENCH_PROMOTION === '0') process.exit(0)

const runs = Number(process.env.BENCH_PROMOTION_RUNS ?? 1)
const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-promotion-'))
const repo = join(tmp, 'repo')
const MATRIX = 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
const PIN = 'config/memorykernel-integration-pin.json'
const POLICY = 'config/baseline-policy.json'

const git = (args, date) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: ['ignore', 'pipe', 'pipe']
  })

function prepare() {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root })
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
  for (const rel of files) {
    mkdirSync(dirname(join(repo, rel)), { recursive: true })
    try {
      cpSync(join(root, rel), join(repo, rel))
    } catch {
      // a file deleted in the working tree but still tracked
    }
  }
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'), 'dir')
  const past = new Date(Date.now() - 60 * 86_400_000).toISOString()
  git(['init', '-q', '-b', 'main'], past)
  git(['add', '-A'], past)
  git(['commit', '-q', '-m', 'the approved baseline'], past)
  // the trio change: the ledger records a candidate for a later baseline (three minor releases after the pinned
  // one, on its contract). The pinned identity and the posture stay as they are: the repository's own tests,
  // which the gate runs, read the embedded default from this trio (and promote it in their fixtures).
  const pin = JSON.parse(readFileSync(join(repo, PIN), 'utf8'))
  const matrix = readFileSync(join(repo, MATRIX), 'utf8')
  const approved = /^\|[^\n]*\| Approved \|\n/m.exec(matrix)?.[0]
  if (!approved?.includes(`| ${pin.release_tag} | ${pin.commit_sha} |`))
    throw new Error(`${MATRIX}: no Approved row of ${pin.release_tag} where the bench expects it`)
  const consumerCommit = approved.split(' | ')[1]
  let candidate = pin.release_tag.slice(1)
  for (let i = 0; i < 3; i++) candidate = semverInc(candidate, 'minor')
  candidate = `v${candidate}`
  writeFileSync(
    join(repo, MATRIX),
    matrix.replace(
      approved,
      `${approved}| 0.2.0 | ${consumerCommit} | ${candidate} | 5a0e3b1c9d2f4e6a8b0c1d2e3f4a5b6c7d8e9f00 | ${pin.expected_service_contract_version} | ${pin.expected_api_contract_version} | ${pin.expected_integration_baseline} | Candidate |\n`
    )
  )
  const now = new Date().toISOString()
  git(['commit', '-q', '-a', '-m', `ledger: candidate ${candidate}`], now)
  // the sequential variant: the same policy with "concurrent": false, from outside the repository
  const policy = JSON.parse(readFileSync(join(repo, POLICY), 'utf8'))
  for (const b of Object.values(policy.baselines)) b.suites = { ...b.suites, concurrent: false }
  delete policy.$schema
  writeFileSync(join(tmp, 'sequential-policy.json'), `${JSON.stringify(policy, null, 2)}\n`)
}

function promote(label, extra) {
  const evidence = join(tmp, `evidence-${label}`)
  rmSync(evidence, { recursive: true, force: true })
  const t0 = process.hrtime.bigint()
  const r = spawnSync(
    process.execPath,
    [
      join(distDir, 'cli/index.js'),
      'promote',
      '--base',
      'HEAD~1',
      '--json',
      '--evidence-dir',
      evidence,
      ...extra
    ],
    {
      cwd: repo,
      env: { ...process.env, CARGO_TARGET_DIR: join(tmp, 'target'), NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    }
  )
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  let out
  try {
    out = JSON.parse(r.stdout)
  } catch {
    throw new Error(`promote (${label}) printed no JSON (exit ${r.status}): ${r.stderr.slice(-2000)}`)
  }
  const b = out.baselines[0]
  if (r.status !== 0) {
    const bad = b.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.message}`)
    for (const s of b.steps.filter((x) => x.status !== 'passed')) {
      const packet = JSON.parse(readFileSync(join(evidence, 'promotion-memorykernel.json'), 'utf8'))
      const tail = packet.steps.find((x) => x.suite === s.suite && x.name === s.name)?.log_tail ?? ''
      bad.push(`${s.suite} › ${s.name}, last lines:\n${tail}`)
    }
    throw new Error(`promote (${label}) gave ${out.verdict} (exit ${r.status}):\n  ${bad.join('\n  ')}`)
  }
  return { ms, steps: b.steps }
}

const sec = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`

try {
  prepare()
  console.log('')
  console.log(`promotion gate bench: the embedded default, full suites (${POLICY}), node ${process.version}`)
  const warm = promote('warm-up', [])
  console.log(`    warm-up (builds everything once)   ${sec(warm.ms)}`)
  const wall = { concurrent: [], sequential: [] }
  let last
  for (let i = 0; i < runs; i++) {
    const seq = promote('sequential', ['--policy', join(tmp, 'sequential-policy.json')])
    const conc = promote('concurrent', [])
    wall.sequential.push(seq.ms)
    wall.concurrent.push(conc.ms)
    last = { seq, conc }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  console.log('    step                               concurrent   sequential')
  for (const [i, s] of last.conc.steps.entries()) {
    const name = `${s.suite} › ${s.name}`.padEnd(34)
    console.log(`    ${name} ${sec(s.duration_ms)}     ${sec(last.seq.steps[i].duration_ms)}`)
  }
  const c = median(wall.concurrent)
  const q = median(wall.sequential)
  console.log(`    promote, concurrent suites         ${sec(c)}`)
  console.log(`    promote, one step after another    ${sec(q)}`)
  console.log(
    `    ratio                              ${(q / c).toFixed(2).padStart(6)}x (sequential / concurrent, median of ${runs})`
  )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
