// Results as the operations return them, for the presentation tests and the golden renderings: a promotion that
// passes, one the rules fail (suites skipped), one a suite fails (a process left running), a huge one; health
// PASS and FAIL; a rollback restored with and without its suites. Realistic values, fixed instants.
import { nextMilestone, renderIncidentNote, severityOf } from '../../src/evidence/incident-note.js'
import type { IncidentEvidence } from '../../src/evidence/incident-note.js'
import type { ChangeEvidence } from '../../src/evidence/packet.js'
import type { BaselineResult, OperationResult } from '../../src/operations/context.js'
import { finding } from '../../src/rules/finding.js'
import type { StepResult } from '../../src/rules/verdict.js'
import type { Identity } from '../../src/trio/model.js'
import { blobLinks } from '../../src/present/links.js'
import type { Links } from '../../src/present/links.js'

export const PIN = 'config/memorykernel-integration-pin.json'
export const MATRIX = 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
export const HEAD = '9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c'
export const BASE = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b'

export const V040: Identity = {
  release_tag: 'v0.4.0',
  commit_sha: '7e48a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7',
  service_contract_version: 'service.v3',
  api_contract_version: 'api.v1',
  integration_baseline: 'integration/v1',
  manifest_sha256: 'a'.repeat(64)
}
export const V050: Identity = {
  release_tag: 'v0.5.0',
  commit_sha: 'c0ffee00112233445566778899aabbccddeeff00',
  service_contract_version: 'service.v4',
  api_contract_version: 'api.v1',
  integration_baseline: 'integration/v1',
  manifest_sha256: 'b'.repeat(64)
}

export const LINKS: Links = {
  file: blobLinks({ server: 'https://github.com', repository: 'octo/app', sha: HEAD, prefix: '' }),
  run: 'https://github.com/octo/app/actions/runs/4242',
  artifact: 'baseline-gate-promotion-4242-1'
}

const SUITE_STEPS: [string, string][] = [
  ['consumer', 'lint'],
  ['consumer', 'typecheck'],
  ['consumer', 'unit tests'],
  ['consumer', 'contract tests'],
  ['producer', 'cargo fmt'],
  ['producer', 'cargo clippy'],
  ['producer', 'cargo test'],
  ['producer', 'verify contract']
]

export function step(
  suite: string,
  name: string,
  status: StepResult['status'],
  extra: Partial<StepResult> = {}
): StepResult {
  return {
    suite,
    name,
    status,
    exit_code: status === 'passed' ? 0 : status === 'failed' ? 1 : null,
    duration_ms: status === 'skipped' ? 0 : 2340,
    required: status !== 'skipped',
    ...extra
  }
}

