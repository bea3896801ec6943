// 4xx (and BG309): judge what the runtime preflight observed. Every probe request is a step; a request
// that could not be made is a failed step, never a pass.
import type { PreflightReport } from '../producer/preflight.js'
import type { Exchange } from '../producer/probe.js'
import { PROBE_REQUESTS } from '../producer/probe.js'
import { locate } from '../document/json-document.js'
import type { JsonFile, Manifest, Pin } from '../trio/model.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'
import type { StepResult } from './verdict.js'
import { redactQuoted } from '../text/quote.js'
import { shorten } from '../text/shorten.js'

export interface PreflightInput {
  /** null when the run asked for no probe */
  report: PreflightReport | null
  /** Why there is no report: the run was told so (default), or the policy turns the probe off for the baseline. */
  skippedBy?: 'run' | 'policy'
  pin: JsonFile<Pin>
  producerManifest: Partial<Manifest> | null
  producerManifestPath: string
  /**
   * The trio is held back after a rollback (BG310): the producer runs the withdrawn release, whose contract is not
   * the pin's, so its envelopes are held to the contract the ledger recorded for that release (BG403), not to
   * the pin's.
   */
  heldBack?: WithdrawnContract | null
}

/** The contract the ledger's row records for the withdrawn release the producer still runs. */
export interface WithdrawnContract {
  releaseTag: string
  service: string
  api: string
  /** The row's line in the matrix. */
  line: number
  matrixPath: string
}

export const PREFLIGHT_SUITE = 'preflight'
const FORBIDDEN = ['legacy_error', 'api_contract_version']

export function preflightRules(input: PreflightInput): { findings: Finding[]; steps: StepResult[] } {
  const report = input.report
  if (!report) {
    return {
      findings: [
        finding(
          'BG407',
          null,
          null,
          input.skippedBy === 'policy'
            ? 'the runtime preflight was skipped: the policy turns it off for this baseline (producer.probe.enabled: false), so the producer was not started or probed'
            : 'the runtime preflight was skipped (--no-probe, or input probe: false): the producer was not started or probed'
        )
      ],
      steps: [step('start producer', 'skipped', 0, false)]
    }
  }
  const launch = report.launch
  const stop = stopped(report)
  if (!launch.ok) {
    const tail = launch.outputTail ? `; its last output:\n${launch.outputTail}` : ''
    const rule = launch.reason === 'timeout' ? 'BG402' : 'BG401'
    return {
      findings: [finding(rule, null, null, `${launch.message}${tail}`), ...stop.findings],
      steps: [
        step('start producer', launch.reason === 'timeout' ? 'timed-out' : 'failed', launch.ms),
        ...PROBE_REQUESTS.map((r) => step(r.name, 'not-run', 0)),
        ...stop.steps
      ]
    }
  }
  const findings: Finding[] = []
  const steps: StepResult[] = [step('start producer', 'passed', launch.ms)]
  for (const ex of report.exchanges) {
    const found = judge(ex, input)
    findings.push(...found)
    const failed = found.some((f) => f.severity === 'error')
    const timedOut = !ex.outcome.ok && ex.outcome.failure === 'timeout'
    steps.push(step(ex.request.name, timedOut ? 'timed-out' : failed ? 'failed' : 'passed', ex.outcome.ms))
  }
  // a request that was never sent (the run ended early) is not a pass
  for (const r of PROBE_REQUESTS.slice(report.exchanges.length)) steps.push(step(r.name, 'not-run', 0))
  steps.push(...stop.steps)
  findings.push(...stop.findings)
  const unpinned = (['expected_service_contract_version', 'expected_api_contract_version'] as const).filter(
    (f) => typeof input.pin.data?.[f] !== 'string'
  )
  if (report.exchanges.length > 0 && unpinned.length > 0)
    findings.push(
      finding(
        'BG409',
        input.pin.path,
        null,
        `the producer's contract versions were not compared with the pin, which states no ${unpinned.join(' and no ')} it could read (see its own findings): the probes show the producer answers, not that it keeps the pinned contract`
      )
    )
  return { findings, steps }
}

