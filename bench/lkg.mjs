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
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const runs = Number(process.env.BENCH_LKG_RUNS ?? 5)
const COMMITS = [1_000, 10_000, 50_000]
const TRIO_REVISIONS = [50, 200]
const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-lkg-'))
// a snapshot of the built CLI (dist/cli is self-contained), so a rebuild during the bench cannot swap it
cpSync(join(root, 'dist/cli'), join(tmp, 'cli'), { recursive: true })
const cli = join(tmp, 'cli/index.js')

const PIN = 'config/memorykernel-integration-pin.json'
const MIRROR = 'config/memorykernel-producer-manifest.json'
const MATRIX = 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
const TRIO = [PIN, MIRROR, MATRIX]
const STATIC = [
  'config/baseline-policy.json',
  'services/memorykernel/contracts/integration/v1/producer-contract-manifest.json',
  'services/memorykernel/docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json'
]
const STATIC_DIRS = ['config/schemas', 'services/memorykernel/contracts/integration/v1/schemas']

const sha256 = (b) => createHash('sha256').update(b).digest('hex')
const sha1 = (s) => createHash('sha1').update(s).digest('hex')
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

// ---- the two baselines' trios, from this repository's files ----
const read = (rel) => readFileSync(join(root, rel), 'utf8')
const cur = { pin: read(PIN), mirror: read(MIRROR), matrix: read(MATRIX) }
const curPin = JSON.parse(cur.pin)
const UPDATED = '2026-01-01' // every matrix's Updated date; the commits come after it
const FIRST_COMMIT = Date.parse('2026-01-02T00:00:00Z') / 1000

function must(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`${what}: "${from}" is not where the bench expects it`)
  return text.split(from).join(to)
}

// the consumer version and commit cells of the current Approved row, as the matrix records them
const [consumerVersion, consumerCommit] = (
  /^\| ([^|]+) \| ([^|]+) \|[^\n]*\| Approved \|$/m.exec(cur.matrix) ?? []
).slice(1)
if (!consumerCommit) throw new Error(`${MATRIX}: no Approved row`)
const approvedRow = (tag, commit, status) =>
  `| ${consumerVersion} | ${consumerCommit} | ${tag} | ${commit} | ${curPin.expected_service_contract_version} | ${curPin.expected_api_contract_version} | ${curPin.expected_integration_baseline} | ${status} |\n`
const curRow = approvedRow(curPin.release_tag, curPin.commit_sha, 'Approved')
const withUpdated = (m) => m.replace(/^Updated: \d{4}-\d{2}-\d{2}$/m, `Updated: ${UPDATED}`)

const OLD_TAG = 'v0.3.0'
const OLD_COMMIT = sha1('memorykernel v0.3.0')
const old = (() => {
  let mirror = must(
    cur.mirror,
    `"release_tag": "${curPin.release_tag}"`,
    `"release_tag": "${OLD_TAG}"`,
    MIRROR
  )
  mirror = must(mirror, `"commit_sha": "${curPin.commit_sha}"`, `"commit_sha": "${OLD_COMMIT}"`, MIRROR)
  const digest = sha256(Buffer.from(mirror))
  let pin = must(cur.pin, `"release_tag": "${curPin.release_tag}"`, `"release_tag": "${OLD_TAG}"`, PIN)
  pin = must(pin, `"commit_sha": "${curPin.commit_sha}"`, `"commit_sha": "${OLD_COMMIT}"`, PIN)
  pin = must(pin, curPin.expected_producer_manifest_sha256, digest, PIN)
  let matrix = withUpdated(cur.matrix)
  matrix = must(matrix, curRow, approvedRow(OLD_TAG, OLD_COMMIT, 'Approved'), MATRIX)
  matrix = must(matrix, `release tag: \`${curPin.release_tag}\``, `release tag: \`${OLD_TAG}\``, MATRIX)
  matrix = must(matrix, `commit SHA: \`${curPin.commit_sha}\``, `commit SHA: \`${OLD_COMMIT}\``, MATRIX)
  matrix = must(
    matrix,
    `SHA-256: \`${curPin.expected_producer_manifest_sha256}\``,
    `SHA-256: \`${digest}\``,
    MATRIX
  )
  return { pin, mirror, matrix }
})()
// the current baseline, with the older one's row kept as Superseded; `note` makes each revision's matrix differ
const newer = (note) => ({
  pin: cur.pin,
  mirror: cur.mirror,
  matrix: must(
    withUpdated(cur.matrix),
    curRow,
    `${approvedRow(OLD_TAG, OLD_COMMIT, 'Superseded')}${curRow}`,
    MATRIX
  ).replace('\n## Baseline Pin\n', `\nRevision note: ${note}.\n\n## Baseline Pin\n`)
})