export const steps = (status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult[] =>
  SUITE_STEPS.map(([suite, name]) => step(suite, name, status, extra))

export function change(extra: Partial<ChangeEvidence> = {}): ChangeEvidence {
  return {
    base: BASE,
    head: HEAD,
    trio_changed: true,
    changed_files: [PIN, 'config/memorykernel-producer-manifest.json', MATRIX],
    classification: 'additive',
    codes_added: ['RATE_LIMITED'],
    codes_removed: [],
    posture_from: 'NO-GO',
    posture_to: 'NO-GO',
    approval: null,
    ...extra
  }
}

export function baseline(extra: Partial<BaselineResult>): BaselineResult {
  return {
    name: 'memorykernel',
    identity: V050,
    posture: 'NO-GO',
    findings: [],
    steps: [],
    verdict: 'PASS',
    evidence: '/repo/.baseline-gate/evidence/promotion-memorykernel.json',
    ...extra
  }
}

const result = (operation: OperationResult['operation'], b: BaselineResult): OperationResult => ({
  operation,
  verdict: b.verdict,
  baselines: [b],
  evidence: b.evidence
})

export const promotionPass = (): OperationResult =>
  result('promotion', baseline({ change: change(), previous: V040, steps: steps('passed'), redactions: 0 }))

/** The verdict's job of the example workflow: the rules only, the suites in a job of their own. */
export const promotionPassNoSuites = (): OperationResult =>
  result(
    'promotion',
    baseline({
      change: change(),
      previous: V040,
      findings: [
        finding(
          'BG704',
          null,
          null,
          'the suites were not run (on request: --no-suites, or the input suites: false): 8 steps skipped; this verdict covers the rules only'
        )
      ],
      steps: steps('skipped', { skip_reason: 'on request: --no-suites, or the input suites: false' }),
      redactions: 0
    })
  )

export const RULES_SKIP = 'the rules already decide FAIL (2 errors)'

export const promotionRulesFail = (): OperationResult =>
  result(
    'promotion',
    baseline({
      verdict: 'FAIL',
      previous: V040,
      change: change({ classification: 'breaking', codes_removed: ['LEGACY_TIMEOUT'], codes_added: [] }),
      findings: [
        finding('BG704', null, null, `the suites were not run: ${RULES_SKIP}`),
        finding(
          'BG502',
          PIN,
          { line: 4, column: 3 },
          'the producer removed the error code LEGACY_TIMEOUT (a breaking change) but the service contract stays service.v4: bump it to service.v5 in the pin, the mirror and the matrix'
        ),
        finding(
          'BG204',
          MATRIX,
          { line: 12, column: 1 },
          'Baseline Pin line "Release tag" says v0.4.0; the pin says v0.5.0'
        ),
        finding(
          'BG208',
          MATRIX,
          { line: 3, column: 1 },
          'the matrix names a machine-specific path /home/alice/src/memorykernel'
        )
      ],
      steps: steps('skipped', { skip_reason: RULES_SKIP })
    })
  )

export const promotionSuiteFail = (): OperationResult => {
  const all = steps('passed')
  all[2] = step('consumer', 'unit tests', 'failed', {
    log_file: 'promotion-memorykernel-03-consumer-unit-tests.log',
    log_tail:
      'FAIL src/client.test.ts\n  ● parses the RATE_LIMITED envelope\n    expected 429, got 500\nTests: 1 failed, 212 passed\n',
    killed: [{ pid: 4711, command: 'memory-kernel-se', found: 'marker' }],
    containment: 'tracked'
  })
  return result(
    'promotion',
    baseline({
      verdict: 'FAIL',
      change: change(),
      previous: V040,
      steps: all,
      findings: [finding('BG701', null, null, 'step consumer › unit tests failed with exit code 1')],
      redactions: 1
    })
  )
}

/** A promotion with `n` findings and failed steps with long tails: what the budgets must cut. */
export function promotionHuge(n: number, tailChars: number): OperationResult {
  const findings = Array.from({ length: n }, (_, i) =>
    finding(
      'BG209',
      MATRIX,
      { line: i + 20, column: 3 },
      `ledger cell ${i} is not a release tag, e.g. v1.2.3`
    )
  )
  const all = steps('passed')
  for (let i = 0; i < 4; i++)
    all[i] = step(all[i]!.suite, all[i]!.name, 'failed', {
      log_file: `step-${i}.log`,
      log_tail: `TAIL-OF-${i} `.padEnd(tailChars, 'x')
    })
  return result(
    'promotion',
    baseline({ verdict: 'FAIL', change: change(), previous: V040, findings, steps: all })
  )
}

export const healthPass = (): OperationResult =>
  result(
    'health',
    baseline({
      identity: V040,
      evidence: '/repo/.baseline-gate/evidence/health-memorykernel.json',
      steps: [step('preflight', 'start producer', 'passed'), step('preflight', 'GET /v1/health', 'passed')]
    })
  )

export const healthFail = (): OperationResult =>
  result(
    'health',
    baseline({
      identity: V040,
      verdict: 'FAIL',
      evidence: '/repo/.baseline-gate/evidence/health-memorykernel.json',
      findings: [
        finding(
          'BG301',
          'config/memorykernel-producer-manifest.json',
          { line: 7, column: 5 },
          'the mirror says error code RATE_LIMITED is absent; the producer manifest services/memorykernel/contract/manifest.json has it'
        ),
        // a message of ours with code spans: shown as code, not as backticks
        finding(
          'BG216',
          'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md',
          { line: 12, column: 3 },
          "`/home/alice/src/app/services/memorykernel/config/memorykernel-integration-pin.json` is a path on one developer's machine; write it relative to the repository (or name the repository) instead"
        ),
        finding(
          'BG407',
          null,
          null,
          'the runtime preflight was skipped (--no-probe, or input probe: false): the producer was not started or probed'
        )
      ],
      steps: [step('preflight', 'start producer', 'skipped')]
    })
  )

function incident(status: IncidentEvidence['status'], suitesRan: boolean): IncidentEvidence {
  const started = new Date('2026-12-04T09:30:00.000Z')
  return {
    trigger: 'contract-drift',
    severity: severityOf('contract-drift'),
    reason: 'v0.5.0 answers 500 on RATE_LIMITED; consumer error rate 4%',
    posture: 'NO-GO',
    rolled_back_from: V050,
    active: V040,
    target_revision: BASE,
    status,
    dry_run: false,
    suites_ran: suitesRan,
    timeline: [
      { at: '2026-12-04T09:30:00.000Z', event: 'rollback started (trigger contract-drift, SEV-2)' },
      { at: '2026-12-04T09:30:02.000Z', event: 'last-known-good trio restored from 1a2b3c4d5e6f' },
      {
        at: '2026-12-04T09:31:40.000Z',
        event: suitesRan
          ? 'rollback suites: 8 of 8 steps passed'
          : 'rollback suites: not run (all 8 steps skipped: --no-suites)'
      }
    ],
    next_milestone: nextMilestone(started, status, suitesRan),
    pull_request_url: 'https://github.com/octo/app/pull/88',
    incident_issue_url: 'https://github.com/octo/app/issues/89',
    target_profile: 'current',
    follow_up: []
  }
}

export function rollbackResult(suitesRan: boolean): { result: OperationResult; incident: IncidentEvidence } {
  const note = incident('restored', suitesRan)
  const b = baseline({
    identity: V040,
    evidence: '/repo/.baseline-gate/evidence/rollback-memorykernel.json',
    findings: suitesRan
      ? []
      : [finding('BG704', null, null, 'the suites were not run: on request (--no-suites)')],
    steps: suitesRan ? steps('passed') : steps('skipped', { skip_reason: 'on request (--no-suites)' }),
    rollback: {
      status: 'restored',
      dryRun: false,
      noTarget: null,
      restored: true,
      interrupted: false,
      notStarted: false,
      from: V050,
      target: {
        commit: BASE,
        date: '2026-11-20T10:00:00Z',
        identity: V040,
        profile: 'current',
        reported: []
      },
      passedOver: [],
      ledger: ['v0.5.0 row: Approved -> Rolled back', 'v0.4.0 row: Superseded -> Approved'],
      written: [PIN, 'config/memorykernel-producer-manifest.json', MATRIX],
      recovered: 'none',
      followUp: [],
      note: renderIncidentNote(note, {
        displayName: 'MemoryKernel',
        baseline: 'memorykernel',
        verdict: 'PASS'
      }),
      branch: 'baseline-gate/rollback-memorykernel-v0.4.0',
      pullRequestUrl: note.pull_request_url,
      incidentIssueUrl: note.incident_issue_url
    }
  })
  return { result: result('rollback', b), incident: note }
}

/**
 * A rollback drill of memorykernel with v0.5.0 pinned (posture GO): restorable (v0.4.0 would come back), not
 * restorable as recorded (a baseline the ledger approves no longer verifies: BG513), or nothing to restore
 * (v0.5.0 is the only baseline ever pinned).
 */
export function drillResult(kind: 'pass' | 'fail' | 'only-baseline'): OperationResult {
  const target =
    kind === 'only-baseline'
      ? null
      : {
          commit: BASE,
          date: '2026-11-20T10:00:00Z',
          identity: V040,
          profile: 'current' as const,
          reported: []
        }
  const bg513 = finding(
    'BG513',
    MATRIX,
    { line: 14, column: 1 },
    'the ledger lists v0.4.5 as Superseded, but its trio revision 5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a no longer verifies ' +
      `(BG202 at ${PIN}:4, revision 5a5a5a5a5a5a): judged by the current rules, the trio had 1 finding of 1 rule (BG202) at that revision; ` +
      `first: ${PIN}:4 the mirror hashes to 9f…, not the pin's expected_producer_manifest_sha256 (restore the exact bytes: CRLF vs LF). ` +
      `A rollback would skip it and restore v0.4.0 instead: restore the revision's files, or mark v0.4.5 Rolled back in ${MATRIX}`
  )
  const bg510 = finding(
    'BG510',
    PIN,
    null,
    'no last-known-good baseline to restore: every revision of the trio on this branch (1 revision) pins the current baseline v0.5.0: there is no earlier one to go back to'
  )
  const findings = kind === 'fail' ? [bg513] : kind === 'only-baseline' ? [bg510] : []
  const verdict = kind === 'pass' ? 'PASS' : 'FAIL'
  const ok = (check: 'target' | 'bytes' | 'digest' | 'ledger' | 'verification', detail: string) => ({
    check,
    ok: kind === 'only-baseline' ? null : true,
    detail: kind === 'only-baseline' ? 'not reached: there is no target' : detail
  })
  const checks = [
    kind === 'only-baseline'
      ? {
          check: 'target' as const,
          ok: false,
          detail: 'no earlier baseline to restore (BG510): v0.5.0 is the only one ever pinned on this branch'
        }
      : ok('target', `v0.4.0 at trio revision ${BASE} (2026-11-20T10:00:00Z), judged by the current rules`),
    {
      check: 'history' as const,
      ok: kind !== 'fail',
      detail:
        kind === 'fail'
          ? '1 baseline the ledger records as approved (Approved or Superseded) would be skipped: its revision no longer verifies'
          : kind === 'pass'
            ? 'no baseline the ledger lists as approved is skipped (no revision between the current baseline and the target)'
            : 'no baseline the ledger lists as approved is skipped'
    },
    ok(
      'bytes',
      `${PIN} (sha256 1111…) and config/memorykernel-producer-manifest.json (sha256 2222…) read from git at ${BASE.slice(0, 12)}`
    ),
    ok(
      'digest',
      "the mirror that would be written is the committed one, and hashes to the pin's expected_producer_manifest_sha256 2222…"
    ),
    ok('ledger', `row v0.4.0 (${MATRIX}:13, Superseded) would be marked Approved`),
    ok(
      'verification',
      "the restored trio, as it would be written, passes every trio, drift and adapter rule (in memory); as expected after a rollback, the producer's tree would stay at the withdrawn v0.5.0 (BG310 in a real rollback)"
    )
  ]
  const b = baseline({
    identity: kind === 'only-baseline' ? V050 : V040,
    posture: kind === 'only-baseline' ? 'GO' : 'NO-GO',
    verdict,
    evidence: '/tmp/baseline-gate-dry-run-x/rollback-memorykernel.json',
    findings,
    steps: steps('skipped', {
      skip_reason:
        'a rollback drill restores nothing, and a real rollback runs the suites on the restored trio'
    }),
    rollback: {
      status: 'dry-run',
      dryRun: true,
      noTarget: kind === 'only-baseline' ? 'only-baseline' : null,
      restored: false,
      interrupted: false,
      notStarted: false,
      from: V050,
      fromPosture: 'GO',
      target,
      passedOver: [],
      ledger: target ? ['v0.5.0 row: Approved -> Rolled back', 'v0.4.0 row: Superseded -> Approved'] : [],
      written: [],
      recovered: 'none',
      followUp: [],
      note: '',
      branch: null,
      pullRequestUrl: null,
      incidentIssueUrl: null,
      drill: {
        verdict,
        checks,
        noTarget: kind === 'only-baseline' ? 'only-baseline' : null,
        trigger: 'contract-drift',
        reason: 'weekly drill',
        notRun: [
          { what: 'suites', text: 'the rollback suites (a real rollback runs them)' },
          {
            what: 'proposal',
            text: 'no pull request or incident issue (a drill never proposes; with a token it opens only its drift issue)'
          }
        ]
      }
    }
  })
  return result('rollback', b)
}
