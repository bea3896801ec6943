// argv -> one typed options object. Anything wrong is a UsageError: one clear line, exit 2.
import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import { ROLLBACK_TRIGGERS } from '../evidence/incident-note.js'
import type { RollbackTrigger } from '../evidence/incident-note.js'
import { GITHUB_ACTIONS_ISSUER, identityPatternProblem } from '../evidence/signer-policy.js'
import type { SignerPolicy } from '../evidence/signer-policy.js'
import { UsageError } from './commands.js'
import type {
  AggregateCommand,
  Command,
  CommandName,
  NowOption,
  RollbackCommand,
  VerifyEvidenceCommand
} from './commands.js'
import { OPTIONS, ROOT_COMMANDS } from './options.js'
import type { OptionName, RootCommand } from './options.js'

/** Refuse an option the command does not take: one line that names both. */
function checkTakes(command: CommandName, values: Record<string, unknown>): void {
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    const value = values[name]
    if (value === undefined || value === false) continue
    if (!(OPTIONS[name].commands as readonly string[]).includes(command))
      throw new UsageError(`${command} does not take --${name}; try: baseline-gate ${command} --help`)
  }
}

export function parseCommand(argv: string[]): Command {
  // a leading `--` ends the options of whatever started us (`npx baseline-gate -- --help` passes it on: found by
  // review); none of ours comes before the command
  const [first, ...rest] = argv[0] === '--' ? argv.slice(1) : argv
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
  const parsed = parseOrUsage(command, {
    args: rest,
    strict: true,
    allowPositionals: false,
    options: OPTIONS
  })
  const v = parsed.values
  if (v.help) return { command: 'help', topic: command }
  if (command === 'rollback' && v['no-probe'])
    throw new UsageError('rollback does not take --no-probe (it never probes the withdrawn producer)')
  checkTakes(command, v)
  for (const name of ['root', 'policy', 'baseline', 'evidence-dir', 'base', 'head', 'to', 'now'] as const) {
    if (v[name] === '') throw new UsageError(`--${name} needs a value`)
  }
  if (v.sarif === '') throw new UsageError('--sarif needs a value: the SARIF file to write')
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
      if (v['no-suites'] && v['suites-anyway'])
        throw new UsageError('give --no-suites or --suites-anyway, not both')
      return {
        command: 'promote',
        ...common,
        json: v.json,
        evidenceDir: v['evidence-dir'],
        sarif: v.sarif,
        base: v.base,
        head: v.head ?? 'HEAD',
        suites: !v['no-suites'],
        suitesAnyway: v['suites-anyway'],
        now
      }
    }
    case 'health':
      return {
        command: 'health',
        ...common,
        json: v.json,
        evidenceDir: v['evidence-dir'],
        sarif: v.sarif,
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
  sarif?: string
  'no-suites': boolean
  trigger?: string
  reason?: string
  to?: string
  'dry-run': boolean
  drill: boolean
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
    sarif: v.sarif,
    reason: v.reason,
    to: v.to ?? null,
    dryRun: v['dry-run'] || v.drill,
    drill: v.drill,
    suites: !v['no-suites']
  }
}

function parseVerifyEvidence(
  args: string[]
): VerifyEvidenceCommand | { command: 'help'; topic: CommandName } {
  const parsed = parseOrUsage('verify-evidence', {
    args,
    strict: true,
    allowPositionals: true,
    options: OPTIONS
  })
  if (parsed.values.help) return { command: 'help', topic: 'verify-evidence' }
  checkTakes('verify-evidence', parsed.values)
  if (parsed.positionals.length !== 1) {
    throw new UsageError(
      'verify-evidence takes exactly one evidence file: baseline-gate verify-evidence FILE [--root DIR] [--bundle FILE --trust-root FILE]'
    )
  }
  if (parsed.values.root === '') throw new UsageError('--root needs a value')
  const {
    bundle,
    'trust-root': trustRoot,
    'cert-identity': identity,
    'cert-identity-regex': pattern,
    'cert-oidc-issuer': issuer
  } = parsed.values
  for (const [name, value] of [
    ['bundle', bundle],
    ['trust-root', trustRoot],
    ['cert-identity', identity],
    ['cert-identity-regex', pattern],
    ['cert-oidc-issuer', issuer]
  ] as const) {
    if (value === '') throw new UsageError(`--${name} needs a value`)
  }
  if (bundle !== undefined && trustRoot === undefined)
    throw new UsageError(
      '--bundle needs --trust-root: the public key (PEM) or the Sigstore trusted_root.json the bundle must be signed by'
    )
  const signerOption = [
    ['trust-root', trustRoot],
    ['cert-identity', identity],
    ['cert-identity-regex', pattern],
    ['cert-oidc-issuer', issuer]
  ].find(([, v]) => v !== undefined)
  if (bundle === undefined && signerOption)
    throw new UsageError(`--${signerOption[0]} is for a bundle: give --bundle FILE too`)
  if (identity !== undefined && pattern !== undefined)
    throw new UsageError('give --cert-identity (exactly this identity) or --cert-identity-regex, not both')
  if (issuer !== undefined && identity === undefined && pattern === undefined)
    throw new UsageError('--cert-oidc-issuer goes with --cert-identity or --cert-identity-regex')
  const problem = pattern === undefined ? null : identityPatternProblem(pattern)
  if (problem) throw new UsageError(`--cert-identity-regex ${pattern}: ${problem}`)
  const signer: SignerPolicy | null =
    identity !== undefined || pattern !== undefined
      ? {
          identity: identity !== undefined ? { exact: identity } : { pattern: pattern! },
          issuer: issuer ?? GITHUB_ACTIONS_ISSUER
        }
      : null
  return {
    command: 'verify-evidence',
    file: parsed.positionals[0]!,
    root: parsed.values.root,
    bundle: bundle === undefined ? null : { file: bundle, trustRoot: trustRoot!, signer }
  }
}

/** A baseline name as the policy schema allows it. */
const BASELINE_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/

function parseAggregate(args: string[]): AggregateCommand | { command: 'help'; topic: CommandName } {
  const parsed = parseOrUsage('aggregate', { args, strict: true, allowPositionals: true, options: OPTIONS })
  const v = parsed.values
  if (v.help) return { command: 'help', topic: 'aggregate' }
  checkTakes('aggregate', v)
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
function parseOrUsage<T extends ParseArgsConfig>(
  command: CommandName,
  config: T
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>
  try {
    parsed = parseArgs(config)
  } catch (e) {
    throw new UsageError(`${oneLine((e as Error).message)}; try: baseline-gate ${command} --help`)
  }
  // asked for help: the help, whatever else the line says
  if ((parsed.values as { help?: unknown }).help === true) return parsed
  // node keeps the last of an option given twice without a word: `--baseline a --baseline b` judged b alone (found
  // by review)
  const given = parseArgs({ ...config, tokens: true }).tokens ?? []
  const options = (config.options ?? {}) as Record<string, { type: string; multiple?: boolean }>
  for (const [name, spec] of Object.entries(options)) {
    if (spec.type !== 'string' || spec.multiple) continue
    const times = given.filter((t) => t.kind === 'option' && t.name === name).length
    if (times > 1)
      throw new UsageError(
        `--${name} was given ${times} times; it takes one value; try: baseline-gate ${command} --help`
      )
  }
  return parsed
}

/** node's messages can span lines and start with a capital; a usage error is one line, as all of ours */
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\.$/, '')
    .replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase())
}
