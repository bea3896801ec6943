// Test fixtures: a temporary repository holding a copy of the embedded default trio, mutations on it,
// and health run in process. Every directory made here is removed by cleanupFixtures().
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { createEvidenceStore } from '../../src/fs/evidence-store.js'
import { runHealth } from '../../src/operations/health.js'
import type { OperationResult } from '../../src/operations/context.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import type { Finding } from '../../src/rules/finding.js'
import { EMBEDDED_NOW } from './embedded.js'

export { EMBEDDED, escapeRegExp, nextTag } from './embedded.js'
export type { EmbeddedBaseline } from './embedded.js'

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
export const PIN = 'config/memorykernel-integration-pin.json'
export const MIRROR = 'config/memorykernel-producer-manifest.json'
export const MATRIX = 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
export const POLICY = 'config/baseline-policy.json'
export const PRODUCER = 'services/memorykernel'
export const PRODUCER_MANIFEST = `${PRODUCER}/contracts/integration/v1/producer-contract-manifest.json`
export const HANDOFF = `${PRODUCER}/docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json`
export const SCHEMAS = `${PRODUCER}/contracts/integration/v1/schemas`
export const ADAPTER = 'src/producer/endpoints.ts'
/**
 * A fixed clock: noon of the day after the embedded matrix's Updated date (2026-11-25T12:00Z for an Updated date
 * of 2026-11-24), so the embedded trio's Updated date and handoff timestamp are in the past of it.
 */
export const NOW = EMBEDDED_NOW

const made: string[] = []

export function tempDir(prefix = 'bg-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function cleanupFixtures(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/**
 * `git init -b main` in `root`: a copy of the .git of one repository git initialised for this test file (14 ms a
 * process against 5 ms a copy, for the hundreds of fixtures the suite makes). Without the sample hooks git's
 * template puts there (13 of its 17 files, inert: git runs no *.sample), which every copy would copy again.
 */
function initRepository(root: string): void {
  const { root: initialised } = builtOnce('git init', () => {
    const dir = tempDir('bg-git-init-')
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir })
    const hooks = join(dir, '.git', 'hooks')
    for (const name of readdirSync(hooks)) if (name.endsWith('.sample')) rmSync(join(hooks, name))
    return { root: dir, meta: null }
  })
  cpSync(join(initialised, '.git'), join(root, '.git'), { recursive: true })
}

export interface Fixture {
  root: string
  read(rel: string): string
  readBytes(rel: string): Buffer
  write(rel: string, content: string | Buffer): void
  remove(rel: string): void
  /** Replace the first occurrence of `from`; throws when it is absent (a mutation that matches nothing proves nothing). */
  replace(rel: string, from: string | RegExp, to: string): void
  /** Rewrite a JSON file through a function (re-serialised with 2-space indent and a final newline). */
  editJson(rel: string, edit: (value: Record<string, unknown>) => void): void
  /**
   * Make the pin's manifest digest match the mirror's current bytes (so only the intended rule fires);
   * the producer's manifest becomes the same bytes, as it is after a real producer release.
   */
  rehashMirror(): void
  /** The 1-based line of the first line containing `needle`. */
  lineOf(rel: string, needle: string): number
}

/** A temporary repository with the embedded default trio (and policy, unless `policy: false`). */
export function trioFixture(options: { policy?: boolean } = {}): Fixture {
  const root = tempDir()
  // the trio, the producer's published files (not its code) and the adapter file the policy names
  const files = [
    PIN,
    MIRROR,
    MATRIX,
    PRODUCER_MANIFEST,
    HANDOFF,
    SCHEMAS,
    ADAPTER,
    ...(options.policy === false ? [] : [POLICY])
  ]
  for (const rel of files) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    cpSync(join(REPO_ROOT, rel), join(root, rel), { recursive: true })
  }
  // the consumer's own package, whose version repin records in the ledger's new row
  writeFileSync(join(root, 'package.json'), '{ "name": "consumer", "version": "0.2.0", "private": true }\n')
  // a repository, as every consumer is (the command line finds its root through git); nothing committed
  initRepository(root)
  return fixtureAt(root)
}

const builds = new Map<string, { root: string; meta: unknown }>()

/** What `build` made for `key` in this test file, made again once cleanupFixtures() has removed it. */
function builtOnce<T>(key: string, build: () => { root: string; meta: T }): { root: string; meta: T } {
  let built = builds.get(key) as { root: string; meta: T } | undefined
  if (!built || !existsSync(built.root)) {
    built = build()
    builds.set(key, built)
  }
  return built
}

