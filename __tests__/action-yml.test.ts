// The repository's own conventions for its action.yml files and workflows, on top of the generic hygiene checks of
// __tests__/hygiene/ (helpers/hygiene.ts): bash everywhere, same-named outputs, the entrypoints and their outputs,
// the token's path, and what each workflow runs on, may do and runs.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import semver from 'semver'
import { parse } from 'yaml'
import { NODE_ENGINES, NODE_ENGINES_TEXT } from '../src/actions/shared/inputs.js'
import { cleanupFixtures, REPO_ROOT, tempDir } from './helpers/fixture.js'
import { discoverYaml } from './helpers/hygiene.js'

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

const { actions: ACTIONS, workflows: WORKFLOWS } = discoverYaml(REPO_ROOT)

afterAll(cleanupFixtures)

// The generic hygiene of every action.yml and workflow (schema validation, env-only inputs, no expression in run:,
// $GITHUB_ACTION_PATH, shell:, output mapping, SHA pins, permissions, persist-credentials, concurrency, actionlint)
// is checked by __tests__/hygiene/ through helpers/hygiene.ts; here are the conventions of this repository on top.
describe.each(ACTIONS)('%s', (file) => {
  const action = parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as ActionYml
  const steps = action.runs.steps

  it('runs every script with bash', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) expect(step.shell).toBe('bash')
  })

  it('gives every output the name of the step output it maps', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toMatch(new RegExp(`^\\$\\{\\{ steps\\.[\\w-]+\\.outputs\\.${name} \\}\\}$`))
    }
  })
})

// The inputs and outputs of each action.yml against the registry: __tests__/actions/io-registry.test.ts; the outputs
// each entrypoint writes: __tests__/actions/main-inprocess.test.ts.
/** The actions with an entrypoint of their own (dist/<name>/index.js), each routed by the umbrella. */
const ENTRYPOINTS = ['health', 'promotion', 'rollback', 'repin']

describe.each(ENTRYPOINTS)('the %s entrypoint', (name) => {
  it(`the umbrella action.yml routes operation=${name} to dist/${name}/index.js`, () => {
    const root = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
    const script = root.runs.steps.map((s) => s.run ?? '').join('\n')
    expect(script).toMatch(new RegExp(`${name}\\) entry=${name} ;;`))
  })
})

/**
 * A stub `node`: where the script ran it, whether the token is in the environment of it or of any process above
 * it (a suite, a descendant of node, reads them all in /proc/<pid>/environ), and what descriptor 3 holds.
 */
const TOKEN = 'ghs_TokenOfThisTestNeverInAnEnvironment0001'
const WORKFLOWS_TOKEN = 'ghs_TheWorkflowsOwnTokenNotTheInput00000002'
const STUB_NODE = `#!/bin/bash
[ "$1" = --version ] && echo v24.11.1 && exit
found=none
p=$$
while [ "$p" -gt 1 ]; do
  if tr '\\0' '\\n' < "/proc/$p/environ" | grep -q -e '${TOKEN}' -e '${WORKFLOWS_TOKEN}'; then found="$p"; fi
  p=$(sed 's/.*) //' "/proc/$p/stat" | cut -d' ' -f2)
done
echo "node $1; token in the environment of: $found; fd $BASELINE_GATE_TOKEN_FD holds: $(cat <&3); workflow's: $BASELINE_GATE_TOKEN_IS_WORKFLOWS"
`

