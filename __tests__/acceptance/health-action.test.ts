// Acceptance: the BUILT health action (dist/health/index.js) as a real child process, in a runner-like environment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { builtAction, lines, runBuiltAction } from '../helpers/action-run.js'
import type { ActionRun } from '../helpers/action-run.js'
import { cleanupFixtures, EMBEDDED, MATRIX, PIN, POLICY, tempDir, trioFixture } from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'

const RUN_ID = '987654321'
const RUN_ATTEMPT = '3'
const JOB = 'baseline_job'

beforeAll(() => {
  builtAction('health')
})
afterAll(cleanupFixtures)

interface Inputs {
  root?: string
  policy?: string
  baseline?: string
  probe?: string
  'evidence-dir'?: string
}

/** Run the action with a clean, runner-like environment; `workspace` is GITHUB_WORKSPACE. */
function runAction(workspace: string, inputs: Inputs = {}): Promise<ActionRun> {
  return runBuiltAction({
    action: 'health',
    workspace,
    runId: RUN_ID,
    runAttempt: RUN_ATTEMPT,
    job: JOB,
    repository: 'octo/consumer',
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    eventName: 'pull_request',
    inputs: {
      ...inputs,
      // fixtures hold the producer's published files, not its code: no runtime preflight here
      probe: inputs.probe ?? 'false'
    }
  })
}

const STACK_LINE = /^\s+at\s/m

interface Packet {
  verdict: string
  findings: { rule: string; severity: string; file: string | null; line: number | null }[]
}
function readPacket(run: ActionRun): Packet {
  return JSON.parse(
    readFileSync(join(run.outputs['evidence-dir']!, 'health-memorykernel.json'), 'utf8')
  ) as Packet
}

