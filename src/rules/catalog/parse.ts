// Rule family 1xx: the trio files as files: present, readable, within the limits, parseable, schema-valid.
import { count, LIMITS } from '../../document/limits.js'
import type { RuleInfo } from './rule-info.js'

export const PARSE_RULES = {
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
    title: 'Not valid UTF-8 text',
    severity: 'error',
    description:
      'Trio files are UTF-8 text. Invalid byte sequences are shown as U+FFFD and the file is rejected. So is a matrix that holds a control character other than tab, line feed and carriage return (a NUL makes git and GitHub show the file as binary, so a reviewer sees no diff of it at all), a bidirectional control, which shows its text in another order than it is written, or a carriage return that is not part of a CRLF line ending (Markdown breaks the line there; this tool reads lines to their line feed).',
    example: 'The matrix was saved as Latin-1 and contains the byte `0xE9`.'
  },
  BG106: {
    title: 'JSON syntax error',
    severity: 'error',
    description:
      "The pin and the mirror must be strict JSON: no comments, no trailing commas. Every syntax error is reported with its line and column, not only the first. JSON that the consumer's and the producer's typed readers refuse is refused too: a whole number written with a fraction, an exponent or a sign on zero (`2500.0`, `2.5e3`, `-0`), or past 2^53 - 1, and a `\\uD800`-style escape without its pair.",
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
  }
} as const satisfies Record<`BG1${string}`, RuleInfo>
