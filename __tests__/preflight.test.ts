// The runtime preflight against a producer that misbehaves on purpose (__fixtures__/fake-producer.mjs, a real
// child process with a grandchild): every failure gives its 4xx rule and FAIL, and no process is left behind.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import type { RunnerClock } from '../src/exec/clock.js'
import { renderReport } from '../src/cli/render.js'
import { launchProducer } from '../src/producer/launch.js'
import { lineToText } from '../src/present/inline.js'
import { nextSteps } from '../src/present/next-steps.js'
import { loadPolicy } from '../src/policy/load.js'
import type { PreflightReport } from '../src/producer/preflight.js'
import { preflightRules } from '../src/rules/preflight.js'
import { loadTrio } from '../src/trio/load.js'
import { healthPass } from './present/fixtures.js'
import { notRun } from '../src/present/not-run.js'
import { RULE_IDS } from '../src/rules/catalog.js'
import type { RuleId } from '../src/rules/catalog.js'
import {
  cleanupFixtures,
  EMBEDDED,
  health,
  MATRIX,
  MIRROR,
  PIN,
  POLICY,
  REPO_ROOT,
  SCHEMAS,
  tempDir,
  trioFixture
} from './helpers/fixture.js'
import { addBilling, BILLING } from './helpers/two-baselines.js'
import { expectGone, killLeftovers, recordedPids } from './helpers/processes.js'

afterAll(cleanupFixtures)

const FAKE = join(REPO_ROOT, '__fixtures__/fake-producer.mjs')

/**
 * The probe's timeouts: short only where running out of time is the case under test (a producer that never
 * answers, a request that hangs); elsewhere a bound that only a broken run reaches, so that how fast this
 * machine starts node decides nothing.
 */
function probeTimeouts(mode: string): { ready_timeout_s: number; request_timeout_s: number } {
  return { ready_timeout_s: mode === 'never-ready' ? 1 : 30, request_timeout_s: mode === 'hang' ? 1 : 10 }
}

function fakeProducer(mode: string, argv?: string[]) {
  const fx = trioFixture()
  const pidFile = join(tempDir('bg-pids-'), 'pids')
  fx.editJson(POLICY, (policy) => {
    const b = (policy.baselines as Record<string, { producer: Record<string, unknown> }>).memorykernel!
    b.producer.start = {
      run: argv ?? [process.execPath, FAKE, '--port', '{port}', '--mode', mode, '--pid-file', pidFile],
      cwd: '{repo_root}'
    }
    b.producer.probe = probeTimeouts(mode)
  })
  return { fx, pidFile }
}

/** Every process the fake started is gone. */
async function expectNoneLeft(pidFile: string): Promise<void> {
  const pids = recordedPids(pidFile)
  if (pids.length === 0) return // never started
  await expectGone(pids)
}

async function probeWith(mode: string, argv?: string[]) {
  const { fx, pidFile } = fakeProducer(mode, argv)
  const result = await health(fx.root, { probe: true })
  await expectNoneLeft(pidFile)
  const b = result.baselines[0]!
  return { fx, result, findings: b.findings, steps: b.steps }
}

const probed = new Map<string, ReturnType<typeof probeWith>>()
/**
 * probeWith(mode) run once for the tests that only read what it gave: several assert on one mode (the hang
 * waits out its real one-second timeout each time it runs). A test that edits the fixture runs its own.
 */
function probeOnce(mode: string): ReturnType<typeof probeWith> {
  let run = probed.get(mode)
  if (run === undefined) {
    run = probeWith(mode)
    probed.set(mode, run)
  }
  return run
}

