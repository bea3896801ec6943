// Contract test over every action.yml: inputs reach scripts only through env:, no expression inside a run:,
// every run step names its shell, every uses: is pinned to a commit SHA, every output maps to a real step.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { REPO_ROOT } from './helpers/fixture.js'

interface Step {
  id?: string
  name?: string
  if?: string
  run?: string
  shell?: string
  uses?: string
  env?: Record<string, string>
  with?: Record<string, string | number | boolean>
}
interface ActionYml {
  name: string
  description: string
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string; value: string }>
  runs: { using: string; steps: Step[] }
}

const ACTIONS = [
  'action.yml',
  'actions/health/action.yml',
  'actions/promotion/action.yml',
  'actions/rollback/action.yml'
]

describe.each(ACTIONS)('%s', (file) => {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8')
  const action = parse(text) as ActionYml
  const steps = action.runs.steps

  it('is a composite action with a name and a description', () => {
    expect(action.runs.using).toBe('composite')
    expect(action.name).toBeTruthy()
    expect(action.description).toBeTruthy()
  })

  it('documents every input and output', () => {
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy()
    for (const output of Object.values(action.outputs)) expect(output.description).toBeTruthy()
  })

  it('never puts an expression inside a run: script', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) expect(step.run).not.toContain('${{')
  })

  it('names the shell of every run step and uses $GITHUB_ACTION_PATH, not github.action_path', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) expect(step.shell).toBe('bash')
    expect(text).not.toContain('github.action_path')
  })

  it('forwards every input used by a script through env: as INPUT_<NAME>', () => {
    const forwarded = new Map<string, string>()
    for (const step of steps) {
      for (const [k, v] of Object.entries(step.env ?? {})) forwarded.set(k, v)
    }
    for (const name of Object.keys(action.inputs)) {
      const usedInConditions = steps.some((s) => s.if?.includes(`inputs.${name}`))
      if (usedInConditions && !forwarded.has(`INPUT_${name.toUpperCase()}`)) continue
      expect(forwarded.get(`INPUT_${name.toUpperCase()}`)).toBe(`\${{ inputs.${name} }}`)
    }
  })

  it('pins every uses: to a full commit SHA with a version comment', () => {
    const uses = text.split('\n').filter((l) => /^\s*(-\s*)?uses:/.test(l))
    expect(uses.length).toBeGreaterThan(0)
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
  })

  it('maps every output to an output of a step that exists', () => {
    const ids = new Set(steps.map((s) => s.id).filter(Boolean))
    for (const [name, output] of Object.entries(action.outputs)) {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value)
      expect(m).not.toBeNull()
      expect(ids.has(m![1]!)).toBe(true)
      expect(m![2]).toBe(name)
    }
  })
})

describe.each(['health', 'promotion', 'rollback'])(
  'the %s entrypoint sets every output the composite declares',
  (name) => {
    it(`src/actions/${name}/main.ts calls setOutput for each output of actions/${name}/action.yml`, () => {
      const action = parse(readFileSync(join(REPO_ROOT, `actions/${name}/action.yml`), 'utf8')) as ActionYml
      const main = readFileSync(join(REPO_ROOT, `src/actions/${name}/main.ts`), 'utf8')
      for (const output of Object.keys(action.outputs)) expect(main).toContain(`core.setOutput('${output}'`)
    })

    it(`the umbrella action.yml routes operation=${name} to dist/${name}/index.js`, () => {
      const root = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
      const script = root.runs.steps.map((s) => s.run ?? '').join('\n')
      expect(script).toMatch(new RegExp(`${name}\\) node "\\$GITHUB_ACTION_PATH/dist/${name}/index\\.js"`))
    })
  }
)

describe.each(['promotion', 'rollback'])(
  'the %s action keeps its token away from everything but its script',
  (name) => {
    const action = parse(readFileSync(join(REPO_ROOT, `actions/${name}/action.yml`), 'utf8')) as ActionYml

    it('defaults the token input to the job token', () => {
      expect(action.inputs.token?.default).toBe('${{ github.token }}')
    })

    it('maps inputs.token into the env of the script step only (never into with:, a run: or another step)', () => {
      const holders = action.runs.steps.filter((s) => JSON.stringify(s).includes('inputs.token'))
      expect(holders).toHaveLength(1)
      expect(holders[0]!.env?.INPUT_TOKEN).toBe('${{ inputs.token }}')
      expect(holders[0]!.run).toContain(`node "$GITHUB_ACTION_PATH/../../dist/${name}/index.js"`)
    })

    it('uploads the evidence only when the script says so ("true" parsed in TypeScript, not in YAML)', () => {
      const upload = action.runs.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))
      expect(upload?.if).toContain(`steps.${name}.outputs.upload-evidence == 'true'`)
      expect(upload?.if).toContain('always()')
    })
  }
)

// ---------------------------------------------------------------------------------------------------
// The workflows of the repository (working examples for users)

interface Workflow {
  on: Record<string, unknown>
  permissions?: unknown
  concurrency?: { group: string; 'cancel-in-progress'?: boolean }
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>
}

