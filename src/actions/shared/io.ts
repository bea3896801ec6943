// The inputs and outputs of each action, as its action.yml declares them: the input readers can ask for no
// other name, the shell sets no other output, and __tests__/actions/io-registry.test.ts holds every action.yml
// (and the umbrella ./action.yml, their union) to this registry.

export interface InputSpec {
  required: boolean
  /** The action.yml default; none for a required input. */
  default?: string
  /** Read by the composite's YAML alone (its upload step's `if:`), never by the script. */
  composite?: true
}

export interface ActionIo {
  inputs: Record<string, InputSpec>
  /** The outputs action.yml declares. */
  outputs: readonly string[]
  /** Outputs of the script step that only the composite's own steps read (not declared by action.yml). */
  stepOutputs: readonly string[]
}

const OPTIONAL = { required: false, default: '' } as const
const TRUE = { required: false, default: 'true' } as const
const FALSE = { required: false, default: 'false' } as const

/** The inputs every action has. */
const COMMON = {
  root: { required: false, default: '.' },
  policy: OPTIONAL,
  baseline: OPTIONAL,
  'evidence-dir': OPTIONAL,
  token: { required: false, default: '${{ github.token }}' }
} as const satisfies Record<string, InputSpec>

export const ACTION_IO = {
  health: {
    inputs: {
      ...COMMON,
      probe: TRUE,
      'remote-identity': FALSE,
      'drift-issue': FALSE,
      'schedule-interval-hours': { required: false, default: '24' },
      'upload-evidence': TRUE
    },
    outputs: [
      'verdict',
      'posture',
      'findings-count',
      'evidence-dir',
      'attestation',
      'artifact-name',
      'drift-issue-url',
      'sarif'
    ],
    stepOutputs: ['upload-evidence']
  },
  promotion: {
    inputs: {
      ...COMMON,
      base: OPTIONAL,
      head: OPTIONAL,
      suites: TRUE,
      'suites-anyway': FALSE,
      comment: TRUE,
      'upload-evidence': TRUE
    },
    outputs: [
      'verdict',
      'trio-changed',
      'classification',
      'posture',
      'findings-count',
      'evidence-dir',
      'attestation',
      'artifact-name',
      'sarif'
    ],
    stepOutputs: ['upload-evidence']
  },
  rollback: {
    inputs: {
      ...COMMON,
      trigger: { required: true },
      reason: { required: true },
      target: OPTIONAL,
      'dry-run': FALSE,
      drill: FALSE,
      suites: TRUE,
      'base-branch': OPTIONAL,
      'upload-evidence': TRUE
    },
    outputs: [
      'verdict',
      'target-tag',
      'pull-request-url',
      'incident-issue-url',
      'drift-issue-url',
      'evidence-dir',
      'attestation',
      'artifact-name',
      'sarif'
    ],
    stepOutputs: ['upload-evidence']
  },
  repin: {
    inputs: {
      ...COMMON,
      tag: { required: true },
      'base-branch': OPTIONAL
    },
    outputs: ['verdict', 'classification', 'pull-request-url', 'findings-count'],
    stepOutputs: []
  }
} as const satisfies Record<string, ActionIo>

export type ActionName = keyof typeof ACTION_IO

type Inputs<A extends ActionName> = (typeof ACTION_IO)[A]['inputs']

/** The inputs of action A that its script reads. */
export type InputName<A extends ActionName> = {
  [K in keyof Inputs<A>]: Inputs<A>[K] extends { composite: true } ? never : K
}[keyof Inputs<A>] &
  string

/** Every output the script of action A sets. */
export type OutputName<A extends ActionName> =
  (typeof ACTION_IO)[A]['outputs'][number] | (typeof ACTION_IO)[A]['stepOutputs'][number]

/** How an input is read: by its action.yml name (the runner's INPUT_<NAME>), untrimmed. */
export type GetInput<A extends ActionName> = (name: InputName<A>) => string
