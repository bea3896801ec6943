// 3xx: the trio against the producer itself: the mirror is the producer's manifest byte for byte, and the
// producer's handoff payload agrees with its manifest, with the pin, and with its own mode.
import { cellText, rowOfTag, statusOf } from '../ledger/model.js'
import { locate } from '../document/json-document.js'
import type { JsonDocument } from '../document/json-document.js'
import { quote } from '../text/quote.js'
import type { Handoff, Manifest, Pin, ProducerFiles, Trio } from '../trio/model.js'
import type { LedgerRow } from '../ledger/model.js'
import type { WithdrawnContract } from './preflight.js'
import { producerFileRules } from './files.js'
import { startOfCommit } from './matrix.js'
import { capFindings } from './cap.js'
import { someOf } from '../text/plural.js'
import { finding, sortFindings } from './finding.js'
import type { Finding } from './finding.js'
import { olderRelease } from '../trio/identity.js'

export interface DriftContext {
  now: Date
  /**
   * Whether the trio may be the baseline a rollback restored (BG310 instead of the drift errors): false for a
   * change that promotes a new baseline, which the producer's current files must bear out whatever the ledger
   * says (a made-up release between the restored and the withdrawn one would otherwise go unchecked).
   */
  mayBeRestored?: boolean
}

export function driftRules(trio: Trio, producer: ProducerFiles, ctx: DriftContext): Finding[] {
  const held = ctx.mayBeRestored === false ? null : heldBack(trio, producer)
  return capFindings(
    sortFindings([
      ...producerFileRules(producer),
      ...(held ? [held] : mirrorIsProducerManifest(trio, producer)),
      ...handoffRules(trio, producer, ctx, held !== null)
    ])
  )
}

/**
 * After a rollback the producer's tree still holds the release that was withdrawn, while the pin holds the
 * last-known-good one: the comparisons of the trio with the producer's current files cannot agree until a
 * fixed release is promoted. That state is recognised only when the ledger itself records the producer's
 * release (tag AND commit) as `Rolled back`; it is reported as a warning instead of the drift errors.
 */
function heldBack(trio: Trio, producer: ProducerFiles): Finding | null {
  const row = withdrawnRow(trio, producer)
  if (!row) return null
  const own = producer.manifest.data!
  return finding(
    'BG310',
    trio.manifest.path,
    null,
    `the producer's tree is at ${own.release_tag}, which ${trio.matrix.path} records as Rolled back (line ${row.position.line}); ` +
      `the trio holds ${String(trio.pin.data!.release_tag)} until a fixed producer release is promoted (baseline-gate repin), so the mirror and the handoff are not compared with the producer's current files, and, where health probes the producer, the contract versions it reports are held to that row's, not the pin's`
  )
}

/**
 * The contract the ledger records for the withdrawn release a held-back producer still runs (BG310), which its
 * probe is held to; null when the trio is not held back.
 */
export function withdrawnContract(trio: Trio, producer: ProducerFiles): WithdrawnContract | null {
  const row = withdrawnRow(trio, producer)
  return row
    ? {
        releaseTag: cellText(row, 'producer_tag'),
        service: cellText(row, 'service'),
        api: cellText(row, 'api'),
        line: row.position.line,
        matrixPath: trio.matrix.path
      }
    : null
}

/** The ledger's Rolled back row of the release the producer's tree holds, when the trio is held back by it. */
function withdrawnRow(trio: Trio, producer: ProducerFiles): LedgerRow | null {
  const own = producer.manifest.data
  const pin = trio.pin.data
  if (!own || !pin || typeof own.release_tag !== 'string' || own.release_tag === pin.release_tag) return null
  const row = rowOfTag(trio.matrix.ledger, own.release_tag)
  // the row names the producer's commit, whole or by its start (as a hand-kept ledger wrote it)
  if (
    !row ||
    statusOf(row) !== 'Rolled back' ||
    !startOfCommit(cellText(row, 'producer_commit'), own.commit_sha)
  )
    return null
  // a rollback restores an older baseline: a pin at a newer release than the withdrawn one is no restored baseline
  // but a promotion, which the producer's files must bear out (a fabricated release otherwise passed unchecked)
  return olderRelease(pin.release_tag, own.release_tag) ? row : null
}

