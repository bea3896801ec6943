// Negative tests of the hygiene checker: a copy of the repository's GitHub YAML in a temporary directory, one
// defect planted in it, and the checker must report that defect, in that file (and nothing anywhere else).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { checkHygiene, discoverYaml, loadActionlint } from '../helpers/hygiene.js'
import type { Check, Finding } from '../helpers/hygiene.js'
import { cleanupFixtures, REPO_ROOT, tempDir } from '../helpers/fixture.js'

const PROMOTION_WF = '.github/workflows/baseline-promotion.yml'
const CI_WF = '.github/workflows/ci.yml'
const PROMOTION = 'actions/promotion/action.yml'
const ROLLBACK = 'actions/rollback/action.yml'

let withActionlint = false
beforeAll(async () => {
  withActionlint = (await loadActionlint()).ok
})
afterAll(cleanupFixtures)

/** A temporary copy of every action.yml and workflow of the repository. */
function copyYaml(): string {
  const dir = tempDir('bg-hygiene-')
  const { actions, workflows } = discoverYaml(REPO_ROOT)
  for (const file of [...actions, ...workflows]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    cpSync(join(REPO_ROOT, file), join(dir, file))
  }
  return dir
}

/** Rewrite one file of the copy; fails the test when the pattern no longer matches (the plant must land). */
function plant(dir: string, file: string, from: RegExp, to: string): number {
  const path = join(dir, file)
  const before = readFileSync(path, 'utf8')
  const after = before.replace(from, to)
  expect(after).not.toBe(before)
  writeFileSync(path, after)
  const at = before.search(from)
  return before.slice(0, at).split('\n').length + (/^\n/.test(to) ? 1 : 0)
}

async function findingsOf(dir: string): Promise<Finding[]> {
  return checkHygiene(dir, { actionlint: withActionlint })
}

function expectOnly(findings: Finding[], file: string, check: Check, message?: RegExp): void {
  expect(findings.length).toBeGreaterThan(0)
  expect(findings.filter((f) => f.file !== file)).toEqual([])
  const hit = findings.filter((f) => f.check === check)
  expect(hit).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ file, check, message: expect.stringMatching(message ?? /./) })
    ])
  )
}

describe('a clean copy of the repository YAML', () => {
  it('has no finding (the control of every plant below)', async () => {
    expect(await findingsOf(copyYaml())).toEqual([])
  })
})

describe('the three defects the hygiene test exists for', () => {
  it('(a) ${{ github.event.pull_request.title }} inside a workflow run: is reported, at its line', async () => {
    const dir = copyYaml()
    const line = plant(dir, PROMOTION_WF, /run: npm ci/, 'run: echo "${{ github.event.pull_request.title }}"')
    const findings = await findingsOf(dir)
    expectOnly(findings, PROMOTION_WF, 'expression-in-run')
    expect(findings.find((f) => f.check === 'expression-in-run')?.line).toBe(line)
    if (withActionlint) {
      expect(findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ check: 'actionlint', line, message: expect.stringMatching(/untrusted/) })
        ])
      )
    }
  })

  it('(a) ${{ github.event.pull_request.title }} inside a composite run: is reported, at its line', async () => {
    const dir = copyYaml()
    const line = plant(
      dir,
      PROMOTION,
      /\n(\s+)(exec env -u INPUT_TOKEN .*node "\$GITHUB_ACTION_PATH\/\.\.\/\.\.\/dist\/promotion\/index\.js")/,
      '\n$1echo "${{ github.event.pull_request.title }}"\n$1$2'
    )
    const findings = await findingsOf(dir)
    expectOnly(findings, PROMOTION, 'expression-in-run')
    expect(findings.find((f) => f.check === 'expression-in-run')?.line).toBe(line)
  })

  it('(b) an action pinned by tag (actions/checkout@v4) is reported', async () => {
    const dir = copyYaml()
    const line = plant(dir, CI_WF, /actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v4')
    const findings = await findingsOf(dir)
    expectOnly(findings, CI_WF, 'pin', /actions\/checkout@v4 is not pinned to a full commit SHA/)
    expect(findings.find((f) => f.check === 'pin')?.line).toBe(line)
  })

  it('(b) a composite pinning upload-artifact by tag is reported', async () => {
    const dir = copyYaml()
    plant(dir, ROLLBACK, /actions\/upload-artifact@[0-9a-f]{40} # v[\d.]+/, 'actions/upload-artifact@v4')
    expectOnly(await findingsOf(dir), ROLLBACK, 'pin', /not pinned/)
  })

  it('(c) a composite input not forwarded through env: is reported, naming the input', async () => {
    const dir = copyYaml()
    plant(dir, PROMOTION, /\n\s+INPUT_COMMENT: \$\{\{ inputs\.comment \}\}/, '')
    expectOnly(await findingsOf(dir), PROMOTION, 'input-env', /input "comment" is not forwarded/)
  })
})

