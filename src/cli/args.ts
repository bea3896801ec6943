// argv -> one typed options object. Anything wrong is a UsageError: one clear line, exit 2.
import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import { ROLLBACK_TRIGGERS } from '../evidence/incident-note.js'
import type { RollbackTrigger } from '../evidence/incident-note.js'
import type { InstantRequest } from '../operations/instant.js'

export class UsageError extends Error {
  override name = 'UsageError'
}

/** When the time-dependent rules judge (BG203, BG308, BG504). */
export type NowOption = InstantRequest

export interface HealthCommand {
  command: 'health'
  /** --root as given (undefined: the current directory); the root is found from it (src/git/root.ts). */
  root: string | undefined
  policy: string | undefined
  baseline: string | undefined
  json: boolean
  evidenceDir: string | undefined
  probe: boolean
  /** Also check the producer identity in the producer repository (a token from GITHUB_TOKEN / GH_TOKEN). */
  remote: boolean
  now: NowOption
}

export interface RepinCommand {
  command: 'repin'
  root: string | undefined
  policy: string | undefined
  baseline: string | undefined
  now: NowOption
}

/** Write config/baseline-policy.json fitted to the repository. */
export interface InitCommand {
  command: 'init'
  root: string | undefined
  /** Print the policy it would write; write nothing. */
  dryRun: boolean
  /** Overwrite an existing policy file. */
  force: boolean
  json: boolean
}

/** Bring the trio written before adoption to the current format, as one atomic change. */
export interface MigrateCommand {
  command: 'migrate'
  root: string | undefined
  policy: string | undefined
  baseline: string | undefined
  dryRun: boolean
  /** The posture a pin without one gets (default NO-GO: GO needs the joint approval of both teams). */
  posture: 'GO' | 'NO-GO'
  json: boolean
  now: NowOption
}

export interface PromoteCommand {
  command: 'promote'
  root: string | undefined
  policy: string | undefined
  baseline: string | undefined
  json: boolean
  evidenceDir: string | undefined
  /** A revision: the state before the change. */
  base: string
  /** A revision: the change (default HEAD). */
  head: string
  suites: boolean
  now: NowOption
}

export interface LkgCommand {
  command: 'lkg'
  root: string | undefined
  policy: string | undefined
  baseline: string | undefined
  json: boolean
}

/** The policy's baselines as a GitHub job matrix. Same options as lkg. */
export interface PlanCommand extends Omit<LkgCommand, 'command'> {
  command: 'plan'
}

export interface AggregateCommand {
  command: 'aggregate'
  /** Evidence directories, as given. */
  dirs: string[]
  json: boolean
  /** Baselines that must each have a packet; null: those of the policy when --root/--policy is given. */
  expect: string[] | null
  root: string | undefined
  policy: string | undefined
}

export interface RollbackCommand {
  command: 'rollback'
  root: string | undefined
  policy: string | undefined
  baseline: string | undefined
  json: boolean
  evidenceDir: string | undefined
  trigger: RollbackTrigger
  /** Recorded literally (after redaction); never run or interpreted. */
  reason: string
  to: string | null
  dryRun: boolean
  suites: boolean
  now: NowOption
}

export interface VerifyEvidenceCommand {
  command: 'verify-evidence'
  file: string
  root: string
}

export type Command =
  | HealthCommand
  | RepinCommand
  | InitCommand
  | MigrateCommand
  | PromoteCommand
  | LkgCommand
  | PlanCommand
  | AggregateCommand
  | RollbackCommand
  | VerifyEvidenceCommand
  | { command: 'help'; topic?: string }
  | { command: 'version' }