describe.each(['action.yml', ...ENTRYPOINTS.map((n) => `actions/${n}/action.yml`)])(
  '%s hands the token on',
  (file) => {
    const action = parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as ActionYml
    const step = action.runs.steps.find((s) => s.env?.INPUT_TOKEN !== undefined)!

    // the workflow's token (github.token) is the same value when the input is left to its default
    it.each([
      ["the workflow's own", TOKEN, TOKEN, 'true'],
      // a `token: |` block gives the input a line feed: the bundle trims it, so does the comparison (found by review)
      ["the workflow's own, with a line feed", `${TOKEN}\n`, TOKEN, 'true'],
      ['another token', TOKEN, WORKFLOWS_TOKEN, 'false'],
      ['none', '', '', 'false']
    ])(
      'on descriptor 3, in no environment of the bundle or of a process above it: %s',
      (_, input, workflows, said) => {
        expect(step.env?.BASELINE_GATE_WORKFLOW_TOKEN).toBe('${{ github.token }}')
        const bin = tempDir('bg-token-fd-bin-')
        writeFileSync(join(bin, 'node'), STUB_NODE, { mode: 0o755 })
        const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
          env: {
            PATH: `${bin}:/usr/bin:/bin`,
            INPUT_OPERATION: 'health',
            GITHUB_ACTION_PATH: '/action',
            INPUT_TOKEN: input,
            BASELINE_GATE_WORKFLOW_TOKEN: workflows
          },
          encoding: 'utf8'
        })
        expect(r.stderr).toBe('')
        expect(r.stdout).toMatch(
          new RegExp(
            `^node /action/\\S*dist/\\w+/index\\.js; token in the environment of: none; fd 3 holds: ${input.trim()}; workflow's: ${said}\\n$`
          )
        )
        expect(r.status).toBe(0)
      }
    )
  }
)

describe.each(['action.yml', ...ENTRYPOINTS.map((n) => `actions/${n}/action.yml`)])(
  '%s checks the version of node',
  (file) => {
    const action = parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as ActionYml
    const script = action.runs.steps.find((s) => s.run?.includes('node_version'))!.run!

    /** The script as GitHub runs it (bash --noprofile --norc -eo pipefail), a stub `node` of this version on PATH. */
    function runWith(version: string) {
      const bin = tempDir('bg-node-version-bin-')
      writeFileSync(
        join(bin, 'node'),
        `#!/bin/sh\n[ "$1" = --version ] && echo ${version} && exit\necho "ran $1"\n`,
        { mode: 0o755 }
      )
      return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        env: { PATH: `${bin}:/usr/bin:/bin`, INPUT_OPERATION: 'health', GITHUB_ACTION_PATH: '/action' },
        encoding: 'utf8'
      })
    }

    it('its version pattern takes exactly what semver takes of NODE_ENGINES, over every kind of release node prints', () => {
      // the case statement alone, run once over thousands of versions (a process per version would take minutes)
      const block = /^ *case "\$node_version" in\n[\s\S]*?^ *esac$/m.exec(script)?.[0]
      expect(block).toBeDefined()
      const versions: string[] = ['', '24', '24.1', '24.1.0.0', '24..0', '.24.0', '24.0.', 'garbage']
      for (let major = 0; major <= 130; major++)
        for (const minor of [0, 1, 9, 12, 13, 18, 19, 20, 99, 100, 150])
          versions.push(`${major}.${minor}.0`, `${major}.${minor}.7`)
      versions.push(
        '999.0.0',
        '1000.2.3',
        '24.0.0-rc.1',
        '22.13.0-nightly20250101abcdef',
        '25.0.0-pre',
        '20.19.0-v8-canary'
      )
      const loop = `while IFS= read -r node_version; do\n${block}\necho "$node_version $node_ok"\ndone`
      const r = spawnSync('bash', ['--noprofile', '--norc', '-c', loop], {
        input: `${versions.join('\n')}\n`,
        encoding: 'utf8'
      })
      const said = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(' ').pop())
      const wrong = versions.filter(
        (v, i) => (said[i] === 'true') !== (semver.valid(v) === v && semver.satisfies(v, NODE_ENGINES))
      )
      expect({ checked: said.length, wrong, stderr: r.stderr }).toEqual({
        checked: versions.length,
        wrong: [],
        stderr: ''
      })
    })

    it('runs the bundle on exactly the releases package.json names, and refuses any other, naming it', () => {
      const versions = ['v18.20.4', 'v19.9.0', 'v20.0.0', 'v20.18.3', 'v20.19.0', 'v20.20.2', 'v21.7.3']
      versions.push(
        'v22.0.0',
        'v22.12.0',
        'v22.13.0',
        'v22.22.1',
        'v23.11.0',
        'v24.0.0',
        'v24.11.1',
        'v25.2.0'
      )
      versions.push('v30.0.0', 'v100.1.0', 'vgarbage', 'v')
      for (const version of versions) {
        const r = runWith(version)
        const runs = semver.valid(version) !== null && semver.satisfies(version, NODE_ENGINES)
        expect({ version, status: r.status, stderr: r.stderr }).toEqual({
          version,
          status: runs ? 0 : 1,
          stderr: ''
        })
        if (runs) expect(r.stdout).toMatch(/^ran \/action\/(?:\.\.\/\.\.\/)?dist\/\w+\/index\.js\n$/)
        else
          expect(r.stdout).toBe(
            `::error title=baseline-gate::${NODE_ENGINES_TEXT} must be on PATH (found: ${version}); add actions/setup-node before this action\n`
          )
      }
    })
  }
)

