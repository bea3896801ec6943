// Rule family 2xx: the trio agrees with itself: pin, mirror and matrix name the same baseline.
import type { RuleInfo } from './rule-info.js'

export const TRIO_RULES = {
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
      "Each Baseline Pin line's value equals the pin's field (or, for the two path lines, the policy's relative path; absolute paths leak a machine's layout and are refused). The value is text: a line holding HTML (a comment, an `<img>`), an image or a link is refused, since a reader sees what it renders (a picture, a hidden value) where the tool reads the text. So is a line that shows another value beside the one checked (its first code span): a second code span (`` `GO` (revoked: now `NO-GO`) ``), a strikethrough (`` ~~`GO`~~ `NO-GO` ``), or a line after it in the same item (a nested list, a continuation, code). A note beside the value is plain words on the same line.",
    example: '`` - Runtime cutover posture: `GO` `` while the pin says `"runtime_cutover_posture": "NO-GO"`.'
  },
  BG207: {
    title: 'Baseline Pin line repeated',
    severity: 'error',
    description:
      'Each Baseline Pin line appears once; two release tag lines make the section ambiguous. A bullet anywhere else in the matrix whose label names a Baseline Pin line (nested in a list item, quoted, or in another section) is refused too: GitHub shows it beside the line checked, which the tools read only at the top of the Baseline Pin list. So is any line of the Baseline Pin section other than its list (a paragraph, a heading, a table row) that reads as one. Lines are read as rendered: an escaped colon, a dash in place of the colon, a link, a character reference or a task box hides nothing, and a label a reader takes for one counts (a letter of another script that looks like a Latin one, an ASCII `I` for `l`, an accent, a character that shows nothing).',
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
      'Every row, current or historical, is well formed: a semver consumer version, a 7-40 hex consumer commit, a vX.Y.Z producer tag, a 40-hex producer commit, and service.vN / api.vN / integration/vN contracts, each written as text (a cell holding HTML, an image or a link is refused: a reader sees what it renders, where the tool reads its text). Rollback reads these rows.',
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
  BG220: {
    title: 'Unverified restored trio',
    severity: 'error',
    description:
      'A rollback writes the last-known-good trio, then runs its suites, and keeps the trio only if they pass (else it puts the previous one back). It marks the restore in the git directory until then: a run stopped in between (the runner killed, a machine lost) leaves the mark, and while the trio on disk is still the one it restored, health fails here rather than judge an untested restore as any other trio. Run the rollback again (it tests the trio and keeps it or puts the previous one back), or put the previous trio back with `git checkout` and delete the mark.',
    example:
      'The runner was lost while the rollback suites ran; the restored trio stayed in the working tree.'
  },
  BG221: {
    title: 'Untested restore on disk (dry run)',
    severity: 'notice',
    description:
      "A rollback's dry run or drill finds the untested restore a stopped rollback left on disk (BG220). A rollback run for real puts it back first and restores afresh, so the dry run plans from the trio HEAD commits, and says so here.",
    example: 'The weekly drill runs after a rollback was killed in its suites.'
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
      'The matrix has one `Baseline Pin` section, one `Approved Version Pairs` section and one ledger table in it. The tools read the first `##` section of each title and the first table; another heading of the same title (at any level, before or after it), a second table in the ledger section, or a table elsewhere headed as the ledger is (two of its column names) would let a reviewer read one baseline while the gate checks another. A heading or a Baseline Pin label a reader takes for the real one counts as the same: letters of another script that look like Latin ones (a Cyrillic `а`), characters that show nothing (a zero-width space), compatibility forms (fullwidth letters). Each is a finding at its line.',
    example:
      'A second `## Baseline Pin` heading further down names `v0.3.0`; a `## Bаseline Pin` section (a Cyrillic `а`) above the real one says `NO-GO`; a table under `## Approved Version Pairs (current)` marks the release Rolled back.'
  },
  BG218: {
    title: 'Raw HTML in the matrix',
    severity: 'error',
    description:
      'The matrix is Markdown only. GitHub renders raw HTML (a list, a heading, a table), and Markdown renderers disagree on where an HTML block ends, so a matrix with HTML can show a reviewer another Baseline Pin or ledger than the one the tools check. Any `<` that can open a tag (a letter, `/`, `!` or `?` after it) is refused outside code, except an HTML comment that is a block of its own lines (it starts a line with `<!--` and its first `-->` ends its last line) and an autolink (`<https://example.com>`). Code spans are honoured on one line; write `<` as `&lt;` or inside a code span or a fenced block. A Baseline Pin line or a ledger cell with markup has its own finding (BG206, BG213).',
    example:
      'An HTML `<ul>` with a `v0.3.9` release tag under `## Baseline Pin`, or a `<br>` line between two list items that GitHub turns into an HTML block hiding the real lines.'
  },
  BG219: {
    title: 'Markdown GitHub reads otherwise',
    severity: 'error',
    description:
      'A construct this tool reads otherwise than GitHub renders it, so a reviewer could see another Baseline Pin or ledger than the one checked: a link reference definition (`[label]: url`, which GitHub hides and which changes how the lines around it read), an ordered list that does not start at 1 right after indented code (a list on GitHub, a paragraph here), a fenced code block inside a block quote (the quote may end elsewhere on GitHub), YAML front matter (`---` lines at the top, which GitHub shows as a table), or a table inside a block quote or a list item (GitHub renders it; the tools read top-level tables only). Write links inline, start such a list at 1 or after a paragraph, keep code out of quotes, and write no front matter.',
    example:
      'A line `[gate]: https://example.com` over a line `===`: a heading here, plain text on GitHub, which then shows the indented lines after it as raw HTML.'
  }
} as const satisfies Record<`BG2${string}`, RuleInfo>
