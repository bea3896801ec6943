// npm run bench: the performance targets of issue 14, measured and compared with their limits (benchmarks, not
// timed tests: a MISS is printed, never a failure). Quick by default (what CI may run, under a minute on two
// cores); --full reads more times, kills a stuck reader after 10 s instead of 1 s and prints every detail.
//   (a) the 1 MiB ledger through the trio loader: time and peak RSS, beside the line-split lower bound
//   (b) every case of the red-team corpus (200 KB each) through the trio loader and every trio rule
//   (c) health --no-probe on 1 and on 500 baselines, beside `node -e 0`
//   (d) lkg over 50,000 commits (200 of them change the trio; the target is the oldest), without and with a
//       commit-graph (what `git gc` / `git maintenance` leave; a fresh clone has none)
// Needs the built CLI (npm run build, or BENCH_DIST=<an OUT_DIR of esbuild.config.mjs>).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkLkg, generate, TRIO } from './history.mjs'
import { extraPages, healthBench, pagesLine, printHealth } from './health.mjs'
import { ledgerBench, printLedger } from './ledger.mjs'
import {
  droppedEnv,
  gitEnv,
  git,
  median,
  ms,
  n,
  printTargets,
  ratio,
  snapshotCli,
  targetRow,
  time
} from './lib.mjs'

