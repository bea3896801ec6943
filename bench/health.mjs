// `baseline-gate health --no-probe` (the rules, no producer) on 1, 100 and 500 baselines, beside `node -e 0`.
// The repository is a git repository made of this repository's tracked files; its policy has the embedded
// baseline, and the policies of 100 and 500 baselines (given with --policy) point each baseline at its own copy
// of the trio under baselines/<name>/ (the same producer, adapter and scan globs). Every run is a new process
// with a new evidence directory (as in CI), after warm-up runs that leave the CLI's V8 code cache warm; the
// commands are interleaved, so machine load affects all alike. Every run must PASS with every baseline judged.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { freshPageMicros, healthRepo, median, ms, n, ratio, snapshotCli, time } from './lib.mjs'

/**
 * @param counts the numbers of baselines besides the single embedded one
 * @param runs runs of `node -e 0` and of health on one baseline; `bigRuns` of each larger count (after the
 *   first, only while one run takes less than `slowMs`)
 */
export function healthBench({
  counts = [500],
  runs = 10,
  bigRuns = 3,
  slowMs = 5_000,
  log = console.log
} = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-health-'))
  try {
    const cli = snapshotCli(tmp)
    const g0 = process.hrtime.bigint()
    const { repo, policies } = healthRepo(tmp, counts)
    const genMs = Number(process.hrtime.bigint() - g0) / 1e6
    const health = (count) => {
      const evidence = mkdtempSync(join(tmp, 'evidence-'))
      const argv = [
        process.execPath,
        cli,
        'health',
        '--root',
        repo,
        '--no-probe',
        '--json',
        '--evidence-dir',
        evidence
      ]
      if (count !== 1) argv.push('--policy', policies[count])
      const { ms: took, faults: pf, r } = time(argv, { cwd: repo, maxBuffer: 1 << 30 })
      rmSync(evidence, { recursive: true, force: true })
      let out
      try {
        out = JSON.parse(r.stdout.toString('utf8'))
      } catch {
        throw new Error(`health (${count}) exited ${r.status} without a JSON report: ${r.stderr}`)
      }
      if (r.status !== 0 || out.verdict !== 'PASS' || out.baselines.length !== count)
        throw new Error(
          `health (${count}) exited ${r.status}: ${out.verdict} with ${out.baselines.length} baselines; ${JSON.stringify(out.baselines.flatMap((b) => b.findings.filter((f) => f.severity !== 'notice'))).slice(0, 2000)}`
        )
      if (count === 1 && pf !== null && counting) faults.health.push(pf)
      return took
    }
    // the minor page faults of each run of node -e 0 and of health on one baseline: what health touches beyond Node
    const faults = { node: [], health: [] }
    // the warm-up runs (the first writes the code cache) are not counted
    let counting = false
    const node = () => {
      const { ms: took, faults: pf } = time([process.execPath, '-e', '0'])
      if (pf !== null) faults.node.push(pf)
      return took
    }
    for (let i = 0; i < 3; i++) health(1) // the code cache, written by the first run
    counting = true
    const times = { node: [], 1: [] }
    for (let i = 0; i < runs; i++) {
      times.node.push(node())
      times[1].push(health(1))
    }
    for (const count of counts) {
      times[count] = []
      for (let i = 0; i < bigRuns && (i === 0 || Math.max(...times[count]) < slowMs); i++) {
        times.node.push(node())
        times[count].push(health(count))
      }
      log?.(`  health on ${count} baselines: ${times[count].map((t) => ms(t)).join(', ')}`)
    }
    const base = median(times.node)
    const rows = [
      { name: 'node -e 0', count: 0, ms: base, min: Math.min(...times.node), runs: times.node.length },
      ...[1, ...counts].map((count) => ({
        name: `health --no-probe, ${n(count)} baseline${count === 1 ? '' : 's'}`,
        count,
        ms: median(times[count]),
        min: Math.min(...times[count]),
        runs: times[count].length
      }))
    ]
    const pages =
      faults.node.length > 0 && faults.health.length > 0
        ? {
            node: Math.round(median(faults.node)),
            health: Math.round(median(faults.health)),
            micros: freshPageMicros()
          }
        : null
    return { genMs, base, rows, pages }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

export function printHealth({ genMs, base, rows, pages }) {
  console.log(`health bench: the repository and its policies generated in ${(genMs / 1000).toFixed(1)} s`)
  console.log(
    `${'command'.padEnd(36)} ${'runs'.padStart(4)} ${'median'.padStart(10)} ${'min'.padStart(10)} ${'/ node -e 0'.padStart(12)} ${'per baseline'.padStart(13)}`
  )
  const one = rows.find((r) => r.count === 1)
  for (const r of rows) {
    const per = r.count > 1 ? ms((r.ms - one.ms) / (r.count - 1)) : ''
    console.log(
      `${r.name.padEnd(36)} ${String(r.runs).padStart(4)} ${ms(r.ms).padStart(10)} ${ms(r.min).padStart(10)} ${ratio(r.ms, base).padStart(12)} ${per.padStart(13)}`
    )
  }
  console.log('(per baseline: the time over that of one baseline, divided by the baselines added)')
  if (pages) console.log(pagesLine(pages))
}

/** The pages health on one baseline touches beyond node -e 0, and what they cost here (ms; null: not measured). */
export function extraPages({ node, health, micros }) {
  const extra = health - node
  return { extra, ms: micros === null ? null : (extra * micros) / 1000 }
}

/** What health on one baseline touches beyond node -e 0, and what that costs on this machine. */
export function pagesLine(pages) {
  const { extra, ms: cost } = extraPages(pages)
  const said = cost === null ? '' : `; a fresh page costs ${pages.micros.toFixed(1)} us here: ${ms(cost)}`
  return `page faults (medians): node -e 0 ${n(pages.node)}, health on 1 baseline ${n(pages.health)} (${n(extra)} more)${said}`
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`health bench: node ${process.version}`)
  printHealth(healthBench({ counts: [100, 500], runs: Number(process.env.BENCH_RUNS ?? 10), bigRuns: 5 }))
}