// ---- one history through one fast-import stream ----
function staticFiles() {
  const out = STATIC.map((rel) => [rel, readFileSync(join(root, rel))])
  for (const dir of STATIC_DIRS) {
    const listed = execFileSync('git', ['ls-files', '-z', '--', dir], { cwd: root }).toString('utf8')
    for (const rel of listed.split('\0').filter(Boolean)) out.push([rel, readFileSync(join(root, rel))])
  }
  return out
}

function generate(repo, commits, trioRevisions) {
  mkdirSync(repo, { recursive: true })
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }
  const git = (args, input) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
      cwd: repo,
      env,
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      maxBuffer: 1 << 28
    })
  git(['init', '-q', '-b', 'main'])
  const trioAt = new Set()
  for (let k = 0; k < trioRevisions; k++) trioAt.add(Math.floor((k * commits) / trioRevisions))
  const chunks = []
  const file = (path, content) => {
    const b = Buffer.isBuffer(content) ? content : Buffer.from(content)
    chunks.push(Buffer.from(`M 100644 inline ${path}\ndata ${b.length}\n`), b, Buffer.from('\n'))
  }
  let k = 0
  for (let c = 0; c < commits; c++) {
    const when = `${FIRST_COMMIT + c * 60} +0000`
    const trio = trioAt.has(c) ? (k++ === 0 ? old : newer(`r${k}`)) : null
    const msg = trio ? `trio revision ${k}` : `app ${c}`
    chunks.push(
      Buffer.from(
        `commit refs/heads/main\nauthor bench <bench@example.invalid> ${when}\ncommitter bench <bench@example.invalid> ${when}\ndata ${msg.length}\n${msg}\n`
      )
    )
    if (c === 0) for (const [rel, bytes] of staticFiles()) file(rel, bytes)
    if (trio) {
      file(PIN, trio.pin)
      file(MIRROR, trio.mirror)
      file(MATRIX, trio.matrix)
    } else file('src/app.txt', `counter ${c}\n`)
    chunks.push(Buffer.from('\n'))
  }
  git(['fast-import', '--quiet'], Buffer.concat(chunks))
  git(['checkout', '-q', '-f', 'main'])
  if (k !== trioRevisions) throw new Error(`wrote ${k} trio revisions, not ${trioRevisions}`)
}

// ---- timing ----
function time(argv, cwd) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  return { ms, r }
}

function checkLkg(r, trioRevisions, where) {
  let report
  try {
    report = JSON.parse(r.stdout.toString('utf8')).baselines[0]
  } catch {
    throw new Error(`lkg in ${where} exited ${r.status} without a JSON report: ${r.stderr}`)
  }
  const passed = report.passed_over ?? []
  if (report.target?.identity?.release_tag !== OLD_TAG) {
    throw new Error(`lkg in ${where} did not find ${OLD_TAG}: ${JSON.stringify(report).slice(0, 3000)}`)
  }
  if (
    report.revisions !== trioRevisions ||
    passed.length !== trioRevisions - 1 ||
    passed.some((p) => p.reason !== 'current')
  ) {
    throw new Error(
      `lkg in ${where} walked ${report.revisions} revisions, passed over ${passed.length} (${[...new Set(passed.map((p) => p.reason))].join(', ')}); expected ${trioRevisions} and ${trioRevisions - 1} current`
    )
  }
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
