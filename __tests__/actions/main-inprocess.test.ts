// The entry point (main.ts) of each action in this process, on a real temporary git repository: the inputs as
// INPUT_* variables, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the workflow commands on stdout and the
// step's exit code, as the runner would see them. None of these runs asks GitHub anything (no token, no
// comment, a dry run); __tests__/acceptance runs the built bundles against a fake GitHub API.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run as health } from '../../src/actions/health/main.js'
import { run as promotion } from '../../src/actions/promotion/main.js'
import { run as repin } from '../../src/actions/repin/main.js'
import { run as rollback } from '../../src/actions/rollback/main.js'
import { ACTION_IO } from '../../src/actions/shared/io.js'
import type { ActionName } from '../../src/actions/shared/io.js'
import { runInProcess, runStep, stepFiles } from '../helpers/in-process.js'
import type { StepRun } from '../helpers/in-process.js'
import { sarifSchemaErrors } from '../helpers/sarif-schema.js'
import { cleanupFixtures, MATRIX, MIRROR, PIN, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo, nodeStep, sha256Trio, TAGS, threeBaselines } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

const MAINS: Record<ActionName, (env: NodeJS.ProcessEnv) => Promise<void>> = {
  health,
  promotion,
  rollback,
  repin
}

// @actions/core remembers the summary file's path from its first write: one pair of files for every run here
const FILES = stepFiles('bg-inprocess-files-')

interface RunOptions {
  workspace: string
  sha: string
  eventName: string
  inputs: Record<string, string>
  eventPayload?: unknown
}

/** An action's run(env) in this process with a runner's environment (helpers/in-process.ts). */
function inProcess(action: ActionName, o: RunOptions): Promise<StepRun> {
  return runStep(MAINS[action], { files: FILES, ...o })
}

/** Every output the action's script sets, once each. */
const allOutputs = (action: ActionName): string[] =>
  [...ACTION_IO[action].outputs, ...ACTION_IO[action].stepOutputs].sort()

interface Packet {
  verdict: string
  posture: string | null
  findings: { severity: string }[]
  change?: { trio_changed: boolean; classification: string }
  identity: { release_tag: string | null }
}
const packetOf = (run: StepRun, name: string): Packet =>
  JSON.parse(readFileSync(join(run.outputs['evidence-dir']!, `${name}.json`), 'utf8')) as Packet

interface SarifLog {
  runs: {
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]
  }[]
}

/** The `sarif` output: the file beside the packet, valid SARIF 2.1.0, one result per finding of the packet. */
function sarifOf(run: StepRun, name: string): SarifLog {
  expect(run.outputs.sarif).toBe(join(run.outputs['evidence-dir']!, `${name}.sarif`))
  const log = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8')) as SarifLog
  expect(sarifSchemaErrors(log)).toEqual([])
  expect(log.runs[0]!.results).toHaveLength(packetOf(run, name).findings.length)
  return log
}

/** The embedded trio committed in a fresh repository. */
function committedTrio() {
  const fx = trioFixture()
  const repo = gitRepo(fx)
  return { fx, repo, sha: repo.commit('the embedded baseline') }
}

