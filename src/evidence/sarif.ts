// The findings of one operation as a SARIF 2.1.0 log, for GitHub code scanning: one run of the tool, the rules it
// reported with their help from the catalog, one result per finding. Pure: the entry writes the text.
//
// What code scanning needs (GitHub's "SARIF support for code scanning"): a location on every result (a result
// without one is not shown), paths relative to the checkout (uriBaseId %SRCROOT%), partialFingerprints so a re-run
// updates the same alert instead of opening another, and the run's automationDetails.id (a runAutomationDetails
// object) as the category, so the alerts of one operation and baseline are closed only by a later run of the same
// operation and baseline. A result's message leaves out the rule id: code scanning shows it beside the message.
import { createHash } from 'node:crypto'
import { RULES } from '../rules/catalog.js'
import type { RuleId, Severity } from '../rules/catalog.js'
import { sortFindings } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { inlineSafe } from '../text/terminal.js'
import { TOOL_NAME } from './packet.js'
import { packetName } from './packet-name.js'

export const SARIF_VERSION = '2.1.0'
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'
/** The key of the fingerprint this tool computes (versioned: a new way of computing it gets a new key). */
export const FINGERPRINT_KEY = 'baselineGateFinding/v1'

export type SarifLevel = 'error' | 'warning' | 'note'

/** The subset of SARIF 2.1.0 this module writes. */
export interface SarifLog {
  $schema: string
  version: typeof SARIF_VERSION
  runs: [SarifRun]
}

export interface SarifRun {
  tool: { driver: SarifDriver }
  automationDetails: { id: string }
  originalUriBaseIds?: Record<string, { uri?: string; description: { text: string } }>
  results: SarifResult[]
  properties: { operation: string; baselines: string[] }
}

export interface SarifDriver {
  name: string
  version: string
  semanticVersion: string
  informationUri?: string
  rules: SarifRule[]
}

export interface SarifRule {
  id: RuleId
  name: string
  shortDescription: { text: string }
  fullDescription: { text: string }
  help: { text: string; markdown: string }
  helpUri?: string
  defaultConfiguration: { level: SarifLevel }
  properties: { tags: string[] }
}

export interface SarifResult {
  ruleId: RuleId
  ruleIndex: number
  level: SarifLevel
  message: { text: string }
  locations: [SarifLocation]
  partialFingerprints: Record<string, string>
  properties: { baseline: string; severity: Severity; located: boolean }
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' }
    region: { startLine: number; startColumn?: number }
  }
}

export interface SarifBaseline {
  name: string
  /** The baseline's pin, relative to the root: where a finding without a file of its own is shown. */
  pin: string
  findings: Finding[]
}