/** A matrix whose ledger gains `count` rows, each with a bad producer commit and an unknown Status. */
function addBadRows(fx: Fixture, count: number): void {
  const approved = fx
    .read(MATRIX)
    .split('\n')
    .find((l) => l.endsWith('| Approved |'))
  if (!approved) throw new Error('no Approved row in the fixture matrix')
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `| 0.0.${i + 1} | ${EMBEDDED.consumerCommit} | v0.0.${i + 1} | abc${i + 1} | ${EMBEDDED.service} | ${EMBEDDED.api} | ${EMBEDDED.integration} | Bogus |`
  )
  fx.replace(MATRIX, approved, [approved, ...rows].join('\n'))
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('the health action (built bundle)', () => {
  it('passes a valid trio: outputs, evidence and job summary', async () => {
    const fx = trioFixture()
    const run = await runAction(fx.root)

    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(/^::(error|warning)/m)
    expect(run.stdout).not.toMatch(STACK_LINE)
    expect(run.outputs.verdict).toBe('PASS')
    expect(run.outputs.posture).toBe('GO')
    expect(run.outputs['findings-count']).toBe('1') // the notice recording the skipped preflight (BG407)

    const dir = run.outputs['evidence-dir']!
    expect(statSync(dir).isDirectory()).toBe(true)
    expect(dir.startsWith(run.runnerTemp)).toBe(true)
    expect(statSync(join(dir, 'health-memorykernel.json')).isFile()).toBe(true)
    expect(statSync(join(dir, 'health-memorykernel.md')).isFile()).toBe(true)
    const packet = readPacket(run)
    expect(packet.verdict).toBe('PASS')
    expect(packet.findings.map((f) => f.rule)).toEqual(['BG407']) // only the skipped-preflight notice
    // nothing written into the repository itself
    expect(existsSync(join(fx.root, '.baseline-gate'))).toBe(false)

    const artifact = run.outputs['artifact-name']!
    expect(artifact).toContain(RUN_ID)
    expect(artifact).toContain(RUN_ATTEMPT)
    expect(artifact).toContain(JOB)
    expect(artifact).toMatch(/^[A-Za-z0-9._-]+$/)

    const releaseTag = (JSON.parse(fx.read(PIN)) as { release_tag: string }).release_tag
    expect(run.summary).toContain('PASS')
    expect(run.summary).toContain(releaseTag)
    expect(run.summary).toMatch(/Runtime cutover posture \| `GO`/)
    expect(run.summary).toContain(artifact)
  })

  it('an evidence-dir input is used as given (relative to the workspace)', async () => {
    const fx = trioFixture()
    const run = await runAction(fx.root, { 'evidence-dir': 'out/evidence' })
    expect(run.status).toBe(0)
    expect(run.outputs['evidence-dir']).toBe(join(fx.root, 'out', 'evidence'))
    expect(statSync(join(fx.root, 'out', 'evidence', 'health-memorykernel.json')).isFile()).toBe(true)
  })

  it('a baseline input selects that baseline and names the artifact after it', async () => {
    const fx = trioFixture()
    const run = await runAction(fx.root, { baseline: 'memorykernel' })
    expect(run.status).toBe(0)
    expect(run.outputs.verdict).toBe('PASS')
    expect(run.outputs['artifact-name']).toContain('memorykernel')
  })

  it('an invalid baseline input fails the step with one ::error and no stack trace', async () => {
    const fx = trioFixture()
    const run = await runAction(fx.root, { baseline: '../Not A Name' })
    expect(run.status).toBe(1)
    const errors = lines(run.stdout, '::error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::.*baseline/)
    expect(run.stdout).not.toMatch(STACK_LINE)
    expect(run.stderr).not.toMatch(STACK_LINE)
  })

  describe('a trio with many errors', () => {
    let fx: Fixture
    let run: ActionRun
    beforeAll(async () => {
      fx = trioFixture()
      addBadRows(fx, 12)
      run = await runAction(fx.root)
    })

    it('fails the step with exit code 1 and verdict FAIL', () => {
      expect(run.status).toBe(1)
      expect(run.outputs.verdict).toBe('FAIL')
      expect(run.stdout).not.toMatch(STACK_LINE)
    })

    it('annotates findings as ::error lines with title, file, line and col', () => {
      const annotations = lines(run.stdout, '::error title=')
      expect(annotations.length).toBeGreaterThan(0)
      expect(annotations.length).toBeLessThanOrEqual(10)
      const first = fx.lineOf(MATRIX, '| v0.0.1 |')
      for (const a of annotations) {
        expect(a).toMatch(
          new RegExp(`^::error title=BG\\d{3} [^,:]*,file=${escapeRegExp(MATRIX)},line=\\d+,col=\\d+::\\S`)
        )
        const line = Number(/,line=(\d+),/.exec(a)![1])
        expect(line).toBeGreaterThanOrEqual(first)
      }
    })

    it('emits at most 10 ::error lines in all (GitHub shows no more per step)', () => {
      expect(lines(run.stdout, '::error').length).toBeLessThanOrEqual(10)
    })

    it('findings-count equals the findings of the evidence, and the summary counts the ones not annotated', () => {
      const packet = readPacket(run)
      expect(packet.verdict).toBe('FAIL')
      const errors = packet.findings.filter((f) => f.severity === 'error').length
      expect(errors).toBeGreaterThan(10)
      expect(run.outputs['findings-count']).toBe(String(packet.findings.length))
      expect(run.summary).toContain('FAIL')
      // finding annotations carry a rule title; the step's own failure message does not
      const annotated = lines(run.stdout, '::error title=BG').length
      expect(run.summary).toContain(`${errors - annotated} more`)
      expect(run.summary).toContain(`${errors - annotated} errors`)
    })
  })

  it('a warning (BG208) is annotated as ::warning and still passes', async () => {
    const fx = trioFixture()
    fx.replace(
      MATRIX,
      '- Runtime cutover posture:',
      '- MemoryKernel flavour: `vanilla`\n- Runtime cutover posture:'
    )
    const run = await runAction(fx.root)

    expect(run.status).toBe(0)
    expect(run.outputs.verdict).toBe('PASS')
    expect(run.outputs.posture).toBe('GO')
    expect(run.outputs['findings-count']).toBe('2') // the warning and the skipped-preflight notice
    const warnings = lines(run.stdout, '::warning')
    expect(warnings).toHaveLength(1)
    const line = fx.lineOf(MATRIX, 'MemoryKernel flavour')
    expect(warnings[0]).toMatch(
      new RegExp(
        `^::warning title=BG208 [^,:]*,file=${escapeRegExp(MATRIX)},line=${line},col=\\d+::.*flavour`
      )
    )
    expect(lines(run.stdout, '::error')).toEqual([])
    expect(run.summary).toContain('BG208')
  })

  it('a pin value with escapes, a bidi override and forged commands: each annotation is one line of data', async () => {
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = 'v0.4.1\u001b[2J\n::error::pwned\u202e ##[add-mask]PASS'
    })
    const run = await runAction(fx.root)
    expect(run.status).toBe(1)
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    // no line the runner takes as a command but the tool's own: its annotations and the step's failure
    for (const l of run.stdout.split('\n').filter((x) => x.trimStart().startsWith('::') || x.includes('##[')))
      expect(l).toMatch(
        /^::(error|warning|notice) title=BG\d{3} |^::error::baseline promotion|^::error::baseline health/
      )
    const annotations = lines(run.stdout, '::error title=')
    expect(
      annotations.some((a) => a.includes('v0.4.1\\u001b[2J\\n::error::pwned\\u202e \\u0023#[add-mask]PASS'))
    ).toBe(true)
  })

  it('annotation paths are relative to the workspace when the root is a subdirectory of it', async () => {
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = 'v0.5'
    })
    const workspace = tempDir('bg-workspace-')
    cpSync(fx.root, join(workspace, 'sub'), { recursive: true })
    const run = await runAction(workspace, { root: 'sub' })

    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('FAIL')
    const annotations = lines(run.stdout, '::error title=')
    expect(annotations.length).toBeGreaterThan(0)
    for (const a of annotations) expect(a).toMatch(/,file=sub\/(config|docs|services)\//)
    const pinLine = fx.lineOf(PIN, '"release_tag"')
    expect(annotations.some((a) => a.includes(`file=sub/${PIN},line=${pinLine},`))).toBe(true)
    // the summary and evidence keep paths relative to the root
    const packet = readPacket(run)
    for (const f of packet.findings) expect(f.file === null || !f.file.startsWith('sub/')).toBe(true)
  })

  it('a policy file with invalid JSON fails the step with one ::error naming the file and line:col', async () => {
    const fx = trioFixture()
    fx.write(POLICY, '{\n  "policy_version": "baseline-policy.v1",\n  "baselines": {,\n}\n')
    const run = await runAction(fx.root)

    expect(run.status).toBe(1)
    const errors = lines(run.stdout, '::error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::config\/baseline-policy\.json:3:\d+: /)
    expect(run.stdout).not.toMatch(STACK_LINE)
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(run.stdout).not.toContain('internal error')
    expect(run.outputs.verdict).toBeUndefined()
  })

  it('hostile matrix content is escaped in the job summary', async () => {
    const fx = trioFixture()
    addBadRows(fx, 1)
    fx.replace(MATRIX, '| Bogus |', '| <script>alert(1)</script> \\| Bogus |')
    const run = await runAction(fx.root)

    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('FAIL')
    // the hostile text did reach a finding (so the summary had something to escape): the cell holds HTML (BG213)
    const packet = readPacket(run)
    expect(packet.findings.some((f) => f.rule === 'BG213')).toBe(true)
    expect(run.summary).toContain('&lt;script&gt;')
    expect(run.summary).not.toMatch(/<\/?script/i)
    // every findings-table row keeps its four cells: the pipes of the cell are escaped
    const rows = run.summary.split('\n').filter((l) => /^\| (❌|⚠️|ℹ️) \|/.test(l))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)).toHaveLength(5)
    const md = readFileSync(join(run.outputs['evidence-dir']!, 'health-memorykernel.md'), 'utf8')
    expect(md).not.toMatch(/<\/?script/i)
  })
})
