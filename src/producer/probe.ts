// The preflight's requests, in order, with what each must get back. Observations only: the 4xx rules judge.
import { ENDPOINTS } from './endpoints.js'
import type { EndpointName } from './endpoints.js'
import { httpRequest } from './http.js'
import type { HttpOutcome } from './http.js'
import { LIMITS, tooDeepAt } from '../document/limits.js'

export interface ProbeRequest {
  name: string
  endpoint: EndpointName
  method: 'GET' | 'POST'
  body: string | undefined
  /** 'success': 200 with the success envelope; 'client-error': a 4xx error envelope. */
  expect: 'success' | 'client-error'
  /** The producer schema (file name in the schemas directory) its body must match. */
  schema: string
}

const ASK = JSON.stringify({
  text: 'baseline-gate preflight',
  actor: 'support_agent',
  action: 'resolve',
  resource: 'support_ticket'
})

export const PROBE_REQUESTS: readonly ProbeRequest[] = [
  {
    name: `GET ${ENDPOINTS.health}`,
    endpoint: 'health',
    method: 'GET',
    body: undefined,
    expect: 'success',
    schema: 'health-response.schema.json'
  },
  {
    name: `GET ${ENDPOINTS.ready}`,
    endpoint: 'ready',
    method: 'GET',
    body: undefined,
    expect: 'success',
    schema: 'ready-response.schema.json'
  },
  {
    name: `POST ${ENDPOINTS.schemaVersion}`,
    endpoint: 'schemaVersion',
    method: 'POST',
    body: '',
    expect: 'success',
    schema: 'schema-version-response.schema.json'
  },
  {
    name: `POST ${ENDPOINTS.queryAsk} (malformed JSON)`,
    endpoint: 'queryAsk',
    method: 'POST',
    body: '{"text": ',
    expect: 'client-error',
    schema: 'error-envelope.schema.json'
  },
  {
    name: `POST ${ENDPOINTS.queryAsk}`,
    endpoint: 'queryAsk',
    method: 'POST',
    body: ASK,
    expect: 'success',
    schema: 'query-ask-response.schema.json'
  }
]

export interface Exchange {
  request: ProbeRequest
  outcome: HttpOutcome
  /** The parsed body, when the body is JSON. */
  json: unknown
  /** Why the body is not JSON, when it is not. */
  jsonError: string | null
  /** Schema errors of the body ([] = valid); null when the schema could not be used (see schemaProblem). */
  schemaErrors: string[] | null
  schemaProblem: string | null
}

export async function sendProbe(
  base: URL,
  request: ProbeRequest,
  timeoutMs: number
): Promise<Omit<Exchange, 'schemaErrors' | 'schemaProblem'>> {
  const outcome = await httpRequest(
    new URL(ENDPOINTS[request.endpoint], base),
    request.method,
    request.body,
    timeoutMs
  )
  if (!outcome.ok) return { request, outcome, json: undefined, jsonError: null }
  // the body comes from code the pull request controls; the rules and the schemas walk it recursively
  if (tooDeepAt(outcome.body) !== -1) {
    const jsonError = `arrays and objects nest more than ${LIMITS.jsonDepth} levels deep; not read`
    return { request, outcome, json: undefined, jsonError }
  }
  try {
    return { request, outcome, json: JSON.parse(outcome.body), jsonError: null }
  } catch (e) {
    return { request, outcome, json: undefined, jsonError: (e as Error).message }
  }
}
