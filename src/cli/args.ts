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
  /** Run the suites even when the rules already decide FAIL. */
  suitesAnyway: boolean
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
  | { command: 'help'; topic?: CommandName }
  | { command: 'version' }

/** The commands, in the order the help lists them. */
export const COMMAND_NAMES = [
  'health',
  'promote',
  'repin',
  'init',
  'migrate',
  'lkg',
  'rollback',
  'verify-evidence',
  'plan',
  'aggregate'
] as const
export type CommandName = (typeof COMMAND_NAMES)[number]

const ALL = COMMAND_NAMES
const ROOT_COMMANDS = ['health', 'repin', 'promote', 'lkg', 'plan', 'rollback', 'init', 'migrate'] as const
type RootCommand = (typeof ROOT_COMMANDS)[number]

/** What each command does (the help's text) and how it is called beyond [options]. */
const COMMANDS: Record<CommandName, { args?: string; summary: string; exit?: string }> = {
  health: {
    summary: "check each baseline's trio (pin, mirror, matrix), the producer's files, the running producer"
  },
  promote: {
    args: '--base REF',
    summary:
      'gate a baseline change between two revisions: the trio rules, the change classification, the joint ' +
      'approval of a change of the posture to GO, the consumer and producer suites, the evidence'
  },
  repin: {
    exit: '0 written (or nothing to do), 1 refused, or written with something left that a promotion would fail on',
    summary: "write the trio update for the producer's current release (mirror, pin and ledger together)"
  },
  init: {
    exit: '0 the policy is written (or shown), 1 no trio found, 2 refused or a usage error',
    summary: 'inspect the repository and write config/baseline-policy.json fitted to it (adopting the tool)'
  },
  migrate: {
    exit: '0 migrated (or nothing to do), 1 something left the migration does not fix',
    summary:
      'bring a trio written before adoption to the current format (posture, Baseline Pin lines), as one ' +
      'atomic change, the diff shown first'
  },
  lkg: {
    exit: '0 found, 1 none found',
    summary: 'name the last-known-good baseline a rollback would restore, and the revisions passed over'
  },
  rollback: {
    exit: '0 PASS, 1 FAIL (the old trio is on disk)',
    args: '--trigger KIND --reason TEXT',
    summary:
      'restore the last-known-good trio (posture NO-GO), verify it with the rollback suites, and write the ' +
      'incident note; locally the working tree changes (no commit, no push)'
  },
  'verify-evidence': {
    exit: '0 every digest matches, 1 a digest differs, 2 not an evidence packet, or a usage error',
    args: 'FILE',
    summary: 'recompute the digests an evidence packet records; exit 1 on any mismatch'
  },
  plan: {
    exit: '0 printed',
    summary: 'print the policy\'s baselines; --json: a GitHub job matrix {"include":[{"baseline":NAME},...]}'
  },
  aggregate: {
    args: 'DIR...',
    summary:
      'one verdict and one summary over the evidence packets in DIR... (a fanned-out matrix run); FAIL when ' +
      'a packet fails or is invalid, a DIR holds none, or an expected baseline has none'
  }
}

/**
 * Every option: the parser's definition (node's parseArgs reads type, short, multiple, default), which commands
 * take it, and its help. The one list the parser, the "does not take" check and every help text come from.
 */