function mirrorIsProducerManifest(trio: Trio, producer: ProducerFiles): Finding[] {
  const mirror = trio.manifest.source
  const own = producer.manifest.source
  if (!mirror || !own || mirror.text.trim() === '' || own.text.trim() === '') return []
  if (mirror.bytes.equals(own.bytes)) return []
  const a = mirror.text.split('\n')
  const b = own.text.split('\n')
  const i = firstDifference(a, b)
  // equal text, different bytes: a byte-order mark; lines equal but for a CR: line endings, which shownLine's trim
  // would show as two equal lines
  const crlf = (l: string | undefined) => l !== undefined && l.endsWith('\r')
  const where =
    i === -1
      ? 'their byte-order mark'
      : a[i]?.replace(/\r$/, '') === b[i]?.replace(/\r$/, '') && crlf(a[i]) !== crlf(b[i])
        ? `the end of line ${i + 1}: the mirror has ${crlf(a[i]) ? 'CRLF' : 'LF'} line endings, the producer's manifest ${crlf(b[i]) ? 'CRLF' : 'LF'} (the checkout converts the line endings of one and not the other, as core.autocrlf does to a file .gitattributes does not mark \`-text\`: mark both \`-text\`)`
        : `line ${i + 1}: the mirror has ${shownLine(a[i])}, the producer's manifest ${shownLine(b[i])}`
  return [
    finding(
      'BG301',
      trio.manifest.path,
      { line: i === -1 ? 1 : Math.min(i + 1, a.length), column: 1 },
      `the mirror is not the producer's manifest ${producer.manifest.path}: they first differ at ${where}. ` +
        'If the producer released a new baseline, repin all three trio files together (baseline-gate repin); otherwise restore the mirror as a byte copy'
    )
  ]
}

/**
 * The index of the first line that differs, -1 when none does. A line that differs only by its trailing comma
 * is passed over when the next line differs: an element added to or removed from the end of a JSON array
 * changes the comma of the line above it, and the line to show is the element's.
 */
export function firstDifference(a: string[], b: string[]): number {
  const key = (l: string | undefined) => l?.replace(/,[ \t]*$/, '')
  const exact = firstIndex(a, b, (l) => l)
  if (exact === -1) return -1
  return firstIndex(a, b, key) === exact + 1 ? exact + 1 : exact
}

function firstIndex(a: string[], b: string[], key: (l: string | undefined) => string | undefined): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (key(a[i]) !== key(b[i])) return i
  return -1
}

function shownLine(line: string | undefined): string {
  if (line === undefined) return 'no line'
  const t = line.trim()
  if (t === '') return 'an empty line'
  const cut = quote(t, 60)
  return cut === '…' ? `a line of ${t.length} characters in one word` : `\`${cut}\``
}

const IDENTITY: (keyof Handoff & keyof Manifest)[] = [
  'release_tag',
  'commit_sha',
  'expected_service_contract_version',
  'expected_api_contract_version',
  'integration_baseline',
  'manifest_contract_version'
]
/** active_runtime_baseline field -> pin field: the runtime baseline is the one the consumer pins. */
const RUNTIME_VS_PIN: [string, keyof Pin][] = [
  ['release_tag', 'release_tag'],
  ['commit_sha', 'commit_sha'],
  ['expected_service_contract_version', 'expected_service_contract_version'],
  ['expected_api_contract_version', 'expected_api_contract_version'],
  ['integration_baseline', 'expected_integration_baseline']
]
/** The pairs of fields whose values are both strings and differ, with the two values, in the pairs' order. */
function differing<F extends string, G extends string>(
  got: Partial<Record<F, unknown>>,
  want: Partial<Record<G, unknown>>,
  pairs: readonly (readonly [F, G])[]
): { field: F; wantField: G; got: string; want: string }[] {
  return pairs.flatMap(([field, wantField]) => {
    const [g, w] = [got[field], want[wantField]]
    return typeof g === 'string' && typeof w === 'string' && g !== w
      ? [{ field, wantField, got: g, want: w }]
      : []
  })
}