const CASES: { mode: string; rule: RuleId; what: string }[] = [
  { mode: 'wrong-version', rule: 'BG403', what: 'a wrong contract version' },
  { mode: 'wrong-version', rule: 'BG309', what: "a runtime contract that is not its own manifest's" },
  { mode: 'forbidden-field', rule: 'BG405', what: 'a forbidden legacy_error in the error envelope' },
  { mode: 'malformed-body', rule: 'BG404', what: 'a body that is not JSON' },
  { mode: 'hang', rule: 'BG404', what: 'a request that hangs past its timeout' },
  { mode: 'refuse', rule: 'BG404', what: 'a refused connection' },
  { mode: 'crash', rule: 'BG401', what: 'a crash at start' },
  { mode: 'never-ready', rule: 'BG402', what: 'a producer that never answers' },
  { mode: 'bad-schema', rule: 'BG406', what: 'a body its schema does not allow' }
]

describe('runtime preflight against a misbehaving producer', () => {
  it('a producer that keeps the contract passes, every request a passed step', async () => {
    const { result, findings, steps } = await probeWith('ok')
    expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
    expect(result.verdict).toBe('PASS')
    expect(steps.map((s) => [s.name, s.status])).toEqual([
      ['start producer', 'passed'],
      ['GET /v1/health', 'passed'],
      ['GET /v1/ready', 'passed'],
      ['POST /v1/db/schema-version', 'passed'],
      ['POST /v1/query/ask (malformed JSON)', 'passed'],
      ['POST /v1/query/ask', 'passed']
    ])
  })

  it.each(CASES.map((c) => [`${c.rule}: ${c.what}`, c] as const))('%s', async (_title, c) => {
    const { findings, result } = await probeOnce(c.mode)
    expect(findings.map((f) => f.rule)).toContain(c.rule)
    expect(result.verdict).toBe('FAIL')
  })

  it('a producer that answers 503 while it warms up is waited for, not probed half-started (found by review)', async () => {
    const { result, steps } = await probeWith('warming')
    expect(result.verdict).toBe('PASS')
    expect(steps.every((s) => s.status === 'passed')).toBe(true)
  })

  it('an announced https:// address is not polled: the preflight ends, the producer stopped (found by review: it hung)', async () => {
    // the fake serves plain HTTP on the port it was given and announces https: the announcement is passed over
    const { result } = await probeWith('https-announce')
    expect(result.verdict).toBe('PASS')
  })

  it('a process that escapes the producer never outlives it silently: killed and listed on the stop step, or BG410 (found by review)', async () => {
    const escaped = join(tempDir('bg-escaped-'), 'pids')
    const { fx, pidFile } = fakeProducer('escape')
    fx.editJson(POLICY, (policy) => {
      const b = (policy.baselines as Record<string, { producer: { start: { run: string[] } } }>).memorykernel!
      b.producer.start.run.push('--escaped-pid-file', escaped)
    })
    try {
      const result = await health(fx.root, { probe: true })
      await expectNoneLeft(pidFile)
      const b = result.baselines[0]!
      const stop = b.steps.at(-1)!
      expect(stop.name).toBe('stop producer')
      // whether the gate saw it leave (its process tree, its marker) is the moment's: either way it is said
      if (stop.status === 'passed') {
        expect(result.verdict).toBe('PASS')
        expect(stop.killed?.map((k) => k.command)).toContain('sleep')
      } else {
        expect([result.verdict, stop.status, stop.error]).toEqual([
          'FAIL',
          'failed',
          'output still open after SIGKILL'
        ])
        expect(b.findings.map((f) => f.rule)).toContain('BG410')
      }
    } finally {
      killLeftovers(recordedPids(escaped))
    }
  })

  it('reports whole milliseconds for every step, as the other steps do (found by review: the launch was 215.07293199999998)', () => {
    const report: PreflightReport = {
      launch: { ok: true, baseUrl: 'http://127.0.0.1:1/', ms: 215.07293199999998 },
      exchanges: [],
      outputTail: '',
      stopped: null,
      durationMs: 230
    }
    const pin = loadTrio(REPO_ROOT, loadPolicy({ root: REPO_ROOT, cwd: REPO_ROOT }).baselines[0]!).pin
    const judged = preflightRules({ report, pin, producerManifest: null, producerManifestPath: 'm.json' })
    expect(judged.steps[0]).toMatchObject({ name: 'start producer', duration_ms: 215 })
    for (const s of judged.steps) expect(Number.isInteger(s.duration_ms)).toBe(true)
  })

  it('BG410: a process that escaped and held the output fails the stop step; no rollback is advised', () => {
    const report: PreflightReport = {
      launch: { ok: true, baseUrl: 'http://127.0.0.1:1/', ms: 10 },
      exchanges: [],
      outputTail: '',
      stopped: { killed: [], escaped: true, ms: 5000 },
      durationMs: 5100
    }
    const pin = loadTrio(REPO_ROOT, loadPolicy({ root: REPO_ROOT, cwd: REPO_ROOT }).baselines[0]!).pin
    const judged = preflightRules({ report, pin, producerManifest: null, producerManifestPath: 'm.json' })
    expect(judged.findings.map((f) => [f.rule, f.severity])).toEqual([['BG410', 'error']])
    expect(judged.findings[0]!.message).toMatch(
      /^a process the producer started left its process group and tree and still held its output after the producer was stopped/
    )
    expect(judged.steps.at(-1)).toMatchObject({
      name: 'stop producer',
      status: 'failed',
      required: true,
      duration_ms: 5000
    })
    const result = healthPass()
    result.verdict = 'FAIL'
    result.baselines[0] = {
      ...result.baselines[0]!,
      verdict: 'FAIL',
      findings: judged.findings,
      steps: judged.steps
    }
    const next = nextSteps(result).map(lineToText)
    expect(next.join('\n')).not.toContain('roll back')
    expect(next.at(-1)).toBe(
      'A process the producer started outlived it (BG410): find it with ps and stop it, and change producer.start.run so that nothing it starts outlives the producer.'
    )
  })

  it('a health route that answers 404 is judged at once (BG404), not waited on as if warming up (found by review)', async () => {
    const { findings } = await probeWith('health-404')
    expect(findings.map((f) => f.rule)).not.toContain('BG402')
    expect(findings.find((f) => f.rule === 'BG404')?.message).toMatch(
      /^GET \/v1\/health: HTTP 404, expected 200/
    )
  })

  it('another listener announced first (a metrics exporter) does not take the probes from the port given (found by review)', async () => {
    const { result } = await probeWith('other-listener')
    expect(result.verdict).toBe('PASS')
  })

  it('a wrong version points at the pin field it contradicts', async () => {
    const { fx, findings } = await probeOnce('wrong-version')
    const f = findings.find((x) => x.rule === 'BG403')!
    expect([f.file, f.line]).toEqual([PIN, fx.lineOf(PIN, '"expected_service_contract_version"')])
  })

  it('a hang is a timed-out step, and the requests after a failed start are not-run steps', async () => {
    const hang = await probeOnce('hang')
    expect(hang.steps.find((s) => s.name === 'POST /v1/db/schema-version')!.status).toBe('timed-out')
    const crash = await probeOnce('crash')
    expect(crash.steps[0]!.status).toBe('failed')
    expect(crash.steps.slice(1).every((s) => s.status === 'not-run')).toBe(true)
    expect(crash.findings.find((f) => f.rule === 'BG401')!.message).toContain('cannot open database')
    // the terminal shows the producer's lines as lines under the finding, never one line of \n (found by review)
    const text = renderReport(crash.result, crash.fx.root)
    expect(text).toMatch(
      /BG401 {2}the producer exited before it answered \([^)]*\); its last output:\n {6}\| /
    )
    expect(text).toContain('      | fake-producer: cannot open database: no such file')
    expect(text).not.toContain('its last output:\\n')
  })

  it('a command that does not exist is BG401, saying so', async () => {
    const { findings, result } = await probeWith('x', ['no-such-producer-binary-xyz', '--port', '{port}'])
    expect(findings.find((f) => f.rule === 'BG401')!.message).toMatch(/ENOENT|not.*installed/)
    expect(result.verdict).toBe('FAIL')
    // a producer that did not start here says nothing of production: the way on, not a rollback
    const next = nextSteps(result).map(lineToText)
    expect(next.join('\n')).not.toContain('roll back')
    expect(next[next.length - 1]).toBe(
      'The producer did not start or answer here (BG401 says why: its command, its toolchain, its build, or a ready timeout shorter than its start, producer.probe.ready_timeout_s in the policy); once it answers, run health again, or npx --no baseline-gate health --no-probe judges the files without the running producer.'
    )
  })

  it('a producer that never answered here (BG402) gets no rollback advice either, but where its timeout is set (found by review)', async () => {
    const { result } = await probeOnce('never-ready')
    const next = nextSteps(result).map(lineToText)
    expect(next.join('\n')).not.toContain('roll back')
    expect(next[next.length - 1]).toBe(
      'The producer did not start or answer here (BG402 says why: its command, its toolchain, its build, or a ready timeout shorter than its start, producer.probe.ready_timeout_s in the policy); once it answers, run health again, or npx --no baseline-gate health --no-probe judges the files without the running producer.'
    )
  })

  it('a producer that answers wrong is a preflight failure: the rollback advised names that trigger, not contract drift (found by review)', async () => {
    const { result } = await probeOnce('wrong-version')
    expect(nextSteps(result).map(lineToText).pop()).toContain(
      'npx --no baseline-gate rollback --trigger preflight-failure --reason'
    )
  })

  it('with a pin it cannot read, the probes still run, and BG409 says the contract was not compared', async () => {
    const { fx, pidFile } = fakeProducer('ok')
    fx.write(PIN, '{ "release_tag": ')
    const result = await health(fx.root, { probe: true })
    await expectNoneLeft(pidFile)
    const b = result.baselines[0]!
    expect(result.verdict).toBe('FAIL')
    const bg409 = b.findings.find((f) => f.rule === 'BG409')!
    expect([bg409.severity, bg409.file]).toEqual(['notice', PIN])
    expect(bg409.message).toContain('not compared with the pin')
    expect(notRun(b).map(lineToText).join('\n')).toContain(
      "The producer's contract versions were not compared"
    )
  })

  it('a start directory that does not exist is BG401 naming it and the policy fields, not PATH', async () => {
    const { fx } = fakeProducer('ok')
    fx.editJson(POLICY, (policy) => {
      const b = (policy.baselines as Record<string, { producer: Record<string, unknown> }>).memorykernel!
      ;(b.producer.start as Record<string, unknown>).cwd = '{repo_root}/servces/memorykernel'
    })
    const result = await health(fx.root, { probe: true })
    const message = result.baselines[0]!.findings.find((f) => f.rule === 'BG401')!.message
    expect(message).toContain(`no working directory ${join(fx.root, 'servces', 'memorykernel')}`)
    expect(message).toContain("check the policy's producer.root and producer.start.cwd")
    expect(message).not.toContain('PATH')
    // the requests never sent are among what did not run, and no step is said to have a log to read
    const b = result.baselines[0]!
    expect(notRun(b).map(lineToText)).toContain(
      '5 probe requests of the runtime preflight not sent: the producer did not start, or the run ended first (see the findings).'
    )
    expect(nextSteps(result).map(lineToText).join('\n')).not.toContain('Read the log')
  })

  it('pending migrations are a warning (BG408), not a failure', async () => {
    const { findings, result } = await probeWith('pending')
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['BG408', 'warning'])
    expect(result.verdict).toBe('PASS')
  })

  it('after a rollback (BG310) the producer runs the withdrawn release: its envelopes are not held to the restored pin (found by review)', async () => {
    // the trio restored to an older baseline of service.v2; the producer's tree (and what it runs, service.v3)
    // still at the embedded release, which the ledger withdrew
    const restored = async (status: string, mode = 'ok') => {
      const { fx, pidFile } = fakeProducer(mode)
      const older = { tag: 'v0.3.0', commit: 'd'.repeat(40), service: 'service.v2' }
      fx.editJson(MIRROR, (m) => {
        m.release_tag = older.tag
        m.commit_sha = older.commit
        m.expected_service_contract_version = older.service
      })
      const digest = createHash('sha256').update(fx.read(MIRROR)).digest('hex')
      fx.editJson(PIN, (p) => {
        p.release_tag = older.tag
        p.commit_sha = older.commit
        p.expected_service_contract_version = older.service
        p.expected_producer_manifest_sha256 = digest
        p.runtime_cutover_posture = 'NO-GO'
      })
      const row = fx
        .read(MATRIX)
        .split('\n')
        .find((l) => l.includes('| Approved |'))!
      fx.replace(MATRIX, `release tag: \`${EMBEDDED.tag}\``, `release tag: \`${older.tag}\``)
      fx.replace(MATRIX, /(commit SHA: `)[0-9a-f]{40}/, `$1${older.commit}`)
      fx.replace(
        MATRIX,
        `service contract version: \`${EMBEDDED.service}\``,
        `service contract version: \`${older.service}\``
      )
      fx.replace(MATRIX, /(manifest SHA-256: `)[0-9a-f]{64}/, `$1${digest}`)
      fx.replace(MATRIX, 'posture: `GO`', 'posture: `NO-GO`')
      fx.replace(
        MATRIX,
        row,
        `${row.replace('| Approved |', `| ${status} |`)}\n| 0.0.9 | 1111111 | ${older.tag} | ${older.commit} | ${older.service} | ${EMBEDDED.api} | ${EMBEDDED.integration} | Approved |`
      )
      const result = await health(fx.root, { probe: true })
      await expectNoneLeft(pidFile)
      return result.baselines[0]!
    }
    const held = await restored('Rolled back')
    expect([held.verdict, held.findings.filter((f) => f.severity !== 'notice').map((f) => f.rule)]).toEqual([
      'PASS',
      ['BG310']
    ])
    expect(held.findings[0]!.message).toContain(
      "where health probes the producer, the contract versions it reports are held to that row's, not the pin's"
    )
    // held to the contract the ledger recorded for the withdrawn release: a producer changed since to serve another
    // is caught (found by attacking 4def53c, which compared it with nothing)
    const changed = await restored('Rolled back', 'wrong-version')
    const mismatch = changed.findings.find((f) => f.rule === 'BG403')!
    expect([mismatch.file, mismatch.line, mismatch.message]).toEqual([
      MATRIX,
      expect.any(Number),
      expect.stringContaining(
        'withdrawn (BG310), and reports service_contract_version "service.v2", but the ledger records "service.v3" for that release'
      )
    ])
    // not withdrawn, the producer's release is drift, and its envelopes contradict the pin
    const drifted = (await restored('Superseded')).findings.map((f) => f.rule)
    expect(drifted).toEqual(expect.arrayContaining(['BG301', 'BG403']))
  })

  it("reads every baseline's files before any producer starts: a producer cannot rewrite what is judged after it (found by review)", async () => {
    const { fx, pidFile } = fakeProducer('ok')
    addBilling(fx)
    const good = join(tempDir('bg-good-pin-'), 'pin.json')
    writeFileSync(good, fx.readBytes(BILLING.pin))
    fx.editJson(POLICY, (policy) => {
      const baselines = policy.baselines as Record<string, { producer: Record<string, unknown> }>
      // memorykernel's producer writes a good billing pin over the broken one before it serves
      const start = baselines.memorykernel!.producer.start as { run: string[] }
      start.run = [...start.run, '--overwrite', join(fx.root, BILLING.pin), '--with', good]
      baselines.billing!.producer.probe = { ...(baselines.billing!.producer.probe as object), enabled: false }
    })
    fx.editJson(BILLING.pin, (pin) => {
      pin.release_tag = 'v9.9.9'
    })
    const result = await health(fx.root, { probe: true })
    await expectNoneLeft(pidFile)
    // the producer did rewrite it, after billing was read
    expect(fx.readBytes(BILLING.pin).equals(readFileSync(good))).toBe(true)
    const billing = result.baselines.find((b) => b.name === 'billing')!
    expect([billing.verdict, billing.identity.release_tag]).toEqual(['FAIL', 'v9.9.9'])
    // its probe is off in the policy, and BG407 says so, not that the run was told to skip it (found by review)
    expect(billing.findings.find((f) => f.rule === 'BG407')?.message).toBe(
      'the runtime preflight was skipped: the policy turns it off for this baseline (producer.probe.enabled: false), so the producer was not started or probed'
    )
  })

  it('a missing producer schema fails the request it covers (BG406)', async () => {
    const { fx, pidFile } = fakeProducer('ok')
    fx.remove(`${SCHEMAS}/ready-response.schema.json`)
    const result = await health(fx.root, { probe: true })
    await expectNoneLeft(pidFile)
    const f = result.baselines[0]!.findings.find((x) => x.rule === 'BG406')!
    expect(f.message).toContain('ready-response.schema.json')
    expect(result.verdict).toBe('FAIL')
  })

  it('without the probe the skip is recorded (BG407) and the start step reads skipped', async () => {
    const fx = trioFixture()
    const result = await health(fx.root, { probe: false, keepSkipNotice: true })
    const b = result.baselines[0]!
    expect(b.findings.map((f) => [f.rule, f.severity])).toContainEqual(['BG407', 'notice'])
    expect(b.steps.map((s) => [s.name, s.status])).toEqual([['start producer', 'skipped']])
  })

  it('interrupting the CLI (Ctrl-C) while it waits for the producer stops the producer too', async () => {
    const { fx, pidFile } = fakeProducer('never-ready')
    fx.editJson(POLICY, (policy) => {
      const b = (policy.baselines as Record<string, { producer: Record<string, unknown> }>).memorykernel!
      b.producer.probe = { ready_timeout_s: 120, request_timeout_s: 1 }
    })
    const cli = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli/index.js'), 'health', '--root', fx.root], {
      stdio: 'ignore',
      env: { PATH: process.env.PATH, BASELINE_GATE_COMPILE_CACHE: '0' }
    })
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)))
    // the fake has started (it and its grandchild recorded their pids), however long that takes
    while (recordedPids(pidFile).length < 2 && cli.exitCode === null)
      await new Promise((r) => setTimeout(r, 50))
    cli.kill('SIGINT')
    expect(await exited).toBe(130)
    await expectNoneLeft(pidFile)
  })

  it('the ready timeout is counted on the launch clock: a producer that never answers times out at that bound', async () => {
    // each pause between polls moves this clock on by the pause at once: the bound is reached in five polls
    let now = 0
    const clock: RunnerClock = {
      now: () => now,
      date: () => new Date(now),
      after: (ms, fire) => {
        now += ms
        setImmediate(fire)
        return () => {}
      }
    }
    const pidFile = join(tempDir('bg-pids-'), 'pids')
    const launch = await launchProducer({
      argv: [process.execPath, FAKE, '--port', '{port}', '--mode', 'never-ready', '--pid-file', pidFile],
      cwd: REPO_ROOT,
      env: process.env,
      readyTimeoutMs: 1000,
      clock
    })
    await launch.handle?.stop()
    expect(launch).toMatchObject({
      ok: false,
      reason: 'timeout',
      ms: 1000,
      // where it asked, and where the timeout is set, for a first build slower than it (found by review)
      message: expect.stringMatching(
        /^the producer did not answer HTTP at http:\/\/127\.0\.0\.1:\d+\/v1\/health within 1\.0 s \(a first build may take longer: raise producer\.probe\.ready_timeout_s in the policy; it printed nothing\)$/
      )
    })
    await expectNoneLeft(pidFile)
  })

  it('covers every rule of the runtime families (4xx, BG309)', () => {
    const covered = new Set<string>([
      ...CASES.map((c) => c.rule),
      'BG401',
      'BG406',
      'BG407',
      'BG408',
      'BG409',
      'BG410'
    ])
    expect(RULE_IDS.filter((id) => (id.startsWith('BG4') || id === 'BG309') && !covered.has(id))).toEqual([])
  })
})