describe('the umbrella action.yml operation input', () => {
  const root = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
  const script = root.runs.steps.find((s) => s.id === 'run')!.run!

  /** The run script under bash, `node` a stub on PATH that prints the entrypoint it was given. */
  function route(operation: string) {
    const bin = tempDir('bg-umbrella-bin-')
    writeFileSync(
      join(bin, 'node'),
      '#!/bin/sh\n[ "$1" = --version ] && echo v24.11.1 && exit\necho "node $1"\n',
      {
        mode: 0o755
      }
    )
    return spawnSync('bash', ['-c', script], {
      env: { PATH: `${bin}:/usr/bin:/bin`, INPUT_OPERATION: operation, GITHUB_ACTION_PATH: '/action' },
      encoding: 'utf8'
    })
  }

  it('documents the command names (health, promote, rollback, repin) and promotion as an alias of promote', () => {
    const description = root.inputs.operation!.description
    expect(description).toMatch(/"health", "promote", "rollback" or "repin"/)
    expect(description).toMatch(/"promotion" is\s+accepted as an alias of "promote"/)
  })

  it.each([
    ['health', 'health'],
    ['promote', 'promotion'],
    ['promotion', 'promotion'],
    ['rollback', 'rollback'],
    ['repin', 'repin']
  ])('operation=%s runs dist/%s/index.js', (operation, entry) => {
    const r = route(operation)
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`node /action/dist/${entry}/index.js\n`)
  })

  it('refuses any other value, naming the accepted ones', () => {
    const r = route('promotions')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      'must be one of: health, promote, rollback, repin (promotion is an alias of promote)'
    )
  })
})

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
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>
      steps: Step[]
      needs?: string[]
      'runs-on'?: string
      'timeout-minutes'?: number
    }
  >
}