export interface SarifInput {
  operation: string
  baselines: SarifBaseline[]
  toolVersion: string
  /** The root below the top of the checkout ('' when the root is the top): code scanning resolves from the top. */
  prefix: string
  /** The absolute root, removed from messages: no path of the machine that ran reaches code scanning. */
  root?: string
  /** docs/rules.md of the tool's own repository as a URL (each rule's help links to its anchor); null: unknown. */
  rulesDoc: string | null
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' }

const FAMILY: Record<string, string> = {
  '1': 'parse-and-schema',
  '2': 'trio-consistency',
  '3': 'producer-drift',
  '4': 'runtime-preflight',
  '5': 'change',
  '6': 'adapter-boundary',
  '7': 'suites',
  '8': 'posture-and-approval'
}

/** The SARIF file's name, beside the packets: `<operation>-<baseline>.sarif`, or `<operation>.sarif` for several. */
export function sarifFileName(operation: string, baselines: readonly string[]): string {
  return `${baselines.length === 1 ? packetName(operation, baselines[0]!) : operation}.sarif`
}

/** The category of the run's alerts: one per operation and set of baselines. */
export function sarifCategory(operation: string, baselines: readonly string[]): string {
  return `${TOOL_NAME}/${operation}/${[...baselines].sort().join('+')}/`
}

export function sarifLog(input: SarifInput): SarifLog {
  const names = input.baselines.map((b) => b.name)
  const located = input.baselines.flatMap((b) =>
    sortFindings(b.findings).map((f) => ({ baseline: b, finding: f }))
  )
  const ruleIds = [...new Set(located.map((l) => l.finding.rule))].sort()
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]))
  const seen = new Map<string, number>()
  const results = located.map(({ baseline, finding }): SarifResult => {
    const place = placeOf(finding, baseline, input.prefix)
    const key = fingerprintKey(baseline.name, finding, place.uri)
    const ordinal = seen.get(key) ?? 0
    seen.set(key, ordinal + 1)
    return {
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule)!,
      level: LEVEL[finding.severity],
      message: { text: messageText(finding, baseline, place.own, input.root) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: place.uri, uriBaseId: '%SRCROOT%' },
            region: place.region
          }
        }
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: `${sha256(key)}:${ordinal}` },
      properties: { baseline: baseline.name, severity: finding.severity, located: place.own }
    }
  })
  const rulesDoc = input.rulesDoc && isHttpUrl(input.rulesDoc) ? input.rulesDoc : null
  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            ...(rulesDoc ? { informationUri: rulesDoc.replace(/\/blob\/.*$/, '') } : {}),
            rules: ruleIds.map((id) => sarifRule(id, rulesDoc))
          }
        },
        automationDetails: { id: sarifCategory(input.operation, names) },
        results,
        properties: { operation: input.operation, baselines: names }
      }
    ]
  }
}

/** The log as the file's text (one JSON document, two-space indented, a final newline). */
export function sarifText(input: SarifInput): string {
  return `${JSON.stringify(sarifLog(input), null, 2)}\n`
}

