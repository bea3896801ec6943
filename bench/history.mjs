// The generated git histories of the lkg benches (bench/lkg.mjs, bench/targets.mjs): this repository's trio and
// policy (and the producer files beside them), N commits of which R change the trio, spread evenly; the others
// change src/app.txt. Written by one `git fast-import` (seconds, even for 50,000 commits). The oldest trio
// revision pins an older baseline (v0.3.0, a valid trio of its own: mirror, pin with its SHA-256, Baseline Pin
// lines, Approved row); every later one pins the current one (the first of them promotes it, the rest edit a
// prose line of the matrix). So lkg must pass over R - 1 revisions of the current baseline, reading each one's
// pin, before it judges the oldest and returns it.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MATRIX, MIRROR, PIN, root } from './lib.mjs'

export const TRIO = [PIN, MIRROR, MATRIX]
const STATIC = [
  'config/baseline-policy.json',
  'services/memorykernel/contracts/integration/v1/producer-contract-manifest.json',
  'services/memorykernel/docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json'
]
const STATIC_DIRS = ['config/schemas', 'services/memorykernel/contracts/integration/v1/schemas']

const sha256 = (b) => createHash('sha256').update(b).digest('hex')
const sha1 = (s) => createHash('sha1').update(s).digest('hex')

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

export const OLD_TAG = 'v0.3.0'
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

/** A history of `commits` commits, `trioRevisions` of which change the trio, checked out in `repo`. */
export function generate(repo, commits, trioRevisions) {
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

/** lkg's JSON report must name the old baseline, having passed over every newer revision: a wrong answer fast is no result. */
export function checkLkg(r, trioRevisions, where) {
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