describe('health in process', () => {
  it("links the files of its findings at the commit checked out, not GITHUB_SHA, which a checkout's ref: makes another (found by review)", async () => {
    const { fx, repo } = committedTrio()
    fx.replace(MATRIX, '- Runtime cutover posture: `GO`', '- Runtime cutover posture: `NO-GO`')
    const checkedOut = repo.commit('the posture line edited')
    const run = await inProcess('health', {
      workspace: fx.root,
      sha: 'f'.repeat(40),
      eventName: 'push',
      inputs: { probe: 'false' }
    })
    expect(run.summary).toContain(`/blob/${checkedOut}/${MATRIX}`)
    expect(run.summary).not.toContain('f'.repeat(40))
  })

  it('sets every output once from the verdict and its evidence, and writes the summary', async () => {
    const { fx, sha } = committedTrio()
    const run = await inProcess('health', {
      workspace: fx.root,
      sha,
      eventName: 'push',
      inputs: { probe: 'false' }
    })
    expect([...run.names].sort()).toEqual(allOutputs('health'))
    const packet = packetOf(run, 'health-memorykernel')
    expect(run.outputs).toEqual({
      verdict: packet.verdict,
      posture: packet.posture ?? '',
      'findings-count': String(packet.findings.length),
      'evidence-dir': expect.stringContaining(
        'baseline-gate-evidence/baseline-gate-health-all-inprocess-4242-1'
      ),
      'artifact-name': 'baseline-gate-health-all-inprocess-4242-1',
      'drift-issue-url': '',
      // parsed and validated by the script, as the other actions do: the composite's upload step reads it
      'upload-evidence': 'true',
      sarif: join(run.outputs['evidence-dir']!, 'health-memorykernel.sarif'),
      attestation: join(run.outputs['evidence-dir']!, 'health-memorykernel.intoto.json')
    })
    expect(run.summary).toContain(`${packet.verdict} · health of \`memorykernel\``)
    expect(run.summary).toContain('artifact `baseline-gate-health-all-inprocess-4242-1`')
    expect(run.stdout).toContain(`baseline-gate health: ${packet.verdict} (`)
    expect(run.exitCode).toBe(packet.verdict === 'FAIL' ? 1 : 0)
  })

  it('with upload-evidence false, the summary names no artifact that is not uploaded (found by review)', async () => {
    const { fx, sha } = committedTrio()
    const run = await inProcess('health', {
      workspace: fx.root,
      sha,
      eventName: 'push',
      inputs: { probe: 'false', 'upload-evidence': 'false' }
    })
    expect(run.outputs['upload-evidence']).toBe('false')
    expect(run.summary).not.toContain('baseline-gate-health-all-inprocess-4242-1')
    expect(run.summary).not.toMatch(/evidence artifact `|Evidence: artifact/)
  })

  it('fails the step on FAIL, with an annotation at the file and line of each error', async () => {
    const { fx, repo } = committedTrio()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = 'v9.9.9'
    })
    const sha = repo.commit('a pin that names another release')
    const run = await inProcess('health', {
      workspace: fx.root,
      sha,
      eventName: 'push',
      inputs: { probe: 'false' }
    })
    const packet = packetOf(run, 'health-memorykernel')
    const errors = packet.findings.filter((f) => f.severity === 'error').length
    expect([run.outputs.verdict, run.exitCode]).toEqual(['FAIL', 1])
    expect(errors).toBeGreaterThan(0)
    expect(run.stdout).toMatch(
      new RegExp(`^::error title=BG201 [^,]*,file=${MIRROR},line=\\d+,col=\\d+::`, 'm')
    )
    expect(run.stdout).toContain(
      `::error::baseline health FAIL: ${errors} error${errors === 1 ? '' : 's'} (see the annotations and the job summary)`
    )
    expect(run.summary).toContain('FAIL · health of `memorykernel`')
    const located = sarifOf(run, 'health-memorykernel').runs[0]!.results.find((r) => r.ruleId === 'BG201')
    expect(located?.locations[0]!.physicalLocation.artifactLocation.uri).toBe(MIRROR)
  })

  it('keeps the verdict when the SARIF file cannot be written: a warning, and an empty sarif output', async () => {
    const { fx, sha } = committedTrio()
    const evidence = tempDir('bg-inprocess-evidence-')
    mkdirSync(join(evidence, 'health-memorykernel.sarif'))
    const run = await inProcess('health', {
      workspace: fx.root,
      sha,
      eventName: 'push',
      inputs: { probe: 'false', 'evidence-dir': evidence }
    })
    expect(run.outputs.verdict).toBe(packetOf(run, 'health-memorykernel').verdict)
    expect(run.outputs.sarif).toBe('')
    expect(run.stdout).toMatch(/^::warning::baseline-gate could not write the SARIF file: /m)
  })

  it('fails the step on an input it cannot read, before any output, with a summary that says why (found by review: it was empty)', async () => {
    const { fx, sha } = committedTrio()
    const run = await inProcess('health', {
      workspace: fx.root,
      sha,
      eventName: 'push',
      inputs: { probe: 'maybe' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::input 'probe' must be "true" or "false"`)
    expect(run.names).toEqual([])
    expect(run.summary).toBe(
      [
        '## ❌ baseline-gate health: no verdict',
        '',
        `**The run stopped before a verdict:** input 'probe' must be "true" or "false"`,
        '',
        'No verdict, evidence packet or outputs were written, and the step failed: fix what the message says, then run the workflow again.',
        ''
      ].join('\n')
    )
  })
})

