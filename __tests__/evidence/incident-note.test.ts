// The incident note of a rollback: severity by trigger, the protocol's next milestone, the communication
// template's sections, the operator's reason kept literal (parsed back with the repository's own Markdown
// parser), and the packet's `incident` in the schema, in verify-evidence and in the packet's Markdown.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import type { Code, Heading, Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { toString } from 'mdast-util-to-string'
import { gfmTable } from 'micromark-extension-gfm-table'
import {
  nextMilestone,
  renderIncidentNote,
  ROLLBACK_TRIGGERS,
  severityOf
} from '../../src/evidence/incident-note.js'
import type { IncidentEvidence, RollbackStatus } from '../../src/evidence/incident-note.js'
import { renderPacketMarkdown } from '../../src/evidence/markdown.js'
import { buildPacket } from '../../src/evidence/packet.js'
import type { EvidencePacket } from '../../src/evidence/packet.js'
import { sha256 } from '../../src/fs/digest.js'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import { verifyEvidence } from '../../src/operations/verify-evidence.js'
import type { Policy } from '../../src/policy/types.js'
import type { Identity, Trio } from '../../src/trio/model.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const STARTED = new Date('2026-11-25T12:00:00.000Z')
const CONTEXT = { displayName: 'MemoryKernel', baseline: 'memorykernel', verdict: 'PASS' as const }

const FROM: Identity = {
  release_tag: 'v0.4.0',
  commit_sha: '7e48a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7',
  service_contract_version: 'service.v3',
  api_contract_version: 'api.v1',
  integration_baseline: 'integration/v1',
  manifest_sha256: 'a'.repeat(64)
}
const ACTIVE: Identity = {
  release_tag: 'v0.3.2',
  commit_sha: 'cf331449e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5',
  service_contract_version: 'service.v2',
  api_contract_version: 'api.v1',
  integration_baseline: 'integration/v1',
  manifest_sha256: '67408e0b'.repeat(8)
}

function note(over: Partial<IncidentEvidence> = {}): IncidentEvidence {
  return {
    trigger: 'fallback-regression',
    severity: 'SEV-1',
    reason: 'Draft lost its fallback on timeout',
    posture: 'NO-GO',
    rolled_back_from: FROM,
    active: ACTIVE,
    target_revision: 'f753355'.padEnd(40, '0'),
    status: 'restored',
    dry_run: false,
    timeline: [
      { at: '2026-11-25T12:00:00.000Z', event: 'rollback started' },
      { at: '2026-11-25T12:04:10.000Z', event: 'suites passed on the restored trio' }
    ],
    next_milestone: nextMilestone(STARTED, 'restored'),
    pull_request_url: 'https://github.com/acme/app/pull/42',
    incident_issue_url: 'https://github.com/acme/app/issues/7',
    suites_ran: true,
    target_profile: 'current',
    follow_up: [],
    ...over
  }
}

const parse = (md: string): Root =>
  fromMarkdown(md, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })

function all(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((c) => all(c as Nodes)) : [])]
}
const headings = (tree: Root) =>
  all(tree)
    .filter((n): n is Heading => n.type === 'heading')
    .map((h) => [h.depth, toString(h)] as const)
const codeBlocks = (tree: Root) => all(tree).filter((n): n is Code => n.type === 'code')

const SECTIONS = [
  'Impact summary',
  'Current runtime posture',
  'Baseline now active',
  'Rolled back from',
  'Rollback action status',
  'Trigger and reason',
  'Timeline (UTC)',
  'Next validation milestone'
]

// Everything a Markdown or HTML renderer, a shell or GitHub's mention filter could act on.
const HOSTILE = [
  'Drift seen: $(touch /tmp/x) and `x` and ```y``` and ```````z``````` here',
  '"double" \'single\' <script>alert(1)</script> @org/team @alice | a | b |',
  '```````',
  '~~~',
  '# not a heading\r\n- not a list',
  '</code></pre><img src=x onerror=alert(1)>'
].join('\r\n')

