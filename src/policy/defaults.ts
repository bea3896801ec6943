// Defaults derived from a baseline's name, so a repository laid out like the runbook's needs no policy file.
import { ENDPOINTS } from '../producer/endpoints.js'
import type { BaselinePolicy, OperationName, SuiteStep } from './types.js'

export const DEFAULT_POLICY_PATH = 'config/baseline-policy.json'
export const DEFAULT_BASELINE_NAME = 'memorykernel'
/** The longest display_name a policy takes: the schema's maxLength (a test holds the two together). */
export const DISPLAY_NAME_MAX = 60
const DEFAULT_STEP_TIMEOUT_S = 900

/** The extensions of TypeScript and JavaScript sources, ES module and CommonJS forms (.mts, .cts) included. */
export const TS_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'] as const
/** A glob's brace list of TS_EXTENSIONS. */
export const TS_GLOB_EXT = `{${TS_EXTENSIONS.join(',')}}`

const CHANGE: OperationName[] = ['promotion', 'rollback']

function step(name: string, run: string[], cwd: string, operations: OperationName[]): SuiteStep {
  return { name, run, cwd, timeout_s: DEFAULT_STEP_TIMEOUT_S, operations }
}

/** The consumer's package manager, from its lockfile: the runbook ran pnpm; this repository runs npm. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn'

export function defaultBaseline(name: string, packageManager: PackageManager = 'npm'): BaselinePolicy {
  const script = (s: string) => (packageManager === 'yarn' ? ['yarn', 'run', s] : [packageManager, 'run', s])
  return {
    name,
    display_name: name,
    trio: {
      pin: `config/${name}-integration-pin.json`,
      manifest: `config/${name}-producer-manifest.json`,
      matrix: `docs/${name.toUpperCase().replace(/-/g, '_')}_COMPATIBILITY_MATRIX.md`
    },
    producer: {
      root: `services/${name}`,
      manifest: 'contracts/integration/v1/producer-contract-manifest.json',
      handoff: 'docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json',
      start: {
        run: [
          'cargo',
          'run',
          '--quiet',
          '--locked',
          '--bin',
          `${name}-service`,
          '--',
          '--bind',
          '127.0.0.1:{port}'
        ],
        cwd: '{producer_root}'
      },
      // the first `cargo run` builds the producer: readiness waits for the build too
      probe: {
        enabled: true,
        ready_timeout_s: 300,
        request_timeout_s: 10,
        schemas: 'contracts/integration/v1/schemas'
      }
    },
    suites: {
      concurrent: true,
      consumer: [
        step('typecheck', script('typecheck'), '{repo_root}', CHANGE),
        step('test', script('test'), '{repo_root}', CHANGE),
        step('test:governance-negative', script('test:governance-negative'), '{repo_root}', CHANGE),
        step('test:contract', script('test:contract'), '{repo_root}', CHANGE),
        step('test:ci', script('test:ci'), '{repo_root}', CHANGE)
      ],
      producer: [
        step('cargo fmt', ['cargo', 'fmt', '--all', '--', '--check'], '{producer_root}', CHANGE),
        step(
          'cargo clippy',
          ['cargo', 'clippy', '--workspace', '--all-targets', '--all-features', '--', '-D', 'warnings'],
          '{producer_root}',
          CHANGE
        ),
        step(
          'cargo test',
          ['cargo', 'test', '--workspace', '--all-targets', '--all-features'],
          '{producer_root}',
          CHANGE
        ),
        step(
          'verify producer contract manifest',
          ['bash', 'scripts/verify_producer_contract_manifest.sh', '--memorykernel-root', '{producer_root}'],
          '{producer_root}',
          CHANGE
        ),
        step(
          'verify producer handoff payload',
          ['bash', 'scripts/verify_producer_handoff_payload.sh', '--memorykernel-root', '{producer_root}'],
          '{producer_root}',
          CHANGE
        )
      ]
    },
    owners: { consumer: [], producer: [] },
    adapter: {
      files: [],
      endpoints: Object.values(ENDPOINTS),
      unused: [],
      scan: [`src/**/*.${TS_GLOB_EXT}`],
      exclude: []
    },
    repin: { mentions: [], handoff: null }
  }
}

/** Steps given in a policy file may omit cwd, timeout and operations. */
export function completeStep(
  partial: Partial<SuiteStep> & Pick<SuiteStep, 'name' | 'run'>,
  cwd: string
): SuiteStep {
  return {
    name: partial.name,
    run: partial.run,
    cwd: partial.cwd ?? cwd,
    timeout_s: partial.timeout_s ?? DEFAULT_STEP_TIMEOUT_S,
    operations: partial.operations ?? CHANGE
  }
}
