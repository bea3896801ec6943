// Every rule the suite checks, with a stable id. docs/rules.md is generated from this table (npm run docs).
// Families (DESIGN.md §5): 1xx parse and schema, 2xx trio consistency, 3xx producer drift and handoff,
// 4xx runtime preflight, 5xx change rules, 6xx adapter boundary, 7xx suites, 8xx posture and approval.

import { count, LIMITS } from '../source/limits.js'

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
  BG110: {
    title: 'Path leaves the repository',
    severity: 'error',
    description:
      'Every file the suite reads or writes (trio files and their directories, the policy, the evidence directory, adapter files and scan globs) must stay inside the repository root after symbolic links are resolved. A pull request can replace a trio file or directory with a link to `/etc/passwd` or `../../elsewhere`; such a path is refused before anything is read or written through it, and a final symbolic link is never followed when a file is opened.',
    example:
      '`config` is a symbolic link to `/tmp/attacker`, so `config/memorykernel-integration-pin.json` resolves outside the repository.'
  },
  BG111: {
    title: 'Input over a limit',
    severity: 'error',
    description:
      `Every file the rules read (the trio, and the producer's manifest and handoff payload) is checked against fixed limits before it is parsed, so that no crafted input can crash or stall a gate (the policy file is read under the same JSON limits). ` +
      `JSON nests at most ${count(LIMITS.jsonDepth)} levels deep (a trio file needs 4), and no line is longer than ${count(LIMITS.lineChars)} characters. ` +
      `The matrix has at most ${count(LIMITS.matrixLines)} lines, ${count(LIMITS.tableRows)} table rows (lines with a \`|\`), ${count(LIMITS.tableCells)} table cells of at most ${count(LIMITS.cellChars)} characters, ` +
      `${count(LIMITS.blockMarkers)} list item and block quote markers, ${count(LIMITS.underlines)} setext heading underlines (lines of only \`=\` or \`-\`) and ${count(LIMITS.inlineMarkers)} emphasis, link and escape markers (\`*\`, \`_\`, \`[\`, \`\\\`): ` +
      'the Markdown parser takes time quadratic in the number of those constructs, and within these limits any matrix is read in about the time of the largest real ledger the 1 MiB of BG102 allows (seconds, not hours). ' +
      'File sizes are BG102. An input over a limit is refused at the place where it crosses the limit, and is not parsed; the other files are still checked.',
    example:
      'The pin holds `[[[[...]]]]` nested 100,000 deep, or a matrix cell of 100,000 characters, or 5,000 lines of `*a*a*a`.'
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
  },
  BG215: {
    title: 'Interrupted trio write',
    severity: 'error',
    description:
      'repin and rollback write the three trio files as one set through a journal in the git directory. A journal left behind means a run was interrupted between its first and last rename: the files on disk may mix the old and the new trio. The same command, run again, finishes the job (or undoes it, when the crash came before its commit point).',
    example:
      '`.git/baseline-gate/rollback-memorykernel.journal.json` exists after the runner was killed mid-rollback.'
  },
  BG216: {
    title: 'Machine-specific path in the matrix',
    severity: 'warning',
    description:
      "The matrix is read by both teams and published in evidence: a developer's absolute path (`/Users/<name>/...`, `/home/<name>/...`, `C:\\Users\\...`) leaks a machine's layout and means nothing on anyone else's checkout. Hand-kept matrices from before adoption often carry them; the Baseline Pin path lines are BG206, this rule covers the rest of the document. A documentation finding: a rollback lists it as follow-up.",
    example: 'The service.v3 cutover is tracked against `/Users/d/Projects/MemoryKernel` on `main`.'
  },
  BG217: {
    title: 'Duplicate matrix section',
    severity: 'error',
    description:
      'The matrix has one `Baseline Pin` section, one `Approved Version Pairs` section and one ledger table in it. The tools read the first `##` section of each title and the first table; another heading of the same title (at any level, before or after it) or a second table in the ledger section would let a reviewer read one baseline while the gate checks another. Each extra heading or table is a finding at its line.',
    example:
      'A second `## Baseline Pin` heading further down names `v0.3.0`, or a second table under `## Approved Version Pairs` marks another row Approved.'
  },

  BG301: {
    title: 'Mirror differs from the producer manifest',
    severity: 'error',
    description:
      "The mirror must be byte for byte the producer's in-tree manifest (`<producer.root>/<producer.manifest>`). The finding names the first differing line. A change to the producer manifest is a new baseline: repin all three trio files together.",
    example:
      'The producer bumped `release_tag` in its manifest and the consumer mirror still holds the old bytes.'
  },
  BG302: {
    title: 'Producer manifest unusable',
    severity: 'error',
    description:
      "The producer's own manifest must exist, be UTF-8 JSON without a byte-order mark or duplicate keys, and match producer-contract-manifest.v1.",
    example:
      '`services/memorykernel/contracts/integration/v1/producer-contract-manifest.json` was deleted by a refactoring.'
  },
  BG303: {
    title: 'Handoff payload unusable',
    severity: 'error',
    description:
      "The producer's handoff payload must exist (a missing payload is a failure, never a silent skip), parse, and match config/schemas/handoff-payload.schema.json: every key present, relative paths only.",
    example: '`"manifest_path": "/Users/d/Projects/MemoryKernel/contracts/..."` (an absolute developer path).'
  },
  BG304: {
    title: 'Handoff identity disagrees',
    severity: 'error',
    description:
      "The payload's release tag, commit, contract versions and integration baseline, its `active_runtime_baseline`, and its `manifest_contract_version` equal the producer manifest and the pin. In candidate mode only the service contract version may differ, and the active runtime baseline is compared with the pin (the original compared the candidate with itself).",
    example: 'The payload says `"release_tag": "v0.3.2"` while the manifest and the pin say v0.4.0.'
  },
  BG305: {
    title: 'Handoff error codes differ',
    severity: 'error',
    description:
      "The payload's `error_code_enum` holds the same codes as the producer manifest (as a set; the finding names the missing and the unexpected codes).",
    example:
      'The payload lacks `write_conflict`, or adds `quota_exceeded` that the manifest does not declare.'
  },
  BG306: {
    title: 'Handoff envelope policy incomplete',
    severity: 'error',
    description:
      'Each mode of `non_2xx_envelope_policy` requires `service_contract_version`, `error.code` and `error.message`, and forbids `legacy_error` and `api_contract_version`.',
    example:
      '`service_v3_stable.forbids` is `["legacy_error"]`: `api_contract_version` would be allowed in errors.'
  },
  BG307: {
    title: 'Handoff mode rules',
    severity: 'error',
    description:
      'A stable payload describes the pinned baseline (its service contract equals the pin) and carries no candidate keys. A service-v3-candidate payload carries `rehearsal_candidate` with `requires_runtime_cutover: false` and `consumer_non_blocking_fallback_required: true`, and `compatibility_expectations`.',
    example: 'A candidate payload with `"requires_runtime_cutover": true`.'
  },
  BG308: {
    title: 'Handoff timestamp',
    severity: 'error',
    description: '`handoff_generated_at_utc` is a real UTC instant, not in the future.',
    example: '`"handoff_generated_at_utc": "2026-13-01T00:00:00Z"`.'
  },
  BG309: {
    title: 'Producer code differs from its manifest',
    severity: 'error',
    description:
      "The running producer's own contract (the versions in its health envelope) equals its manifest: the code's constants and the published manifest must not drift apart.",
    example: 'The service answers `service.v4` while its manifest still says `service.v3`.'
  },
  BG310: {
    title: 'Producer at a rolled-back release',
    severity: 'warning',
    description:
      "After a rollback the producer's tree still holds the withdrawn release while the trio holds the last-known-good one. When the ledger records the producer's release (tag and commit) as `Rolled back`, the mirror and the handoff's runtime baseline are not compared with the producer's current files (BG301, BG304, BG307 would fail until a fixed release is promoted); this warning says so instead. Any other difference is still drift.",
    example:
      'The producer manifest says v0.4.0, the ledger row of v0.4.0 says `Rolled back`, the pin holds v0.3.2.'
  },
  BG311: {
    title: 'Producer manifest at the tag differs from the pin',
    severity: 'error',
    description:
      "With the remote identity check (`health --remote`, action input `remote-identity`), the producer manifest is fetched from the producer repository (the pin's `memorykernel_repo`) at the commit the pinned release tag names, at the policy's `producer.manifest` path, and the SHA-256 of its bytes must equal the pin's `expected_producer_manifest_sha256`. The finding names both digests. A manifest that does not exist at the tag fails too. The mirror only proves what the consumer copied; this proves what the producer published.",
    example:
      'The pin says `79970ec8…`, the manifest at `v0.4.0` in the producer repository hashes to `167f0265…` (the tag was moved, or the mirror was copied from another commit).'
  },
  BG312: {
    title: 'Release tag points elsewhere',
    severity: 'error',
    description:
      'With the remote identity check, the pinned release tag must resolve (annotated tags followed to their commit) to the pinned `commit_sha` or to a commit that descends from it: the runtime code commit comes first, and the tag may sit on a later commit that publishes the manifest. A tag on an older commit, on an unrelated branch, or a pinned commit the producer repository does not have, means the tag and the pin name different code.',
    example:
      '`v0.4.0` names `b508010`, which neither is nor descends from the pinned `7e4806a` (the compare says `diverged`).'
  },
  BG313: {
    title: 'Release tag missing from the producer repository',
    severity: 'error',
    description:
      'With the remote identity check, the pinned release tag must exist in the producer repository. A baseline whose tag was never pushed, or was deleted, cannot be reproduced from the producer.',
    example: 'The pin says `v0.4.1`; the producer repository has tags up to `v0.4.0`.'
  },
  BG314: {
    title: 'Producer identity could not be verified',
    severity: 'error',
    description:
      "The remote identity check was asked for and could not run to the end: no token, a producer repository URL that names no repository, the API refused (401, 403, 404 for a repository the token cannot see, rate limit), did not answer within the client's timeout, or is unreachable. A check that did not run never reads as a pass: the message says what failed and what to do (the token is never shown).",
    example:
      'The producer repository is private and the job token `github.token` cannot read it (403): pass a token that can.'
  },
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
      'The producer was not started because the run asked for no probe (`--no-probe`, input `probe: false`). The verdict records the skip; it is never a pass of the preflight.',
    example: '`baseline-gate health --no-probe`.'
  },
  BG408: {
    title: 'Schema migrations pending',
    severity: 'warning',
    description:
      "The schema-version answer lists pending migrations: the producer answers, but not at its target schema (the original's preflight ignored this).",
    example: '`"pending_versions": [4]` with `current_version` 3 and `target_version` 4.'
  },
  BG501: {
    title: 'Trio not updated atomically',
    severity: 'error',
    description:
      'A change of the baseline identity (tag, commit, contract versions, integration baseline, manifest digest) updates the pin, the mirror and the matrix in the same change. The finding names the files still to update.',
    example: 'A pull request changes `release_tag` in the pin and nothing else.'
  },
  BG502: {
    title: 'Release tag does not go up',
    severity: 'error',
    description:
      "A promotion's new release tag is a higher semantic version than the baseline it replaces (a rollback is the way back down).",
    example: 'The pin moves from `v0.4.0` to `v0.3.9`, or changes its commit while keeping `v0.4.0`.'
  },
  BG503: {
    title: 'Breaking change without a contract bump',
    severity: 'error',
    description:
      'Removing an error code is a breaking change: it needs a new service contract version. Contract versions never go down. Added codes are additive and need no bump.',
    example: '`write_conflict` disappears from `error_code_enum` while the contract stays `service.v3`.'
  },
  BG504: {
    title: 'Stability window not over',
    severity: 'error',
    description:
      "The baseline being replaced must have been approved at least `stability_window.minimum_sprint_days` days ago (its manifest's declared window, dated from git history). The original declared 14 days and replaced a baseline after 2.5 hours.",
    example: 'v0.4.0 was approved on 2026-11-20 with a 14-day window; promoting v0.5.0 on 2026-11-24 fails.'
  },
  BG505: {
    title: 'Ledger history not kept',
    severity: 'error',
    description:
      "A promotion appends the new baseline's row and marks the replaced baseline's row `Superseded`; the ledger never loses a row (the original overwrote its one row at every promotion).",
    example: 'The old Approved row was edited into the new one instead of being kept as Superseded.'
  },
  BG506: {
    title: 'Checked revision is not the checkout',
    severity: 'error',
    description:
      'The rules read the trio at the head revision straight from git, but the suites run on the files on disk. When the head is not the checked-out commit, or the trio on disk differs from the head revision, the suites would test something else: the gate refuses rather than mix them. Check out the head revision, commit the trio, or run without suites.',
    example: '`baseline-gate promote --base main --head feature` while `main` is checked out.'
  },
  BG701: {
    title: 'Suite step failed',
    severity: 'error',
    description:
      'A required suite step (consumer or producer, DESIGN.md §4) exited with a non-zero status or a signal. The log tail is in the job summary and the whole redacted log in the evidence artifact.',
    example: '`cargo clippy --workspace --all-targets --all-features -- -D warnings` exits 101.'
  },
  BG702: {
    title: 'Suite step timed out',
    severity: 'error',
    description:
      "A suite step ran past its `timeout_s`; its whole process group was stopped (SIGTERM, then SIGKILL). A step that did not finish never counts as passed; raise the step's timeout in the policy if the work is legitimately slow.",
    example: 'A contract test waits forever on a port that never opens.'
  },
  BG703: {
    title: 'Suite step could not run',
    severity: 'error',
    description:
      'A suite step could not be started (its program is not installed, its working directory is missing) or did not run because the run was aborted. A step that did not run makes the verdict FAIL.',
    example: '`cargo` is not on PATH on the runner.'
  },
  BG704: {
    title: 'Suites not run',
    severity: 'notice',
    description:
      'The suites were not run: the run asked for none (`--no-suites`, input `suites: false`, or a rollback dry run), or, for a promotion, the rules already decide FAIL, so the suites could not change the verdict (`--suites-anyway`, input `suites-anyway: true`, runs them all the same). The verdict covers the rules only (and, for a promotion, the change classification). The evidence records every step as skipped with the reason (`skip_reason`), never as passed.',
    example: '`baseline-gate promote --base main --no-suites`.'
  },
  BG705: {
    title: 'No suite steps for this operation',
    severity: 'warning',
    description:
      "The policy has no suite step whose `operations` include this operation, so nothing but the rules was checked. The runbook's defaults run the consumer and producer suites on every promotion and rollback.",
    example: 'Every step of the policy is limited to `"operations": ["health"]`.'
  },
  BG507: {
    title: 'History too shallow',
    severity: 'error',
    description:
      'The stability window is dated from the commit that approved the baseline being replaced, which a shallow clone does not have: the date would be wrong. Check out the full history (`actions/checkout` with `fetch-depth: 0`).',
    example: '`actions/checkout` with its default `fetch-depth: 1`.'
  },
  BG508: {
    title: 'Rollback keeps the posture GO',
    severity: 'error',
    description:
      'A change that withdraws the current baseline (its ledger row becomes `Rolled back`) and reinstates an earlier one sets the runtime cutover posture to NO-GO: GO again needs the joint approval of a separate posture-only change.',
    example: 'A rollback pull request restores v0.3.2 with `"runtime_cutover_posture": "GO"`.'
  },
  BG509: {
    title: 'Rollback to a baseline never pinned',
    severity: 'error',
    description:
      "A rollback reinstates a baseline the pin held before: its identity (tag, commit, contract versions, integration baseline and manifest SHA-256) must appear in the pin's git history, and the ledger must already have its row. Anything else is a new baseline and goes through a promotion.",
    example:
      'A pull request marks v0.4.0 `Rolled back` and pins v0.3.2 with a different manifest digest than v0.3.2 ever had.'
  },
  BG510: {
    title: 'No last-known-good baseline',
    severity: 'error',
    description:
      'Rollback needs an earlier trio revision on the current branch with another identity, valid at that revision (every trio rule), whose ledger row is not `Rolled back` (or the revision of the tag given with `--to`). The finding lists the revisions passed over and why. A shallow clone has no history to search: check out with `fetch-depth: 0`.',
    example: 'The branch has only ever pinned v0.4.0, or `--to v0.2.0` names a tag the pin never held.'
  },
  BG511: {
    title: 'Trio changed on disk',
    severity: 'error',
    description:
      'A rollback restores the trio from git over the files on disk; when the trio on disk differs from the checked-out commit (and from the restored trio), someone edited it by hand. Nothing is overwritten: commit or discard the edits, then run again.',
    example: 'The matrix has an uncommitted edit when `baseline-gate rollback` runs.'
  },
  BG512: {
    title: 'Rollback not proposed on GitHub',
    severity: 'warning',
    description:
      'The rollback action commits the restored trio on a branch, opens a pull request whose body is the incident note, and opens or updates the incident issue. When the token may not (permissions `contents`, `pull-requests`, `issues`: write; or the repository does not let Actions open pull requests) the restored files, the note and the evidence are still in the workspace and the artifact, and this warning says what was not done.',
    example: 'The workflow has `pull-requests: read`: no pull request is opened.'
  },
  BG601: {
    title: 'Adapter file missing',
    severity: 'error',
    description:
      "Each of the policy's adapter files (the consumer's integration boundary: one file, or a few such as a TypeScript client and a Rust command module) must exist.",
    example: '`adapter.file` names `src/producer/endpoints.ts`, which was moved.'
  },
  BG602: {
    title: 'Adapter lacks an endpoint',
    severity: 'error',
    description:
      'The adapter file contains every endpoint string of the policy: all calls to the producer go through it.',
    example: 'The adapter no longer names the readiness endpoint.'
  },
  BG603: {
    title: 'Endpoint outside the adapter',
    severity: 'error',
    description:
      'No scanned source file other than the adapter contains a producer endpoint string (all endpoints, every scanned extension, tests included unless excluded): code that calls the producer directly bypasses the deterministic fallback.',
    example: "A React hook calls the producer's query endpoint with `fetch` directly."
  },
  BG604: {
    title: 'Adapter boundary not configured',
    severity: 'warning',
    description:
      'The policy names no adapter file, so the boundary is not checked: a warning, because a check that does nothing must not look like one that passed. The message lists the scanned files that name producer endpoints; `baseline-gate init` writes them into the policy as `adapter.file` (one path or a list, e.g. a TypeScript client and a Rust command module) with `adapter.scan`.',
    example: 'A policy without `adapter.file`.'
  },
  BG706: {
    title: 'Suites taken from the base policy',
    severity: 'notice',
    description:
      "The promotion gate runs the suites of the policy at the base revision, as it takes the owners from there: a pull request cannot switch its own checks off. When the change edits the policy's suites, the edit applies once merged; when the base policy cannot be used, the change's own suites run and this notice says why.",
    example: 'A pull request that updates the trio also removes `cargo clippy` from the policy.'
  },
  BG801: {
    title: 'Posture to GO without joint approval',
    severity: 'error',
    description:
      "Changing the runtime cutover posture to GO, from NO-GO or from no posture at all (a trio written before adoption gains the field), needs an approving review on the pull request's current head from one of the consumer owners AND one from a different person among the producer owners (the policy's `owners`). As on GitHub, the pull request's author never approves their own change, and neither does a bot; an approval of an older commit, one followed by a request for changes, and a dismissed review do not count either. The finding names each approval it did not count and why.",
    example: 'A pull request sets `runtime_cutover_posture` to `GO`, approved only by a consumer owner.'
  },
  BG802: {
    title: 'Joint approval could not be checked',
    severity: 'error',
    description:
      'A change of the posture to GO (from NO-GO, or from none) needs the reviews of the pull request, and they could not be read: no pull request (a local run, a push), no token, or the GitHub API refused or did not answer. An approval that could not be checked is never assumed.',
    example: '`baseline-gate promote` run locally on a commit that sets the posture to GO.'
  },
  BG803: {
    title: 'Joint approval given',
    severity: 'notice',
    description:
      'The change of the posture to GO carries the approvals of both teams; the finding names who approved.',
    example: '`alice` (consumer) and `bob` (producer) approved the head commit.'
  }
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof rules
export const RULES: Readonly<Record<RuleId, RuleInfo>> = rules
export const RULE_IDS = Object.keys(rules).sort() as RuleId[]