const REQUIRES = ['service_contract_version', 'error.code', 'error.message']
const FORBIDS = ['legacy_error', 'api_contract_version']
const CANDIDATE_KEYS = [
  'rehearsal_candidate',
  'compatibility_expectations',
  'required_consumer_validation_commands'
] as const

/** @param held the producer is at a rolled-back release: the handoff describes it, not the pinned baseline */
function handoffRules(trio: Trio, producer: ProducerFiles, ctx: DriftContext, held: boolean): Finding[] {
  const h = producer.handoff.data
  const doc = producer.handoff.doc
  if (!h || !doc || producer.handoff.doc?.syntaxErrors.length) return []
  const path = producer.handoff.path
  const at = (pointer: string) => locate(doc, pointer)
  const m = producer.manifest.data ?? {}
  const pin = trio.pin.data ?? {}
  const candidate = h.handoff_mode === 'service-v3-candidate'
  const out: Finding[] = []

  // a candidate may announce the next service contract; everything else is the release's
  const released = IDENTITY.filter((f) => !(candidate && f === 'expected_service_contract_version'))
  const samePairs = released.map((f) => [f, f] as const)
  for (const d of differing(h, m, samePairs)) {
    out.push(
      finding(
        'BG304',
        path,
        at(`/${d.field}`),
        `the handoff's ${d.field} is "${d.got}" but the producer manifest says "${d.want}"; regenerate the payload from the manifest`
      )
    )
  }
  const arb = h.active_runtime_baseline
  if (arb && typeof arb === 'object' && !held) {
    for (const d of differing(arb, pin, RUNTIME_VS_PIN)) {
      out.push(
        finding(
          'BG304',
          path,
          at(`/active_runtime_baseline/${d.field}`),
          `active_runtime_baseline.${d.field} is "${d.got}" but the pinned runtime baseline (${trio.pin.path}) has ${d.wantField} "${d.want}"`
        )
      )
    }
  }

  const codes = h.error_code_enum
  if (Array.isArray(codes) && Array.isArray(m.error_code_enum)) {
    const have = new Set(codes)
    const want = new Set(m.error_code_enum)
    const onlyManifest = [...want].filter((c) => !have.has(c))
    const onlyHandoff = [...have].filter((c) => !want.has(c))
    if (onlyManifest.length || onlyHandoff.length) {
      const ownDoc = producer.manifest.doc
      const manifestAt = ownDoc ? `:${locate(ownDoc, '/error_code_enum').line}` : ''
      const which = [
        onlyManifest.length ? `only the producer manifest has [${onlyManifest.join(', ')}]` : '',
        onlyHandoff.length ? `only the handoff has [${onlyHandoff.join(', ')}]` : ''
      ]
        .filter(Boolean)
        .join('; ')
      out.push(
        finding(
          'BG305',
          path,
          at('/error_code_enum'),
          `the error_code_enum of the handoff and of the producer manifest (${producer.manifest.path}${manifestAt}) differ: ${which}. ` +
            'The payload is generated from the manifest: regenerate it, or, if the manifest lost or gained a code by mistake, fix the manifest first'
        )
      )
    }
  }

  const policies = h.non_2xx_envelope_policy
  if (policies && typeof policies === 'object') {
    for (const [mode, policy] of Object.entries(policies)) {
      if (!policy || typeof policy !== 'object') continue
      // lists the schema did not hold (its own finding says so) are read as empty, never called
      const [requires, optional, forbids] = [policy.requires, policy.optional, policy.forbids].map(
        (v): unknown[] => (Array.isArray(v) ? v : [])
      ) as [unknown[], unknown[], unknown[]]
      const lacks = REQUIRES.filter((r) => !requires.includes(r))
      const allows = FORBIDS.filter((f) => !forbids.includes(f))
      // a field both forbidden and required (or optional) is a policy a consumer cannot follow (found by review);
      // looked up in sets: lists of thousands of entries cost a search of the others each (found by review)
      const allowed = new Set([...requires, ...optional])
      const both = [...new Set(forbids)].filter((f) => allowed.has(f))
      if (lacks.length || allows.length || both.length) {
        const what = [
          lacks.length ? `requires lacks ${lacks.join(', ')}` : '',
          allows.length ? `forbids lacks ${allows.join(', ')}` : '',
          both.length ? `forbids ${someOf(both.map(String))}, which requires or optional also lists` : ''
        ]
          .filter(Boolean)
          .join('; ')
        out.push(
          finding(
            'BG306',
            path,
            at(`/non_2xx_envelope_policy/${mode}`),
            `non_2xx_envelope_policy.${mode}: ${what}`
          )
        )
      }
    }
  }

  out.push(...modeRules(h, path, doc, held ? {} : pin, candidate))
  out.push(...timestamp(h, path, doc, ctx.now))
  return out
}

