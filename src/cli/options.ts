// The commands and their options: the one table the parser, the "does not take" check and every help text
// come from.
import { ROLLBACK_TRIGGERS } from '../evidence/incident-note.js'
import { COMMAND_NAMES } from './commands.js'
import type { CommandName } from './commands.js'

const ALL = COMMAND_NAMES
export const ROOT_COMMANDS = [
  'health',
  'repin',
  'promote',
  'lkg',
  'plan',
  'rollback',
  'init',
  'migrate'
] as const
export type RootCommand = (typeof ROOT_COMMANDS)[number]

/** What each command does (the help's text) and how it is called beyond [options]. */
export const COMMANDS: Record<CommandName, { args?: string; summary: string; exit?: string }> = {
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
    exit:
      '0 PASS, 1 FAIL (the old trio is on disk); with --drill: 0 the last-known-good is restorable, 1 it is not ' +
      '(a drill never writes the trio)',
    args: '--trigger KIND --reason TEXT',
    summary:
      'restore the last-known-good trio (posture NO-GO), verify it with the rollback suites, and write the ' +
      'incident note; locally the working tree changes (no commit, no push)'
  },
  'verify-evidence': {
    exit:
      '0 every digest matches (and the bundle verifies), 1 a digest differs, the recorded verdict contradicts ' +
      'its findings or the bundle does not verify, 2 not an evidence packet or statement, none of its trio files ' +
      'under the root, a bundle or trust root that cannot be used (said before anything is printed), or a usage error',
    args: 'FILE',
    summary:
      'recompute the digests an evidence packet, or its in-toto statement (.intoto.json), records, and hold its ' +
      'verdict against its own findings; with --bundle, verify its Sigstore signature offline (without it the ' +
      'verdict and findings are not authenticated); exit 1 on any mismatch'
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
export const OPTIONS = {
  root: {
    type: 'string',
    value: 'DIR',
    commands: ALL,
    help:
      'a directory of the repository (default: the current one); the root is the top of its git work tree, ' +
      'or the nearest directory below it holding config/baseline-policy.json',
    helpFor: {
      'verify-evidence':
        "the checkout whose trio files the packet's digests are recomputed from (default: the repository the " +
        'current directory is in, found as for every command; a directory outside git is used as it is)',
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
    help: 'where to write the evidence (default: <root>/.baseline-gate/evidence)',
    helpFor: {
      rollback:
        'where to write the evidence (default: <root>/.baseline-gate/evidence; with --dry-run or --drill a new ' +
        'temporary directory, named in the report)'
    }
  },
  sarif: {
    type: 'string',
    value: 'FILE',
    commands: ['health', 'promote', 'rollback'],
    help:
      'also write every finding as SARIF 2.1.0 to FILE (for GitHub code scanning: github/codeql-action/' +
      'upload-sarif), paths relative to the checkout; written atomically, the report names it (sarif:)'
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
    help: 'the revision before the change (required), e.g. origin/main; on a branch it has moved on from, where the branch left it (BG711)'
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
    help:
      'restore this release tag instead of the last-known-good baseline (with --drill: prove that tag restorable ' +
      'instead; the drill then says nothing about the last-known-good)'
  },
  'dry-run': {
    type: 'boolean',
    default: false,
    commands: ['init', 'migrate', 'rollback'],
    help: 'compute and report everything, write nothing'
  },
  drill: {
    type: 'boolean',
    default: false,
    commands: ['rollback'],
    help:
      'a rollback drill: a dry run that also proves the last-known-good restorable (its bytes from git match ' +
      "the pin's digest, the ledger has its row, the restored trio passes the rules); the suites do not run"
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
  bundle: {
    type: 'string',
    value: 'FILE',
    commands: ['verify-evidence'],
    help:
      'also verify this Sigstore bundle of the statement FILE, offline: its DSSE payload is the statement (same ' +
      'predicate, same subject digests), its signature verifies against --trust-root (required with it)'
  },
  'trust-root': {
    type: 'string',
    value: 'FILE',
    commands: ['verify-evidence'],
    help:
      'what the bundle must be signed by: a public key (PEM) for a key-signed bundle, or a Sigstore ' +
      'trusted_root.json (certificate chain, transparency log and timestamp keys, all checked offline)'
  },
  'cert-identity': {
    type: 'string',
    value: 'URI',
    commands: ['verify-evidence'],
    help:
      "with a trusted_root.json: the signing certificate's identity (SAN) the bundle must have, exactly, e.g. " +
      'https://github.com/OWNER/REPO/.github/workflows/baseline-rollback.yml@refs/heads/main (this or ' +
      '--cert-identity-regex is required then; a usage error with a public key, which has no identity)'
  },
  'cert-identity-regex': {
    type: 'string',
    value: 'RE',
    commands: ['verify-evidence'],
    help:
      'instead of --cert-identity: a regular expression the whole identity must match (anchored at both ends), ' +
      'e.g. for the merge queue ^https://github\\.com/OWNER/REPO/\\.github/workflows/baseline-promotion\\.yml' +
      '@refs/heads/gh-readonly-queue/main/.+'
  },
  'cert-oidc-issuer': {
    type: 'string',
    value: 'URL',
    commands: ['verify-evidence'],
    help: "the OIDC issuer the certificate must name (default GitHub Actions': https://token.actions.githubusercontent.com)"
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
export type OptionName = keyof typeof OPTIONS

export const EXIT_STATUS =
  'Exit status: 0 PASS, 1 FAIL (lkg: none found; rollback: the old trio is on disk), 2 usage or policy error.'

/** Which options a command takes, in the order of OPTIONS. */
export function optionsOf(command: CommandName): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((n) =>
    (OPTIONS[n].commands as readonly string[]).includes(command)
  )
}