const WORKFLOWS = readdirSync(join(REPO_ROOT, '.github', 'workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`)

describe.each(WORKFLOWS)('%s', (file) => {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8')
  const workflow = parse(text) as Workflow
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps)

  it('grants nothing at the top, and each job the least it needs, with a comment why', () => {
    expect(workflow.permissions).toEqual({})
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions).toBeDefined()
      // every permission line of the job carries a comment (on the line itself or the line before)
      const lines = text.split('\n')
      for (const scope of Object.keys(job.permissions ?? {})) {
        const at = lines.findIndex((l) => new RegExp(`^\\s+${scope}: (read|write|none)`).test(l))
        expect(at).toBeGreaterThan(0)
        expect(`${name}: ${lines[at - 1]} ${lines[at]}`).toMatch(/#/)
      }
    }
  })

  it('has a concurrency group', () => {
    expect(workflow.concurrency?.group).toBeTruthy()
  })

  it('never puts an expression inside a run: script and names the shell of every run step', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) {
      expect(step.run).not.toContain('${{')
      expect(step.shell).toBe('bash')
    }
  })

  it('pins every remote uses: to a full commit SHA with a version comment', () => {
    const uses = text.split('\n').filter((l) => /^\s*(-\s*)?uses:/.test(l))
    for (const line of uses) {
      if (/uses: \.\//.test(line)) continue // an action of this repository, at the checked-out commit
      expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
    }
  })

  it('checks out without persisting credentials', () => {
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials']).toBe(false)
    }
  })
})

describe('.github/workflows/baseline-promotion.yml', () => {
  const workflow = parse(
    readFileSync(join(REPO_ROOT, '.github/workflows/baseline-promotion.yml'), 'utf8')
  ) as Workflow
  const job = Object.values(workflow.jobs)[0]!

  it('runs on pull requests that touch the baseline, on their reviews, and in the merge queue; never on pull_request_target', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['merge_group', 'pull_request', 'pull_request_review'])
    expect((workflow.on.pull_request_review as { types: string[] }).types.sort()).toEqual([
      'dismissed',
      'submitted'
    ])
    const paths = (workflow.on.pull_request as { paths: string[] }).paths
    expect(paths).toEqual(
      expect.arrayContaining([
        'config/memorykernel-integration-pin.json',
        'config/memorykernel-producer-manifest.json',
        'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md',
        'services/memorykernel/**',
        'config/baseline-policy.json'
      ])
    )
  })

  it('reads the contents and writes the pull-request comment, nothing else', () => {
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' })
  })

  it('one run per pull request: a new push cancels the obsolete run', () => {
    expect(workflow.concurrency?.group).toContain('github.event.pull_request.number')
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(true)
  })

  it('checks out the full history, sets up Node 20 with the npm cache, and gates with ./actions/promotion', () => {
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false })
    const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))
    expect(node?.with).toMatchObject({ 'node-version': 20, cache: 'npm' })
    expect(job.steps.some((s) => s.run?.includes('rustup component add clippy rustfmt'))).toBe(true)
    expect(job.steps.some((s) => s.run === 'npm ci')).toBe(true)
    expect(job.steps.at(-1)?.uses).toBe('./actions/promotion')
  })
})

describe('.github/workflows/baseline-rollback.yml', () => {
  const text = readFileSync(join(REPO_ROOT, '.github/workflows/baseline-rollback.yml'), 'utf8')
  const workflow = parse(text) as Workflow
  const job = Object.values(workflow.jobs)[0]!

  it('runs only by hand, with the trigger (a choice), the reason (required), the target and dry-run', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch'])
    const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, Record<string, unknown>> })
      .inputs
    expect(inputs.trigger).toMatchObject({
      type: 'choice',
      required: true,
      options: ['contract-drift', 'preflight-failure', 'fallback-regression']
    })
    expect(inputs.reason).toMatchObject({ type: 'string', required: true })
    expect(inputs.target).toMatchObject({ type: 'string' })
    expect(inputs['dry-run']).toMatchObject({ type: 'boolean', default: false })
  })

  it('writes the branch, the pull request and the incident issue, nothing else', () => {
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' })
  })

  it('one rollback at a time, never cancelled half-way by the next', () => {
    expect(workflow.concurrency?.group).toContain('github.workflow')
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false)
  })

  it('checks out the full history without credentials and rolls back with ./actions/rollback', () => {
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false })
    const last = job.steps.at(-1)!
    expect(last.uses).toBe('./actions/rollback')
    expect(last.with).toMatchObject({
      trigger: '${{ inputs.trigger }}',
      reason: '${{ inputs.reason }}',
      target: '${{ inputs.target }}',
      'dry-run': '${{ inputs.dry-run }}'
    })
  })

  it('says that a pull request opened with GITHUB_TOKEN triggers no workflow, and what to pass instead', () => {
    expect(text).toMatch(/GITHUB_TOKEN\) does not trigger other workflows/)
    expect(text).toMatch(/GitHub App/)
  })
})
