// The suites a baseline change runs, fitted to the repository: the runbook's consumer scripts that package.json
// has (run with the package manager its lockfile names), and the producer's checks that exist. The steps are the
// defaults' own (src/policy/defaults.ts), so an adopted policy runs exactly what the runbook ran.
import { defaultBaseline } from '../policy/defaults.js'
import type { PackageManager } from '../policy/defaults.js'
import type { SuiteStep } from '../policy/types.js'

/** A suite step as the policy file writes it (cwd left to the suite's default: the root, the producer root). */
export interface StepDocument {
  name: string
  run: string[]
  /** Where it runs, relative to the root; absent: the suite's default (the root, the producer root). */
  cwd?: string
  timeout_s: number
  operations: SuiteStep['operations']
}

const LOCKFILES: [string, PackageManager][] = [
  // the loader's order (src/policy/load.ts), so a repository with two lockfiles reads the same here and there
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm']
]

export interface PackageManagerChoice {
  manager: PackageManager
  /** The lockfiles at the root that decided it (none: npm assumed). */
  lockfiles: string[]
}

/**
 * The package manager of the package in `dir` (relative to the root, '' the root): the lockfiles nearest it, in
 * it or in a directory above (a workspace's lockfile is at the workspace's root).
 */
export function packageManagerOf(has: (path: string) => boolean, dir = ''): PackageManagerChoice {
  for (let d = dir; ; d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '') {
    const found = LOCKFILES.filter(([file]) => has(d === '' ? file : `${d}/${file}`))
    if (found.length > 0 || d === '')
      return {
        manager: found[0]?.[1] ?? 'npm',
        lockfiles: found.map(([file]) => (d === '' ? file : `${d}/${file}`))
      }
  }
}

export interface ConsumerSteps {
  steps: StepDocument[]
  /** The runbook's scripts package.json does not have. */
  missing: string[]
  /** package.json's scripts that are not the runbook's steps (lint, build, ...): not proposed. */
  unused: string[]
}

/**
 * The runbook's consumer steps for the scripts package.json defines, run in `cwd` (the package's directory,
 * relative to the root; '' the root, the suite's default).
 */
export function consumerSteps(
  manager: PackageManager,
  scripts: Record<string, unknown>,
  cwd = ''
): ConsumerSteps {
  const all = defaultBaseline('consumer', manager).suites.consumer
  return {
    steps: all
      .filter((s) => typeof scripts[s.name] === 'string')
      .map(document)
      .map((s) => (cwd === '' ? s : { ...s, cwd })),
    missing: all.filter((s) => typeof scripts[s.name] !== 'string').map((s) => s.name),
    unused: Object.keys(scripts).filter(
      (k) => typeof scripts[k] === 'string' && !all.some((s) => s.name === k)
    )
  }
}

export interface ProducerSteps {
  steps: StepDocument[]
  /** The runbook's verify scripts the producer does not have (relative to its root). */
  missing: string[]
}

/** cargo fmt, clippy and test, and each runbook verify script the producer has (`has`: relative to its root). */
export function producerSteps(has: (relToProducer: string) => boolean): ProducerSteps {
  const all = defaultBaseline('producer').suites.producer
  const script = (s: SuiteStep) => (s.run[0] === 'bash' ? s.run[1]! : null)
  return {
    steps: all.filter((s) => script(s) === null || has(script(s)!)).map(document),
    missing: all.map(script).filter((p): p is string => p !== null && !has(p))
  }
}

function document(s: SuiteStep): StepDocument {
  return { name: s.name, run: s.run, timeout_s: s.timeout_s, operations: s.operations }
}