describe('severityOf', () => {
  it('fallback regression and preflight failure are SEV-1, contract drift is SEV-2', () => {
    expect(ROLLBACK_TRIGGERS.map((t) => [t, severityOf(t)])).toEqual([
      ['contract-drift', 'SEV-2'],
      ['preflight-failure', 'SEV-1'],
      ['fallback-regression', 'SEV-1']
    ])
  })
})

describe('nextMilestone', () => {
  it('a verified rollback owes the joint summary within 24 h of its start', () => {
    for (const status of ['restored', 'already-current'] as const) {
      const m = nextMilestone(STARTED, status)
      expect(m.due).toBe('2026-11-26T12:00:00.000Z')
      expect(m.what).toMatch(/^joint incident summary/)
    }
  })

  it('an unconfirmed re-pin owes the consumer re-pin confirmation within 30 min; a dry run starts no clock', () => {
    for (const status of ['verification-failed', 'dry-run', 'failed'] as const) {
      const m = nextMilestone(STARTED, status)
      expect(m.due).toBe(status === 'dry-run' ? null : '2026-11-25T12:30:00.000Z')
      expect(m.what).toMatch(/^consumer re-pin confirmation: /)
    }
    expect(nextMilestone(STARTED, 'failed', false, true).due).toBeNull()
    expect(
      new Set(
        ['verification-failed', 'dry-run', 'failed'].map(
          (s) => nextMilestone(STARTED, s as RollbackStatus).what
        )
      ).size
    ).toBe(3)
  })
})