export const USAGE = `Usage: baseline-gate <command> [options]

Commands:
  health    check each baseline's trio (pin, mirror, matrix), the producer's files, the running producer
  promote   gate a baseline change between two revisions: the trio rules, the change classification,
            the joint approval of a change of the posture to GO, the consumer and producer suites, the evidence
  repin     write the trio update for the producer's current release (mirror, pin and ledger together)
  init      inspect the repository and write config/baseline-policy.json fitted to it (adopting the tool)
  migrate   bring a trio written before adoption to the current format (posture, Baseline Pin lines), as
            one atomic change, the diff shown first
  lkg       name the last-known-good baseline a rollback would restore, and the revisions passed over
  rollback  restore the last-known-good trio (posture NO-GO), verify it with the rollback suites, and
            write the incident note; locally the working tree changes (no commit, no push)
  verify-evidence FILE [--root DIR]
            recompute the digests an evidence packet records; exit 1 on any mismatch
  plan      print the policy's baselines; --json: a GitHub job matrix {"include":[{"baseline":NAME},...]}
  aggregate DIR... [--expect NAME,...] [--json]
            one verdict and one summary over the evidence packets in DIR... (a fanned-out matrix run);
            FAIL when a packet fails or is invalid, a DIR holds none, or an expected baseline has none

Options:
  --root DIR           a directory of the repository (default: the current one); the root is the top of
                       its git work tree, or the nearest directory below it holding config/baseline-policy.json
  --policy FILE        policy file (default: <root>/config/baseline-policy.json, else built-in defaults)
  --baseline NAME      only this baseline
  --json               print exactly one JSON object on stdout
  --expect NAME,...    aggregate: these baselines must each have a packet (default: with --root or
                       --policy, every baseline of the policy; else no expectation)
  --evidence-dir DIR   where to write the evidence (default: <root>/.baseline-gate/evidence)
  --no-probe           health: do not start and probe the producer (the verdict records the skip)
  --remote             health: also check the producer identity in the producer repository (the pin's
                       memorykernel_repo) through the GitHub API; token from GITHUB_TOKEN or GH_TOKEN,
                       API from GITHUB_API_URL (default https://api.github.com)
  --base REF           promote: the revision before the change (required), e.g. origin/main
  --head REF           promote: the revision of the change (default: HEAD, which must be checked out
                       for the suites)
  --no-suites          promote, rollback: do not run the suites (the verdict records the skip)
  --trigger KIND       rollback (required): contract-drift, preflight-failure or fallback-regression
  --reason TEXT        rollback (required): why, recorded literally in the incident note
  --to TAG             rollback: restore this release tag instead of the last-known-good baseline
  --dry-run            rollback, init, migrate: compute and report everything, write nothing
  --force              init: overwrite an existing policy file
  --posture GO|NO-GO   migrate: the posture a pin without one gets (default NO-GO; GO needs joint approval)
  --now WHEN           the instant the time-dependent rules (Updated date, handoff timestamp, stability
                       window) judge at, instead of the wall clock: YYYY-MM-DD, or ISO 8601 with a zone
  --replay             health, promote, rollback: the instant is the committer date of the commit judged
                       (HEAD, or promote's --head): the verdict it had then, the same on any day
  -h, --help           show this help
  -V, --version        print the version

Exit status: 0 PASS, 1 FAIL (lkg: none found; rollback: the old trio is on disk), 2 usage or policy error.`

const ROOT_COMMANDS = ['health', 'repin', 'promote', 'lkg', 'plan', 'rollback', 'init', 'migrate'] as const
type RootCommand = (typeof ROOT_COMMANDS)[number]

/** Which command takes which option (beyond --root, --policy, --baseline, --json, --help). */
const TAKES: Record<string, readonly RootCommand[]> = {
  policy: ['health', 'repin', 'promote', 'lkg', 'plan', 'rollback', 'migrate'],
  baseline: ['health', 'repin', 'promote', 'lkg', 'plan', 'rollback', 'migrate'],
  json: ['health', 'promote', 'lkg', 'plan', 'rollback', 'init', 'migrate'],
  'evidence-dir': ['health', 'promote', 'rollback'],
  'no-probe': ['health'],
  remote: ['health'],
  base: ['promote'],
  head: ['promote'],
  'no-suites': ['promote', 'rollback'],
  trigger: ['rollback'],
  reason: ['rollback'],
  to: ['rollback'],
  'dry-run': ['rollback', 'init', 'migrate'],
  force: ['init'],
  posture: ['migrate'],
  now: ['health', 'promote', 'rollback', 'repin', 'migrate'],
  replay: ['health', 'promote', 'rollback']
}