describe.each(WORKFLOWS)('%s', (file) => {
  const workflow = parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Workflow

  it('runs every script with bash', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of (job.steps ?? []).filter((s) => s.run !== undefined)) expect(step.shell).toBe('bash')
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

  it('reads the contents and writes the pull-request comment, nothing else (code scanning is a job of its own)', () => {
    expect(job.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write'
    })
  })

  it('one run per pull request: a new push cancels the obsolete run', () => {
    expect(workflow.concurrency?.group).toContain('github.event.pull_request.number')
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(true)
  })

  // found by review: npm ci ran the pull request's package.json scripts before the gate, in its job, and on
  // GitHub's runners (sudo) the suites could read any process of the job, the token included, and change the
  // gate's exit code. The verdict's job runs none of the pull request's code; the suites run apart, read-only
  it("the verdict's job runs none of the pull request's code: no install, no suites, the gate from the base commit", () => {
    const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))
    expect(checkouts.map((c) => c.with)).toEqual([
      { 'fetch-depth': 0, 'persist-credentials': false },
      {
        ref: '${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}',
        path: '.baseline-gate-base',
        'persist-credentials': false
      }
    ])
    const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!
    expect(node.with).toEqual({ 'node-version': 20 })
    // before any checkout: setup-node runs `yarn --version` in the workspace, and yarn 1 obeys the checkout's
    // .yarnrc `yarn-path` (found by review)
    expect(job.steps.indexOf(node)).toBeLessThan(job.steps.indexOf(checkouts[0]!))
    // two scripts: an event without a base commit is refused before the pull request's own gate is checked out,
    // and the files later jobs take from the artifact are digested after it (sarif-workflows.test.ts)
    const scripts = job.steps.filter((s) => s.run !== undefined)
    expect(scripts.map((s) => s.if)).toEqual([
      '${{ !github.event.pull_request.base.sha && !github.event.merge_group.base_sha }}',
      "always() && steps.gate.outputs.evidence-dir != ''"
    ])
    expect(job.steps.indexOf(scripts[0]!)).toBeLessThan(job.steps.indexOf(checkouts[1]!))
    const refused = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', scripts[0]!.run!], {
      encoding: 'utf8'
    })
    expect(refused.status).toBe(1)
    const gate = job.steps.find((s) => s.id === 'gate')!
    expect([gate.uses, gate.with]).toEqual([
      './.baseline-gate-base/actions/promotion',
      { suites: 'false', token: '${{ github.token }}' }
    ])
  })

  it('runs the suites in a job of their own whose token only reads, and no comment from there', () => {
    const suites = workflow.jobs.suites!
    expect(suites.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' })
    const node = suites.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))
    expect(node?.with).toMatchObject({ 'node-version': 20, cache: 'npm' })
    expect(suites.steps.some((s) => s.run?.includes('rustup component add clippy rustfmt'))).toBe(true)
    expect(suites.steps.some((s) => s.run === 'npm ci')).toBe(true)
    expect([suites.steps.at(-1)!.uses, suites.steps.at(-1)!.with]).toEqual([
      './actions/promotion',
      { comment: 'false', token: '${{ github.token }}' }
    ])
  })

  it('ends with the gate and the digests of what later jobs take (code scanning and the statements are jobs of their own)', () => {
    expect(job.steps.slice(-2).map((s) => s.id)).toEqual(['gate', 'digests'])
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
    const last = job.steps.find((s) => s.uses === './actions/rollback')!
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

describe('.github/workflows/ci.yml', () => {
  const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows/ci.yml'), 'utf8')) as Workflow
  const runs = (job: string): string[] => (workflow.jobs[job]?.steps ?? []).map((s) => s.run ?? '')

  it('runs on pushes to main and on every pull request', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, pull_request: null })
  })

  it('has the jobs lint, typecheck, test and check-dist, each reading the contents only', () => {
    expect(Object.keys(workflow.jobs).sort()).toEqual(['check-dist', 'lint', 'test', 'typecheck'])
    for (const job of Object.values(workflow.jobs)) {
      expect(job.permissions).toEqual({ contents: 'read' })
      expect(job['timeout-minutes']).toBeGreaterThan(0)
    }
  })

  it('cancels an obsolete run of a pull request, never a run on main', () => {
    expect(workflow.concurrency?.group).toContain('github.event.pull_request.number')
    expect(String(workflow.concurrency?.['cancel-in-progress'])).toBe(
      "${{ github.event_name == 'pull_request' }}"
    )
  })

  it('installs from the lock file and runs the npm scripts (test with the cargo components)', () => {
    for (const job of Object.keys(workflow.jobs)) expect(runs(job)).toContain('npm ci')
    expect(runs('lint')).toContain('npm run lint')
    expect(runs('typecheck')).toContain('npm run typecheck')
    expect(runs('check-dist')).toContain('npm run check-dist')
    expect(runs('test')).toContain('npm test')
    expect(runs('test')).toContain('rustup component add clippy rustfmt')
    expect(runs('test').indexOf('rustup component add clippy rustfmt')).toBeLessThan(
      runs('test').indexOf('npm test')
    )
  })

  it('sets up Node 20 with the npm cache in every job', () => {
    for (const job of Object.values(workflow.jobs)) {
      const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))
      expect(node?.with).toMatchObject({ 'node-version': 20, cache: 'npm' })
    }
  })
})