/** One rule as code scanning shows it: its title, what it checks and what to do, its example, its doc anchor. */
export function sarifRule(id: RuleId, rulesDoc: string | null): SarifRule {
  const rule = RULES[id]
  const anchor = id.toLowerCase()
  const doc = rulesDoc ? `${rulesDoc}#${anchor}` : null
  const more = doc
    ? `[docs/rules.md#${anchor}](${doc})`
    : `docs/rules.md#${anchor} in baseline-gate's repository`
  return {
    id,
    name: pascalCase(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.title} (${rule.severity})\n\n${rule.description}\n\nExample: ${rule.example}`,
      markdown: `**${rule.title}** (${rule.severity})\n\n${rule.description}\n\nExample: ${rule.example}\n\nMore: ${more}`
    },
    ...(doc ? { helpUri: doc } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [TOOL_NAME, FAMILY[id.charAt(2)] ?? 'other'] }
  }
}

/**
 * Where a result is shown. A finding with a file: that file, at its line and column when known (else line 1). A
 * finding without one (a suite step, the approval, the run itself): line 1 of the baseline's pin, the runtime
 * authority whose change it judges; code scanning shows no result without a location.
 */
function placeOf(
  f: Finding,
  b: SarifBaseline,
  prefix: string
): { uri: string; own: boolean; region: SarifLocation['physicalLocation']['region'] } {
  const base = relativeUri(prefix) ?? ''
  const under = (p: string | null) => {
    const rel = p === null ? null : relativeUri(p)
    return rel === null ? null : base ? `${base}/${rel}` : rel
  }
  const ownUri = under(f.file)
  const own = ownUri !== null
  const uri = ownUri ?? under(b.pin) ?? under('config/baseline-policy.json')!
  // a line always: code scanning shows a result without a region only at the file, never in a diff
  const known = own && f.line !== null && f.line >= 1
  const line = known ? Math.floor(f.line!) : 1
  const column = known && f.column !== null && f.column >= 1 ? Math.floor(f.column) : null
  return { uri, own, region: { startLine: line, ...(column === null ? {} : { startColumn: column }) } }
}

/**
 * `(to /abs/path)`, the target of a link that leads out of the repository as the containment check says it,
 * replaced by words. Split at each opening, not matched by a pattern that runs on to the end of the text from every
 * one that is not closed (found by review: seconds for a crafted message of thousands of them).
 */
function withoutOutsideTargets(text: string): string {
  const parts = text.split(' (to /')
  let out = parts[0]!
  for (const part of parts.slice(1)) {
    const close = part.indexOf(')')
    out += close === -1 ? ` (to /${part}` : ` (to a path outside the repository)${part.slice(close + 1)}`
  }
  return out
}

function messageText(f: Finding, b: SarifBaseline, own: boolean, root: string | undefined): string {
  let text = f.message
  if (root) {
    const r = root.replace(/[\\/]+$/, '')
    if (r.length > 1) text = text.split(`${r}/`).join('').split(r).join('.')
  }
  // where a link out of the repository leads is the runner's business, not code scanning's (it keeps it)
  text = withoutOutsideTargets(text)
  // a value quoted from a file is shown as data, as in an annotation (a control, bidirectional or zero-width
  // character as \uXXXX, a newline as \n); and SARIF reads [text](target) in a plain-text message as a link, which
  // such a value never is
  text = inlineSafe(text.trim()).replace(/[[\]]/g, (c) => `\\${c}`) || RULES[f.rule].title
  const where = own
    ? ''
    : ` (baseline ${b.name}: the finding has no file of its own, so it is shown on the pin)`
  return `${text}${where}`
}

/**
 * What identifies a finding across runs: its baseline, rule, file and subject (or its message with the numbers
 * taken out, so a moved line or a changed duration is the same alert); the line is left out on purpose.
 */
function fingerprintKey(baseline: string, f: Finding, uri: string): string {
  const what = f.subject ?? f.message.replace(/\d+/g, '#')
  return JSON.stringify([baseline, f.rule, uri, what])
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

/**
 * A path as a relative URI reference inside the root: each segment percent-encoded, the slashes kept; null for an
 * absolute path (a leading slash, a drive letter), a `..` segment, or nothing left. Our paths are '/'-separated: a
 * backslash is a character of a name (`src/producer\endpoints.ts` is one file), encoded, never a separator that
 * would point the alert at another file.
 */
function relativeUri(path: string): string | null {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return null
  const segments = path.split(/\/+/).filter((s) => s !== '' && s !== '.')
  if (segments.length === 0 || segments.includes('..')) return null
  return segments.map((s) => encodeURIComponent(s)).join('/')
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === ''
  } catch {
    return false
  }
}

function pascalCase(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
}

/**
 * docs/rules.md of the tool's own repository, from the run's environment: the action's repository at the
 * action's ref when the action came from another repository (`uses: owner/repo/actions/health@sha`); the
 * workflow's repository at the commit judged when the action is this checkout's own (`uses: ./actions/health`,
 * `localDocs`: docs/rules.md relative to the top of the checkout). Null when neither is known (a local run).
 */
export function rulesDocUrl(o: {
  server?: string | undefined
  actionRepository?: string | undefined
  actionRef?: string | undefined
  repository?: string | undefined
  sha?: string | undefined
  localDocs?: string | null
}): string | null {
  const server = (o.server || 'https://github.com').replace(/\/+$/, '')
  if (!isHttpUrl(server)) return null
  const repo = /^[\w.-]+\/[\w.-]+$/
  const ref = /^[\w.\-/]+$/
  if (o.actionRepository && repo.test(o.actionRepository) && o.actionRef && ref.test(o.actionRef))
    return `${server}/${o.actionRepository}/blob/${o.actionRef}/docs/rules.md`
  const docs = o.localDocs ? relativeUri(o.localDocs) : null
  if (docs && o.repository && repo.test(o.repository) && o.sha && /^[0-9a-f]{40,64}$/.test(o.sha))
    return `${server}/${o.repository}/blob/${o.sha}/${docs}`
  return null
}
