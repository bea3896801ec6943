// The matrix reader: (a) a generated 1 MiB ledger (about 7,000 rows) and (b) the red-team corpus of adversarial
// matrices of 200 KB each, read the way the gate reads them: through the trio loader (src/trio/load.ts,
// trioFromBytes: decode, digest, the matrix's limits, the ledger reader), bundled by esbuild from the working
// tree when the bench starts, so whatever reader the loader uses is the one measured. Beside each, the
// line-split lower bound: the same bytes decoded, split into lines and every line into cells at `|`.
// Every measurement runs in a child process of its own with a hard limit (SIGKILL after BENCH_KILL_MS, default
// 10 s, 1 s with --quick): a reader that takes minutes cannot hang the bench; it is reported as "> limit
// (killed)", with the peak RSS it had reached. Times are
// in-process: the first read in a fresh process (what the gate pays: it reads the matrix once), and the median
// of up to BENCH_LEDGER_RUNS (default 9) more, in a time budget. Peak RSS is the child's VmHWM.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MATRIX, MiB, MIRROR, ms, n, PIN, root, runLimited } from './lib.mjs'

const KiB = 1024
const sha1 = (s) => createHash('sha1').update(s).digest('hex')

/**
 * The child: `parse` reads the file through the loader, `judge` reads it and runs the trio rules on it (beside
 * this repository's pin and mirror: every rule of the matrix runs), `lower` is the line-split lower bound.
 */
const CHILD = `import { readFileSync } from 'node:fs'
const [mode, bundle, file, runs, budgetMs, pinFile, mirrorFile] = process.argv.slice(2)
const emit = (o) => process.stdout.write(JSON.stringify(o) + '\\n')
const hwm = () => Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0)
const bytes = readFileSync(file)
let run
if (mode === 'parse') {
  const { trioFromBytes } = await import(bundle)
  const baseline = { name: 'bench', display_name: 'MemoryKernel', trio: { pin: 'config/pin.json', manifest: 'config/manifest.json', matrix: 'docs/MATRIX.md' } }
  run = () => {
    const m = trioFromBytes(baseline, { pin: null, manifest: null, matrix: bytes }).matrix
    const rows = m.ledger?.ledgerSection?.table?.rows?.length
    return m.ledger ? 'read: ' + (rows ?? 0) + ' ledger rows' : m.limit ? 'refused (BG111): ' + m.limit.message : 'no ledger'
  }
} else if (mode === 'judge') {
  const { trioFromBytes, trioRules, defaultBaseline } = await import(bundle)
  const baseline = { ...defaultBaseline('memorykernel'), display_name: 'MemoryKernel' }
  const pin = readFileSync(pinFile)
  const manifest = readFileSync(mirrorFile)
  const now = new Date('2027-01-01T00:00:00Z')
  run = () => {
    const findings = trioRules(trioFromBytes(baseline, { pin, manifest, matrix: bytes }), { baseline, now })
    const errors = findings.filter((f) => f.severity === 'error')
    return errors.length + ' errors (' + [...new Set(errors.map((f) => f.rule))].join(', ') + ')'
  }
} else {
  run = () => {
    let cells = 0
    for (const line of bytes.toString('utf8').split('\\n')) cells += line.split('|').length
    return cells + ' cells'
  }
}
emit({ phase: 'ready', hwmKiB: hwm() })
let t = performance.now()
const outcome = run()
emit({ phase: 'first', ms: performance.now() - t, hwmKiB: hwm(), outcome })
// again, while another read (as long as the last one) still fits in the budget
const start = performance.now()
let last = performance.now() - t
for (let i = 0; i < Number(runs) && performance.now() - start + last < Number(budgetMs); i++) {
  t = performance.now()
  run()
  last = performance.now() - t
  emit({ phase: 'again', ms: last, hwmKiB: hwm() })
}
`