describe('renderIncidentNote', () => {
  it('has every section of the communication template, in order, with the data in it', () => {
    const md = renderIncidentNote(note(), CONTEXT)
    const tree = parse(md)
    const [title, ...rest] = headings(tree)
    expect(title?.[0]).toBe(1)
    expect(title?.[1]).toContain('SEV-1')
    expect(title?.[1]).toContain('memorykernel')
    expect(title?.[1]).toContain('fallback-regression')
    expect(rest).toEqual(SECTIONS.map((s) => [2, s]))

    expect(md).toContain('The MemoryKernel baseline `v0.4.0` (commit `7e48a0b1c2d3`) was withdrawn')
    expect(md).toContain('the trio pins `v0.3.2` (commit `cf331449e0f1`) again')
    expect(md).toContain('`NO-GO` until the consumer and producer owners jointly approve')
    const tables = all(tree).filter((n) => n.type === 'table')
    // active, rolled back from, action status
    expect(tables).toHaveLength(3)
    expect(toString(tables[0]!)).toContain('v0.3.2')
    expect(toString(tables[0]!)).toContain('67408e0b'.repeat(8))
    expect(toString(tables[1]!)).toContain('v0.4.0')
    expect(toString(tables[1]!)).toContain('service.v3')
    for (const label of [
      'Release tag',
      'Commit',
      'Service contract',
      'API contract',
      'Integration baseline',
      'Manifest SHA-256'
    ]) {
      expect(toString(tables[0]!)).toContain(label)
      expect(toString(tables[1]!)).toContain(label)
    }
    expect(md).toContain('<https://github.com/acme/app/pull/42>')
    expect(md).toContain('<https://github.com/acme/app/issues/7>')
    expect(md).toContain('| Verdict | **PASS** |')
    expect(md).toContain('- `2026-11-25T12:04:10.000Z` suites passed on the restored trio')
    expect(md).toContain(
      'Due `2026-11-26T12:00:00.000Z`: joint incident summary by the consumer and producer owners.'
    )
    expect(md).toContain('a posture-only change from NO-GO to GO')
    expect(md).toContain('The evidence is in `rollback-memorykernel.json`.')
    expect(renderIncidentNote(note(), { ...CONTEXT, evidenceName: 'evidence-rollback-1' })).toContain(
      'The evidence is in `evidence-rollback-1`.'
    )
  })

  it('is deterministic', () => {
    expect(renderIncidentNote(note({ reason: HOSTILE }), CONTEXT)).toBe(
      renderIncidentNote(note({ reason: HOSTILE }), CONTEXT)
    )
  })

  it.each([
    ['shell, backticks (1, 3, 7), quotes, HTML, mentions, pipes, CRLF', HOSTILE],
    ['LF and CRLF mixed, leading and trailing line ends', '\nfirst\r\nsecond\nthird\n'],
    ['a trailing CR', 'ends in a carriage return\r'],
    ['only backticks', '`'.repeat(12)],
    ['indentation and tabs', '    indented\n\ttabbed\n   ```'],
    ['a single character', 'x']
  ])('keeps the reason byte for byte in one code block that is not closed early: %s', (_name, reason) => {
    const md = renderIncidentNote(note({ reason }), CONTEXT)
    const tree = parse(md)
    const blocks = codeBlocks(tree)
    expect(blocks).toHaveLength(1)
    expect(blocks[0]!.value).toBe(reason)
    // every section after the block is still a heading: the block ended where the note closed it
    expect(headings(tree).slice(1)).toEqual(SECTIONS.map((s) => [2, s]))
    expect(all(tree).filter((n) => n.type === 'html')).toEqual([])
    // nothing of the reason leaks into text a renderer or GitHub would act on
    const texts = all(tree)
      .filter((n) => n.type === 'text' || n.type === 'inlineCode')
      .map((n) => ('value' in n ? n.value : ''))
      .join('\n')
    for (const piece of ['$(touch', '@org/team', '<script>', 'onerror']) expect(texts).not.toContain(piece)
  })

  it('uses a fence longer than the longest backtick run of the reason', () => {
    const md = renderIncidentNote(note({ reason: HOSTILE }), CONTEXT)
    expect(md).toContain('\n````````text\n')
    expect(md).toContain('\n````````\n')
  })

  it('renders an empty reason as "(none given)" with no code block', () => {
    const md = renderIncidentNote(note({ reason: '' }), CONTEXT)
    expect(md).toContain('\n(none given)\n')
    expect(codeBlocks(parse(md))).toEqual([])
  })

  it('claims only what the status says was done', () => {
    const impact = (status: RollbackStatus, dry_run = false) =>
      renderIncidentNote(note({ status, dry_run }), CONTEXT)
        .split('## Impact summary\n\n')[1]!
        .split('\n')[0]!
    expect(impact('verification-failed')).toContain('did not pass its checks')
    // the operation put the withdrawn trio back: the note says so through `active`, and claims no withdrawal
    const putBack = renderIncidentNote(note({ status: 'verification-failed', active: FROM }), CONTEXT)
    expect(putBack).toContain('; `v0.4.0` (commit `7e48a0b1c2d3`) is the baseline active now.')
    expect(putBack).not.toContain('withdrawn')
    expect(putBack).not.toContain('back in place')
    expect(impact('already-current')).toContain('no file was changed')
    expect(impact('already-current')).not.toContain('withdrawn')
    expect(impact('dry-run', true)).toMatch(/^Dry run, nothing was changed: a rollback would withdraw/)
    expect(impact('dry-run', true)).toContain('A rollback sets runtime cutover posture to `NO-GO`')
    expect(impact('failed')).toContain('did not complete')
    expect(impact('failed')).not.toContain('withdrawn')
    // a dry run that found a rollback would not complete: it says so, and that nothing changed
    expect(impact('failed', true)).toMatch(
      /^Dry run, nothing was changed: a rollback of .* would not complete; .* stays the baseline active\./
    )
    const failedDry = renderIncidentNote(
      note({
        status: 'failed',
        dry_run: true,
        next_milestone: nextMilestone(STARTED, 'failed', false, true)
      }),
      { ...CONTEXT, verdict: 'FAIL', postureNow: 'GO' }
    )
    expect(failedDry).toContain('**❌ FAIL:** dry run: a rollback would not complete; nothing was written.')
    // no posture would be set: the pin's stays, and it is the one shown
    expect(failedDry).toContain('Runtime cutover posture `GO` (unchanged).')
    expect(failedDry).toContain(
      "## Current runtime posture\n\n`GO` (the pin's, unchanged: a rollback would not complete; one that does sets `NO-GO`)"
    )
    expect(failedDry).not.toContain('(what a rollback sets)')
    expect(failedDry).toContain(
      'fix what this dry run found (a rollback would not complete; nothing was written)'
    )
    expect(failedDry).not.toContain('the rollback did not complete')
    expect(failedDry).toContain(
      'The baseline active now (a rollback would not complete; this dry run changed nothing):'
    )
    const dry = renderIncidentNote(
      note({ status: 'dry-run', dry_run: true, next_milestone: nextMilestone(STARTED, 'dry-run') }),
      CONTEXT
    )
    expect(dry.split('\n')[0]).toMatch(/\(dry run\)$/)
    // no incident, no clock: the next step has no due time
    expect(dry).toContain(
      '**Next:** no due time (a dry run starts no incident clock): consumer re-pin confirmation'
    )
    expect(dry).toContain(
      '## Next validation milestone\n\nNo due time (a dry run starts no incident clock): '
    )
    expect(failedDry).toContain('**Next:** no due time (a dry run starts no incident clock): ')
    // and its closing line holds no posture it never set
    expect(failedDry).toContain("Nothing was rolled back, so the posture is the pin's (`GO`).")
    expect(failedDry).not.toContain('Runtime cutover posture stays `NO-GO`')
    expect(dry).toContain(
      'This dry run changed nothing. A rollback sets runtime cutover posture `NO-GO`, and it stays'
    )
    expect(dry).toContain('| Dry run | yes |')
    // its sections are titled for what a rollback would do: a dry run changed nothing
    expect(dry).toContain(
      '## Baseline a rollback would make active\n\nThe baseline a rollback makes active (this dry run changed nothing):'
    )
    expect(dry).toContain('## Runtime posture a rollback would set\n')
    expect(dry).toContain('## Baseline a rollback would replace\n')
    for (const done of ['## Current runtime posture', '## Baseline now active', '## Rolled back from'])
      expect(dry).not.toContain(done)
    expect(failedDry).toContain('## Baseline active now\n')
    expect(failedDry).toContain('## Rollback asked from\n')
    expect(dry).toContain('(what the rollback sets; this dry run changed nothing)')
  })

  it('leaves out absent links and shows a URL that is not plain http(s) as inert code', () => {
    const none = renderIncidentNote(note({ pull_request_url: null, incident_issue_url: null }), CONTEXT)
    expect(none).not.toContain('| Pull request |')
    expect(none).not.toContain('| Incident issue |')
    const odd = renderIncidentNote(note({ pull_request_url: 'javascript:alert(1)' }), CONTEXT)
    expect(odd).toContain('| Pull request | `javascript:alert(1)` |')
  })
})