const OPTIONS = {
  root: {
    type: 'string',
    value: 'DIR',
    commands: ALL,
    help:
      'a directory of the repository (default: the current one); the root is the top of its git work tree, ' +
      'or the nearest directory below it holding config/baseline-policy.json',
    helpFor: {
      'verify-evidence':
        "the checkout whose trio files the packet's digests are recomputed from (default: the current directory)",
      aggregate: 'the repository whose policy names the baselines that must each have a packet'
    }
  },
  policy: {
    type: 'string',
    value: 'FILE',
    commands: ['health', 'promote', 'repin', 'migrate', 'lkg', 'rollback', 'plan', 'aggregate'],
    help: 'policy file (default: <root>/config/baseline-policy.json, else built-in defaults)',
    helpFor: { aggregate: 'every baseline of this policy file must have a packet' }
  },
  baseline: {
    type: 'string',
    value: 'NAME',
    commands: ['health', 'promote', 'repin', 'migrate', 'lkg', 'rollback', 'plan'],
    help: 'only this baseline'
  },
  json: {
    type: 'boolean',
    default: false,
    commands: ['health', 'promote', 'init', 'migrate', 'lkg', 'rollback', 'plan', 'aggregate'],
    help: 'print exactly one JSON object on stdout',
    helpFor: { plan: 'print a GitHub job matrix {"include":[{"baseline":NAME},...]}' }
  },
  expect: {
    type: 'string',
    multiple: true,
    value: 'NAME,...',
    commands: ['aggregate'],
    help:
      'these baselines must each have a packet (default: with --root or --policy, every baseline of the ' +
      'policy; else no expectation)'
  },
  'evidence-dir': {
    type: 'string',
    value: 'DIR',
    commands: ['health', 'promote', 'rollback'],
    help: 'where to write the evidence (default: <root>/.baseline-gate/evidence)'
  },
  'no-probe': {
    type: 'boolean',
    default: false,
    commands: ['health'],
    help: 'do not start and probe the producer (the verdict records the skip)'
  },
  remote: {
    type: 'boolean',
    default: false,
    commands: ['health'],
    help:
      "also check the producer identity in the producer repository (the pin's memorykernel_repo) through the " +
      'GitHub API; token from GITHUB_TOKEN or GH_TOKEN, API from GITHUB_API_URL (default https://api.github.com)'
  },
  base: {
    type: 'string',
    value: 'REF',
    commands: ['promote'],
    help: 'the revision before the change (required), e.g. origin/main'
  },
  head: {
    type: 'string',
    value: 'REF',
    commands: ['promote'],
    help: 'the revision of the change (default: HEAD, which must be checked out for the suites)'
  },
  'no-suites': {
    type: 'boolean',
    default: false,
    commands: ['promote', 'rollback'],
    help: 'do not run the suites (the verdict records the skip)'
  },
  'suites-anyway': {
    type: 'boolean',
    default: false,
    commands: ['promote'],
    help:
      'run the suites even when the rules already decide FAIL (by default they are then skipped, and the ' +
      'evidence records why)'
  },
  trigger: {
    type: 'string',
    value: 'KIND',
    commands: ['rollback'],
    help: `the kind of incident (required): ${ROLLBACK_TRIGGERS.join(', ')}`
  },
  reason: {
    type: 'string',
    value: 'TEXT',
    commands: ['rollback'],
    help: 'why, in a sentence (required); recorded literally in the incident note'
  },
  to: {
    type: 'string',
    value: 'TAG',
    commands: ['rollback'],
    help: 'restore this release tag instead of the last-known-good baseline'
  },
  'dry-run': {
    type: 'boolean',
    default: false,
    commands: ['init', 'migrate', 'rollback'],
    help: 'compute and report everything, write nothing'
  },
  force: {
    type: 'boolean',
    default: false,
    commands: ['init'],
    help: 'overwrite an existing policy file'
  },
  posture: {
    type: 'string',
    value: 'GO|NO-GO',
    commands: ['migrate'],
    help: 'the posture a pin without one gets (default NO-GO; GO needs joint approval)'
  },
  now: {
    type: 'string',
    value: 'WHEN',
    commands: ['health', 'promote', 'repin', 'migrate', 'rollback'],
    help:
      'the instant the time-dependent rules (Updated date, handoff timestamp, stability window) judge at, ' +
      'instead of the wall clock: YYYY-MM-DD, or ISO 8601 with a zone'
  },
  replay: {
    type: 'boolean',
    default: false,
    commands: ['health', 'promote', 'rollback'],
    help:
      "the instant is the committer date of the commit judged (HEAD, or promote's --head): the verdict it had " +
      'then, the same on any day'
  },
  help: {
    type: 'boolean',
    short: 'h',
    default: false,
    commands: ALL,
    help: 'show this help'
  }
} as const satisfies Record<
  string,
  {
    type: 'string' | 'boolean'
    short?: string
    multiple?: boolean
    default?: boolean
    value?: string
    commands: readonly CommandName[]
    help: string
    helpFor?: Partial<Record<CommandName, string>>
  }