describe('every other check catches its defect', () => {
  const cases: [string, string, RegExp, string, Check, RegExp?][] = [
    ['a SHA pin without a version comment', CI_WF, / # v4\.2\.2/, '', 'pin', /no "# vX\.Y\.Z" comment/],
    [
      'an input forwarded under another env name',
      PROMOTION,
      /INPUT_COMMENT: \$\{\{ inputs\.comment \}\}/,
      'COMMENT: ${{ inputs.comment }}',
      'input-env',
      /forward it alone as INPUT_COMMENT/
    ],
    [
      'a step using an input the action does not declare',
      PROMOTION,
      /INPUT_COMMENT: \$\{\{ inputs\.comment \}\}/,
      'INPUT_COMMENT: ${{ inputs.coment }}',
      'input-env',
      /inputs\.coment, which the action does not declare/
    ],
    [
      'github.action_path instead of $GITHUB_ACTION_PATH',
      PROMOTION,
      /"\$GITHUB_ACTION_PATH\/\.\.\/\.\.\/dist/,
      '"${{ github.action_path }}/../../dist',
      'action-path'
    ],
    ['a composite run step without shell:', ROLLBACK, /\n\s+shell: bash/, '', 'shell'],
    [
      'a workflow run step without shell:',
      CI_WF,
      /\n\s+shell: bash\n(\s+)run: npm run lint/,
      '\n$1run: npm run lint',
      'shell'
    ],
    [
      'an output reading a step that does not exist',
      ROLLBACK,
      /steps\.rollback\.outputs\.verdict/,
      'steps.rollbak.outputs.verdict',
      'output-map',
      /step "rollbak", which does not exist/
    ],
    [
      'uses: ./ inside a composite',
      ROLLBACK,
      /actions\/upload-artifact@[0-9a-f]{40} # v[\d.]+/,
      './actions/upload',
      'local-uses'
    ],
    [
      'a checkout that persists credentials',
      CI_WF,
      /\n\s+persist-credentials: false/,
      '',
      'persist-credentials'
    ],
    [
      'no permissions at the top',
      CI_WF,
      /\npermissions: \{\}\n/,
      '\n',
      'permissions',
      /no permissions: at the top/
    ],
    ['write-all at the top', CI_WF, /\npermissions: \{\}\n/, '\npermissions: write-all\n', 'permissions'],
    [
      'a job permission without a comment why',
      CI_WF,
      /\n\s+# read the repository to check it out; nothing is written\n(\s+)contents: read/,
      '\n$1contents: read',
      'permissions',
      /permission "contents" has no comment/
    ],
    [
      'a job without permissions',
      CI_WF,
      /\n\s+permissions:\n\s+# read the repository to check it out; nothing is written\n\s+contents: read/,
      '',
      'permissions',
      /has no permissions/
    ],
    ['no concurrency group', CI_WF, /\nconcurrency:\n.*\n.*\n/, '\n', 'concurrency'],
    [
      'a workflow the schema rejects (unknown event)',
      CI_WF,
      /\n {2}pull_request:\n/,
      '\n  pull_requestt:\n',
      'parse'
    ],
    [
      'an action the schema rejects (unknown runs key)',
      ROLLBACK,
      /\n {2}using: 'composite'/,
      "\n  using: 'composite'\n  mainn: x",
      'parse'
    ],
    ['a file that is not YAML', CI_WF, /\njobs:\n/, '\njobs:\n  - [\n', 'parse']
  ]

  // rows as objects: a row shorter than the callback's parameters would make jest pass `done` as the last one
  it.each(cases.map(([what, file, from, to, check, message]) => ({ what, file, from, to, check, message })))(
    '$what',
    async ({ file, from, to, check, message }) => {
      const dir = copyYaml()
      plant(dir, file, from, to)
      expectOnly(await findingsOf(dir), file, check, message)
    }
  )

  it('a new workflow dropped into .github/workflows is checked without editing any test', async () => {
    const dir = copyYaml()
    writeFileSync(
      join(dir, '.github/workflows/zz-new.yml'),
      [
        'name: new',
        'on: pull_request',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: echo "${{ github.head_ref }}"',
        ''
      ].join('\n')
    )
    const findings = await findingsOf(dir)
    expect(findings.filter((f) => f.file !== '.github/workflows/zz-new.yml')).toEqual([])
    expect(new Set(findings.map((f) => f.check))).toEqual(
      new Set<Check>([
        'permissions',
        'concurrency',
        'pin',
        'persist-credentials',
        'expression-in-run',
        'shell',
        ...(withActionlint ? (['actionlint'] as const) : [])
      ])
    )
  })
})
