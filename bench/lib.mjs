// Shared by the benches: timing, medians, the built CLI, fixture repositories, and the table of targets.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers'

export const root = resolve(import.meta.dirname, '..')

/**
 * Node reads the certificates NODE_EXTRA_CA_CERTS names at every start (40-45 ms on this machine, where it is
 * set; GitHub's runners set none). It would be added to both sides of every ratio against `node -e 0` and
 * flatter them, so the benches and every process they start run without it.
 */
export const droppedEnv = ['NODE_EXTRA_CA_CERTS'].filter((k) => process.env[k] !== undefined)
for (const k of droppedEnv) delete process.env[k]
/** The bundles the benches run: dist/ (run `npm run build` first), or BENCH_DIST (another build's OUT_DIR). */
export const distDir = resolve(root, process.env.BENCH_DIST ?? 'dist')

export const PIN = 'config/memorykernel-integration-pin.json'
export const MIRROR = 'config/memorykernel-producer-manifest.json'
export const MATRIX = 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
export const POLICY = 'config/baseline-policy.json'

export const MiB = 1024 * 1024

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`
export const ratio = (a, b) => `${(a / b).toFixed(2)}x`
export const n = (x) => x.toLocaleString('en-US')

/** A snapshot of the built CLI (dist/cli is self-contained), so a rebuild during the bench cannot swap it. */
export function snapshotCli(tmp) {
  cpSync(join(distDir, 'cli'), join(tmp, 'cli'), { recursive: true })
  return join(tmp, 'cli/index.js')
}

/**
 * The minor page faults of the children this process has waited for (cminflt of /proc/self/stat; null where there
 * is no /proc): before and after one spawnSync, the faults of that child alone.
 */
export function childFaults() {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1')
    // the fields after the command name, which is in parentheses and may hold spaces
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[8])
  } catch {
    return null
  }
}

/** One process to its end; wall time in ms, and its minor page faults (null where they cannot be counted). */
export function time(argv, options = {}) {
  const f0 = childFaults()
  const t0 = process.hrtime.bigint()
  const r = spawnSync(argv[0], argv.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
    ...options
  })
  const took = Number(process.hrtime.bigint() - t0) / 1e6
  const f1 = childFaults()
  return { ms: took, faults: f0 === null || f1 === null ? null : f1 - f0, r }
}

/**
 * What a page of fresh memory costs here: a child node touches 64 MiB it has just allocated, one 4 KiB page at a
 * time; the time per page touched, in microseconds. Cheap on bare metal (about 0.1 to 0.3 us a page); a virtual
 * machine whose host backs guest memory only when it is first touched pays far more. Per page touched, not per
 * fault: where transparent huge pages back the buffer, one fault maps 512 pages (found by review).
 */
export function freshPageMicros() {
  const script = `
    const pages = 64 * 256
    const t0 = process.hrtime.bigint()
    const b = Buffer.allocUnsafeSlow(pages * 4096)
    for (let i = 0; i < b.length; i += 4096) b[i] = 1
    console.log(JSON.stringify(Number(process.hrtime.bigint() - t0) / 1e3 / pages))`
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
  try {
    return JSON.parse(r.stdout)
  } catch {
    return null
  }
}

/**
 * A child process with a hard limit: killed (SIGKILL) after `limitMs`. Its peak RSS (VmHWM) is read from /proc
 * while it runs, so a killed child still reports what it had reached. Resolves { ms, killed, status, stdout,
 * stderr, peakKiB }.
 */
export function runLimited(argv, { limitMs, cwd, input } = {}) {
  return new Promise((done) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    const out = []
    const err = []
    let peakKiB = 0
    let killed = false
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]))
      } catch {
        // gone already
      }
    }
    const sampler = setInterval(sample, 50)
    const timer = setTimeout(() => {
      sample()
      killed = true
      child.kill('SIGKILL')
    }, limitMs)
    child.stdout.on('data', (b) => out.push(b))
    child.stderr.on('data', (b) => err.push(b))
    child.stdin.on('error', () => {})
    child.stdin.end(input ?? '')
    child.on('close', (status) => {
      clearInterval(sampler)
      clearTimeout(timer)
      done({
        ms: Number(process.hrtime.bigint() - t0) / 1e6,
        killed,
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        peakKiB
      })
    })
  })
}

/** The tracked files of this repository (those still in the working tree), dist/ and the tests left out. */
export function trackedFiles() {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root })
    .toString('utf8')
    .split('\0')
    .filter((rel) => rel && !/^(dist|__tests__|__fixtures__|reports|bench)\//.test(rel))
}

/** An empty global git configuration of our own: the user's (hooks, signing, templates) must not shape a repo. */
export function gitEnv(tmp) {
  const config = join(tmp, 'gitconfig')
  writeFileSync(config, '')
  return { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: config }
}

export function git(repo, env, args, input) {
  return execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
    cwd: repo,
    env,
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 28
  })
}

/**
 * A git repository made of this repository's tracked files (one commit) whose policy has the embedded baseline
 * and, in `policy-<k>.json` beside the repository for each k of `counts`, k baselines: the embedded one's
 * policy with its trio at `baselines/<name>/` (copies of this repository's trio). Every baseline passes.
 * Returns { repo, policies: { k: path } }.
 */
export function healthRepo(tmp, counts) {
  const repo = join(tmp, 'repo')
  for (const rel of trackedFiles()) {
    mkdirSync(dirname(join(repo, rel)), { recursive: true })
    try {
      cpSync(join(root, rel), join(repo, rel))
    } catch {
      // deleted in the working tree but still tracked
    }
  }
  const policy = JSON.parse(readFileSync(join(root, POLICY), 'utf8'))
  const [[name, embedded]] = Object.entries(policy.baselines)
  const trio = Object.fromEntries(
    Object.entries(embedded.trio).map(([role, rel]) => [role, readFileSync(join(root, rel))])
  )
  const most = Math.max(...counts)
  const names = Array.from({ length: most }, (_, i) => `${name}-${String(i + 1).padStart(4, '0')}`)
  for (const b of names)
    for (const [role, rel] of Object.entries(embedded.trio)) {
      const to = join(repo, 'baselines', b, rel)
      mkdirSync(dirname(to), { recursive: true })
      // the matrix's Baseline Pin section names the pin and the mirror: their paths in this copy
      let bytes = trio[role]
      if (role === 'matrix')
        for (const named of [embedded.trio.pin, embedded.trio.manifest])
          bytes = Buffer.from(
            bytes.toString('utf8').split(`\`${named}\``).join(`\`baselines/${b}/${named}\``)
          )
      writeFileSync(to, bytes)
    }
  const policies = {}
  for (const k of counts) {
    const baselines = {}
    for (const b of names.slice(0, k)) {
      baselines[b] = {
        ...embedded,
        trio: Object.fromEntries(
          Object.entries(embedded.trio).map(([role, rel]) => [role, `baselines/${b}/${rel}`])
        )
      }
    }
    const { $schema: _, ...rest } = policy
    policies[k] = join(tmp, `policy-${k}.json`)
    writeFileSync(policies[k], `${JSON.stringify({ ...rest, baselines }, null, 2)}\n`)
  }
  const env = gitEnv(tmp)
  git(repo, env, ['init', '-q', '-b', 'main'])
  git(repo, env, ['add', '-A'])
  git(repo, env, ['commit', '-q', '-m', 'the consumer with its baselines'])
  return { repo, policies }
}

/** One row of the table of targets. `measured` and `target` are numbers in `unit`; null: not measured. */
export function targetRow(what, measured, target, unit, note = '') {
  return { what, measured, target, unit, note }
}

const show = (x, unit) =>
  x === null
    ? 'n/a'
    : unit === 'ms'
      ? ms(x)
      : unit === 'MiB'
        ? `${x.toFixed(0)} MiB`
        : `${x.toFixed(2)}${unit}`

export function printTargets(rows) {
  const w = Math.max(...rows.map((r) => r.what.length), 6)
  console.log(`${'target'.padEnd(w)}  ${'measured'.padStart(22)}  ${'limit'.padStart(11)}  result`)
  for (const r of rows) {
    const measured = r.killed ? `> ${ms(r.measured)} (killed)` : show(r.measured, r.unit)
    const pass = r.measured !== null && !r.killed && r.measured <= r.target
    console.log(
      `${r.what.padEnd(w)}  ${measured.padStart(22)}  ${`<= ${show(r.target, r.unit)}`.padStart(11)}  ${r.measured === null ? 'n/a ' : pass ? 'PASS' : 'MISS'}${r.note ? `  ${r.note}` : ''}`
    )
  }
}
