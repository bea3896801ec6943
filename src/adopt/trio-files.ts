// The trio and the producer's published files, recognised by what they hold rather than by their names: a pin, a
// producer contract manifest, a handoff payload (JSON), a compatibility matrix (Markdown).
import { DISPLAY_NAME_MAX } from '../policy/defaults.js'

/** Every JSON file of interest holds one of these; the others are never parsed. */
export const JSON_NEEDLES = ['contract_version', 'handoff_mode']

const PIN_KEYS = [
  'release_tag',
  'commit_sha',
  'expected_service_contract_version',
  'expected_api_contract_version'
] as const
export const MANIFEST_CONTRACT = 'producer-contract-manifest.v1'

export interface PinFacts {
  release_tag: string
  commit_sha: string
  /** expected_producer_manifest_sha256; null in a pin older than the digest. */
  manifest_sha256: string | null
  /** runtime_cutover_posture; null in a pin written before adoption. */
  posture: string | null
}

export interface ManifestFacts {
  release_tag: string | null
  commit_sha: string | null
}

export type JsonFile =
  | { kind: 'pin'; pin: PinFacts }
  | { kind: 'manifest'; manifest: ManifestFacts }
  | { kind: 'handoff'; mode: string | null }
  /** Looks like a trio file (it names the contract fields) but is not valid JSON. */
  | { kind: 'unparsable'; problem: string }
  | { kind: 'other' }

export function classifyJson(bytes: Buffer): JsonFile {
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    const text = bytes.toString('utf8')
    if (PIN_KEYS.every((k) => text.includes(`"${k}"`)) || text.includes(MANIFEST_CONTRACT))
      return { kind: 'unparsable', problem: (e as Error).message }
    return { kind: 'other' }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'other' }
  const o = value as Record<string, unknown>
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null)
  // a handoff payload names the manifest contract too: its mode is what sets it apart
  if ('handoff_mode' in o) return { kind: 'handoff', mode: str('handoff_mode') }
  if (o.manifest_contract_version === MANIFEST_CONTRACT)
    return { kind: 'manifest', manifest: { release_tag: str('release_tag'), commit_sha: str('commit_sha') } }
  if ('manifest_contract_version' in o || !PIN_KEYS.every((k) => k in o)) return { kind: 'other' }
  return {
    kind: 'pin',
    pin: {
      release_tag: str('release_tag') ?? '',
      commit_sha: str('commit_sha') ?? '',
      manifest_sha256: str('expected_producer_manifest_sha256'),
      posture: str('runtime_cutover_posture')
    }
  }
}

export interface MatrixFacts {
  /** The producer's name as the Baseline Pin section writes it ("- MemoryKernel release tag: ..."), or null. */
  displayName: string | null
  /** The release tag of the Baseline Pin section, or null. */
  releaseTag: string | null
  text: string
}

/** The facts of a compatibility matrix, or null when the text has no `## Baseline Pin` and `## Approved Version Pairs`. */
export function readMatrix(text: string): MatrixFacts | null {
  const lines = text.split(/\r?\n/)
  let fence: string | null = null
  let section: string | null = null
  const seen = new Set<string>()
  let displayName: string | null = null
  let releaseTag: string | null = null
  for (const line of lines) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (f) {
      if (fence === null) fence = f[1]![0]!
      else if (f[1]![0] === fence) fence = null
      continue
    }
    if (fence !== null) continue
    const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line)
    if (h) {
      section = h[1] === '##' ? h[2]!.toLowerCase().replace(/\s+/g, ' ') : h[1]!.length < 2 ? null : section
      if (h[1] === '##') seen.add(section!)
      continue
    }
    if (section !== 'baseline pin') continue
    const m = /^\s*[-*+]\s+(.+?)\s+release tag\s*:\s*(.*)$/i.exec(line)
    if (m && displayName === null) {
      const name = m[1]!.replace(/[`*_]/g, '').trim()
      if (name.length > 0 && name.length <= DISPLAY_NAME_MAX) displayName = name
      const tag = /^`?([^`\s]+)`?/.exec(m[2]!.trim())
      releaseTag = tag ? tag[1]! : null
    }
  }
  if (!seen.has('baseline pin') || !seen.has('approved version pairs')) return null
  return { displayName, releaseTag, text }
}

/** Whether the matrix names `tag`: its Baseline Pin tag, or the tag as a whole word anywhere. */
export function matrixNamesTag(matrix: MatrixFacts, tag: string): boolean {
  if (tag === '') return false
  if (matrix.releaseTag === tag) return true
  // searched, not compiled into a pattern: a pin's tag of 60,000 characters made one too large (found by review)
  const text = matrix.text
  const word = (c: string | undefined) => c !== undefined && /\w/.test(c)
  for (let i = text.indexOf(tag); i !== -1; i = text.indexOf(tag, i + 1)) {
    const before = text[i - 1]
    if (word(before) || before === '.' || before === '-') continue
    // after it: the end, or a character no tag goes on with (a sentence's full stop included)
    const after = text[i + tag.length]
    if (
      after === undefined ||
      !(word(after) || after === '-' || (after === '.' && word(text[i + tag.length + 1])))
    )
      return true
  }
  return false
}
