// `baseline-gate lkg` on generated histories of 1,000 / 10,000 / 50,000 commits with 50 / 200 trio revisions:
// its time should follow the trio's revisions, not the commits. Each history is written by one
// `git fast-import` (seconds, even for 50,000 commits): this repository's trio and policy (and the producer
// files beside them), N commits of which R change the trio, spread evenly; the others change src/app.txt.
// The oldest trio revision pins an older baseline (v0.3.0, a valid trio of its own: mirror, pin with its
// SHA-256, Baseline Pin lines, Approved row); every later one pins the current one (the first of them
// promotes it, the rest edit a prose line of the matrix). So lkg must pass over R - 1 revisions of the current
// baseline, reading each one's pin, before it judges the oldest and returns it.
// Measured in the same run, interleaved: `baseline-gate --version` (process start-up) and the bare
// `git log --format=%H -- <trio>` (git's walk over every commit). Median of BENCH_LKG_RUNS (default 5) after
// one warm-up.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkLkg, generate, TRIO } from './history.mjs'
import { median, root, snapshotCli } from './lib.mjs'

const runs = Number(process.env.BENCH_LKG_RUNS ?? 5)
const COMMITS = [1_000, 10_000, 50_000]
const TRIO_REVISIONS = [50, 200]
const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-lkg-'))
const cli = snapshotCli(tmp)

// ---- timing ----
function time(argv, cwd) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  return { ms, r }
}

// every history, then rounds over all of them (interleaved, so machine load affects all alike); the first
// round is the warm-up
function measure(histories) {
  const startup = []
  for (const h of histories) h.times = { lkg: [], log: [] }
  for (let i = 0; i <= runs; i++) {
    const v = time([process.execPath, cli, '--version'], root)
    if (v.r.status !== 0) throw new Error(`baseline-gate --version exited ${v.r.status}: ${v.r.stderr}`)
    if (i > 0) startup.push(v.ms)
    for (const h of histories) {
      const l = time([process.execPath, cli, 'lkg', '--root', h.repo, '--json'], h.repo)
      checkLkg(l.r, h.trioRevisions, h.repo)
      const g = time(['git', 'log', '--format=%H', 'HEAD', '--', ...TRIO], h.repo)
      if (g.r.status !== 0 || g.r.stdout.toString().trim().split('\n').length !== h.trioRevisions)
        throw new Error(
          `git log in ${h.repo} exited ${g.r.status} or did not list ${h.trioRevisions} commits`
        )
      if (i > 0) {
        h.times.lkg.push(l.ms)
        h.times.log.push(g.ms)
      }
    }
  }
  const start = median(startup)
  return {
    start,
    rows: histories.map((h) => ({
      commits: h.commits,
      trioRevisions: h.trioRevisions,
      genMs: h.genMs,
      lkg: median(h.times.lkg),
      log: median(h.times.log)
    }))
  }
}

const n = (x) => x.toLocaleString('en-US')
const ratio = (a, b) => `${(a / b).toFixed(2)}x`

function report(title, { start, rows }) {
  const at = (c, r) => rows.find((x) => x.commits === c && x.trioRevisions === r)
  console.log(title)
  console.log(`baseline: baseline-gate --version (process start-up) ${start.toFixed(1)} ms`)
  console.log('')
  console.log(
    `${'commits'.padStart(8)} ${'trio revs'.padStart(10)} ${'generate'.padStart(10)} ${'lkg'.padStart(10)} ${'git log'.padStart(10)} ${'lkg - start-up - git log'.padStart(25)}`
  )
  for (const x of rows) {
    console.log(
      `${n(x.commits).padStart(8)} ${String(x.trioRevisions).padStart(10)} ${`${x.genMs.toFixed(0)} ms`.padStart(10)} ${`${x.lkg.toFixed(1)} ms`.padStart(10)} ${`${x.log.toFixed(1)} ms`.padStart(10)} ${`${(x.lkg - start - x.log).toFixed(1)} ms`.padStart(25)}`
    )
  }
  console.log('')
  for (const r of TRIO_REVISIONS) {
    const base = at(COMMITS[0], r)
    for (const c of COMMITS.slice(1)) {
      const x = at(c, r)
      console.log(
        `${r} trio revisions, ${n(c)} / ${n(COMMITS[0])} commits: lkg ${ratio(x.lkg, base.lkg)}, lkg less start-up ${ratio(x.lkg - start, base.lkg - start)}, git log ${ratio(x.log, base.log)}`
      )
    }
  }
  const [rLo, rHi] = TRIO_REVISIONS
  for (const c of COMMITS) {
    const lo = at(c, rLo)
    const hi = at(c, rHi)
    console.log(
      `${n(c)} commits, ${rHi} / ${rLo} trio revisions: lkg ${ratio(hi.lkg, lo.lkg)}, lkg less start-up ${ratio(hi.lkg - start, lo.lkg - start)}, git log ${ratio(hi.log, lo.log)}`
    )
  }
  for (const r of TRIO_REVISIONS) {
    const base = at(COMMITS[0], r)
    const big = at(COMMITS.at(-1), r)
    const grewLkg = big.lkg - base.lkg
    const grewLog = big.log - base.log
    const share = grewLkg > 0 ? ` (${Math.round((100 * grewLog) / grewLkg)}% of it)` : ''
    console.log(
      `${r} trio revisions, ${n(COMMITS[0])} -> ${n(COMMITS.at(-1))} commits: lkg ${grewLkg >= 0 ? '+' : ''}${grewLkg.toFixed(1)} ms; the bare git log ${grewLog >= 0 ? '+' : ''}${grewLog.toFixed(1)} ms${share}`
    )
  }
  const big = rows.filter((x) => x.commits === COMMITS.at(-1))
  if (big.some((x) => x.log > 0.5 * (x.lkg - start))) {
    console.log(
      `at ${n(COMMITS.at(-1))} commits git's own walk dominates lkg's time past start-up: \`git log -- <paths>\` diffs every commit's tree against its parent's, O(commits) inside git, fast per commit; lkg's own work (one cat-file, a pin per revision passed over, the rules once) follows the trio revisions`
    )
  }
}

try {
  const t0 = Date.now()
  const histories = []
  for (const commits of COMMITS) {
    for (const trioRevisions of TRIO_REVISIONS) {
      const repo = join(tmp, `h-${commits}-${trioRevisions}`)
      const g0 = process.hrtime.bigint()
      generate(repo, commits, trioRevisions)
      histories.push({ repo, commits, trioRevisions, genMs: Number(process.hrtime.bigint() - g0) / 1e6 })
    }
  }
  const plain = measure(histories)
  report(
    `lkg bench: node ${process.version}, ${execFileSync('git', ['--version']).toString().trim()}, median of ${runs} interleaved runs after one warm-up (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`,
    plain
  )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