/**
 * A directory `build` makes once per test file and key (a history of many commits), copied with its .git for each
 * caller: the one built is never handed out, so no caller sees another's edits. A copy takes a few ms; the
 * histories take 0.3 to 0.5 s of git processes each.
 */
export function copyOfBuilt<T>(
  key: string,
  build: () => { root: string; meta: T }
): { root: string; meta: T } {
  const built = builtOnce(key, () => {
    const made = build()
    // its objects in one pack, as a clone has them: a copy is then a few files, not one file and often one
    // directory per object (a history of ten commits holds about 75); what git reads from it is the same
    if (existsSync(join(made.root, '.git', 'objects')))
      execFileSync('git', ['repack', '-a', '-d', '-q'], { cwd: made.root })
    return made
  })
  const root = tempDir('bg-copy-')
  cpSync(built.root, root, { recursive: true })
  return { root, meta: structuredClone(built.meta) }
}

/** The Fixture of a directory that holds one already (a copy of another's). */
export function fixtureAt(root: string): Fixture {
  const fx: Fixture = {
    root,
    read: (rel) => readFileSync(join(root, rel), 'utf8'),
    readBytes: (rel) => readFileSync(join(root, rel)),
    write: (rel, content) => {
      mkdirSync(dirname(join(root, rel)), { recursive: true })
      writeFileSync(join(root, rel), content)
    },
    remove: (rel) => rmSync(join(root, rel), { recursive: true, force: true }),
    replace: (rel, from, to) => {
      const text = fx.read(rel)
      const found = typeof from === 'string' ? text.includes(from) : from.test(text)
      if (!found) throw new Error(`mutation target not found in ${rel}: ${String(from)}`)
      fx.write(rel, text.replace(from, to))
    },
    editJson: (rel, edit) => {
      const value = JSON.parse(fx.read(rel)) as Record<string, unknown>
      edit(value)
      fx.write(rel, `${JSON.stringify(value, null, 2)}\n`)
    },
    rehashMirror: () => {
      fx.write(PRODUCER_MANIFEST, fx.readBytes(MIRROR))
      const digest = createHash('sha256').update(fx.readBytes(MIRROR)).digest('hex')
      fx.editJson(PIN, (pin) => {
        pin.expected_producer_manifest_sha256 = digest
      })
      fx.replace(MATRIX, /(Expected producer manifest SHA-256: `)[0-9a-f]{64}(`)/, `$1${digest}$2`)
    },
    lineOf: (rel, needle) => {
      const i = fx
        .read(rel)
        .split('\n')
        .findIndex((l) => l.includes(needle))
      if (i === -1) throw new Error(`${needle} not found in ${rel}`)
      return i + 1
    }
  }
  return fx
}

/** health in process, on a fixture root, with a fixed clock and a temporary evidence directory. */
/**
 * health in process. Tests run without the runtime preflight unless they ask for it; the notice that records
 * the skip (BG407) is then left out of the findings, unless `keepSkipNotice` (preflight.test.ts checks it).
 */
export async function health(
  root: string,
  options: {
    policy?: string
    baseline?: string
    probe?: boolean
    keepSkipNotice?: boolean
    /** The run's clock (default NOW). */
    now?: Date
  } = {}
): Promise<OperationResult> {
  const policy = loadPolicy({ root, policyPath: options.policy, cwd: root })
  const evidence = createEvidenceStore(tempDir('bg-evidence-'))
  const now = options.now ?? NOW
  const result = await runHealth(
    {
      root,
      policy,
      clock: () => now,
      runContext: async () => ({
        repository: null,
        commit: null,
        ref: null,
        event: 'test',
        run_id: null,
        run_attempt: null
      }),
      evidence,
      toolVersion: '0.0.0-test',
      env: process.env
    },
    { baselines: selectBaselines(policy, options.baseline), probe: options.probe ?? false }
  )
  if (options.probe || options.keepSkipNotice) return result
  for (const b of result.baselines) b.findings = b.findings.filter((f) => f.rule !== 'BG407')
  return result
}

/** The findings of health without the probe (and without its skip notice). */
export async function findingsOf(root: string): Promise<Finding[]> {
  const result = await health(root)
  return result.baselines.flatMap((b) => b.findings)
}
