// Rule family 4xx: the runtime preflight: the producer starts and answers its contract.
import type { RuleInfo } from './rule-info.js'

export const PREFLIGHT_RULES = {
  BG401: {
    title: 'Producer did not start',
    severity: 'error',
    description:
      "The producer must start with the policy's `producer.start.run` argv. A command that cannot be executed, or that exits before it answers, fails the preflight; the message carries the end of its output.",
    example: 'The service panics at start-up, or `cargo` is not installed.'
  },
  BG402: {
    title: 'Producer not ready in time',
    severity: 'error',
    description:
      'The producer must answer HTTP within `producer.probe.ready_timeout_s` (the first `cargo run` includes a build). It is stopped, with its whole process group, when the time is up.',
    example: 'The service binds but never accepts connections.'
  },
  BG403: {
    title: 'Runtime contract differs from the pin',
    severity: 'error',
    description:
      "The health endpoint (and every other envelope) must report exactly the pin's service and API contract versions.",
    example: 'The pin says `service.v3`, the running service says `service.v2`.'
  },
  BG404: {
    title: 'Probe request failed',
    severity: 'error',
    description:
      'Each probe request must get a complete HTTP answer with the expected status and a JSON body within `producer.probe.request_timeout_s`: health, ready, schema-version and a well-formed query. Refused connections, resets, hangs and non-JSON bodies fail.',
    example: 'The schema-version request answers 503 `schema_unavailable`.'
  },
  BG405: {
    title: 'Error envelope violates the contract',
    severity: 'error',
    description:
      'A malformed request must get a 4xx error envelope `{service_contract_version, error: {code, message, details?}}` with `code` `invalid_json` (one of the manifest codes) and without `legacy_error` or `api_contract_version`.',
    example: 'The error body still carries `"legacy_error": "..."` from service.v2.'
  },
  BG406: {
    title: "Response fails the producer's schema",
    severity: 'error',
    description:
      "Every probed body validates against the producer's own JSON Schema for that response (`contracts/integration/v1/schemas/<name>.schema.json`); a missing or broken schema fails too.",
    example:
      'The health answer carries a field its schema does not declare (the original OpenAPI and runtime disagreed).'
  },
  BG407: {
    title: 'Runtime preflight skipped',
    severity: 'notice',
    description:
      'The producer was not started because the run asked for no probe (`--no-probe`, input `probe: false`), or because the policy turns the probe off for the baseline (`producer.probe.enabled: false`); the message says which. The verdict records the skip; it is never a pass of the preflight.',
    example: '`baseline-gate health --no-probe`.'
  },
  BG408: {
    title: 'Schema migrations pending',
    severity: 'warning',
    description:
      "The schema-version answer lists pending migrations: the producer answers, but not at its target schema (the original's preflight ignored this).",
    example: '`"pending_versions": [4]` with `current_version` 3 and `target_version` 4.'
  },
  BG410: {
    title: 'Producer left a process running',
    severity: 'error',
    description:
      "When the preflight stops the producer, every process it started must end with it. The gate kills what it can find (the process group, its descendants, and what carries the run's marker in its environment) and lists them on the `stop producer` step; a process that escaped all three (a new session with a cleared environment) and still held the producer's output fails the preflight, as such a process fails a suite step (BG701).",
    example: 'The start command forks `setsid env -i some-daemon &` before it runs the service.'
  },
  BG409: {
    title: 'Runtime contract not compared with the pin',
    severity: 'notice',
    description:
      "The pin's expected contract versions could not be read (the pin's own findings say why), so the versions the producer reported were not compared with them (BG403 could not be judged). The probes that passed show that the producer answers and keeps its own manifest, not that it keeps the pinned contract.",
    example: 'The pin is not valid JSON (BG106), and the probes all answered.'
  }
} as const satisfies Record<`BG4${string}`, RuleInfo>
