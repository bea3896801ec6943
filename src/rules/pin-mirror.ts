// 2xx: the pin and the mirror name the same baseline, and the mirror is byte for byte what the pin hashed.
import { sha256 } from '../fs/digest.js'
import { locate } from '../document/json-document.js'
import { tooDeepAt } from '../document/limits.js'
import type { Position } from '../document/source-file.js'
import type { Manifest, Pin, Trio } from '../trio/model.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

/** pin field -> mirror field that must hold the same value */
const SHARED_FIELDS: [keyof Pin, keyof Manifest][] = [
  ['release_tag', 'release_tag'],
  ['commit_sha', 'commit_sha'],
  ['expected_service_contract_version', 'expected_service_contract_version'],
  ['expected_api_contract_version', 'expected_api_contract_version'],
  ['expected_integration_baseline', 'integration_baseline']
]

export function pinMirrorRules(trio: Trio): Finding[] {
  return [...sharedFields(trio), ...manifestHash(trio)]
}

function sharedFields(trio: Trio): Finding[] {
  const pin = trio.pin.data
  const mirror = trio.manifest.data
  if (!pin || !mirror || !trio.pin.doc || !trio.manifest.doc) return []
  const out: Finding[] = []
  for (const [pinField, mirrorField] of SHARED_FIELDS) {
    const want = pin[pinField]
    const got = mirror[mirrorField]
    // A missing or mistyped side is a schema finding already.
    if (typeof want !== 'string' || typeof got !== 'string' || want === got) continue
    const pinAt = locate(trio.pin.doc, `/${pinField}`)
    out.push(
      finding(
        'BG201',
        trio.manifest.path,
        locate(trio.manifest.doc, `/${mirrorField}`),
        `the mirror's ${mirrorField} is "${got}" but the pin (${trio.pin.path}:${pinAt.line}) says ${pinField} "${want}"; ` +
          'the mirror must be the producer manifest of the pinned release: update the three files together (baseline-gate repin)'
      )
    )
  }
  return out
}

function manifestHash(trio: Trio): Finding[] {
  const want = trio.pin.data?.expected_producer_manifest_sha256
  const bytes = trio.manifest.read.kind === 'ok' ? trio.manifest.read.bytes : null
  // An empty mirror is BG103 already; its digest says nothing more.
  const empty = !trio.manifest.source || trio.manifest.source.text.trim() === ''
  if (typeof want !== 'string' || !/^[0-9a-f]{64}$/.test(want) || !bytes || empty || !trio.pin.doc) return []
  const got = sha256(bytes)
  if (got === want) return []
  const pinAt: Position = locate(trio.pin.doc, '/expected_producer_manifest_sha256')
  const why = explainHashMismatch(bytes, want)
  return [
    finding(
      'BG202',
      trio.pin.path,
      pinAt,
      `the mirror ${trio.manifest.path} hashes to ${got}, not the pinned ${want}. ${why}`
    )
  ]
}

/**
 * Try the usual accidents on the mirror's bytes; when one reproduces the pinned digest, name it.
 * The pin was computed over the producer's exact bytes, so a match means the content is right and the bytes are not.
 */
export function explainHashMismatch(bytes: Buffer, want: string): string {
  const text = bytes.toString('utf8')
  const noBom = text.replace(/^\uFEFF/, '')
  const lf = noBom.replace(/\r\n/g, '\n')
  // Single accidents first, so the message names the one that happened.
  const candidates: [string, string][] = []
  if (noBom !== text) candidates.push(['a byte-order mark', noBom])
  if (lf !== noBom) candidates.push(['line endings (the file has CRLF; the pinned bytes use LF)', lf])
  candidates.push(
    ['the final newline', lf.endsWith('\n') ? lf.slice(0, -1) : `${lf}\n`],
    ['line endings (the pinned bytes use CRLF)', noBom.replace(/\r?\n/g, '\r\n')]
  )
  let parsed: unknown
  try {
    // JSON.stringify recurses: a value nested past the limit would overflow the stack
    parsed = tooDeepAt(lf) === -1 ? JSON.parse(lf) : undefined
  } catch {
    parsed = undefined
  }
  if (parsed !== undefined) {
    for (const indent of [2, 4, '\t', 0] as const) {
      const s = JSON.stringify(parsed, null, indent)
      candidates.push(
        ['formatting (whitespace and indentation)', s],
        ['formatting (whitespace and indentation)', `${s}\n`]
      )
    }
  }
  for (const [what, candidate] of candidates) {
    if (candidate !== text && sha256(Buffer.from(candidate, 'utf8')) === want) {
      return (
        `The content matches the pinned manifest and the bytes differ only by ${what}: ` +
        'restore the exact bytes (copy the producer manifest file, do not re-type or reformat it; .gitattributes `-text` stops git converting line endings).'
      )
    }
  }
  const crlf = text.includes('\r\n') ? ' The file has CRLF line endings, which alone changes the digest.' : ''
  return (
    'Copy the producer manifest of the pinned release byte for byte into the mirror; if the producer manifest itself ' +
    `changed, that is a new baseline: update all three trio files together (baseline-gate repin).${crlf}`
  )
}
