// The adapter boundary of this consumer: the only source file that names the producer's endpoints.
// Rule BG603 fails when any other scanned file does (config/baseline-policy.json, adapter).

export const ENDPOINTS = {
  health: '/v1/health',
  ready: '/v1/ready',
  schemaVersion: '/v1/db/schema-version',
  queryAsk: '/v1/query/ask'
} as const

export type EndpointName = keyof typeof ENDPOINTS
