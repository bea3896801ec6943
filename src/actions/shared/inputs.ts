// All inputs of an action, read once into one typed object. Raw input names appear nowhere else.
import { readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import semverSatisfies from 'semver/functions/satisfies.js'
import { ROLLBACK_TRIGGERS } from '../../evidence/incident-note.js'
import type { RollbackTrigger } from '../../evidence/incident-note.js'
import { releaseTagProblem } from '../../git/tag-name.js'
import type { ActionName, GetInput, InputName } from './io.js'

/** The inputs every action's script reads. */
type CommonInputName = InputName<'health'> &
  InputName<'promotion'> &
  InputName<'rollback'> &
  InputName<'repin'>

/** The inputs every action has. */
export interface CommonInputs {
  /** Absolute repository root. */
  root: string
  /** Policy file, absolute; undefined means <root>/config/baseline-policy.json or the defaults. */
  policy: string | undefined
  baseline: string | undefined
  /** Absolute evidence directory. */
  evidenceDir: string
}

export interface HealthInputs extends CommonInputs {
  /** Start and probe the producer. */
  probe: boolean
  /** Drift mode: open, comment on or close one issue per baseline (a scheduled run). */
  driftIssue: boolean
  /** A GitHub token ('' when none): the drift issue and the schedule check. */
  token: string
  /** The interval of the workflow's schedule; a previous scheduled run older than twice it is a warning. */
  scheduleIntervalHours: number
  /** Check the producer identity in the producer repository with `token` (BG311-BG314). */
  remoteIdentity: boolean
  /** Upload the evidence directory as an artifact (the composite's step reads the step output). */
  uploadEvidence: boolean
}

export class InputError extends Error {
  override name = 'InputError'
}

/**
 * The Node.js releases package.json's engines name: those every installed package declares it supports (ESLint
 * and jest leave out 21, 23 and 22 before 22.13; the bundled sigstore needs 20.17 or 22.9). Each action.yml checks
 * the same before it starts a bundle.
 */
export const NODE_ENGINES = '^20.19.0 || ^22.13.0 || >=24'
/** NODE_ENGINES in words, for the error that refuses another release. */
export const NODE_ENGINES_TEXT = 'Node.js 24 or newer (or 22.13+ on 22, 20.19+ on 20)'

/** The composite runs the `node` on PATH: refuse a release outside NODE_ENGINES, with what to do. */
export function checkNodeVersion(version: string = process.version): void {
  if (!semverSatisfies(version, NODE_ENGINES)) {
    throw new InputError(
      `baseline-gate needs ${NODE_ENGINES_TEXT} on PATH (found ${version}); add actions/setup-node`
    )
  }
}

export function readHealthInputs(get: GetInput<'health'>, env: NodeJS.ProcessEnv): HealthInputs {
  return {
    ...readCommonInputs(get, env, 'health'),
    probe: readBoolean(get, 'probe', true),
    driftIssue: readBoolean(get, 'drift-issue', false),
    token: get('token').trim(),
    scheduleIntervalHours: readIntervalHours(get),
    remoteIdentity: readBoolean(get, 'remote-identity', false),
    uploadEvidence: readBoolean(get, 'upload-evidence', true)
  }
}

/** `schedule-interval-hours`: a positive number of hours, at most a year; default 24. */
function readIntervalHours(get: GetInput<'health'>): number {
  const raw = get('schedule-interval-hours').trim()
  if (raw === '') return 24
  const hours = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || !(hours > 0) || hours > 8760) {
    throw new InputError(
      `input 'schedule-interval-hours' must be a number of hours between 0 and 8760 (the interval of the workflow's schedule, e.g. 24 for a daily cron), not ${JSON.stringify(raw)}`
    )
  }
  return hours
}

export interface PromotionInputs extends CommonInputs {
  /** The revision before the change; undefined: from the event. */
  base: string | undefined
  /** The revision of the change; undefined: from the event (GITHUB_SHA). */
  head: string | undefined
  /** Run the suites. */
  suites: boolean
  /** Run the suites even when the rules already decide FAIL (default: they are skipped then). */
  suitesAnyway: boolean
  /** A GitHub token ('' when none): the joint approval and the sticky comment. */
  token: string
  /** Post (or update) the sticky pull-request comment. */
  comment: boolean
  /** Upload the evidence directory as an artifact (the composite's upload step reads the step output). */
  uploadEvidence: boolean
}

