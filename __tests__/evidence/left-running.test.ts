// The processes a suite step left running, in the evidence: the sentence the Markdown shows, the packet's
// `killed` and `containment` in evidence-packet.v1, and a promotion whose step escapes with setsid: the
// packet and its Markdown name the process that was killed, and it is gone.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { leftRunning, leftRunningLine } from '../../src/evidence/left-running.js'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import type { StepResult } from '../../src/rules/verdict.js'
import { cleanupFixtures, EMBEDDED, nextTag, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE, producerRelease, promote, repin, writePolicy } from '../helpers/git-repo.js'
import { expectGone, killLeftovers, recordedPids } from '../helpers/processes.js'

afterAll(cleanupFixtures)

const step = (extra: Partial<StepResult> = {}): StepResult => ({
  suite: 'consumer',
  name: 'test',
  status: 'passed',
  exit_code: 0,
  duration_ms: 10,
  required: true,
  killed: [],
  containment: 'tracked',
  ...extra
})

describe('leftRunning', () => {
  it('says plainly what was killed, and how it was found', () => {
    const line = leftRunningLine(step({ killed: [{ pid: 1234, command: 'sleep', found: 'descendant' }] }))
    expect(line).toBe(
      'consumer › test: killed 1 process left running after the step: `sleep` (pid 1234, left its process group).'
    )
  })

  it('a timed-out step, several processes, one of them another user’s', () => {
    const line = leftRunningLine(
      step({
        status: 'timed-out',
        killed: [
          { pid: 10, command: 'cargo', found: 'group' },
          { pid: 11, command: 'srv`|x', found: 'marker' },
          { pid: 12, command: 'sudo', found: 'descendant', error: 'EPERM' }
        ]
      })
    )
    expect(line).toBe(
      'consumer › test: killed 2 processes still running when it timed out: `cargo` (pid 10, still in its process group), ' +
        "`srv'\\|x` (pid 11, left its process group and tree, found by its environment marker); " +
        'could not kill 1 process: `sudo` (pid 12, left its process group: EPERM).'
    )
  })

  it('says when no step left anything, nothing when no step ran, and when the runner could not track', () => {
    expect(leftRunning([step(), step({ name: 'b' })])).toBe('No step left a process running.')
    expect(leftRunning([{ ...step(), killed: undefined, containment: undefined }])).toBe('')
    const mac = leftRunning([step({ containment: 'group-only' })])
    expect(mac).toContain('No step left a process running.')
    expect(mac).toContain('This runner has no /proc')
  })
})

describe('the packet schema', () => {
  const packetWith = (s: StepResult): unknown => ({
    schema: 'evidence-packet.v1',
    tool: { name: 'baseline-gate', version: '0.1.0' },
    operation: 'promotion',
    baseline: 'memorykernel',
    started_at: '2026-01-01T00:00:00.000Z',
    finished_at: '2026-01-01T00:00:01.000Z',
    duration_ms: 1000,
    judged_at: { at: '2026-01-01T00:00:00.000Z', source: 'wall-clock', commit: null },
    git: {
      repository: null,
      commit: null,
      ref: null,
      event: null,
      run_id: null,
      run_attempt: null
    },
    policy: { source: 'defaults', path: null, sha256: 'b'.repeat(64) },
    trio: {
      pin: { path: 'p', sha256: null, bytes: null },
      manifest: { path: 'm', sha256: null, bytes: null },
      matrix: { path: 'x', sha256: null, bytes: null }
    },
    identity: {
      release_tag: null,
      commit_sha: null,
      service_contract_version: null,
      api_contract_version: null,
      integration_baseline: null,
      manifest_sha256: null
    },
    posture: null,
    findings: [],
    steps: [s],
    tools: {},
    redactions: 0,
    verdict: 'PASS'
  })

  it('accepts the killed processes and the containment, and refuses what they are not', () => {
    const ok = step({ killed: [{ pid: 5, command: 'sleep', found: 'marker', error: 'EPERM' }] })
    expect(validateEvidence(packetWith(ok)) ? [] : validateEvidence.errors).toEqual([])
    expect(validateEvidence(packetWith(step({ containment: 'none' as 'tracked' })))).toBe(false)
    const badFound = { pid: 5, command: 'sleep', found: 'guess' as 'group' }
    expect(validateEvidence(packetWith(step({ killed: [badFound] })))).toBe(false)
    expect(validateEvidence(packetWith(step({ killed: [{ pid: 0, command: 'x', found: 'group' }] })))).toBe(
      false
    )
  })
})

const linux = existsSync('/proc/self/stat')

;(linux ? describe : describe.skip)('a promotion whose suite step escapes with setsid', () => {
  it('kills the escaped grandchild, and the packet and its Markdown say so', async () => {
    const pidFile = join(tempDir(), 'pids')
    const fx = trioFixture()
    writePolicy(fx, {
      consumer: [
        {
          name: 'escapes',
          // the pid is written once the grandchild is sleep (between its fork and its exec it is named sh; a bounded wait)
          run: [
            'sh',
            '-c',
            `setsid sh -c 'sleep 300 & p=$! i=0; until [ "$(cat /proc/$p/comm)" = sleep ] || [ $i = 500 ]; do i=$((i+1)); done; echo $p > "$1"' inner "$1"; echo done`,
            'sh',
            pidFile
          ]
        }
      ]
    })
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
    producerRelease(fx, nextTag(EMBEDDED.tag, 'minor'))
    repin(fx)
    repo.commit('promote')
    try {
      const run = await promote(fx, { base, suites: true })
      const [pid] = recordedPids(pidFile)
      expect(pid).toBeDefined()
      await expectGone([pid!])
      const b = run.result.baselines[0]!
      const escaped = b.steps.find((s) => s.name === 'escapes')!
      expect(escaped).toMatchObject({ status: 'passed', containment: 'tracked' })
      expect(escaped.killed).toEqual([
        { pid, command: 'sleep', found: expect.stringMatching(/descendant|marker/) }
      ])
      const files = run.files()
      const md = Object.entries(files).find(([name]) => name.endsWith('.md') && name.startsWith('promotion'))
      expect(md).toBeDefined()
      expect(md![1].toString()).toContain(
        `consumer › escapes: killed 1 process left running after the step: \`sleep\` (pid ${pid}, left its process group`
      )
    } finally {
      killLeftovers(recordedPids(pidFile))
    }
  }, 60_000)
})