export function parseCommand(argv: string[]): Command {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help')
    return { command: 'help' }
  if (first === '--version' || first === '-V' || first === '-v') return { command: 'version' }
  if (first === 'verify-evidence') return parseVerifyEvidence(rest)
  if (first === 'aggregate') return parseAggregate(rest)
  if (!(ROOT_COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(
      first.startsWith('-')
        ? `expected a command before ${first}; try: baseline-gate health`
        : `unknown command "${first}"; try: baseline-gate --help`
    )
  }
  const command = first as RootCommand
  const parsed = parseOrUsage({
    args: rest,
    strict: true,
    allowPositionals: false,
    options: {
      root: { type: 'string' },
      policy: { type: 'string' },
      baseline: { type: 'string' },
      json: { type: 'boolean', default: false },
      'evidence-dir': { type: 'string' },
      'no-probe': { type: 'boolean', default: false },
      remote: { type: 'boolean', default: false },
      base: { type: 'string' },
      head: { type: 'string' },
      'no-suites': { type: 'boolean', default: false },
      trigger: { type: 'string' },
      reason: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      posture: { type: 'string' },
      now: { type: 'string' },
      replay: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  const v = parsed.values
  if (v.help) return { command: 'help', topic: command }
  for (const [name, commands] of Object.entries(TAKES)) {
    const value = v[name as keyof typeof v]
    if (value !== undefined && value !== false && !commands.includes(command))
      throw new UsageError(`${command} does not take --${name}`)
  }
  if (command === 'rollback' && v['no-probe'])
    throw new UsageError('rollback does not take --no-probe (it never probes the withdrawn producer)')
  for (const name of ['root', 'policy', 'baseline', 'evidence-dir', 'base', 'head', 'to', 'now'] as const) {
    if (v[name] === '') throw new UsageError(`--${name} needs a value`)
  }
  const common = { root: v.root, policy: v.policy, baseline: v.baseline }
  const now = nowOption(v.now, v.replay)
  switch (command) {
    case 'lkg':
    case 'plan':
      return { command, ...common, json: v.json }
    case 'rollback':
      return { ...rollbackCommand(v), now }
    case 'repin':
      return { command: 'repin', ...common, now }
    case 'init':
      return { command: 'init', root: v.root, dryRun: v['dry-run'], force: v.force, json: v.json }
    case 'migrate': {
      const posture = v.posture ?? 'NO-GO'
      if (posture !== 'GO' && posture !== 'NO-GO')
        throw new UsageError(`--posture ${JSON.stringify(v.posture)} is not GO or NO-GO`)
      return { command: 'migrate', ...common, dryRun: v['dry-run'], posture, json: v.json, now }
    }
    case 'promote': {
      if (v.base === undefined) {
        throw new UsageError(
          'promote needs --base REF: the revision before the change, e.g. --base origin/main'
        )
      }
      for (const name of ['base', 'head'] as const) {
        if (v[name]?.startsWith('-'))
          throw new UsageError(`--${name} must name a revision, not an option: ${v[name]}`)
      }
      return {
        command: 'promote',
        ...common,
        json: v.json,
        evidenceDir: v['evidence-dir'],
        base: v.base,
        head: v.head ?? 'HEAD',
        suites: !v['no-suites'],
        now
      }
    }
    case 'health':
      return {
        command: 'health',
        ...common,
        json: v.json,
        evidenceDir: v['evidence-dir'],
        probe: !v['no-probe'],
        remote: v.remote,
        now
      }
  }
}

/** A calendar date (midnight UTC) or an ISO 8601 instant with its zone: never a local time that means two things. */
const NOW_FORMAT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/

function nowOption(now: string | undefined, replay: boolean): NowOption {
  if (now !== undefined && replay)
    throw new UsageError('give --now WHEN or --replay (the date of the commit judged), not both')
  if (replay) return { source: 'commit' }
  if (now === undefined) return { source: 'wall-clock' }
  const at = new Date(now)
  if (!NOW_FORMAT.test(now) || Number.isNaN(at.getTime()) || !sameCalendarDate(now, at)) {
    throw new UsageError(
      `--now ${JSON.stringify(now)} is not a date (YYYY-MM-DD) or an ISO 8601 instant with a zone (2026-02-08T10:00:00Z)`
    )
  }
  return { source: 'given', at }
}

/** Date() rolls 2026-02-31 over to March: refuse what is not on the calendar. */
function sameCalendarDate(text: string, at: Date): boolean {
  if (text.length !== 10) return true
  return at.toISOString().slice(0, 10) === text
}

function rollbackCommand(v: {
  root?: string
  policy?: string
  baseline?: string
  json: boolean
  'evidence-dir'?: string
  'no-suites': boolean
  trigger?: string
  reason?: string
  to?: string
  'dry-run': boolean
}): Omit<RollbackCommand, 'now'> {
  const kinds = ROLLBACK_TRIGGERS.join(', ')
  if (v.trigger === undefined) throw new UsageError(`rollback needs --trigger KIND (one of ${kinds})`)
  if (!(ROLLBACK_TRIGGERS as readonly string[]).includes(v.trigger)) {
    throw new UsageError(`--trigger ${JSON.stringify(v.trigger)} is not one of ${kinds}`)
  }
  if (v.reason === undefined || v.reason.trim() === '') {
    throw new UsageError('rollback needs --reason TEXT: why, in a sentence, for the incident note')
  }
  if (v.to !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/.test(v.to)) {
    throw new UsageError(`--to ${JSON.stringify(v.to)} is not a release tag (e.g. v0.3.2)`)
  }
  return {
    command: 'rollback',
    root: v.root,
    policy: v.policy,
    baseline: v.baseline,
    json: v.json,
    evidenceDir: v['evidence-dir'],
    trigger: v.trigger as RollbackTrigger,
    reason: v.reason,
    to: v.to ?? null,
    dryRun: v['dry-run'],
    suites: !v['no-suites']
  }
}

function parseVerifyEvidence(args: string[]): VerifyEvidenceCommand | { command: 'help'; topic: string } {
  const parsed = parseOrUsage({
    args,
    strict: true,
    allowPositionals: true,
    options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }
  })
  if (parsed.values.help) return { command: 'help', topic: 'verify-evidence' }
  if (parsed.positionals.length !== 1) {
    throw new UsageError(
      'verify-evidence takes exactly one evidence file: baseline-gate verify-evidence FILE [--root DIR]'
    )
  }
  if (parsed.values.root === '') throw new UsageError('--root needs a value')
  return { command: 'verify-evidence', file: parsed.positionals[0]!, root: parsed.values.root ?? '.' }
}

/** A baseline name as the policy schema allows it. */
const BASELINE_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/

function parseAggregate(args: string[]): AggregateCommand | { command: 'help'; topic: string } {
  const parsed = parseOrUsage({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      expect: { type: 'string', multiple: true },
      root: { type: 'string' },
      policy: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  const v = parsed.values
  if (v.help) return { command: 'help', topic: 'aggregate' }
  if (parsed.positionals.length === 0) {
    throw new UsageError(
      'aggregate needs at least one evidence directory: baseline-gate aggregate DIR... [--expect NAME,...] [--json]'
    )
  }
  if (parsed.positionals.includes('')) throw new UsageError('an evidence directory cannot be empty')
  for (const name of ['root', 'policy'] as const) {
    if (v[name] === '') throw new UsageError(`--${name} needs a value`)
  }
  let expect: string[] | null = null
  if (v.expect !== undefined) {
    // two ways to name the expected baselines would leave one silently ignored
    if (v.root !== undefined || v.policy !== undefined)
      throw new UsageError(
        'give either --expect or --root/--policy (whose baselines are then expected), not both'
      )
    expect = v.expect.flatMap((x) => x.split(',')).map((x) => x.trim())
    const bad = expect.find((x) => !BASELINE_NAME.test(x))
    if (bad !== undefined)
      throw new UsageError(
        `--expect ${JSON.stringify(bad)} is not a baseline name (lower-case letters, digits, - and _)`
      )
  }
  return {
    command: 'aggregate',
    dirs: parsed.positionals,
    json: v.json,
    expect,
    root: v.root,
    policy: v.policy
  }
}

/** node's parseArgs, its complaints turned into one-line usage errors. */
function parseOrUsage<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (e) {
    throw new UsageError(`${oneLine((e as Error).message)}; try: baseline-gate --help`)
  }
}

/** node's messages can span lines; a usage error is one line */
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\.$/, '')
}