function modeRules(
  h: Partial<Handoff>,
  path: string,
  doc: JsonDocument,
  pin: Partial<Pin>,
  candidate: boolean
): Finding[] {
  const out: Finding[] = []
  const at = (pointer: string) => locate(doc, pointer)
  if (h.handoff_mode === 'stable') {
    for (const key of CANDIDATE_KEYS) {
      if (h[key] !== undefined) {
        out.push(
          finding(
            'BG307',
            path,
            locate(doc, '', key),
            `a stable payload must not carry ${key} (it belongs to a service-v3-candidate payload)`
          )
        )
      }
    }
    const svc = h.expected_service_contract_version
    const want = pin.expected_service_contract_version
    if (typeof svc === 'string' && typeof want === 'string' && svc !== want) {
      out.push(
        finding(
          'BG307',
          path,
          at('/expected_service_contract_version'),
          `a stable payload describes the pinned baseline, whose service contract is "${want}", not "${svc}"`
        )
      )
    }
  } else if (candidate) {
    const rc = h.rehearsal_candidate as Record<string, unknown> | undefined
    if (!rc || typeof rc !== 'object') {
      out.push(
        finding('BG307', path, at(''), 'a service-v3-candidate payload must carry rehearsal_candidate')
      )
    } else {
      if (rc.requires_runtime_cutover !== false) {
        out.push(
          finding(
            'BG307',
            path,
            at('/rehearsal_candidate/requires_runtime_cutover'),
            'a candidate must not require a runtime cutover (requires_runtime_cutover: false)'
          )
        )
      }
      if (rc.consumer_non_blocking_fallback_required !== true) {
        out.push(
          finding(
            'BG307',
            path,
            at('/rehearsal_candidate/consumer_non_blocking_fallback_required'),
            "a candidate must require the consumer's non-blocking fallback (consumer_non_blocking_fallback_required: true)"
          )
        )
      }
    }
    if (!h.compatibility_expectations || typeof h.compatibility_expectations !== 'object') {
      out.push(
        finding('BG307', path, at(''), 'a service-v3-candidate payload must carry compatibility_expectations')
      )
    }
  }
  return out
}

function timestamp(h: Partial<Handoff>, path: string, doc: JsonDocument, now: Date): Finding[] {
  const t = h.handoff_generated_at_utc
  if (typeof t !== 'string') return []
  const at = locate(doc, '/handoff_generated_at_utc')
  const parsed = new Date(t)
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 19) !== t.slice(0, 19)
  ) {
    return [
      finding(
        'BG308',
        path,
        at,
        `handoff_generated_at_utc "${t}" is not a real UTC instant (YYYY-MM-DDTHH:MM:SSZ)`
      )
    ]
  }
  if (parsed.getTime() > now.getTime() + 5 * 60 * 1000) {
    return [
      finding('BG308', path, at, `handoff_generated_at_utc ${t} is in the future; regenerate the payload`)
    ]
  }
  return []
}
