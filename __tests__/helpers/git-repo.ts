// Real git repositories for the change gates (promotion, rollback): a trio fixture under git, commits with
// fixed dates, a producer release prepared the way a person prepares one (the producer's manifest and
// handoff bumped, then repin), and the promotion operation run in process on the result.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import { createEvidenceStore } from '../../src/fs/evidence-store.js'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import type { OperationContext, OperationResult } from '../../src/operations/context.js'
import { runPromotion } from '../../src/operations/promotion.js'
import type { ReviewSource } from '../../src/operations/reviews.js'
import { runRepin } from '../../src/operations/repin.js'
import type { SuiteReporter } from '../../src/operations/suites.js'
import type { InstantRequest } from '../../src/operations/instant.js'
import type { RepinResult } from '../../src/operations/repin.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { createRedactor } from '../../src/redact/redactor.js'
import { EMBEDDED_OLD_DATE } from './embedded.js'
import {
  copyOfBuilt,
  EMBEDDED,
  fixtureAt,
  HANDOFF,
  nextTag,
  NOW,
  POLICY,
  PRODUCER_MANIFEST,
  tempDir,
  trioFixture
} from './fixture.js'
import type { Fixture } from './fixture.js'

/**
 * Well before NOW and before the embedded baseline was approved (54 days before the embedded matrix's Updated
 * date: 2026-10-01T00:00:00Z for 2026-11-24): a base baseline committed then is outside any stability window.
 */
export const OLD_DATE = EMBEDDED_OLD_DATE

export interface GitRepo {
  dir: string
  /** git in the repository (argv, never a shell); stdout trimmed. */
  git(...args: string[]): string
  /** Stage everything and commit; returns the new commit's SHA. */
  commit(message: string, date?: string): string
}

const IDENTITY = ['-c', 'user.name=Baseline Test', '-c', 'user.email=test@example.invalid']
/**
 * git commit starts `git maintenance run --auto` after each commit, a process the fixtures never need (most of the
 * suite's commits are made here; the few tests that commit by hand still start it).
 */
const NO_MAINTENANCE = ['-c', 'maintenance.auto=false']

/** Put a directory (a fixture's root) under git (nothing committed yet). */
/** @param objectFormat `sha256` for a repository git names objects of with SHA-256 (which the tool refuses) */
export function gitRepo(fx: { root: string }, { objectFormat = 'sha1' } = {}): GitRepo {
  const git = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    execFileSync(
      'git',
      [...IDENTITY, ...NO_MAINTENANCE, '-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: fx.root,
        encoding: 'utf8',
        env: { ...process.env, ...env }
      }
    ).trim()
  // a trio fixture is a repository already: initialising it again only costs a process (and warns)
  if (!existsSync(join(fx.root, '.git'))) git(['init', '-q', '-b', 'main', `--object-format=${objectFormat}`])
  return {
    dir: fx.root,
    git: (...args) => git(args),
    commit(message, date = NOW.toISOString()) {
      git(['add', '-A'])
      git(['commit', '-q', '--allow-empty', '--no-verify', '-m', message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date
      })
      return headCommit(fx.root) ?? git(['rev-parse', 'HEAD'])
    }
  }
}

/** The trio fixture committed in a repository of SHA-256 object names; its commit's 64-digit id. */
export function sha256Trio(): { fx: Fixture; sha: string } {
  const fx = trioFixture()
  // a trio fixture is a repository of SHA-1 names already
  rmSync(join(fx.root, '.git'), { recursive: true })
  return { fx, sha: gitRepo(fx, { objectFormat: 'sha256' }).commit('the trio') }
}

/**
 * The commit HEAD names, read from the files a fresh repository has (HEAD and its loose branch ref): one git
 * process less per commit of the thousands the tests make. Null when they are not there (a packed ref).
 */
function headCommit(root: string): string | null {
  try {
    const head = readFileSync(join(root, '.git', 'HEAD'), 'utf8').trim()
    const sha = head.startsWith('ref: ')
      ? readFileSync(join(root, '.git', head.slice(5)), 'utf8').trim()
      : head
    return /^[0-9a-f]{40}$/.test(sha) ? sha : null
  } catch {
    return null
  }
}

