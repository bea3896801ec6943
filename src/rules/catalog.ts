// Every rule the suite checks, with a stable id. docs/rules.md is generated from this table (npm run docs).
// One module per family under catalog/ (DESIGN.md §5): 1xx parse and schema, 2xx trio consistency, 3xx producer
// drift and handoff, 4xx runtime preflight, 5xx change rules, 6xx adapter boundary, 7xx suites, 8xx posture and
// approval. Each family's ids carry its digit, so no two families can claim the same id.
import { ADAPTER_RULES } from './catalog/adapter.js'
import { CHANGE_RULES } from './catalog/change.js'
import { PARSE_RULES } from './catalog/parse.js'
import { POSTURE_RULES } from './catalog/posture.js'
import { PREFLIGHT_RULES } from './catalog/preflight.js'
import { PRODUCER_RULES } from './catalog/producer.js'
import type { RuleInfo } from './catalog/rule-info.js'
import { SUITE_RULES } from './catalog/suites.js'
import { TRIO_RULES } from './catalog/trio.js'

export type { RuleInfo, Severity } from './catalog/rule-info.js'

const rules = {
  ...PARSE_RULES,
  ...TRIO_RULES,
  ...PRODUCER_RULES,
  ...PREFLIGHT_RULES,
  ...CHANGE_RULES,
  ...ADAPTER_RULES,
  ...SUITE_RULES,
  ...POSTURE_RULES
}

export type RuleId = keyof typeof rules
export const RULES: Readonly<Record<RuleId, RuleInfo>> = rules
export const RULE_IDS = Object.keys(rules).sort() as RuleId[]
