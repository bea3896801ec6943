// Every rule the suite checks, with a stable id. docs/rules.md is generated from this table (npm run docs).
// Families (DESIGN.md §5): 1xx parse and schema, 2xx trio consistency, 3xx producer drift and handoff,
// 4xx runtime preflight, 5xx change rules, 6xx adapter boundary, 7xx suites, 8xx posture and approval.

export type Severity = 'error' | 'warning' | 'notice'

export interface RuleInfo {
  title: string
  severity: Severity
  /** What the rule checks and why it matters. */
  description: string
  /** A violation, as the user would see it in the file. */
  example: string
}

const rules = {
  BG101: {
    title: 'Trio file missing',
    severity: 'error',
    description:
      'Each of the three trio files (pin, mirror, matrix) must exist at the path the policy names. A baseline with a missing file has no verifiable identity.',
    example:
      '`config/memorykernel-integration-pin.json` does not exist (renamed, or the policy points elsewhere).'
  },
  BG102: {
    title: 'Trio file unreadable',
    severity: 'error',
    description:
      'A trio file must be a regular, readable file inside the repository, of at most 4 MiB for the JSON files and 1 MiB for the matrix (about 7,000 ledger rows). Directories, FIFOs, paths outside the root and oversized files are refused before they are parsed, so nothing can hang the check.',
    example: '`docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md` is a directory, or a 40 MB file.'
  },
  BG103: {
    title: 'Trio file empty',
    severity: 'error',
    description: 'A trio file that is empty or only whitespace records nothing.',
    example: '`config/memorykernel-producer-manifest.json` has 0 bytes after a failed copy.'
  },
  BG104: {
    title: 'Byte-order mark in JSON',
    severity: 'error',
    description:
      'JSON files must not start with a UTF-8 byte-order mark (RFC 8259 §8.1): the consumer reads the pin at start-up and strict JSON readers reject it. Some editors on Windows add one.',
    example: 'The pin starts with the bytes `EF BB BF` before `{`.'
  },
  BG105: {
    title: 'Not valid UTF-8',
    severity: 'error',
    description:
      'Trio files are UTF-8 text. Invalid byte sequences are shown as U+FFFD and the file is rejected.',
    example: 'The matrix was saved as Latin-1 and contains the byte `0xE9`.'
  },
  BG106: {
    title: 'JSON syntax error',
    severity: 'error',
    description:
      'The pin and the mirror must be strict JSON: no comments, no trailing commas. Every syntax error is reported with its line and column, not only the first.',
    example: '`"release_tag": "v0.4.0",` followed by `}` (a trailing comma).'
  },
  BG107: {
    title: 'Duplicate JSON key',
    severity: 'error',
    description:
      'An object must not hold the same key twice: JSON readers disagree on which value wins, so the pin would mean different things to different tools.',
    example: '`"release_tag": "v0.4.0"` and later `"release_tag": "v0.3.2"` in the same pin.'
  },
  BG108: {
    title: 'Pin schema violation',
    severity: 'error',
    description:
      'The pin must match config/schemas/pin.schema.json: every field present, no unknown field, a vX.Y.Z release tag, a 40-hex commit, a 64-hex manifest digest, https repository and http(s) base URLs, a timeout between 100 and 30000 ms, and a posture of GO or NO-GO.',
    example: '`"commit_sha": "7e4806a"` (abbreviated), or `"runtime_cutover_posture": "go"`.'
  },
  BG109: {
    title: 'Manifest schema violation',
    severity: 'error',
    description:
      'The mirrored producer manifest must match config/schemas/manifest.schema.json (producer-contract-manifest.v1): required fields, formats, a non-empty list of unique snake_case error codes, integer policy windows.',
    example: '`"error_code_enum": ["invalid_json", "invalid_json"]` (a duplicate code).'
  },
  BG201: {
    title: 'Pin and mirror disagree',
    severity: 'error',
    description:
      "The pin's release tag, commit, service and API contract versions and integration baseline must equal the mirror's (`integration_baseline` in the manifest).",
    example: 'The pin says `"release_tag": "v0.4.0"`, the mirror says `"release_tag": "v0.3.2"`.'
  },
  BG202: {
    title: 'Mirror hash mismatch',
    severity: 'error',
    description:
      "The SHA-256 of the mirror's raw bytes must equal the pin's `expected_producer_manifest_sha256`. Whitespace, key order, line endings and the final newline all count. When the bytes differ only by formatting, line endings, a byte-order mark or the final newline, the message says so.",
    example: 'The mirror was reformatted by an editor, or checked out with CRLF line endings.'
  },
  BG203: {
    title: 'Matrix Updated marker',
    severity: 'error',
    description: 'The matrix carries an `Updated: YYYY-MM-DD` line with a real calendar date.',
    example: '`Updated: 2026-02-30`, or no Updated line at all.'
  },
  BG204: {
    title: 'Matrix section missing',
    severity: 'error',
    description: 'The matrix has a `## Baseline Pin` section and a `## Approved Version Pairs` section.',
    example: 'The heading was renamed to `## Pinned Baseline`.'
  },
  BG205: {
    title: 'Baseline Pin line missing',
    severity: 'error',
    description:
      'The Baseline Pin section lists every line: repo, release tag, commit SHA, the service and API contract versions, the integration baseline, the manifest SHA-256, the runtime cutover posture, and the paths of the pin and the mirror.',
    example: 'No `- Expected producer manifest SHA-256: ...` line.'
  },
  BG206: {
    title: 'Baseline Pin line disagrees with the pin',
    severity: 'error',
    description:
      "Each Baseline Pin line's value equals the pin's field (or, for the two path lines, the policy's relative path; absolute paths leak a machine's layout and are refused).",
    example: '`` - Runtime cutover posture: `GO` `` while the pin says `"runtime_cutover_posture": "NO-GO"`.'
  },
  BG207: {
    title: 'Baseline Pin line repeated',
    severity: 'error',
    description: 'Each Baseline Pin line appears once; two release tag lines make the section ambiguous.',
    example: 'Two `- MemoryKernel release tag:` lines, one old and one new.'
  },
  BG208: {
    title: 'Unrecognised Baseline Pin line',
    severity: 'warning',
    description:
      'A line in the Baseline Pin section that is not one of the known lines is not checked against the pin; rename it or move it out of the section.',
    example: '`` - MemoryKernel relase tag: `v0.4.0` `` (a typo: the real line is then also missing).'
  },
  BG209: {
    title: 'Ledger table malformed',
    severity: 'error',
    description:
      'The Approved Version Pairs section holds one GFM table with the eight columns consumer version, consumer commit, producer tag, producer commit, service contract, API contract, integration baseline and status, and every row has eight cells.',
    example: 'The delimiter row `| --- | --- |` is missing, or a row has seven cells.'
  },
  BG210: {
    title: 'Unknown ledger status',
    severity: 'error',
    description: 'Every row has a Status of `Approved`, `Superseded`, `Rolled back` or `Candidate`.',
    example: 'A row with Status `Rejected` or `approved`.'
  },
  BG211: {
    title: 'Not exactly one Approved row',
    severity: 'error',
    description:
      'Exactly one row is `Approved`: the baseline the pin names. Older rows are Superseded or Rolled back.',
    example: 'Two Approved rows after a promotion forgot to supersede the old one, or none at all.'
  },
  BG212: {
    title: 'Approved row disagrees with the pin',
    severity: 'error',
    description:
      'Every pin-related cell of the Approved row equals the pin: producer tag, producer commit, service contract, API contract and integration baseline (the original only looked at the tag and commit).',
    example:
      'The Approved row says `service.v1 | api.v9 | integration/v7` while the pin says service.v3 / api.v1 / integration/v1.'
  },
  BG213: {
    title: 'Ledger cell format',
    severity: 'error',
    description:
      'Every row, current or historical, is well formed: a semver consumer version, a 7-40 hex consumer commit, a vX.Y.Z producer tag, a 40-hex producer commit, and service.vN / api.vN / integration/vN contracts. Rollback reads these rows.',
    example: 'A Superseded row with producer commit `cf33144` (abbreviated).'
  },
  BG214: {
    title: 'Producer tag in several rows',
    severity: 'error',
    description: 'Each producer tag has one row; the ledger keeps one row per baseline ever approved.',
    example: 'Two rows for `v0.4.0` with different commits.'
  }
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof rules
export const RULES: Readonly<Record<RuleId, RuleInfo>> = rules
export const RULE_IDS = Object.keys(rules).sort() as RuleId[]