/**
 * The producer's stop, as a step: the processes it left that were killed, listed as a suite step's are; a process
 * that left the gate's tracking and still held the output fails it (BG410), as it fails a suite step (BG701).
 */
function stopped(report: PreflightReport): { findings: Finding[]; steps: StepResult[] } {
  const s = report.stopped
  // stopping a producer stops its process group (cargo's child, the service, is in it): only what had left the
  // group, found by its parent or by the run's marker, is worth a line
  const left = s?.killed.filter((k) => k.found !== 'group') ?? []
  if (!s || (!s.escaped && left.length === 0)) return { findings: [], steps: [] }
  const stop: StepResult = {
    ...step('stop producer', s.escaped ? 'failed' : 'passed', s.ms),
    ...(s.escaped ? { error: 'output still open after SIGKILL' } : {}),
    ...(left.length > 0 ? { killed: left } : {})
  }
  if (!s.escaped) return { findings: [], steps: [stop] }
  const message =
    'a process the producer started left its process group and tree and still held its output after the producer was stopped: it escaped the gate (a new session with a cleared environment), may still be running, and was not killed; find it with `ps` and stop it, and start no process that outlives the producer'
  return { findings: [finding('BG410', null, null, message)], steps: [stop] }
}

function step(name: string, status: StepResult['status'], ms: number, required = true): StepResult {
  // whole milliseconds, as every other step reports them (the launch is timed with a fractional clock)
  return { suite: PREFLIGHT_SUITE, name, status, exit_code: null, duration_ms: Math.round(ms), required }
}

function judge(ex: Exchange, input: PreflightInput): Finding[] {
  const name = ex.request.name
  const o = ex.outcome
  if (!o.ok)
    return [
      finding(
        'BG404',
        null,
        null,
        `${name}: ${o.failure === 'refused' ? 'connection refused' : o.failure} (${o.message})`
      )
    ]
  const errorCase = ex.request.expect === 'client-error'
  if (ex.json === undefined) {
    return [
      finding(
        errorCase ? 'BG405' : 'BG404',
        null,
        null,
        `${name}: HTTP ${o.status} with a body that is not JSON (${ex.jsonError}): ${snippet(o.body)}`
      )
    ]
  }
  const body = ex.json as Record<string, unknown>
  const out: Finding[] = []
  if (errorCase) out.push(...errorEnvelope(name, o.status, body, input))
  else if (o.status !== 200) {
    const error = body?.error as { code?: unknown; message?: unknown } | undefined
    const said =
      error && typeof error === 'object' ? ` (${String(error.code)}: ${String(error.message)})` : ''
    out.push(finding('BG404', null, null, `${name}: HTTP ${o.status}, expected 200${said}`))
  }
  out.push(...versions(name, body, input))
  if (ex.schemaProblem) out.push(finding('BG406', null, null, `${name}: ${ex.schemaProblem}`))
  else if (ex.schemaErrors && ex.schemaErrors.length > 0) {
    out.push(
      finding(
        'BG406',
        null,
        null,
        `${name}: the body does not match ${ex.request.schema}: ${ex.schemaErrors.slice(0, 5).join('; ')}`
      )
    )
  }
  if (ex.request.endpoint === 'schemaVersion' && o.status === 200) out.push(...pending(name, body))
  return out
}