describe('the packet with an incident', () => {
  const TRIO_FILES = {
    pin: 'config/memorykernel-integration-pin.json',
    manifest: 'config/memorykernel-producer-manifest.json',
    matrix: 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
  }

  /** A checkout with three trio files, and a packet built over them (with or without an incident). */
  function checkoutAndPacket(incident?: IncidentEvidence): { root: string; packet: EvidencePacket } {
    const root = tempDir('bg-incident-')
    const file = (path: string) => {
      const bytes = Buffer.from(`${path}\n`)
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), bytes)
      return { path, sha256: sha256(bytes), read: { kind: 'ok', bytes } }
    }
    const trio = {
      pin: file(TRIO_FILES.pin),
      manifest: file(TRIO_FILES.manifest),
      matrix: file(TRIO_FILES.matrix)
    } as unknown as Trio
    const policy = { source: 'defaults', path: null, sha256: 'b'.repeat(64) } as unknown as Policy
    const packet = buildPacket({
      toolVersion: '0.1.0',
      operation: 'rollback',
      baseline: 'memorykernel',
      startedAt: STARTED,
      finishedAt: new Date(STARTED.getTime() + 250_000),
      judgedAt: { at: STARTED, source: 'wall-clock', commit: null },
      git: {
        repository: 'acme/app',
        commit: 'c'.repeat(40),
        ref: 'refs/heads/main',
        event: 'workflow_dispatch',
        run_id: '1',
        run_attempt: '1'
      },
      policy,
      trio,
      identity: ACTIVE,
      posture: 'NO-GO',
      findings: [],
      steps: [],
      ...(incident ? { incident } : {}),
      tools: { node: 'v20.0.0' },
      verdict: 'PASS'
    })
    return { root, packet }
  }

  function verify(root: string, packet: unknown) {
    const file = join(tempDir('bg-incident-evidence-'), 'rollback-memorykernel.json')
    writeFileSync(file, `${JSON.stringify(packet, null, 2)}\n`)
    return verifyEvidence(root, file)
  }

  it('buildPacket copies the incident, and leaves the field out without one', () => {
    const n = note({ reason: HOSTILE })
    expect(checkoutAndPacket(n).packet.incident).toEqual(n)
    expect('incident' in checkoutAndPacket().packet).toBe(false)
  })

  it('validates against evidence-packet.v1 with and without the incident', () => {
    for (const incident of [
      note({ reason: HOSTILE }),
      note({
        reason: '',
        status: 'failed',
        target_revision: null,
        pull_request_url: null,
        incident_issue_url: null
      }),
      undefined
    ]) {
      const { packet } = checkoutAndPacket(incident)
      const valid = validateEvidence(JSON.parse(JSON.stringify(packet)))
      expect(valid ? [] : validateEvidence.errors).toEqual([])
    }
  })

  it('fails the schema with an unknown incident field, a GO posture or an unknown trigger', () => {
    const { packet } = checkoutAndPacket(note())
    const bad = [
      { ...packet, incident: { ...packet.incident, root_cause: 'guess' } },
      { ...packet, incident: { ...packet.incident, posture: 'GO' } },
      { ...packet, incident: { ...packet.incident, trigger: 'ci-failure' } },
      { ...packet, incident: { ...packet.incident, active: { ...ACTIVE, extra: 1 } } },
      { ...packet, incident: { ...packet.incident, timeline: [{ at: 'yesterday', event: 'x' }] } }
    ]
    for (const p of bad) expect(validateEvidence(p)).toBe(false)
  })

  it('verify-evidence verifies the digests of packets with and without the incident, and refuses an unknown field', () => {
    for (const incident of [note({ reason: HOSTILE }), undefined]) {
      const { root, packet } = checkoutAndPacket(incident)
      expect(verify(root, packet)).toEqual({ checked: 3, problems: [], unreadable: false })
    }
    const { root, packet } = checkoutAndPacket(note())
    const refused = verify(root, { ...packet, incident: { ...packet.incident, root_cause: 'guess' } })
    expect(refused.unreadable).toBe(true)
    expect(refused.notPacket).toBe(true)
    expect(refused.problems).toEqual([
      expect.stringMatching(/:\d+:\d+: `incident` has the unknown field `root_cause`/)
    ])
  })

  it('renderPacketMarkdown includes the note once, one heading level down, and nothing without an incident', () => {
    const { packet } = checkoutAndPacket(note({ reason: HOSTILE }))
    const md = renderPacketMarkdown(packet, { displayName: 'MemoryKernel' })
    const tree = parse(md)
    const hs = headings(tree)
    expect(hs[0]?.[0]).toBe(1)
    // what the verdict does not cover first, then the note
    expect(hs[1]).toEqual([2, 'What did not run'])
    expect(hs[2]?.[0]).toBe(2)
    expect(hs[2]?.[1]).toContain('SEV-1')
    expect(hs.slice(3, 3 + SECTIONS.length)).toEqual(SECTIONS.map((s) => [3, s]))
    expect(md.split('Impact summary')).toHaveLength(2)
    expect(md).toContain(
      renderIncidentNote(packet.incident!, {
        ...CONTEXT,
        evidenceName: 'rollback-memorykernel.json',
        headingLevel: 2
      })
    )
    expect(codeBlocks(tree).map((c) => c.value)).toEqual([HOSTILE])
    expect(hs.map(([, text]) => text)).toContain('Findings')

    const plain = renderPacketMarkdown(checkoutAndPacket().packet)
    expect(plain).not.toContain('Impact summary')
    // only health reads the working tree: its packet says the commit under Run is not compared with the files
    expect(plain).not.toContain('Read from the working tree')
    const health = renderPacketMarkdown({ ...checkoutAndPacket().packet, operation: 'health' })
    expect(health).toContain(
      '## Trio\n\nRead from the working tree, uncommitted edits included: the commit under Run is the one checked out, and health does not compare the files with it (`git status` shows any difference).\n'
    )
  })
})