const full = process.argv.includes('--full')
const quick = !full
const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`
const say = (s) => console.log(`[${elapsed()}] ${s}`)

/** (d): one history in two copies, without a commit-graph (a fresh clone) and with one, run interleaved. */
function lkgBench({ commits = 50_000, trioRevisions = 200, runs }) {
  const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-targets-lkg-'))
  try {
    const cli = snapshotCli(tmp)
    const repo = join(tmp, 'repo')
    const g0 = process.hrtime.bigint()
    generate(repo, commits, trioRevisions)
    const genMs = Number(process.hrtime.bigint() - g0) / 1e6
    // the same history twice: a fresh clone's (no commit-graph) and one `git gc` / `git maintenance` left a
    // commit-graph in. Two copies, not git's core.commitGraph=false: a GIT_CONFIG_* variable makes every read of
    // .git go to git (discoverTop), which a fresh clone does not pay
    const graphRepo = join(tmp, 'repo-graph')
    cpSync(repo, graphRepo, { recursive: true })
    const c0 = process.hrtime.bigint()
    git(graphRepo, gitEnv(tmp), ['commit-graph', 'write', '--reachable'])
    const graphMs = Number(process.hrtime.bigint() - c0) / 1e6
    const lkgArgv = (root) => [process.execPath, cli, 'lkg', '--root', root, '--json']
    const logArgv = ['git', 'log', '--format=%H %cI', 'HEAD', '--', ...TRIO]
    // git reading every commit of the history and nothing else (no tree compared, nothing printed per commit): what
    // any walk of the whole history costs git at the least
    const readArgv = ['git', 'rev-list', '--count', 'HEAD']
    const subjects = {
      node: { argv: [process.execPath, '-e', '0'], cwd: repo },
      lkg: { argv: lkgArgv(repo), cwd: repo, lkg: true },
      lkgGraph: { argv: lkgArgv(graphRepo), cwd: graphRepo, lkg: true },
      log: { argv: logArgv, cwd: repo },
      logGraph: { argv: logArgv, cwd: graphRepo },
      read: { argv: readArgv, cwd: repo },
      readGraph: { argv: readArgv, cwd: graphRepo }
    }
    const times = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]))
    for (let i = 0; i <= runs; i++) {
      for (const [k, s] of Object.entries(subjects)) {
        const { ms: took, r } = time(s.argv, { cwd: s.cwd, env: process.env })
        if (s.lkg) checkLkg(r, trioRevisions, s.cwd)
        else if (r.status !== 0) throw new Error(`${s.argv.join(' ')} exited ${r.status}: ${r.stderr}`)
        if (i > 0) times[k].push(took) // the first round is the warm-up
      }
    }
    return {
      commits,
      trioRevisions,
      genMs,
      graphMs,
      ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

console.log(
  `baseline-gate targets (issue 14), ${quick ? 'quick' : 'full'}: node ${process.version}, ${execFileSync('git', ['--version']).toString().trim()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`
)
if (droppedEnv.length > 0) console.log(`(run without ${droppedEnv.join(', ')}: see bench/lib.mjs)`)
say('(a, b) the ledger reader')
const ledger = await ledgerBench({ quick, log: full ? (s) => say(s) : null })
say('(c) health')
const health = healthBench({
  counts: full ? [100, 500] : [500],
  runs: full ? 20 : 10,
  bigRuns: full ? 5 : 3,
  log: (s) => say(s)
})
say('(d) lkg')
const lkg = lkgBench({ runs: full ? 7 : 3 })
say('done')

if (full) {
  console.log('')
  printLedger(ledger)
  console.log('')
  printHealth(health)
} else if (health.pages) {
  console.log('')
  console.log(`(c) ${pagesLine(health.pages)}`)
}
console.log('')
console.log(
  `(d) lkg over ${n(lkg.commits)} commits, ${lkg.trioRevisions} trio revisions (generated in ${(lkg.genMs / 1000).toFixed(1)} s; commit-graph written in ${ms(lkg.graphMs)}); medians`
)
console.log(`    node -e 0                                 ${ms(lkg.node).padStart(10)}`)
console.log(`    git log -- <trio>, no commit-graph        ${ms(lkg.log).padStart(10)}`)
console.log(`    git log -- <trio>, commit-graph           ${ms(lkg.logGraph).padStart(10)}`)
console.log(
  `    git rev-list --count HEAD, no graph       ${ms(lkg.read).padStart(10)}  (every commit read; no tree compared)`
)
console.log(`    git rev-list --count HEAD, commit-graph   ${ms(lkg.readGraph).padStart(10)}`)
console.log(
  `    baseline-gate lkg, no commit-graph        ${ms(lkg.lkg).padStart(10)}  (${ratio(lkg.lkg, lkg.node)} node -e 0)`
)
console.log(
  `    baseline-gate lkg, commit-graph           ${ms(lkg.lkgGraph).padStart(10)}  (${ratio(lkg.lkgGraph, lkg.node)} node -e 0)`
)

/** The page faults health adds to node -e 0, for its row's note. */
const pagesNote = (pages) => {
  if (!pages) return ''
  const { extra, ms: cost } = extraPages(pages)
  return `; ${n(extra)} page faults more${cost === null ? '' : ` (${ms(cost)} at ${pages.micros.toFixed(1)} us each)`}`
}
const killed = (m) => m.killed
const h = (count) => health.rows.find((r) => r.count === count)
const big = ledger.big
const rows = [
  {
    ...targetRow(
      '(a) 1 MiB ledger read, first',
      big.parse.killed ? ledger.limitMs : big.parse.first,
      50,
      'ms'
    ),
    killed: killed(big.parse),
    note: big.parse.killed
      ? ''
      : `${ratio(big.parse.first, big.lower.first)} the line-split lower bound (${ms(big.lower.first)}); with every rule ${big.judge.killed ? 'killed' : ms(big.judge.first)}`
  },
  {
    ...targetRow('(a) 1 MiB ledger read, peak RSS', big.parse.peakKiB / 1024, 100, 'MiB'),
    note: big.parse.killed ? '(when it was killed)' : ''
  },
  // read and judged by every rule of the trio: what the gate pays for the matrix
  ...ledger.corpus.map((c) => ({
    ...targetRow(`(b) ${c.name}`, c.judge.killed ? ledger.limitMs : c.judge.first, 100, 'ms'),
    killed: killed(c.judge),
    note: c.judge.killed
      ? ''
      : `${ratio(c.judge.first, c.lower.first)} lower bound; read ${c.parse.killed ? 'killed' : ms(c.parse.first)}; ${/^refused/.test(c.parse.outcome) ? 'refused (BG111)' : c.judge.outcome}`
  })),
  targetRow(
    '(c) health, 500 baselines',
    h(500).ms,
    2000,
    'ms',
    `${h(500).runs} run${h(500).runs === 1 ? '' : 's'}`
  ),
  targetRow(
    '(c) health, 1 baseline / node -e 0',
    h(1).ms / health.base,
    1.8,
    'x',
    `${ms(h(1).ms)} / ${ms(health.base)}${pagesNote(health.pages)}`
  ),
  targetRow(
    '(d) lkg, 50,000 commits, no commit-graph',
    lkg.lkg,
    400,
    'ms',
    `git log alone ${ms(lkg.log)}; node -e 0 + git log: ${ms(lkg.node + lkg.log)}`
  ),
  targetRow(
    '(d) lkg, 50,000 commits, commit-graph',
    lkg.lkgGraph,
    400,
    'ms',
    `git log alone ${ms(lkg.logGraph)}; node -e 0 + git log: ${ms(lkg.node + lkg.logGraph)}`
  )
]
console.log('')
printTargets(rows)
console.log('')
console.log(`${quick ? 'quick' : 'full'} targets bench: ${elapsed()}`)