// ---- the documents ----
const matrix = readFileSync(join(root, MATRIX), 'utf8')
const pin = JSON.parse(readFileSync(join(root, PIN), 'utf8'))
const approved = /^\|[^\n]*\| Approved \|\n/m.exec(matrix)?.[0]
if (!approved) throw new Error(`${MATRIX}: no Approved row`)
const consumerCommit = approved.split(' | ')[1]
const row = (consumer, tag, commit, status) =>
  `| ${consumer} | ${consumerCommit} | ${tag} | ${commit} | ${pin.expected_service_contract_version} | ${pin.expected_api_contract_version} | ${pin.expected_integration_baseline} | ${status} |\n`

/** The matrix with `rows` (whole lines) after the Approved row, and `before` (lines) before the table. */
function withRows(rows, before = '') {
  let doc = matrix.replace(approved, `${approved}${rows}`)
  if (before) doc = doc.replace(/^\| Consumer version \|/m, `${before}\n$&`)
  return doc
}

/** A ledger of at most 1 MiB: Superseded rows of generated baselines, oldest first, then the Approved row. */
function bigLedger() {
  const rows = []
  let size = Buffer.byteLength(matrix)
  for (let i = 0; ; i++) {
    const r = row(`0.0.${i}`, `v0.${Math.floor(i / 100)}.${i % 100}`, sha1(`baseline ${i}`), 'Superseded')
    if (size + r.length > MiB) break
    rows.push(r)
    size += r.length
  }
  const doc = matrix.replace(approved, `${rows.join('')}${approved}`)
  return { doc, rows: rows.length + 1 }
}

const candidate = (cell) =>
  row('0.9.0', 'v9.9.9', sha1('candidate'), 'Candidate').replace(consumerCommit, cell)
/** `unit` repeated to about `bytes` in cells of at most `cell` characters, one candidate row each. */
const spread = (unit, bytes, cell) => {
  const per = Math.floor(cell / unit.length)
  const rows = []
  for (let left = Math.floor(bytes / unit.length); left > 0; left -= per)
    rows.push(candidate(unit.repeat(Math.min(per, left))))
  return rows.join('')
}
/** Code spans that never close: runs of 1, 2, 3, ... backticks, each followed by `a`, to about `bytes`. */
const backtickRuns = (bytes) => {
  let s = ''
  for (let k = 1; s.length + k + 1 <= bytes; k++) s += `${'`'.repeat(k)}a`
  return s
}

const PAYLOAD = 200_000
/**
 * The red-team corpus: each construct as the issue names it (on one line), and the same amount spread over many
 * rows, cells or lines of ordinary length (so a limit on the length of a line does not stop it).
 */
export function corpus() {
  const pipes = `|${'a|'.repeat(PAYLOAD / 2)}\n`
  const pipeRows = Array.from({ length: Math.ceil(PAYLOAD / 2 / 31) }, () => `|${'a|'.repeat(31)}\n`).join('')
  return [
    { name: '`*a` x 100,000 in a cell', doc: withRows(candidate('*a'.repeat(PAYLOAD / 2))) },
    { name: '`*a` in 4 KB cells (50 rows)', doc: withRows(spread('*a', PAYLOAD, 4000)) },
    { name: 'a run of 200,000 `>`', doc: withRows('', `${'>'.repeat(PAYLOAD)} a\n`) },
    { name: '`>` runs of 200 on 1,000 lines', doc: withRows('', `${'>'.repeat(200)} a\n`.repeat(1000)) },
    { name: 'backtick runs 1..630 in a cell', doc: withRows(candidate(backtickRuns(PAYLOAD))) },
    {
      name: 'backtick runs in 4 KB cells',
      doc: withRows(Array.from({ length: 50 }, () => candidate(backtickRuns(4000))).join(''))
    },
    { name: '200,000 `[` in a cell', doc: withRows(candidate('['.repeat(PAYLOAD))) },
    { name: '`[` in 4 KB cells (50 rows)', doc: withRows(spread('[', PAYLOAD, 4000)) },
    { name: '10^5 pipes in a row', doc: withRows(pipes) },
    { name: '10^5 pipes, 32 a row', doc: withRows(pipeRows) },
    {
      name: 'emphasis 50,000 deep in a cell',
      doc: withRows(candidate(`${'**'.repeat(PAYLOAD / 4)}a${'**'.repeat(PAYLOAD / 4)}`))
    },
    {
      // found by review: each comment's search for `--!>` ran on to the end of the file
      name: '`<!-- - - ... -->` lines after the matrix',
      doc: `${matrix}\n${`<!-- ${'- '.repeat(22)} -->\n`.repeat(Math.ceil(PAYLOAD / 54))}`
    },
    {
      // found by review: the raw-HTML check searched every cell for `<` and a backtick on to the end of the file;
      // U+3C60 holds both bytes, so the search stopped at every character
      name: '`\u3c60` in 10-column table cells',
      doc: `${matrix}\n## Notes\n\n${'h|'.repeat(9)}h\n${'-|'.repeat(9)}-\n${`${'\u3c60|'.repeat(9)}\u3c60\n`.repeat(Math.ceil(PAYLOAD / 30))}`
    },
    {
      // found by review: the Baseline Pin lines written under another producer name were grouped by name in time
      // squared; 110 lines of 7,800-character names took 10 s a baseline
      name: 'Baseline Pin lines under long other names',
      doc: matrix.replace(
        /^- MemoryKernel release tag: .*\n/m,
        Array.from(
          { length: 50 },
          (_, i) => `- ${'X '.repeat(1950)}${i % 2} release tag: \`v0.4.${i}\`\n`
        ).join('')
      )
    },
    {
      name: 'emphasis 1,000 deep, 50 cells',
      doc: withRows(
        Array.from({ length: 50 }, () => candidate(`${'**'.repeat(1000)}a${'**'.repeat(1000)}`)).join('')
      )
    }
  ]
}

