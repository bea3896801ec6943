// The governance-negative table: for every rule, mutations of a valid trio that the rule must catch, with the
// file and line it must point at. The valid trio itself passes. A rule without a case fails this file.
import { afterAll, describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { join, relative } from 'node:path'
import { journalPath } from '../src/fs/atomic-set.js'
import { RULE_IDS } from '../src/rules/catalog.js'
import type { RuleId } from '../src/rules/catalog.js'
import {
  ADAPTER,
  cleanupFixtures,
  EMBEDDED,
  findingsOf,
  HANDOFF,
  MATRIX,
  MIRROR,
  nextTag,
  PIN,
  POLICY,
  PRODUCER_MANIFEST,
  trioFixture
} from './helpers/fixture.js'
import type { Fixture } from './helpers/fixture.js'

afterAll(cleanupFixtures)

/** A release after the embedded one (v0.5.0 when the embedded default is v0.4.0). */
const NEXT = nextTag(EMBEDDED.tag, 'minor')

/**
 * The producer's tree moves to NEXT (commit c…c) and the ledger gains a NEXT row with `status` and
 * `commit`: the state a rollback leaves when status is Rolled back and the commit matches.
 */
function withdrawnRelease(fx: Fixture, status: string, commit: string, tag = NEXT): void {
  fx.editJson(PRODUCER_MANIFEST, (m) => {
    m.release_tag = tag
    m.commit_sha = 'c'.repeat(40)
  })
  const row = fx
    .read(MATRIX)
    .split('\n')
    .find((l) => l.includes('| Approved |'))!
  fx.replace(
    MATRIX,
    row,
    `${row}\n| 0.2.0 | ${EMBEDDED.consumerCommit} | ${tag} | ${commit} | ${EMBEDDED.service} | ${EMBEDDED.api} | ${EMBEDDED.integration} | ${status} |`
  )
}

interface Case {
  name: string
  mutate: (fx: Fixture) => void
  /** The finding the mutation must produce; `line` is computed on the mutated files (null: no line). */
  expect: { rule: RuleId; file: string | null; line: (fx: Fixture) => number | null }
}

const at = (file: string, needle: string) => (fx: Fixture) => fx.lineOf(file, needle)
const none = () => null
const APPROVED_ROW = /^\| [^\n]*\| Approved \|$/m

function approvedRow(fx: Fixture): string {
  const row = APPROVED_ROW.exec(fx.read(MATRIX))?.[0]
  if (!row) throw new Error('no Approved row in the fixture matrix')
  return row
}

/** Append a ledger row after the Approved row (cells as given). */
function addRow(fx: Fixture, cells: string[]): void {
  const row = approvedRow(fx)
  fx.replace(MATRIX, row, `${row}\n| ${cells.join(' | ')} |`)
}

const OLD_SHA = 'c'.repeat(40)

const cases: Case[] = [
  {
    name: 'the pin is deleted',
    mutate: (fx) => fx.remove(PIN),
    expect: { rule: 'BG101', file: PIN, line: none }
  },
  {
    name: 'the matrix is deleted',
    mutate: (fx) => fx.remove(MATRIX),
    expect: { rule: 'BG101', file: MATRIX, line: none }
  },
  {
    name: 'the mirror is a directory',
    mutate: (fx) => {
      fx.remove(MIRROR)
      fx.write(`${MIRROR}/x`, '{}')
    },
    expect: { rule: 'BG102', file: MIRROR, line: none }
  },
  {
    name: 'the pin is a symbolic link to a file outside the repository',
    mutate: (fx) => {
      fx.remove(PIN)
      symlinkSync('/etc/hostname', join(fx.root, PIN))
    },
    expect: { rule: 'BG110', file: PIN, line: none }
  },
  {
    name: 'the pin nests arrays 100,000 deep (once an internal error and an empty --json)',
    mutate: (fx) => fx.write(PIN, `{"release_tag": ${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`),
    expect: { rule: 'BG111', file: PIN, line: () => 1 }
  },
  {
    name: 'a matrix cell holds 100,000 characters of emphasis',
    mutate: (fx) =>
      addRow(fx, ['0.0.9', 'abcdef1', 'v0.0.9', OLD_SHA, '*a'.repeat(50_000), 'api.v1', 'x', 'y']),
    expect: { rule: 'BG111', file: MATRIX, line: at(MATRIX, '| 0.0.9 |') }
  },
  {
    name: 'the mirror is empty',
    mutate: (fx) => fx.write(MIRROR, ''),
    expect: { rule: 'BG103', file: MIRROR, line: () => 1 }
  },
  {
    name: 'the pin starts with a byte-order mark',
    mutate: (fx) => fx.write(PIN, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fx.readBytes(PIN)])),
    expect: { rule: 'BG104', file: PIN, line: () => 1 }
  },
  {
    name: 'the matrix holds a Latin-1 byte',
    mutate: (fx) => {
      const text = fx.read(MATRIX).replace('## Pin Update Policy', '## Pin Update Policy (r\u0000sum\u0000)')
      const bytes = Buffer.from(text, 'utf8')
      bytes[bytes.indexOf(0)] = 0xe9 // invalid UTF-8 on its own
      fx.write(MATRIX, bytes)
    },
    expect: { rule: 'BG105', file: MATRIX, line: at(MATRIX, '## Pin Update Policy') }
  },
  {
    name: 'the pin has a trailing comma',
    mutate: (fx) => fx.replace(PIN, '"runtime_cutover_posture": "GO"', '"runtime_cutover_posture": "GO",'),
    expect: { rule: 'BG106', file: PIN, line: (fx) => fx.read(PIN).trimEnd().split('\n').length }
  },
  {
    name: 'the pin names release_tag twice',
    mutate: (fx) => fx.replace(PIN, '"commit_sha"', '"release_tag": "v0.0.1",\n  "commit_sha"'),
    expect: { rule: 'BG107', file: PIN, line: at(PIN, '"release_tag": "v0.0.1"') }
  },
  {
    name: 'the pin abbreviates its commit',
    mutate: (fx) => fx.replace(PIN, /("commit_sha": ")([0-9a-f]{7})[0-9a-f]{33}"/, '$1$2"'),
    expect: { rule: 'BG108', file: PIN, line: at(PIN, '"commit_sha"') }
  },
  {
    name: 'the pin posture is lower case',
    mutate: (fx) => fx.replace(PIN, '"runtime_cutover_posture": "GO"', '"runtime_cutover_posture": "go"'),
    expect: { rule: 'BG108', file: PIN, line: at(PIN, '"runtime_cutover_posture"') }
  },
  {
    name: 'the pin release tag has a number past what semver compares exactly (found by review: BG502 was skipped)',
    mutate: (fx) =>
      fx.replace(PIN, /"release_tag": "v[0-9.]+"/, '"release_tag": "v0.3.99999999999999999999"'),
    expect: { rule: 'BG108', file: PIN, line: at(PIN, '"release_tag"') }
  },
  {
    name: 'the pin writes a whole number with an exponent (found by review: typed readers refuse 2.5e3)',
    mutate: (fx) => fx.replace(PIN, /"default_timeout_ms": \d+/, '"default_timeout_ms": 2.5e3'),
    expect: { rule: 'BG106', file: PIN, line: at(PIN, '"default_timeout_ms"') }
  },
  {
    name: 'the pin writes a whole number with a fraction (2500.0)',
    mutate: (fx) => fx.replace(PIN, /"default_timeout_ms": \d+/, '"default_timeout_ms": 2500.0'),
    expect: { rule: 'BG106', file: PIN, line: at(PIN, '"default_timeout_ms"') }
  },
  {
    name: 'the mirror holds a key with a lone surrogate escape (found by review: the producer refuses it)',
    mutate: (fx) => {
      fx.replace(
        MIRROR,
        '"legacy_error_must_remain_in_service_v2": true',
        '"legacy_error_must_remain_in_service_v2": true,\n    "\\ud800": true'
      )
      fx.rehashMirror()
    },
    expect: { rule: 'BG106', file: MIRROR, line: at(MIRROR, '"\\ud800"') }
  },
  {
    name: 'the mirror declares a stability window past what a date holds (found by review: BG504 was skipped)',
    mutate: (fx) => {
      fx.editJson(MIRROR, (m) => {
        m.stability_window = { minimum_sprint_days: 100_000_000 }
      })
      fx.rehashMirror()
    },
    expect: { rule: 'BG109', file: MIRROR, line: at(MIRROR, '"minimum_sprint_days"') }
  },
  {
    name: 'the pin timeout is out of range',
    mutate: (fx) => fx.replace(PIN, /"default_timeout_ms": \d+/, '"default_timeout_ms": 90000'),
    expect: { rule: 'BG108', file: PIN, line: at(PIN, '"default_timeout_ms"') }
  },
  {
    name: 'the pin has a misspelt field',
    mutate: (fx) => fx.replace(PIN, '"default_base_url"', '"default_base_ulr"'),
    expect: { rule: 'BG108', file: PIN, line: at(PIN, '"default_base_ulr"') }
  },
  {
    name: 'the pin base URL is not a URL',
    mutate: (fx) => fx.replace(PIN, /"default_base_url": "[^"]+"/, '"default_base_url": "localhost 4010"'),
    expect: { rule: 'BG108', file: PIN, line: at(PIN, '"default_base_url"') }
  },
  {
    name: 'the mirror lists an error code twice (digest updated)',
    mutate: (fx) => {
      fx.replace(MIRROR, '"internal_error"', '"internal_error",\n    "invalid_json"')
      fx.rehashMirror()
    },
    expect: { rule: 'BG109', file: MIRROR, line: at(MIRROR, '"error_code_enum"') }
  },
  {
    name: 'the mirror is of another release (digest updated)',
    mutate: (fx) => {
      fx.replace(MIRROR, /"release_tag": "v[0-9.]+"/, '"release_tag": "v0.3.2"')
      fx.rehashMirror()
    },
    expect: { rule: 'BG201', file: MIRROR, line: at(MIRROR, '"release_tag"') }
  },
  {
    name: 'the mirror was reformatted',
    mutate: (fx) => fx.write(MIRROR, `${JSON.stringify(JSON.parse(fx.read(MIRROR)), null, 4)}\n`),
    expect: { rule: 'BG202', file: PIN, line: at(PIN, '"expected_producer_manifest_sha256"') }
  },
  {
    name: 'the matrix Updated date does not exist',
    mutate: (fx) => fx.replace(MATRIX, /^Updated: .*$/m, 'Updated: 2026-02-30'),
    expect: { rule: 'BG203', file: MATRIX, line: at(MATRIX, 'Updated: 2026-02-30') }
  },
  {
    name: 'the matrix Updated line is gone',
    mutate: (fx) => fx.replace(MATRIX, /^Updated: .*\n\n/m, ''),
    expect: { rule: 'BG203', file: MATRIX, line: () => 1 }
  },
  {
    name: 'the Baseline Pin section was renamed',
    mutate: (fx) => fx.replace(MATRIX, '## Baseline Pin', '## Pinned Baseline'),
    expect: { rule: 'BG204', file: MATRIX, line: () => 1 }
  },
  {
    name: 'the manifest SHA-256 line is gone',
    mutate: (fx) => fx.replace(MATRIX, /^- Expected producer manifest SHA-256: .*\n/m, ''),
    expect: { rule: 'BG205', file: MATRIX, line: at(MATRIX, '## Baseline Pin') }
  },
  {
    name: 'the posture line disagrees with the pin',
    mutate: (fx) =>
      fx.replace(MATRIX, '- Runtime cutover posture: `GO`', '- Runtime cutover posture: `NO-GO`'),
    expect: { rule: 'BG206', file: MATRIX, line: at(MATRIX, '- Runtime cutover posture:') }
  },
  {
    name: 'the manifest SHA-256 line disagrees with the pin',
    mutate: (fx) =>
      fx.replace(MATRIX, /(Expected producer manifest SHA-256: `)[0-9a-f]{64}/, `$1${'0'.repeat(64)}`),
    expect: { rule: 'BG206', file: MATRIX, line: at(MATRIX, 'Expected producer manifest SHA-256') }
  },
  {
    name: 'the mirror path line is an absolute developer path',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /(Producer manifest mirror: `)[^`]+/,
        '$1/Users/d/Projects/app/config/memorykernel-producer-manifest.json'
      ),
    expect: { rule: 'BG206', file: MATRIX, line: at(MATRIX, 'Producer manifest mirror:') }
  },
  {
    name: 'the release tag line appears twice',
    mutate: (fx) =>
      fx.replace(MATRIX, /^(- MemoryKernel release tag: .*)$/m, '$1\n- MemoryKernel release tag: `v0.3.2`'),
    expect: { rule: 'BG207', file: MATRIX, line: at(MATRIX, '- MemoryKernel release tag: `v0.3.2`') }
  },
  {
    name: 'a Baseline Pin line is not one the tool knows',
    mutate: (fx) =>
      fx.replace(MATRIX, /^(- MemoryKernel repo: .*)$/m, '$1\n- MemoryKernel flavour: `vanilla`'),
    expect: { rule: 'BG208', file: MATRIX, line: at(MATRIX, 'MemoryKernel flavour') }
  },
  {
    name: "a developer's home directory in the matrix's prose (the hand-kept matrices had them)",
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /^(## Approved Version Pairs)$/m,
        'Tracked against the checkout at `/Users/d/Projects/MemoryKernel`.\n\n$1'
      ),
    expect: { rule: 'BG216', file: MATRIX, line: at(MATRIX, '/Users/d/Projects/MemoryKernel') }
  },
  {
    name: 'a second, conflicting Baseline Pin section further down (once passed)',
    mutate: (fx) =>
      fx.write(
        MATRIX,
        `${fx.read(MATRIX)}\n## Baseline Pin\n\n- MemoryKernel release tag: \`v0.0.1\`\n- Runtime cutover posture: \`NO-GO\`\n`
      ),
    expect: {
      rule: 'BG217',
      file: MATRIX,
      line: (fx) => fx.read(MATRIX).split('\n').lastIndexOf('## Baseline Pin') + 1
    }
  },
  {
    name: 'a decoy Baseline Pin section above the real one, its heading spelled with a Cyrillic а (found by review: passed)',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /^(## Baseline Pin)$/m,
        '## B\u0430seline Pin\n\n- Runtime cutover posture: `NO-GO`\n\n$1'
      ),
    expect: { rule: 'BG217', file: MATRIX, line: at(MATRIX, '## B\u0430seline Pin') }
  },
  {
    name: 'a decoy Baseline Pin heading with a zero-width space in it (found by review: passed)',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /^(## Baseline Pin)$/m,
        '## Baseline\u200b Pin\n\n- Runtime cutover posture: `NO-GO`\n\n$1'
      ),
    expect: { rule: 'BG217', file: MATRIX, line: at(MATRIX, '## Baseline\u200b Pin') }
  },
  {
    name: 'a Baseline Pin line whose label is spelled with a Cyrillic о beside the real one (once a warning, BG208)',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /^(- Runtime cutover posture: `GO`)$/m,
        '$1\n- Runtime cutover p\u043esture: `NO-GO`'
      ),
    expect: { rule: 'BG217', file: MATRIX, line: at(MATRIX, '- Runtime cutover p\u043esture') }
  },
  {
    name: 'a Baseline Pin line spelled with a Cyrillic о outside the section (found by review: passed)',
    mutate: (fx) =>
      fx.replace(MATRIX, /^(## Pin Update Policy)$/m, '$1\n\n- Runtime cutover p\u043esture: `NO-GO`'),
    expect: { rule: 'BG207', file: MATRIX, line: at(MATRIX, '- Runtime cutover p\u043esture') }
  },
  {
    name: 'a table headed as the ledger under another heading, above the real one (found by review: passed)',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /^(## Approved Version Pairs)$/m,
        '## Approved Version Pairs (current)\n\n| Consumer version | Consumer commit | MemoryKernel tag | MemoryKernel commit | Service contract | API contract | Integration baseline | Status |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 0.1.0 | 603d38d8dee7 | v0.4.0 | 603d38d8dee7aa7ab4b839975f32b8fcc0f9f2dc | service.v3 | api.v1 | integration/v1 | Rolled back |\n\n$1'
      ),
    expect: { rule: 'BG217', file: MATRIX, line: (fx) => fx.lineOf(MATRIX, '| Consumer version |') }
  },
  {
    name: 'a table headed as the ledger with no heading at all, at the end',
    mutate: (fx) =>
      fx.write(
        MATRIX,
        `${fx.read(MATRIX)}\n| Consumer version | Consumer commit | MemoryKernel tag | MemoryKernel commit | Service contract | API contract | Integration baseline | Status |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 0.1.0 | 603d38d8dee7 | v0.4.0 | 603d38d8dee7aa7ab4b839975f32b8fcc0f9f2dc | service.v3 | api.v1 | integration/v1 | Rolled back |\n`
      ),
    expect: {
      rule: 'BG217',
      file: MATRIX,
      line: (fx) =>
        fx
          .read(MATRIX)
          .split('\n')
          .lastIndexOf(
            fx
              .read(MATRIX)
              .split('\n')
              .find((l) => l.startsWith('| Consumer version |'))!
          ) + 1
    }
  },
  {
    name: 'a ledger table in a block quote, which GitHub renders (found by review: passed)',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /^(## Approved Version Pairs)$/m,
        '> | Consumer version | MemoryKernel tag | Status |\n> | --- | --- | --- |\n> | 0.1.0 | v0.4.0 | Rolled back |\n\n$1'
      ),
    expect: { rule: 'BG219', file: MATRIX, line: at(MATRIX, '> | --- | --- | --- |') }
  },
  {
    name: 'YAML front matter, which GitHub shows as a table above the matrix (found by review: passed)',
    mutate: (fx) => fx.write(MATRIX, `---\nRuntime cutover posture: NO-GO\n---\n${fx.read(MATRIX)}`),
    expect: { rule: 'BG219', file: MATRIX, line: () => 1 }
  },
  {
    // found by review: GitHub rendered this as the Baseline Pin and the ledger (v0.3.9), the real ones hidden in
    // a comment the lone <br> line opened there; the reader read the real ones and passed
    name: 'an HTML Baseline Pin list, ledger heading and table that GitHub renders in place of the real ones',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        '## Baseline Pin\n\n',
        '## Baseline Pin\n\n<ul>\n<li>MemoryKernel release tag: <code>v0.3.9</code></li>\n</ul>\n\n<h2>Approved Version Pairs</h2>\n\n- Pin notes follow\n<br>\n- more <!--\n'
      ),
    expect: { rule: 'BG218', file: MATRIX, line: at(MATRIX, '<ul>') }
  },
  {
    // found by review: the reader's lines end at LF, CommonMark's also at a lone CR, so "    layout\r<h2>" was one
    // line of indented code to the reader, and a code line and an HTML block GitHub rendered
    name: 'a carriage return that ends no CRLF, hiding an HTML block in a line of indented code',
    mutate: (fx) =>
      fx.replace(MATRIX, /^(## Approved Version Pairs)$/m, '    layout\r<h2>Baseline Pin</h2>\n\n$1'),
    expect: { rule: 'BG105', file: MATRIX, line: at(MATRIX, '    layout') }
  },
  {
    // found by review: a heading to the reader, plain text on GitHub, which then showed indented lines as HTML
    name: 'a link reference definition over a setext underline',
    mutate: (fx) =>
      fx.replace(MATRIX, /^(## Approved Version Pairs)$/m, '[gate]: https://example.com\n===\n\n$1'),
    expect: { rule: 'BG219', file: MATRIX, line: at(MATRIX, '[gate]: https://example.com') }
  },
  {
    // found by review: a paragraph to the reader (as micromark reads it), a list on GitHub, whose fence swallowed
    // what the reader read as the matrix
    name: 'an ordered list that does not start at 1 right after indented code',
    mutate: (fx) =>
      fx.replace(MATRIX, /^(## Approved Version Pairs)$/m, 'A note.\n\n    code\n2) item\n\n$1'),
    expect: { rule: 'BG219', file: MATRIX, line: at(MATRIX, '2) item') }
  },
  {
    name: 'a fenced code block inside a block quote',
    mutate: (fx) => fx.replace(MATRIX, /^(## Approved Version Pairs)$/m, '> ```\n> - x\n> ```\n\n$1'),
    expect: { rule: 'BG219', file: MATRIX, line: (fx) => fx.lineOf(MATRIX, '> ```') }
  },
  {
    name: 'a lone tag line between list items (cmark-gfm ends the list there; CommonMark does not)',
    mutate: (fx) => fx.replace(MATRIX, /^(- MemoryKernel repo: .*)$/m, '$1\n<br>'),
    expect: { rule: 'BG218', file: MATRIX, line: at(MATRIX, '<br>') }
  },
  {
    name: 'inline HTML in the prose (a <details> GitHub renders, a comment that does not end its line)',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        /^(## Approved Version Pairs)$/m,
        'Older pairs: <details><summary>v0.3.9</summary>approved</details>\n\n<!-- note --> <b>v0.3.9</b>\n\n$1'
      ),
    expect: { rule: 'BG218', file: MATRIX, line: at(MATRIX, 'Older pairs:') }
  },
  {
    name: 'a second table under Approved Version Pairs',
    mutate: (fx) =>
      fx.replace(
        MATRIX,
        '## Pin Update Policy',
        '| Consumer version | Status |\n| --- | --- |\n| 9.9.9 | Approved |\n\n## Pin Update Policy'
      ),
    expect: { rule: 'BG217', file: MATRIX, line: at(MATRIX, '| Consumer version | Status |') }
  },
  {
    name: 'the ledger table lost its delimiter row',
    mutate: (fx) => fx.replace(MATRIX, /^\| --- \|.*\n/m, ''),
    expect: { rule: 'BG209', file: MATRIX, line: at(MATRIX, '## Approved Version Pairs') }
  },
  {
    name: 'a ledger row has seven cells',
    mutate: (fx) => addRow(fx, ['0.0.9', 'abcdef1', 'v0.0.9', OLD_SHA, 'service.v3', 'api.v1', 'Superseded']),
    expect: { rule: 'BG209', file: MATRIX, line: at(MATRIX, '| 0.0.9 |') }
  },
  {
    name: 'the Approved row is marked Rejected (the original missed it)',
    mutate: (fx) => fx.replace(MATRIX, APPROVED_ROW, approvedRow(fx).replace('| Approved |', '| Rejected |')),
    expect: { rule: 'BG210', file: MATRIX, line: at(MATRIX, '| Rejected |') }
  },
  {
    name: 'no row is Approved',
    mutate: (fx) =>
      fx.replace(MATRIX, APPROVED_ROW, approvedRow(fx).replace('| Approved |', '| Superseded |')),
    expect: { rule: 'BG211', file: MATRIX, line: at(MATRIX, '| Consumer version |') }
  },
  {
    name: 'two rows are Approved',
    mutate: (fx) =>
      addRow(fx, [
        '0.0.9',
        'abcdef1',
        'v0.0.9',
        OLD_SHA,
        'service.v2',
        'api.v1',
        'integration/v1',
        'Approved'
      ]),
    expect: { rule: 'BG211', file: MATRIX, line: at(MATRIX, '| 0.0.9 |') }
  },
  {
    name: 'the Approved row has the wrong contract cells (the original missed it)',
    mutate: (fx) => {
      const row = approvedRow(fx)
      fx.replace(
        MATRIX,
        row,
        row.replace(
          `| ${EMBEDDED.service} | ${EMBEDDED.api} | ${EMBEDDED.integration} |`,
          '| service.v1 | api.v9 | integration/v7 |'
        )
      )
    },
    expect: { rule: 'BG212', file: MATRIX, line: at(MATRIX, '| service.v1 | api.v9 |') }
  },
  {
    name: 'the Approved row names another producer commit',
    mutate: (fx) => {
      const row = approvedRow(fx)
      fx.replace(MATRIX, row, row.replace(/\| [0-9a-f]{40} \|/, `| ${'d'.repeat(40)} |`))
    },
    expect: { rule: 'BG212', file: MATRIX, line: at(MATRIX, 'd'.repeat(40)) }
  },
  {
    name: 'a Superseded row abbreviates its producer commit',
    mutate: (fx) =>
      addRow(fx, [
        '0.0.9',
        'abcdef1',
        'v0.0.9',
        'cf33144',
        'service.v2',
        'api.v1',
        'integration/v1',
        'Superseded'
      ]),
    expect: { rule: 'BG213', file: MATRIX, line: at(MATRIX, '| cf33144 |') }
  },
  {
    name: 'a row repeats the Approved tag',
    mutate: (fx) => {
      const tag = /\| (v\d+\.\d+\.\d+) \|/.exec(approvedRow(fx))![1]!
      addRow(fx, ['0.0.9', 'abcdef1', tag, OLD_SHA, 'service.v2', 'api.v1', 'integration/v1', 'Superseded'])
    },
    expect: { rule: 'BG214', file: MATRIX, line: at(MATRIX, '| 0.0.9 |') }
  },
  {
    name: 'the producer released a new manifest and the mirror was not repinned',
    mutate: (fx) => fx.replace(PRODUCER_MANIFEST, /"release_tag": "v[0-9.]+"/, `"release_tag": "${NEXT}"`),
    expect: { rule: 'BG301', file: MIRROR, line: at(MIRROR, '"release_tag"') }
  },
  {
    name: 'a rollback was killed while it wrote the trio (its journal is left behind)',
    mutate: (fx) => fx.write(relative(fx.root, journalPath(fx.root, 'rollback-memorykernel')), '{}'),
    expect: { rule: 'BG215', file: null, line: none }
  },
  {
    name: 'a migrate was killed while it wrote the trio (found by review: health said nothing)',
    mutate: (fx) => fx.write(relative(fx.root, journalPath(fx.root, 'migrate-memorykernel')), '{}'),
    expect: { rule: 'BG215', file: null, line: none }
  },
  {
    name: "the producer's tree holds a release the ledger records as Rolled back (tag and commit): a warning, not drift",
    mutate: (fx) => withdrawnRelease(fx, 'Rolled back', 'c'.repeat(40)),
    expect: { rule: 'BG310', file: MIRROR, line: none }
  },
  {
    name: "a Rolled back row that writes the producer's commit short, as hand-kept ledgers did, still holds the pin back (found by review)",
    mutate: (fx) => withdrawnRelease(fx, 'Rolled back', 'c'.repeat(7)),
    expect: { rule: 'BG310', file: MIRROR, line: none }
  },
  {
    name: 'a Rolled back row with another commit does not excuse the drift',
    mutate: (fx) => withdrawnRelease(fx, 'Rolled back', 'd'.repeat(40)),
    expect: { rule: 'BG301', file: MIRROR, line: at(MIRROR, '"release_tag"') }
  },
  {
    name: 'a Rolled back release older than the pin does not excuse the drift: the pin is no restored baseline',
    mutate: (fx) => withdrawnRelease(fx, 'Rolled back', 'c'.repeat(40), 'v0.0.1'),
    expect: { rule: 'BG301', file: MIRROR, line: at(MIRROR, '"release_tag"') }
  },
  {
    name: 'a Superseded row does not excuse the drift (only a rollback holds the pin back)',
    mutate: (fx) => withdrawnRelease(fx, 'Superseded', 'c'.repeat(40)),
    expect: { rule: 'BG301', file: MIRROR, line: at(MIRROR, '"release_tag"') }
  },
  {
    name: "the producer's manifest is deleted",
    mutate: (fx) => fx.remove(PRODUCER_MANIFEST),
    expect: { rule: 'BG302', file: PRODUCER_MANIFEST, line: none }
  },
  {
    name: "the producer's manifest is not JSON",
    mutate: (fx) => fx.replace(PRODUCER_MANIFEST, '"error_code_enum": [', '"error_code_enum": [,'),
    expect: { rule: 'BG302', file: PRODUCER_MANIFEST, line: at(PRODUCER_MANIFEST, '"error_code_enum"') }
  },
  {
    name: 'the handoff payload is missing (the original skipped silently)',
    mutate: (fx) => fx.remove(HANDOFF),
    expect: { rule: 'BG303', file: HANDOFF, line: none }
  },
  {
    name: 'the handoff payload names an absolute developer path',
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        h.manifest_path =
          '/Users/d/Projects/MemoryKernel/contracts/integration/v1/producer-contract-manifest.json'
      }),
    expect: { rule: 'BG303', file: HANDOFF, line: at(HANDOFF, '"manifest_path"') }
  },
  {
    name: 'the handoff payload is of another release',
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        h.release_tag = 'v0.3.2'
      }),
    expect: { rule: 'BG304', file: HANDOFF, line: at(HANDOFF, '"release_tag": "v0.3.2"') }
  },
  {
    name: "a candidate payload's active runtime baseline drifts in its API contract (the original compared it with itself)",
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        h.handoff_mode = 'service-v3-candidate'
        h.rehearsal_candidate = {
          requires_runtime_cutover: false,
          consumer_non_blocking_fallback_required: true
        }
        h.compatibility_expectations = {
          candidate_values_override_release_baseline_fields: ['expected_service_contract_version']
        }
        ;(h.active_runtime_baseline as Record<string, string>).expected_api_contract_version = 'api.v2'
      }),
    expect: { rule: 'BG304', file: HANDOFF, line: at(HANDOFF, '"api.v2"') }
  },
  {
    name: 'the handoff payload drops an error code',
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        h.error_code_enum = (h.error_code_enum as string[]).filter((c) => c !== 'write_conflict')
      }),
    expect: { rule: 'BG305', file: HANDOFF, line: at(HANDOFF, '"error_code_enum"') }
  },
  {
    name: 'the handoff envelope policy stops forbidding api_contract_version',
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        const policy = h.non_2xx_envelope_policy as Record<string, { forbids: string[] }>
        policy.service_v3_stable!.forbids = ['legacy_error']
      }),
    expect: { rule: 'BG306', file: HANDOFF, line: at(HANDOFF, '"service_v3_stable"') }
  },
  {
    name: 'the handoff envelope policy forbids legacy_error and also requires it (found by review)',
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        const policy = h.non_2xx_envelope_policy as Record<string, { requires: string[]; optional: string[] }>
        policy.service_v3_candidate!.requires.push('legacy_error')
        policy.service_v3_candidate!.optional.push('api_contract_version')
      }),
    expect: { rule: 'BG306', file: HANDOFF, line: at(HANDOFF, '"service_v3_candidate"') }
  },
  {
    name: 'a stable payload carries candidate keys',
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        h.rehearsal_candidate = {
          requires_runtime_cutover: false,
          consumer_non_blocking_fallback_required: true
        }
      }),
    expect: { rule: 'BG307', file: HANDOFF, line: at(HANDOFF, '"rehearsal_candidate"') }
  },
  {
    name: 'the handoff timestamp is not a real instant',
    mutate: (fx) =>
      fx.editJson(HANDOFF, (h) => {
        h.handoff_generated_at_utc = '2026-13-01T00:00:00Z'
      }),
    expect: { rule: 'BG308', file: HANDOFF, line: at(HANDOFF, '"handoff_generated_at_utc"') }
  },
  {
    name: 'the adapter file is gone',
    mutate: (fx) => fx.remove(ADAPTER),
    expect: { rule: 'BG601', file: ADAPTER, line: none }
  },
  {
    name: 'the adapter no longer names the readiness endpoint',
    mutate: (fx) => fx.replace(ADAPTER, "'/v1/ready'", "'/v1/readiness'"),
    expect: { rule: 'BG602', file: ADAPTER, line: () => 1 }
  },
  {
    name: 'a component calls the producer outside the adapter',
    mutate: (fx) =>
      fx.write('src/ui/draft.ts', "export const ask = () => fetch('http://127.0.0.1:4010/v1/query/ask')\n"),
    expect: { rule: 'BG603', file: 'src/ui/draft.ts', line: () => 1 }
  },
  {
    name: 'an ES module written as .mts calls the producer outside the adapter (the default globs missed it)',
    mutate: (fx) =>
      fx.write('src/ui/ask.mts', "export const ask = () => fetch('http://127.0.0.1:4010/v1/query/ask')\n"),
    expect: { rule: 'BG603', file: 'src/ui/ask.mts', line: () => 1 }
  },
  {
    name: 'a CommonJS module written as .cts calls the producer outside the adapter',
    mutate: (fx) =>
      fx.write('src/ui/ask.cts', "\nexports.ask = () => fetch('http://127.0.0.1:4010/v1/ready')\n"),
    expect: { rule: 'BG603', file: 'src/ui/ask.cts', line: () => 2 }
  },
  {
    name: "a component calls an endpoint the policy lists as unused (found by review: only the adapter's were searched)",
    mutate: (fx) => {
      fx.editJson(POLICY, (p) => {
        const adapter = (p.baselines as Record<string, Record<string, Record<string, unknown>>>).memorykernel!
          .adapter!
        adapter.endpoints = (
          (adapter.endpoints as string[] | undefined) ?? [
            '/v1/health',
            '/v1/ready',
            '/v1/db/schema-version',
            '/v1/query/ask'
          ]
        ).filter((e) => e !== '/v1/ready')
        adapter.unused = ['/v1/ready']
      })
      fx.write('src/ui/ready.ts', "export const ready = () => fetch(base + '/v1/ready')\n")
    },
    expect: { rule: 'BG603', file: 'src/ui/ready.ts', line: () => 1 }
  },
  {
    name: 'a component in a directory whose name starts with a dot calls the producer outside the adapter',
    mutate: (fx) =>
      fx.write(
        'src/.internal/draft.ts',
        "export const ask = () => fetch('http://127.0.0.1:4010/v1/query/ask')\n"
      ),
    expect: { rule: 'BG603', file: 'src/.internal/draft.ts', line: () => 1 }
  },
  {
    name: 'a component in a directory whose name holds a line break calls the producer unseen by the globs',
    mutate: (fx) =>
      fx.write('src/ui\n/draft.ts', "export const ask = () => fetch('http://127.0.0.1:4010/v1/query/ask')\n"),
    expect: { rule: 'BG605', file: 'src/ui\n', line: none }
  },
  {
    name: 'the policy names no adapter file',
    mutate: (fx) =>
      fx.editJson(POLICY, (p) => {
        delete (p.baselines as Record<string, Record<string, unknown>>).memorykernel!.adapter
      }),
    expect: { rule: 'BG604', file: null, line: none }
  }
]