/** A suite step as the policy file writes it. */
export interface PolicyStep {
  name: string
  run: string[]
  cwd?: string
  timeout_s?: number
  operations?: string[]
}

/** Write config/baseline-policy.json: the fixture's baseline with these suites and owners. */
export function writePolicy(
  fx: Fixture,
  options: {
    consumer?: PolicyStep[]
    producer?: PolicyStep[]
    concurrent?: boolean
    owners?: { consumer: string[]; producer: string[] }
  }
): void {
  fx.editJson(POLICY, (policy) => {
    const baseline = (policy.baselines as Record<string, Record<string, unknown>>).memorykernel!
    baseline.suites = {
      concurrent: options.concurrent ?? true,
      consumer: options.consumer ?? [],
      producer: options.producer ?? []
    }
    if (options.owners) baseline.owners = options.owners
  })
}

/** A step that runs node with a script and its arguments (argv: never a shell string). */
export function nodeStep(
  name: string,
  script: string,
  args: string[] = [],
  extra: Omit<PolicyStep, 'name' | 'run'> = {}
): PolicyStep {
  return { name, run: [process.execPath, '-e', script, ...args], ...extra }
}

/**
 * The producer publishes a release: its manifest gets the new tag (and whatever `edit` changes), and its handoff
 * payload is regenerated consistently (identity, runtime baseline, error codes), as
 * scripts/generate_producer_handoff_payload.sh would write it.
 */
export function producerRelease(
  fx: Fixture,
  tag: string,
  edit: (manifest: Record<string, unknown>) => void = () => {}
): void {
  const commit = 'b'.repeat(40)
  fx.editJson(PRODUCER_MANIFEST, (m) => {
    m.release_tag = tag
    m.commit_sha = commit
    edit(m)
  })
  const m = JSON.parse(fx.read(PRODUCER_MANIFEST)) as Record<string, unknown>
  fx.editJson(HANDOFF, (h) => {
    for (const field of [
      'release_tag',
      'commit_sha',
      'expected_service_contract_version',
      'expected_api_contract_version',
      'integration_baseline',
      'error_code_enum'
    ]) {
      h[field] = m[field]
    }
    h.active_runtime_baseline = {
      release_tag: m.release_tag,
      commit_sha: m.commit_sha,
      expected_service_contract_version: m.expected_service_contract_version,
      expected_api_contract_version: m.expected_api_contract_version,
      integration_baseline: m.integration_baseline
    }
  })
}

/** baseline-gate repin on the fixture (it must write the update). */
export function repin(fx: Fixture): RepinResult {
  const policy = loadPolicy({ root: fx.root })
  const result = runRepin({ root: fx.root, clock: () => NOW }, selectBaselines(policy, undefined)[0]!)
  expect([result.status, result.findings]).toEqual(['repinned', []])
  return result
}

/**
 * An operation's context for a test: the policy from disk, a fixed clock (NOW unless given), a fresh evidence
 * directory, a fixed run context.
 */
export function testContext(root: string, clock: () => Date = () => NOW): OperationContext {
  return {
    root,
    policy: loadPolicy({ root, cwd: root }),
    clock,
    runContext: async () => ({
      repository: 'acme/app',
      commit: null,
      ref: null,
      event: 'test',
      run_id: null,
      run_attempt: null
    }),
    evidence: createEvidenceStore(tempDir('bg-evidence-')),
    toolVersion: '0.0.0-test',
    env: process.env
  }
}

export interface PromotionRun {
  result: OperationResult
  /** The evidence directory of this run. */
  dir: string
  /** Every file of the evidence directory, by name. */
  files(): Record<string, Buffer>
}

/**
 * runPromotion in process on the fixture (policy from disk, fixed clock, fresh evidence directory). Every
 * packet it writes is checked against evidence-packet.v1.
 */