describe('a run that stops before its verdict', () => {
  it('writes no secret an input error quotes into the summary: redacted before it is escaped (found by review)', async () => {
    const { fx, sha } = committedTrio()
    const token = ['ghp', 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'].join('_')
    const run = await inProcess('rollback', {
      workspace: fx.root,
      sha,
      eventName: 'workflow_dispatch',
      inputs: { trigger: 'contract-drift', reason: 'x', token, 'base-branch': `-${token}` }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('## ❌ baseline-gate rollback: no verdict')
    for (const text of [run.summary, run.stdout]) {
      expect(text).not.toContain(token.slice(4))
      expect(text).not.toContain(token.slice(4).replace(/_/g, '\\_'))
    }
  })

  it('a stop after the verdict, before its summary (an output file a suite removed), still leaves a summary (found by review)', async () => {
    const { fx, sha } = committedTrio()
    writeFileSync(FILES.summary, '')
    const run = await runInProcess(health, {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: FILES.dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: fx.root,
      RUNNER_TEMP: tempDir('bg-inprocess-runner-temp-'),
      GITHUB_SHA: sha,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_OUTPUT: join(tempDir('bg-gone-'), 'removed', 'github_output'),
      GITHUB_STEP_SUMMARY: FILES.summary,
      INPUT_PROBE: 'false'
    })
    expect(run.exitCode).toBe(1)
    const summary = readFileSync(FILES.summary, 'utf8')
    expect(summary).toContain('## ❌ baseline-gate health: no verdict')
    expect(summary).toContain(
      '**The run judged, but stopped before it reported its verdict:** baseline-gate internal error:'
    )
    expect(summary).toContain('Its evidence packet is in the evidence directory')
  })
})

describe('promotion in process', () => {
  it('passes a pull request that leaves the trio alone, says the comment is switched off, and sets every output', async () => {
    const { fx, repo, sha: base } = committedTrio()
    fx.write('src/app.ts', 'export const app = 1\n')
    const head = repo.commit('unrelated: the app')
    const run = await inProcess('promotion', {
      workspace: fx.root,
      sha: head,
      eventName: 'pull_request',
      eventPayload: { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } },
      inputs: { comment: 'false', token: '' }
    })
    expect([...run.names].sort()).toEqual(allOutputs('promotion'))
    const packet = packetOf(run, 'promotion-memorykernel')
    expect(run.outputs).toMatchObject({
      verdict: 'PASS',
      'trio-changed': 'false',
      classification: 'none',
      posture: packet.posture ?? '',
      'findings-count': String(packet.findings.length),
      'artifact-name': 'baseline-gate-promotion-all-inprocess-4242-1',
      'upload-evidence': 'true'
    })
    sarifOf(run, 'promotion-memorykernel')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`baseline-gate promotion: ${base} -> ${head} (pull_request #7)`)
    expect(run.summary).toContain('No pull-request comment: switched off (input `comment: false`).')
    // our own words for the pull request, linked: a #7 from a value would reference nothing (escaped)
    expect(run.summary).toContain('[pull request \\#7](https://github.com/octo/consumer/pull/7) · posture')
  })

  it('says what to check out when the base revision is not in the clone', async () => {
    const { fx, sha } = committedTrio()
    const run = await inProcess('promotion', {
      workspace: fx.root,
      sha,
      eventName: 'push',
      inputs: { base: 'no-such-branch', head: sha, comment: 'false', token: '' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error::--base no-such-branch names no commit in ${fx.root}. In a workflow, check out the full history (actions/checkout with fetch-depth: 0) so the base commit is there.`
    )
    expect(run.names).toEqual([])
    expect(run.summary).toContain(
      '**The run stopped before a verdict:** --base no-such-branch names no commit in'
    )
  })
})

describe('a repository of SHA-256 object names', () => {
  it('the promotion stops before a verdict with the refusal alone: no checkout of more history helps (found by review)', async () => {
    const { fx, sha } = sha256Trio()
    const run = await inProcess('promotion', {
      workspace: fx.root,
      sha,
      eventName: 'push',
      inputs: { base: 'HEAD', head: 'HEAD', comment: 'false', token: '' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::this repository names its objects with SHA-256')
    expect(run.stdout).not.toContain('fetch-depth')
  })
})

describe('rollback in process', () => {
  it('says what to check out when there is no history to read, never an internal error', async () => {
    const fx = trioFixture()
    gitRepo(fx) // no commit yet: HEAD names none
    const run = await inProcess('rollback', {
      workspace: fx.root,
      sha: '0'.repeat(40),
      eventName: 'workflow_dispatch',
      inputs: { trigger: 'contract-drift', reason: 'drill', 'dry-run': 'true', token: '' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('has no commit checked out (HEAD names none)')
    expect(run.stdout).toContain('check out the full history (actions/checkout with fetch-depth: 0)')
    expect(run.stdout).not.toContain('internal error')
  })

  it('a dry run names the target, opens nothing, writes no trio file, and puts the incident note in the summary', async () => {
    const { fx, repo, c } = threeBaselines([
      nodeStep('test', 'console.log("rollback suite ok")', [], { operations: ['rollback'] })
    ])
    const before = [PIN, MIRROR, MATRIX].map((f) => fx.read(f))
    const run = await inProcess('rollback', {
      workspace: fx.root,
      sha: repo.git('rev-parse', 'HEAD'),
      eventName: 'workflow_dispatch',
      inputs: {
        trigger: 'contract-drift',
        reason: '  the producer answers 500  ',
        'dry-run': 'true',
        token: ''
      }
    })
    expect(c.v6).toBeTruthy()
    expect([...run.names].sort()).toEqual(allOutputs('rollback'))
    const packet = packetOf(run, 'rollback-memorykernel')
    expect(run.outputs).toMatchObject({
      verdict: packet.verdict,
      'target-tag': TAGS.v5,
      'pull-request-url': '',
      'incident-issue-url': '',
      'artifact-name': 'baseline-gate-rollback-all-inprocess-4242-1',
      'upload-evidence': 'true'
    })
    sarifOf(run, 'rollback-memorykernel')
    expect(packet.identity.release_tag).toBe(TAGS.v5)
    expect(run.exitCode).toBe(packet.verdict === 'FAIL' ? 1 : 0)
    expect(run.stdout).toContain('baseline-gate rollback (contract-drift, dry run): evidence in ')
    expect(run.summary).toContain('**No pull request and no incident issue were opened:** this is a dry run')
    expect(run.summary).toMatch(/\n---\n\n/)
    expect([PIN, MIRROR, MATRIX].map((f) => fx.read(f))).toEqual(before)
    expect(repo.git('status', '--porcelain')).toBe('')
  })
})