describe('governance-negative table', () => {
  it('the valid trio passes with no findings', async () => {
    expect(await findingsOf(trioFixture().root)).toEqual([])
  })

  it('has at least one case for every rule of the catalog (runtime rules: preflight.test.ts; remote producer identity: github/producer-identity.test.ts; change, suite, rollback and approval rules: classify/, promotion/, rollback/)', () => {
    const covered = new Set(cases.map((c) => c.expect.rule))
    // BG220, BG221: acceptance/cli-rollback.test.ts (a rollback killed in its suites); BG606-BG608: the promotion gate's
    // comparison of two policies, promotion/adapter-boundary.test.ts
    const elsewhere = (id: string) =>
      id === 'BG309' ||
      id === 'BG220' ||
      id === 'BG221' ||
      /^BG31[1-4]$/.test(id) ||
      /^BG60[678]$/.test(id) ||
      /^BG[4578]/.test(id)
    expect(RULE_IDS.filter((id) => !elsewhere(id) && !covered.has(id))).toEqual([])
  })

  it("an image where a value belongs, the Baseline Pin tag line and the Approved row's tag cell, is no value: its alt text read as the tag passed (found by review)", async () => {
    const fx = trioFixture()
    const row = approvedRow(fx)
    const tag = /\| (v\d+\.\d+\.\d+) \|/.exec(row)![1]!
    fx.replace(
      MATRIX,
      `- MemoryKernel release tag: \`${tag}\``,
      `- MemoryKernel release tag: ![${tag}](https://evil.example/says-v9.png)`
    )
    fx.replace(MATRIX, row, row.replace(`| ${tag} |`, `| ![${tag}](https://evil.example/t.png) |`))
    const findings = await findingsOf(fx.root)
    expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      [
        'BG206',
        fx.lineOf(MATRIX, '- MemoryKernel release tag:'),
        `"MemoryKernel release tag" holds HTML, an image or a link, which a reader sees rendered where the tool reads only the text: write the value as a code span, \`${tag}\`, with no markup beside it`
      ],
      [
        'BG213',
        fx.lineOf(MATRIX, 'evil.example/t.png'),
        `the producer tag cell (read as "${tag}") holds HTML, an image or a link, which a reader sees rendered where the tool reads only the text: write the value as text`
      ]
    ])
  })

  it('a Baseline Pin line holds no HTML, image or link: they render what the tool does not read (found by review)', async () => {
    const fx = trioFixture()
    const tag = (JSON.parse(fx.read(PIN)) as { release_tag: string }).release_tag
    const line = `- MemoryKernel release tag: \`${tag}\``
    const shown = [
      `- MemoryKernel release tag: ![\`${tag}\`][img]\n\n[img]: https://evil.example/v0.9.9.png`,
      `- MemoryKernel release tag: <img src="https://evil.example/v0.9.9.png" alt="\`${tag}\`">`,
      `- MemoryKernel release tag: <!-- \`${tag}\` --> \`v0.9.9\``,
      `- MemoryKernel release tag: <span title="\`${tag}\`">v0.9.9</span>`,
      `- MemoryKernel release tag: [\`${tag}\`](https://evil.example/v0.9.9)`
    ]
    for (const hostile of shown) {
      const at = trioFixture()
      at.replace(MATRIX, line, hostile)
      const findings = (await findingsOf(at.root)).filter((f) => f.rule === 'BG206')
      expect({ hostile, findings: findings.map((f) => f.message.slice(0, 60)) }).toEqual({
        hostile,
        findings: ['"MemoryKernel release tag" holds HTML, an image or a link, w']
      })
    }
    // what hand-kept matrices wrote still reads: the value bare, spaces or a note after it
    for (const plain of [
      `- MemoryKernel release tag: ${tag}`,
      `- MemoryKernel release tag: \`${tag}\`   `,
      `- MemoryKernel release tag: \`${tag}\` (the hotfix)`
    ]) {
      const at = trioFixture()
      at.replace(MATRIX, line, plain)
      expect((await findingsOf(at.root)).map((f) => f.rule)).toEqual([])
    }
    expect(fx.read(MATRIX)).toContain(line)
  })

  it('a Baseline Pin line shows no second value beside the one checked: a second code span or a strikethrough (found by review: both passed)', async () => {
    const fx = trioFixture()
    const pin = JSON.parse(fx.read(PIN)) as { release_tag: string; runtime_cutover_posture: string }
    const other = pin.runtime_cutover_posture === 'GO' ? 'NO-GO' : 'GO'
    const posture = `- Runtime cutover posture: \`${pin.runtime_cutover_posture}\``
    const tag = `- MemoryKernel release tag: \`${pin.release_tag}\``
    expect(fx.read(MATRIX)).toContain(posture)
    for (const [line, hostile] of [
      [posture, `- Runtime cutover posture: ~~\`${pin.runtime_cutover_posture}\`~~ \`${other}\``],
      [posture, `- Runtime cutover posture: ~\`${pin.runtime_cutover_posture}\`~ ${other}`],
      [posture, `- Runtime cutover posture: \`${pin.runtime_cutover_posture}\` (revoked: now \`${other}\`)`],
      [tag, `- MemoryKernel release tag: ~~\`${pin.release_tag}\`~~ \`v0.0.1\``],
      // lines after it in the item: a nested list, indented code (found by review)
      [posture, `${posture}\n  - ${other} since today`],
      [posture, `${posture}\n\n        ${other}`]
    ] as const) {
      const at = trioFixture()
      at.replace(MATRIX, line, hostile)
      const findings = await findingsOf(at.root)
      const label = line.slice(2, line.indexOf(':'))
      expect({ hostile, findings: findings.map((f) => [f.rule, f.message.split(':')[0]]) }).toEqual({
        hostile,
        findings: [['BG206', `"${label}" shows a reader more than its value`]]
      })
    }
    // a note with a lone tilde strikes nothing through (found by review: it failed)
    const noted = trioFixture()
    noted.replace(MATRIX, posture, `${posture} (since 2026-11-10, ~2 weeks of soak)`)
    expect(await findingsOf(noted.root)).toEqual([])
  })

  it('a contract lineage table elsewhere is no ledger: no status column (found by review: BG217)', async () => {
    const fx = trioFixture()
    fx.replace(
      MATRIX,
      /^(## Pin Update Policy)$/m,
      '## Contract lineage\n\n| Producer release | Service contract | API contract | Notes |\n| --- | --- | --- | --- |\n| v0.3.0 | service.v2 | api.v1 | legacy_error kept |\n\n$1'
    )
    expect(await findingsOf(fx.root)).toEqual([])
  })

  it("an Approved row that abbreviates the pin's commit, as hand-kept ledgers did, is a cell format (BG213), not another identity (BG212): found by review", async () => {
    const fx = trioFixture()
    const row = approvedRow(fx)
    const full = /\| ([0-9a-f]{40}) \|/.exec(row)![1]!
    fx.replace(MATRIX, row, row.replace(full, full.slice(0, 7)))
    const findings = await findingsOf(fx.root)
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'BG213',
        `producer commit "${full.slice(0, 7)}" must be a full 40-character lower-case hex commit SHA (git rev-parse <commit>); it is the start of the pin's commit_sha: write "${full}"`
      ]
    ])
    // a short commit that is not the pin's is still another identity
    fx.replace(MATRIX, `| ${full.slice(0, 7)} |`, '| 1234567 |')
    expect((await findingsOf(fx.root)).map((f) => f.rule).sort()).toEqual(['BG212', 'BG213'])
  })

  it.each(cases.map((c) => [`${c.expect.rule}: ${c.name}`, c] as const))('%s', async (_title, c) => {
    const fx = trioFixture()
    c.mutate(fx)
    const findings = await findingsOf(fx.root)
    const want = { rule: c.expect.rule, file: c.expect.file, line: c.expect.line(fx) }
    expect(findings.map((f) => ({ rule: f.rule, file: f.file, line: f.line }))).toContainEqual(want)
    const hit = findings.find((f) => f.rule === want.rule && f.file === want.file && f.line === want.line)!
    // Every finding says what to do in words, and carries the severity of its rule.
    expect(hit.message.length).toBeGreaterThan(20)
    if (want.line !== null) expect(hit.column).toEqual(expect.any(Number))
  })
})