export async function promote(
  fx: { root: string },
  options: {
    base: string
    head?: string
    suites?: boolean
    /** Run the suites even where the rules already fail (the input suites-anyway). */
    suitesAnyway?: boolean
    review?: ReviewSource
    secrets?: string[]
    reporter?: SuiteReporter
    signal?: AbortSignal
    /** When the time-dependent rules judge (default: the fixed clock NOW, as a live run would). */
    judgeAt?: InstantRequest
    clock?: () => Date
    /** The policy file as a workflow names it (absolute, or relative to the root); default: the root's own. */
    policyPath?: string
    /** Judge only this baseline of the policy (the input `baseline`); default: every one. */
    baseline?: string
  }
): Promise<PromotionRun> {
  const ctx = {
    ...testContext(fx.root, options.clock),
    judgeAt: options.judgeAt,
    ...(options.policyPath
      ? { policy: loadPolicy({ root: fx.root, cwd: fx.root, policyPath: options.policyPath }) }
      : {})
  }
  const { policy } = ctx
  const dir = ctx.evidence.dir
  const result = await runPromotion(ctx, {
    baselines: selectBaselines(policy, options.baseline),
    base: options.base,
    head: options.head ?? 'HEAD',
    suites: options.suites ?? false,
    ...(options.suitesAnyway ? { suitesAnyway: true } : {}),
    redactor: createRedactor({ secrets: options.secrets ?? [] }),
    review: options.review ?? { unavailable: 'no pull request in this test' },
    ...(options.reporter ? { reporter: options.reporter } : {}),
    ...(options.signal ? { signal: options.signal } : {})
  })
  for (const b of result.baselines) {
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as unknown
    const valid = validateEvidence(packet)
    expect(valid ? [] : validateEvidence.errors).toEqual([])
  }
  return {
    result,
    dir,
    files: () =>
      Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))] as const))
  }
}

/** An instant `n` days after NOW (history commits come after the fixture matrix's Updated date). */
export const day = (n: number): string => new Date(NOW.getTime() + n * 86_400_000).toISOString()

/** The three releases of threeBaselines(): the embedded one, then the next minor release, then the one after. */
export const TAGS = {
  v4: EMBEDDED.tag,
  v5: nextTag(EMBEDDED.tag, 'minor', 1),
  v6: nextTag(EMBEDDED.tag, 'minor', 2)
} as const

export interface History {
  fx: Fixture
  repo: GitRepo
  /** The commits that pinned TAGS.v4 (the embedded release), TAGS.v5, TAGS.v6. */
  c: { v4: string; v5: string; v6: string }
}

/**
 * The embedded release (TAGS.v4, e.g. v0.4.0), then TAGS.v5 (v0.5.0), then TAGS.v6 (v0.6.0), each promoted with
 * repin, with unrelated commits in between.
 */
export function threeBaselines(
  suite: PolicyStep[] = [nodeStep('test', 'console.log("rollback suite ok")')]
): History {
  const { root, meta } = copyOfBuilt(`threeBaselines ${JSON.stringify(suite)}`, () => {
    const { fx, c } = buildThreeBaselines(suite)
    return { root: fx.root, meta: c }
  })
  const fx = fixtureAt(root)
  return { fx, repo: gitRepo(fx), c: meta }
}

function buildThreeBaselines(suite: PolicyStep[]): History {
  const fx = trioFixture()
  writePolicy(fx, { consumer: suite.map((s) => ({ operations: ['promotion', 'rollback'], ...s })) })
  const repo = gitRepo(fx)
  const v4 = repo.commit(`baseline ${TAGS.v4}`, day(0))
  fx.write('src/app.ts', 'export const app = 1\n')
  repo.commit('unrelated: the app', day(1))
  producerRelease(fx, TAGS.v5, (m) => {
    m.commit_sha = '5'.repeat(40)
  })
  repin(fx)
  const v5 = repo.commit(`promote ${TAGS.v5}`, day(2))
  for (let i = 0; i < 3; i++) {
    fx.write('src/app.ts', `export const app = ${i + 2}\n`)
    repo.commit(`unrelated ${i}`, day(3 + i))
  }
  producerRelease(fx, TAGS.v6, (m) => {
    m.commit_sha = '6'.repeat(40)
  })
  repin(fx)
  const v6 = repo.commit(`promote ${TAGS.v6}`, day(10))
  fx.write('README.md', 'unrelated\n')
  repo.commit('unrelated: readme', day(11))
  return { fx, repo, c: { v4, v5, v6 } }
}