export function readPromotionInputs(get: GetInput<'promotion'>, env: NodeJS.ProcessEnv): PromotionInputs {
  const common = readCommonInputs(get, env, 'promotion')
  const base = revisionInput(get, 'base')
  const head = revisionInput(get, 'head')
  const suites = readBoolean(get, 'suites', true)
  const suitesAnyway = readBoolean(get, 'suites-anyway', false)
  if (!suites && suitesAnyway)
    throw new InputError(`inputs 'suites: false' and 'suites-anyway: true' contradict each other: give one`)
  return {
    ...common,
    base,
    head,
    suites,
    suitesAnyway,
    token: get('token').trim(),
    comment: readBoolean(get, 'comment', true),
    uploadEvidence: readBoolean(get, 'upload-evidence', true)
  }
}

export interface RollbackInputs extends CommonInputs {
  /** What the incident is. */
  trigger: RollbackTrigger
  /** The operator's words, recorded literally (multi-line allowed; never an output). */
  reason: string
  /** Go back to this release tag instead of the last-known-good one; undefined: the last-known-good. */
  target: string | undefined
  /** Plan and check the restore, write nothing and propose nothing. */
  dryRun: boolean
  /** A rollback drill (implies the dry run): prove the last-known-good restorable; the drift issue with a token. */
  drill: boolean
  /** Run the rollback suites on the restored trio. */
  suites: boolean
  /** A GitHub token ('' when none): the branch, the pull request and the incident issue. */
  token: string
  /** The branch the rollback pull request targets. */
  baseBranch: string
  /** Upload the evidence directory as an artifact (the composite's upload step reads the step output). */
  uploadEvidence: boolean
}

/**
 * An input naming a producer release tag: it only ever names refs/tags/<tag>, so it is checked strictly before git
 * sees it (src/git/tag-name.ts); '' when it may be empty and is.
 */
export function releaseTagInput<A extends ActionName>(
  get: GetInput<A>,
  name: InputName<A>,
  o: { required: boolean; what: string; hint?: string }
): string {
  const tag = get(name).trim()
  if (tag === '' && !o.required) return ''
  const problem = releaseTagProblem(tag)
  if (problem)
    throw new InputError(
      `input '${name}' must be ${o.what}: ${JSON.stringify(tag)} ${problem}${o.hint ?? ''}`
    )
  return tag
}

export function readRollbackInputs(get: GetInput<'rollback'>, env: NodeJS.ProcessEnv): RollbackInputs {
  const common = readCommonInputs(get, env, 'rollback')
  const trigger = get('trigger').trim()
  if (!(ROLLBACK_TRIGGERS as readonly string[]).includes(trigger)) {
    throw new InputError(
      `input 'trigger' must be one of: ${ROLLBACK_TRIGGERS.join(', ')}${trigger === '' ? ' (it is required)' : ''}`
    )
  }
  const reason = get('reason')
  if (reason.trim() === '') {
    throw new InputError(`input 'reason' is required: say in words why the baseline is rolled back`)
  }
  const drill = readBoolean(get, 'drill', false)
  const dryRun = readBoolean(get, 'dry-run', false) || drill
  const token = get('token').trim()
  const target = releaseTagInput(get, 'target', {
    required: false,
    what: 'a release tag to restore, or empty for the last-known-good baseline'
  })
  return {
    ...common,
    trigger: trigger as RollbackTrigger,
    reason,
    target: target === '' ? undefined : target,
    dryRun,
    drill,
    suites: readBoolean(get, 'suites', true),
    token,
    // a dry run (a drill) proposes nothing, nor does a run without a token: no branch to target
    baseBranch: dryRun || token === '' ? '' : baseBranchInput(get, env),
    uploadEvidence: readBoolean(get, 'upload-evidence', true)
  }
}