/** The loader's entry, bundled from the working tree: the reader it uses today is the one measured. */
export async function bundleReader(tmp) {
  const bundle = join(tmp, 'trio-load.mjs')
  await build({
    stdin: {
      contents:
        "export { trioFromBytes } from './src/trio/load.ts'; export { trioRules } from './src/rules/index.ts'; export { defaultBaseline } from './src/policy/defaults.ts'",
      // BENCH_READER_ROOT: another checkout's loader (to compare two readers with the same documents)
      resolveDir: process.env.BENCH_READER_ROOT ?? root,
      loader: 'ts'
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: {
      js: "import { createRequire as __bgCreateRequire } from 'node:module'; const require = __bgCreateRequire(import.meta.url);"
    },
    logLevel: 'warning'
  })
  const child = join(tmp, 'ledger-child.mjs')
  writeFileSync(child, CHILD)
  return { bundle: pathToFileURL(bundle).href, child }
}

/** One document through the loader and through the lower bound, each in a child process of its own. */
export async function measureDoc(reader, tmp, name, doc, { limitMs, runs, budgetMs }) {
  const file = join(tmp, `${name.replace(/[^a-z0-9]+/gi, '-')}.md`)
  writeFileSync(file, doc)
  const one = async (mode) => {
    const r = await runLimited(
      [
        process.execPath,
        reader.child,
        mode,
        reader.bundle,
        file,
        String(runs),
        String(budgetMs),
        join(root, PIN),
        join(root, MIRROR)
      ],
      { limitMs }
    )
    const lines = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    const first = lines.find((l) => l.phase === 'first')
    const again = lines.filter((l) => l.phase === 'again').map((l) => l.ms)
    if (!r.killed && (r.status !== 0 || !first))
      throw new Error(`${name} (${mode}) exited ${r.status}: ${r.stderr.slice(-2000)}`)
    return {
      // killed before its first read ended (a kill during the reads after it only shortens their series)
      killed: r.killed && !first,
      wallMs: r.ms,
      first: first?.ms ?? null,
      again: again.length ? again.sort((a, b) => a - b)[again.length >> 1] : null,
      outcome: first?.outcome ?? null,
      readyKiB: lines.find((l) => l.phase === 'ready')?.hwmKiB ?? null,
      firstKiB: first?.hwmKiB ?? null,
      // sampled from outside while it ran, and reported by the child after each read
      peakKiB: Math.max(r.peakKiB, ...lines.map((l) => l.hwmKiB ?? 0))
    }
  }
  const lower = await one('lower')
  const parse = await one('parse')
  const judge = await one('judge')
  return { name, bytes: Buffer.byteLength(doc), parse, judge, lower }
}

export const limitMsOf = (quick) => Number(process.env.BENCH_KILL_MS ?? (quick ? 1_000 : 10_000))

/** (a) and (b); `quick` kills at 1 s (ten times the corpus' target) instead of 10 s and reads again fewer times. */
export async function ledgerBench({ quick = false, log = console.log } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-ledger-'))
  try {
    const reader = await bundleReader(tmp)
    const opts = {
      limitMs: limitMsOf(quick),
      runs: Number(process.env.BENCH_LEDGER_RUNS ?? (quick ? 5 : 9)),
      budgetMs: quick ? 500 : 2_000
    }
    const big = bigLedger()
    const a = await measureDoc(reader, tmp, '1 MiB ledger', big.doc, opts)
    a.rows = big.rows
    const b = []
    for (const c of corpus()) {
      const m = await measureDoc(reader, tmp, c.name, c.doc, opts)
      b.push(m)
      log?.(`  ${c.name}: ${m.parse.killed ? `> ${ms(opts.limitMs)} (killed)` : ms(m.parse.first)}`)
    }
    return { big: a, corpus: b, limitMs: opts.limitMs }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

const mib = (kib) => (kib === null ? 'n/a' : `${(kib / KiB).toFixed(0)} MiB`)
const t = (m, limitMs) => (m.killed ? `> ${(limitMs / 1000).toFixed(0)} s (killed)` : ms(m.first))
const x = (a, b) => (a === null || b === null || b === 0 ? 'n/a' : `${(a / b).toFixed(1)}x`)

export function printLedger({ big, corpus: cases, limitMs }) {
  console.log(
    `(a) a generated ledger of ${n(big.bytes)} bytes, ${n(big.rows)} rows, through the trio loader (first read in a fresh process; median of the reads after it)`
  )
  const p = big.parse
  console.log(
    `    reader       first ${t(p, limitMs).padStart(18)}   again ${(p.again === null ? 'n/a' : ms(p.again)).padStart(10)}   peak RSS ${p.killed ? `>= ${mib(p.peakKiB)} (at the kill)` : mib(p.peakKiB)} (${mib(p.readyKiB)} before reading)`
  )
  console.log(
    `    lower bound  first ${t(big.lower, limitMs).padStart(18)}   again ${(big.lower.again === null ? 'n/a' : ms(big.lower.again)).padStart(10)}   peak RSS ${mib(big.lower.peakKiB)}`
  )
  console.log(`    outcome: ${p.outcome ?? 'killed before it finished'}`)
  console.log(
    `    reader / lower bound: first ${p.killed ? `> ${x(limitMs, big.lower.first)}` : x(p.first, big.lower.first)}, again ${x(p.again, big.lower.again)}`
  )
  console.log('')
  console.log(
    `(b) the red-team corpus through the trio loader, then every trio rule (first read in a fresh process; killed after ${limitMs / 1000} s)`
  )
  const w = Math.max(...cases.map((c) => c.name.length))
  console.log(
    `    ${'case'.padEnd(w)} ${'bytes'.padStart(9)} ${'reader'.padStart(18)} ${'+ rules'.padStart(18)} ${'lower bound'.padStart(12)} ${'ratio'.padStart(8)} ${'peak RSS'.padStart(9)}  outcome`
  )
  for (const c of cases) {
    console.log(
      `    ${c.name.padEnd(w)} ${n(c.bytes).padStart(9)} ${t(c.parse, limitMs).padStart(18)} ${t(c.judge, limitMs).padStart(18)} ${ms(c.lower.first).padStart(12)} ${(c.judge.killed ? `> ${x(limitMs, c.lower.first)}` : x(c.judge.first, c.lower.first)).padStart(8)} ${(c.judge.killed ? `>=${mib(c.judge.peakKiB)}` : mib(c.judge.peakKiB)).padStart(9)}  ${c.judge.outcome ?? 'killed'}`
    )
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick')
  console.log(`ledger bench: node ${process.version}${quick ? ', quick' : ''}`)
  printLedger(await ledgerBench({ quick, log: null }))
}