function errorEnvelope(
  name: string,
  status: number,
  body: Record<string, unknown>,
  input: PreflightInput
): Finding[] {
  const out: Finding[] = []
  if (status < 400 || status > 499)
    out.push(
      finding('BG405', null, null, `${name}: HTTP ${status}; a malformed request must get a 4xx answer`)
    )
  for (const field of FORBIDDEN) {
    if (body && typeof body === 'object' && field in body) {
      out.push(
        finding('BG405', null, null, `${name}: the error envelope carries the forbidden field \`${field}\``)
      )
    }
  }
  const error = body?.error as Record<string, unknown> | undefined
  if (!error || typeof error !== 'object') {
    out.push(
      finding(
        'BG405',
        null,
        null,
        `${name}: the body has no \`error\` object: ${snippet(JSON.stringify(body))}`
      )
    )
    return out
  }
  for (const field of FORBIDDEN) {
    if (field in error)
      out.push(
        finding('BG405', null, null, `${name}: the error object carries the forbidden field \`${field}\``)
      )
  }
  if (typeof error.message !== 'string' || error.message === '')
    out.push(finding('BG405', null, null, `${name}: error.message is missing or empty`))
  if (typeof error.code !== 'string') out.push(finding('BG405', null, null, `${name}: error.code is missing`))
  else {
    if (error.code !== 'invalid_json')
      out.push(
        finding('BG405', null, null, `${name}: error.code is "${error.code}", expected "invalid_json"`)
      )
    const codes = input.producerManifest?.error_code_enum
    if (Array.isArray(codes) && !codes.includes(error.code)) {
      out.push(
        finding(
          'BG405',
          null,
          null,
          `${name}: error.code "${error.code}" is not one of the manifest's error codes (${input.producerManifestPath})`
        )
      )
    }
  }
  return out
}

/** Every envelope reports the pinned contract (BG403), and the code agrees with its own manifest (BG309). */
function versions(name: string, body: Record<string, unknown>, input: PreflightInput): Finding[] {
  const out: Finding[] = []
  const pin = input.pin.data ?? {}
  const manifest = input.producerManifest ?? {}
  const checks: [string, keyof Pin, keyof Manifest][] = [
    ['service_contract_version', 'expected_service_contract_version', 'expected_service_contract_version'],
    ['api_contract_version', 'expected_api_contract_version', 'expected_api_contract_version']
  ]
  for (const [field, pinField, manifestField] of checks) {
    // error envelopes carry no api_contract_version (it is forbidden there)
    if (!(field in (body ?? {}))) continue
    const got = body[field]
    const pinned = pin[pinField]
    const held = input.heldBack
    if (held) {
      const recorded = field === 'service_contract_version' ? held.service : held.api
      if (got !== recorded)
        out.push(
          finding(
            'BG403',
            held.matrixPath,
            { line: held.line, column: 1 },
            `${name}: the producer runs ${held.releaseTag}, withdrawn (BG310), and reports ${field} ${JSON.stringify(got)}, but the ledger records ${JSON.stringify(recorded)} for that release`
          )
        )
    } else if (typeof pinned === 'string' && got !== pinned) {
      const at = input.pin.doc ? locate(input.pin.doc, `/${pinField}`) : null
      out.push(
        finding(
          'BG403',
          input.pin.path,
          at,
          `${name}: the producer reports ${field} ${JSON.stringify(got)} but the pin expects "${pinned}"`
        )
      )
    }
    const declared = manifest[manifestField]
    if (typeof declared === 'string' && got !== declared) {
      out.push(
        finding(
          'BG309',
          input.producerManifestPath,
          null,
          `${name}: the running producer reports ${field} ${JSON.stringify(got)} but its own manifest declares "${declared}"`
        )
      )
    }
  }
  return out
}

function pending(name: string, body: Record<string, unknown>): Finding[] {
  const data = body?.data as { pending_versions?: unknown } | undefined
  const list = data?.pending_versions
  if (Array.isArray(list) && list.length > 0) {
    return [finding('BG408', null, null, `${name}: migrations pending: ${JSON.stringify(list)}`)]
  }
  return []
}

function snippet(text: string): string {
  // redacted before its lines are folded into one: a private key is known by its lines (found by review)
  const one = redactQuoted(text).replace(/\s+/g, ' ').trim()
  const cut = shorten(one, 120, 'quote')
  return cut === '…' ? `(${one.length} characters in one word, not shown)` : cut
}