/** What git check-ref-format refuses in a branch name (whitespace, control characters, ~^:?*[\, .., @{). */
// eslint-disable-next-line no-control-regex
const NOT_IN_A_BRANCH = /[\s\u0000-\u001f\u007f~^:?*[\\]|\.\.|@\{/

/** The branch the pull request targets: the input, else the branch the workflow runs on (GITHUB_REF). */
export function baseBranchInput(
  get: (name: 'base-branch') => string,
  env: NodeJS.ProcessEnv,
  pullRequest = 'the rollback pull request'
): string {
  const given = get('base-branch').trim()
  const fromRef = /^refs\/heads\/(.+)$/.exec(env.GITHUB_REF ?? '')?.[1]
  const branch = given || fromRef
  if (!branch) {
    throw new InputError(
      `input 'base-branch' is required when the workflow does not run on a branch (GITHUB_REF=${JSON.stringify(env.GITHUB_REF ?? '')}): name the branch ${pullRequest} targets`
    )
  }
  if (branch.startsWith('-') || NOT_IN_A_BRANCH.test(branch) || branch.length > 255) {
    throw new InputError(`input 'base-branch' must be a branch name, not ${JSON.stringify(branch)}`)
  }
  return branch
}

/** root, policy, baseline and evidence-dir: the inputs every action has. */
export function readCommonInputs(
  get: (name: CommonInputName) => string,
  env: NodeJS.ProcessEnv,
  operation: ActionName
): CommonInputs {
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const root = resolve(workspace, get('root').trim() || '.')
  const policy = get('policy').trim()
  const baseline = get('baseline').trim()
  if (baseline !== '' && !/^[a-z0-9][a-z0-9_-]{0,62}$/.test(baseline)) {
    throw new InputError(`input 'baseline' must be a baseline name (lower-case letters, digits, '-', '_')`)
  }
  const evidenceInput = get('evidence-dir').trim()
  const evidenceDir = evidenceInput
    ? isAbsolute(evidenceInput)
      ? evidenceInput
      : resolve(workspace, evidenceInput)
    : // one directory per artifact, named as it is: two gates in one job upload two artifacts, not one
      // directory twice (found by review: a second step's artifact held the first's packet)
      join(
        env.RUNNER_TEMP || join(root, '.baseline-gate'),
        'baseline-gate-evidence',
        artifactName(operation, baseline || undefined, env)
      )
  return {
    root,
    policy: policy === '' ? undefined : resolve(workspace, policy),
    baseline: baseline === '' ? undefined : baseline,
    evidenceDir
  }
}

/** A revision input: a SHA, a branch or tag name, HEAD~2; never an option (`-x`), a range or whitespace. */
function revisionInput(get: GetInput<'promotion'>, name: 'base' | 'head'): string | undefined {
  const value = get(name).trim()
  if (value === '') return undefined
  // eslint-disable-next-line no-control-regex
  if (value.startsWith('-') || /[\s\u0000-\u001f\u007f]|\.\.|@\{/.test(value) || value.length > 255) {
    throw new InputError(
      `input '${name}' must name one revision (a commit SHA, a branch or a tag), not ${JSON.stringify(value)}`
    )
  }
  return value
}

/** The event payload at GITHUB_EVENT_PATH (null when there is none); an InputError when it cannot be read. */
export function readEventPayload(env: NodeJS.ProcessEnv): unknown {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return null
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new InputError(`cannot read the event payload (GITHUB_EVENT_PATH=${path}): ${(e as Error).message}`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw new InputError(`the event payload (GITHUB_EVENT_PATH=${path}) is not JSON: ${(e as Error).message}`)
  }
}

/**
 * A name no other run, attempt, job or baseline uses: artifact names are immutable in upload-artifact v4
 * (a repeated name is a 409 Conflict in matrices and re-runs).
 */
export function artifactName(
  operation: ActionName,
  baseline: string | undefined,
  env: NodeJS.ProcessEnv
): string {
  const parts = [
    'baseline-gate',
    operation,
    baseline || 'all',
    env.GITHUB_JOB || 'job',
    env.GITHUB_RUN_ID || 'local',
    env.GITHUB_RUN_ATTEMPT || '1'
  ]
  return parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_')
}

/** Composite inputs are strings: accept exactly true/false (any case), refuse anything else. */
export function readBoolean<N extends string>(get: (name: N) => string, name: N, fallback: boolean): boolean {
  const raw = get(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw new InputError(`input '${name}' must be "true" or "false"`)
}
