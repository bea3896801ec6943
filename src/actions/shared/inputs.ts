// All inputs of an action, read once into one typed object. Raw input names appear nowhere else.
import { isAbsolute, join, resolve } from 'node:path'

export type GetInput = (name: string) => string

export interface HealthInputs {
  /** Absolute repository root. */
  root: string
  /** Policy file, absolute; undefined means <root>/config/baseline-policy.json or the defaults. */
  policy: string | undefined
  baseline: string | undefined
  /** Absolute evidence directory. */
  evidenceDir: string
  /** Start and probe the producer. */
  probe: boolean
}

export class InputError extends Error {
  override name = 'InputError'
}

export function readHealthInputs(get: GetInput, env: NodeJS.ProcessEnv): HealthInputs {
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
    : join(env.RUNNER_TEMP || join(root, '.baseline-gate'), 'baseline-gate-evidence', runSuffix(env))
  return {
    root,
    probe: readBoolean(get, 'probe', true),
    policy: policy === '' ? undefined : resolve(workspace, policy),
    baseline: baseline === '' ? undefined : baseline,
    evidenceDir
  }
}

function runSuffix(env: NodeJS.ProcessEnv): string {
  return [env.GITHUB_RUN_ID || 'local', env.GITHUB_RUN_ATTEMPT || '1', env.GITHUB_JOB || 'job']
    .join('-')
    .replace(/[^A-Za-z0-9._-]/g, '_')
}

/**
 * A name no other run, attempt, job or baseline uses: artifact names are immutable in upload-artifact v4
 * (a repeated name is a 409 Conflict in matrices and re-runs).
 */
export function artifactName(
  operation: string,
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
export function readBoolean(get: GetInput, name: string, fallback: boolean): boolean {
  const raw = get(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw new InputError(`input '${name}' must be "true" or "false"`)
}