>
type OptionName = keyof typeof OPTIONS

const EXIT_STATUS =
  'Exit status: 0 PASS, 1 FAIL (lkg: none found; rollback: the old trio is on disk), 2 usage or policy error.'
const WIDTH = 110
const COLUMN = 23

/** Words filled into lines of at most WIDTH, every line after the first indented to `indent`. */
function wrap(first: string, text: string, indent: number): string[] {
  const lines: string[] = []
  let line = first
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > WIDTH && line.trim() !== '') {
      lines.push(line)
      line = ' '.repeat(indent) + word
    } else line = line.length === 0 || line.endsWith(' ') ? line + word : `${line} ${word}`
  }
  lines.push(line)
  return lines
}

function optionLines(name: OptionName, text: string): string[] {
  const o = OPTIONS[name] as { short?: string; value?: string }
  const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`
  return wrap(`  ${flag}`.padEnd(COLUMN), text, COLUMN)
}

/** Which options a command takes, in the order of OPTIONS. */
function optionsOf(command: CommandName): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((n) =>
    (OPTIONS[n].commands as readonly string[]).includes(command)
  )
}

/** The global help: every command, and every option with the commands that take it when they are few. */
export const USAGE = [
  'Usage: baseline-gate <command> [options]       baseline-gate <command> --help: that command only',
  '',
  'Commands:',
  ...COMMAND_NAMES.flatMap((name) => {
    const c = COMMANDS[name]
    const head = c.args && name !== 'promote' && name !== 'rollback' ? `${name} ${c.args}` : name
    return head.length > 9
      ? [`  ${head}`, ...wrap('            ', c.summary, 12)]
      : wrap(`  ${head.padEnd(9)} `, c.summary, 12)
  }),
  '',
  'Options:',
  ...(Object.keys(OPTIONS) as OptionName[]).flatMap((name) => {
    const o = OPTIONS[name]
    const scope = o.commands.length <= 3 ? `${o.commands.join(', ')}: ` : ''
    return optionLines(name, `${scope}${o.help}`)
  }),
  '  -V, --version        print the version',
  '',
  EXIT_STATUS
].join('\n')

/** `baseline-gate <command> --help`: what it does, and each option it takes with one description. */
export function commandUsage(command: CommandName): string {
  const c = COMMANDS[command]
  return [
    `Usage: baseline-gate ${command}${c.args ? ` ${c.args}` : ''} [options]`,
    '',
    ...wrap('', `${c.summary.charAt(0).toUpperCase()}${c.summary.slice(1)}.`, 0),
    '',
    'Options:',
    ...optionsOf(command).flatMap((name) => {
      const o = OPTIONS[name] as { help: string; helpFor?: Partial<Record<CommandName, string>> }
      return optionLines(
        name,
        o.helpFor?.[command] ?? (name === 'help' ? "show this command's help" : o.help)
      )
    }),
    '',
    `Exit status: ${c.exit ?? '0 PASS, 1 FAIL'}${c.exit?.includes('usage') ? '' : ', 2 usage or policy error'}.`
  ].join('\n')
}

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
      'verify-evidence takes exactly one evidence file: baseline-gate verify-evidence FILE [--root DIR]'
    )
  }
  if (parsed.values.root === '') throw new UsageError('--root needs a value')
  return { command: 'verify-evidence', file: parsed.positionals[0]!, root: parsed.values.root ?? '.' }
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
  try {
    return parseArgs(config)
  } catch (e) {
    throw new UsageError(`${oneLine((e as Error).message)}; try: baseline-gate ${command} --help`)
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
