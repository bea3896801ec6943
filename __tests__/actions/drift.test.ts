// Drift mode of the health action, in process: the hidden findings block, the diff from run to run, the sync of
// one baseline's issue, and the schedule check, against the fake GitHub REST server (nothing mocked).
import { describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import {
  diffItems,
  DRIFT_LABEL,
  driftItems,
  parseBlock,
  renderBlock,
  syncDriftIssue
} from '../../src/actions/shared/drift.js'
import type { DriftInput, DriftItem } from '../../src/actions/shared/drift.js'
import { checkSchedule } from '../../src/actions/health/schedule.js'
import { InputError, readHealthInputs } from '../../src/actions/shared/inputs.js'
import type { BaselineResult } from '../../src/operations/context.js'
import { fakeGitHubPerTest, value } from '../helpers/github-client.js'

const TOKEN = 'ghs_DriftSyncToken0123456789abcdefghijklmn'
const READ_ONLY = 'ghs_DriftSyncReadOnly00000000000000000000'
const REPO = 'acme/app'

const item = (
  rule: string,
  file: string | null,
  line: number | null,
  message = `${rule} broke`
): DriftItem => ({
  rule,
  file,
  line,
  severity: 'error',
  message
})

describe('the findings block', () => {
  /** The marker line of a drift issue and of its comments, which the block follows. */
  const MARKER = '<!-- baseline-gate:drift:memorykernel -->'

  it('round-trips, and nothing in a message or path can close the HTML comment', () => {
    const items = [
      item('BG201', 'config/a--b.json', 3, 'evil --> <script>alert(1)</script> <!-- x'),
      item('step', 'contract', null, 'step failed')
    ]
    const block = renderBlock({ sha: 'abc', run: '12.1', items })
    expect(block.startsWith('<!-- baseline-gate:findings ')).toBe(true)
    expect(block.slice(4, -4)).not.toContain('--')
    expect(block.slice(4, -4)).not.toMatch(/[<>]/)
    expect(parseBlock(`${MARKER}\n${block}\nafter`)).toEqual({ sha: 'abc', run: '12.1', items })
  })

  it('reads the block on the line after the marker only: one further down (a quoted path) is never taken', () => {
    const ours = renderBlock({ sha: 'ours', run: '', items: [item('BG101', null, null)] })
    const forged = renderBlock({ sha: 'forged', run: '', items: [] })
    expect(parseBlock(`${MARKER}\n${ours}\n- ❌ BG603 at \`src/${forged}.ts\``)?.sha).toBe('ours')
    expect(parseBlock(`${MARKER}\nsome text\n${forged}`)).toBeNull()
    expect(parseBlock(`${MARKER}\n${forged} and more`)).toBeNull()
  })

  it('ignores a damaged block or another version, and bounds what it records', () => {
    expect(parseBlock(`${MARKER}\n<!-- baseline-gate:findings {not json} -->`)).toBeNull()
    expect(
      parseBlock(`${MARKER}\n<!-- baseline-gate:findings {"v":2,"sha":"x","run":"","items":[]} -->`)
    ).toBeNull()
    expect(parseBlock('no block')).toBeNull()
    const many = Array.from({ length: 500 }, (_, i) => item('BG201', 'f', i + 1, 'm'.repeat(1000)))
    const big = renderBlock({ sha: 's', run: '', items: many })
    expect(big.length).toBeLessThan(60_000)
    expect(parseBlock(`${MARKER}\n${big}`)?.items).toHaveLength(200)
  })

  it('diffs by rule, file and line', () => {
    const a = item('BG201', 'pin.json', 3)
    const b = item('BG202', 'pin.json', 4)
    const c = item('BG203', null, null)
    const d = diffItems([a, b], [{ ...b, message: 'reworded' }, c])
    expect(d.added).toEqual([c])
    expect(d.resolved).toEqual([a])
    expect(d.still.map((i) => i.rule)).toEqual(['BG202'])
  })

  it('drift items are the errors, the warnings and the required steps that did not pass', () => {
    const b = {
      name: 'memorykernel',
      findings: [
        { rule: 'BG201', severity: 'error', file: 'a', line: 1, column: 2, message: 'e' },
        { rule: 'BG208', severity: 'warning', file: 'b', line: null, column: null, message: 'w' },
        { rule: 'BG407', severity: 'notice', file: null, line: null, column: null, message: 'n' }
      ],
      steps: [
        { name: 'probe', required: true, status: 'failed' },
        { name: 'optional', required: false, status: 'failed' },
        { name: 'ok', required: true, status: 'passed' }
      ]
    } as unknown as BaselineResult
    expect(driftItems(b).map((i) => `${i.rule}:${i.file}`)).toEqual(['BG201:a', 'BG208:b', 'step:probe'])
  })
})

describe('syncDriftIssue and checkSchedule (fake GitHub)', () => {
  let fake: FakeGitHub
  const { client } = fakeGitHubPerTest(
    [
      { token: TOKEN, login: 'github-actions[bot]' },
      { token: READ_ONLY, login: 'github-actions[bot]', write: false }
    ],
    (f) => (fake = f)
  )

  const input = (over: Partial<DriftInput>): DriftInput => ({
    baseline: 'memorykernel',
    verdict: 'FAIL',
    items: [item('BG201', 'config/pin.json', 3)],
    sha: 'a'.repeat(40),
    run: '100.1',
    runUrl: 'https://github.example/acme/app/actions/runs/100',
    ...over
  })
  const issues = () => Object.values(fake.state.repos['acme/app']!.issues)

  it('FAIL opens one issue; FAIL again comments what changed; PASS comments and closes it', async () => {
    const c = client()
    const first = value(await syncDriftIssue(c, input({})))
    expect(first.action).toBe('opened')
    expect(issues()).toHaveLength(1)
    const issue = issues()[0]!
    expect(issue.labels).toEqual([DRIFT_LABEL])
    expect(issue.body.startsWith('<!-- baseline-gate:drift:memorykernel -->\n')).toBe(true)
    expect(issue.body).toContain('BG201')

    const second = value(
      await syncDriftIssue(
        c,
        input({
          run: '200.1',
          sha: 'b'.repeat(40),
          items: [item('BG201', 'config/pin.json', 3), item('BG305', 'm.md', 9)]
        })
      )
    )
    expect(second).toMatchObject({ action: 'commented', number: issue.number })
    const [comment] = fake.commentsOf(REPO, issue.number)
    expect(comment!.body).toContain('1 new, 1 still failing, 0 resolved since `aaaaaaaaaaaa`')
    expect(comment!.body).toMatch(/#### New \(1\)\n\n- ❌ BG305 `m\.md:9`/)

    // the same run again (a retried step): not said twice
    expect(value(await syncDriftIssue(c, input({ run: '200.1' }))).action).toBe('already-recorded')

    const third = value(
      await syncDriftIssue(c, input({ run: '300.1', verdict: 'PASS', items: [], sha: 'c'.repeat(40) }))
    )
    expect(third).toMatchObject({ action: 'closed', number: issue.number })
    const comments = fake.commentsOf(REPO, issue.number)
    expect(comments).toHaveLength(2)
    expect(comments[1]!.body).toContain('✅ **PASS** · health of `memorykernel` at `cccccccccccc`')
    expect(comments[1]!.body).toMatch(/#### Resolved \(2\)\n\n- ✅ BG201[^\n]*\n- ✅ BG305/)
    expect(issues()[0]!.state).toBe('closed')
    expect(issues()).toHaveLength(1)

    // PASS with nothing open: nothing to do; a new FAIL opens a new issue
    expect(value(await syncDriftIssue(c, input({ verdict: 'PASS', items: [] }))).action).toBe('none')
    expect(value(await syncDriftIssue(c, input({ run: '400.1' }))).action).toBe('opened')
    expect(issues()).toHaveLength(2)
  })

  it('reads the previous findings from the issue author’s comments only', async () => {
    const c = client()
    const opened = value(await syncDriftIssue(c, input({})))
    if (!('number' in opened)) throw new Error('expected an issue')
    // someone else pastes a block claiming nothing was wrong before
    fake.addComment(
      REPO,
      opened.number,
      'mallory',
      `<!-- baseline-gate:drift:memorykernel -->\n${renderBlock({ sha: 'x', run: '', items: [] })}`
    )
    await syncDriftIssue(c, input({ run: '200.1' }))
    const ours = fake.commentsOf(REPO, opened.number).filter((x) => x.login === 'github-actions[bot]')
    expect(ours.at(-1)!.body).toContain('nothing changed since `aaaaaaaaaaaa`: 1 still failing')
  })

  it('a read-only token: a failure that names `issues: write`, nothing written', async () => {
    const r = await syncDriftIssue(client({ token: READ_ONLY }), input({}))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('`issues: write`')
    expect(issues()).toHaveLength(0)
  })

  describe('the texts, exactly as posted', () => {
    const URL = 'https://github.example/acme/app/actions/runs'
    const MARKER = '<!-- baseline-gate:drift:memorykernel -->'
    const NEXT = '**Next:** run `npx --no baseline-gate health --baseline memorykernel` locally'
    const mirror =
      'The mirror config/memorykernel-producer-manifest.json is not a byte-exact copy of the contract manifest ' +
      'of the producer: it ends without the trailing newline that the producer writes, so its digest differs.'
    const pin = item('BG201', 'config/pin.json', 3, 'The pin names v0.5, which the matrix does not approve.')
    const matrix = item('BG305', 'docs/matrix.md', 9, 'The row for v0.4.4 has another manifest digest.')
    const warn = (rule: string, file: string, message: string): DriftItem => ({
      ...item(rule, file, null, message),
      severity: 'warning'
    })
    const mirrorWarning = warn('BG208', 'config/mirror.json', mirror)
    const dateWarning = warn('BG210', 'config/pin.json', 'The pin was updated 40 days ago.')
    const step = item('step', 'contract', null, 'failed')
    const first = input({ items: [mirrorWarning, pin, step], run: '100.1', runUrl: `${URL}/100` })
    const second = input({
      items: [pin, matrix, dateWarning],
      sha: 'b'.repeat(40),
      run: '200.2',
      runUrl: `${URL}/200`
    })
    const third = input({
      verdict: 'PASS',
      items: [dateWarning],
      sha: 'c'.repeat(40),
      run: '300.1',
      runUrl: `${URL}/300`
    })
    const block = (i: DriftInput): string => renderBlock({ sha: i.sha, run: i.run, items: i.items })

    it('(a) a new issue: verdict, what was judged and the next step first; errors before warnings', async () => {
      value(await syncDriftIssue(client(), first))
      expect(issues()[0]!.body).toBe(
        [
          MARKER,
          block(first),
          '❌ **FAIL** · health of `memorykernel` at `aaaaaaaaaaaa` ([run 100](https://github.example/acme/app/actions/runs/100)) · 2 errors, 1 warning. ' +
            `${NEXT}; see the fix of \`BG201\` in baseline-gate's docs/rules.md.`,
          '',
          '#### Findings (3)',
          '',
          '- ❌ BG201 `config/pin.json:3`: The pin names v0.5, which the matrix does not approve.',
          '- ❌ step `contract`: failed',
          `- ⚠️ BG208 \`config/mirror.json\`: ${mirror}`,
          '',
          'This issue stays open while the check fails: each failing run comments with what changed since the run ' +
            'before, and the first passing run closes it. The full report of each run is in its job summary and ' +
            'evidence artifact.',
          ''
        ].join('\n')
      )
    })

    it('(b) an update: new, then still failing, then resolved (✅, its old message cut at a word)', async () => {
      const c = client()
      const opened = value(await syncDriftIssue(c, first))
      if (!('number' in opened)) throw new Error('expected an issue')
      value(await syncDriftIssue(c, second))
      const [comment] = fake.commentsOf(REPO, opened.number)
      expect(comment!.body).toBe(
        [
          MARKER,
          block(second),
          '❌ **Still FAIL** · health of `memorykernel` at `bbbbbbbbbbbb` ([run 200, attempt 2](https://github.example/acme/app/actions/runs/200)) · ' +
            '2 new, 1 still failing, 2 resolved since `aaaaaaaaaaaa`. ' +
            `${NEXT}; see the fixes of \`BG305\` and \`BG201\` in baseline-gate's docs/rules.md.`,
          '',
          '#### New (2)',
          '',
          '- ❌ BG305 `docs/matrix.md:9`: The row for v0.4.4 has another manifest digest.',
          '- ⚠️ BG210 `config/pin.json`: The pin was updated 40 days ago.',
          '',
          '#### Still failing (1)',
          '',
          '- ❌ BG201 `config/pin.json:3`: The pin names v0.5, which the matrix does not approve.',
          '',
          '#### Resolved (2)',
          '',
          '- ✅ step `contract`, was: failed',
          '- ✅ BG208 `config/mirror.json`, was: The mirror config/memorykernel-producer-manifest.json is not a ' +
            'byte-exact copy of the contract manifest of the producer: it ends without the trailing newline…',
          ''
        ].join('\n')
      )
    })

    it('links each current finding to its file and line at the commit checked, never a resolved one', async () => {
      const c = client()
      const fileUrl = (path: string, line: number | null) =>
        `https://github.example/acme/app/blob/${'b'.repeat(40)}/${path}${line ? `#L${line}` : ''}`
      const opened = value(await syncDriftIssue(c, first))
      if (!('number' in opened)) throw new Error('expected an issue')
      value(await syncDriftIssue(c, { ...second, fileUrl }))
      const body = fake.commentsOf(REPO, opened.number)[0]!.body
      expect(body).toContain(
        `- ❌ BG305 [\`docs/matrix.md:9\`](https://github.example/acme/app/blob/${'b'.repeat(40)}/docs/matrix.md#L9): `
      )
      expect(body).toContain('- ✅ BG208 `config/mirror.json`, was:')
      expect(body).not.toContain('/config/mirror.json')
    })

    it("links each rule to its help where the run knows it (the action's repository at its ref)", async () => {
      const ruleUrl = (rule: string) =>
        `https://github.com/acme/baseline-gate/blob/v1/docs/rules.md#${rule.toLowerCase()}`
      value(await syncDriftIssue(client(), { ...second, ruleUrl }))
      expect(issues()[0]!.body).toContain(
        'see the fixes of [BG201](https://github.com/acme/baseline-gate/blob/v1/docs/rules.md#bg201) and ' +
          '[BG305](https://github.com/acme/baseline-gate/blob/v1/docs/rules.md#bg305).'
      )
      expect(issues()[0]!.body).not.toContain('docs/rules.md#bg305 ')
    })

    it('a long message is cut in its middle: what is wrong and what to do both stay', async () => {
      const long =
        'the ledger lists v0.5.0 as Superseded, but its trio revision 0123456789ab no longer verifies ' +
        `(${'BG202 at config/pin.json:4, '.repeat(12)}revision 0123456789ab). ` +
        "A rollback would skip it and restore v0.4.0 instead: restore the revision's files, or mark v0.5.0 Rolled back in docs/matrix.md"
      const drill = input({ items: [item('BG513', 'docs/matrix.md', 12, long)], check: 'rollback-drill' })
      value(await syncDriftIssue(client(), drill))
      const body = issues()[0]!.body
      expect(body).toContain('- ❌ BG513 `docs/matrix.md:12`: the ledger lists v0.5.0 as Superseded')
      expect(body).toContain(' … ')
      expect(body).toContain('or mark v0.5.0 Rolled back in docs/matrix.md\n')
      // the drill's issue says what it did not run, and suggests only the checkout's own install
      expect(body).toContain('_Not checked: the rollback suites (a real rollback runs them)._')
      expect(body).toContain('`npx --no baseline-gate rollback --drill --baseline memorykernel')
    })

    it('(c) PASS: closes the issue with what was resolved and the warnings that remain', async () => {
      const c = client()
      const opened = value(await syncDriftIssue(c, first))
      if (!('number' in opened)) throw new Error('expected an issue')
      value(await syncDriftIssue(c, second))
      expect(value(await syncDriftIssue(c, third)).action).toBe('closed')
      const closing = fake.commentsOf(REPO, opened.number).at(-1)!
      expect(closing.body).toBe(
        [
          MARKER,
          block(third),
          '✅ **PASS** · health of `memorykernel` at `cccccccccccc` ([run 300](https://github.example/acme/app/actions/runs/300)) · ' +
            `2 findings resolved since \`bbbbbbbbbbbb\`; closing #${opened.number}. ` +
            '**Next:** nothing is required: warnings do not fail health.',
          '',
          '#### Warnings that remain (1)',
          '',
          '- ⚠️ BG210 `config/pin.json`: The pin was updated 40 days ago.',
          '',
          '#### Resolved (2)',
          '',
          '- ✅ BG201 `config/pin.json:3`, was: The pin names v0.5, which the matrix does not approve.',
          '- ✅ BG305 `docs/matrix.md:9`, was: The row for v0.4.4 has another manifest digest.',
          ''
        ].join('\n')
      )
    })

    it('(d) a capped list says how many more there are and where; errors are the ones listed', async () => {
      const errors = Array.from({ length: 50 }, (_, n) => item('BG203', 'pin.json', n + 1, `field ${n + 1}`))
      const many = input({ items: [dateWarning, mirrorWarning, ...errors], run: '', runUrl: null })
      value(await syncDriftIssue(client(), many))
      const rules = "`BG203` in baseline-gate's docs/rules.md"
      expect(issues()[0]!.body).toBe(
        [
          MARKER,
          block(many),
          `❌ **FAIL** · health of \`memorykernel\` at \`aaaaaaaaaaaa\` · 50 errors, 2 warnings. ${NEXT}; see the fix of ${rules}.`,
          '',
          '#### Findings (52)',
          '',
          ...errors.map((e) => `- ❌ BG203 \`pin.json:${e.line}\`: field ${e.line}`),
          '- … and 2 more findings: see the evidence artifact of this run.',
          '',
          'This issue stays open while the check fails: each failing run comments with what changed since the run ' +
            'before, and the first passing run closes it. The full report of each run is in its job summary and ' +
            'evidence artifact.',
          ''
        ].join('\n')
      )
    })
  })

  it('the schedule check: recent, stale, none, and a refusal', async () => {
    const c = client()
    fake.addWorkflowRun(REPO, { created_at: '2026-03-01T05:17:00Z' })
    const current = fake.addWorkflowRun(REPO, {
      id: 5000,
      created_at: '2026-03-02T06:40:00Z',
      status: 'in_progress'
    })
    const ok = await checkSchedule(c, String(current.id), 24)
    expect(ok).toMatchObject({ kind: 'ok' })

    const stale = await checkSchedule(c, String(current.id), 12)
    expect(stale.kind).toBe('stale')
    if (stale.kind === 'stale') {
      expect(stale.message).toMatch(/more than twice the schedule interval of 12 hours/)
      expect(stale.message).toMatch(/60 days/)
    }

    const lonely = fake.addWorkflowRun(REPO, {
      id: 6000,
      workflow_id: 99,
      path: '.github/workflows/other.yml',
      status: 'in_progress'
    })
    const none = await checkSchedule(c, String(lonely.id), 24)
    expect(none.kind).toBe('stale')
    if (none.kind === 'stale') expect(none.message).toMatch(/No earlier completed scheduled run/)

    fake.failNext('GET /repos/{owner}/{repo}/actions/runs/{run_id}', 403)
    const denied = await checkSchedule(c, String(current.id), 24)
    expect(denied.kind).toBe('unknown')
    if (denied.kind === 'unknown') expect(denied.message).toContain('`actions: read`')
    expect((await checkSchedule(c, undefined, 24)).kind).toBe('unknown')
  })
})

describe('the drift inputs of the health action', () => {
  const read = (inputs: Record<string, string>) =>
    readHealthInputs((name) => inputs[name] ?? '', { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp' })

  it('upload-evidence is "true" or "false", read by the script as the other actions read it (found by review: "yes" silently uploaded nothing)', () => {
    expect([read({}).uploadEvidence, read({ 'upload-evidence': 'FALSE' }).uploadEvidence]).toEqual([
      true,
      false
    ])
    expect(() => read({ 'upload-evidence': 'yes' })).toThrow(
      new InputError(`input 'upload-evidence' must be "true" or "false"`)
    )
  })

  it('defaults: drift mode off, no token, a daily schedule', () => {
    expect(read({})).toMatchObject({ driftIssue: false, token: '', scheduleIntervalHours: 24 })
    expect(read({ 'drift-issue': 'TRUE', token: ' t0ken ', 'schedule-interval-hours': '6.5' })).toMatchObject(
      {
        driftIssue: true,
        token: 't0ken',
        scheduleIntervalHours: 6.5
      }
    )
  })

  it('refuses a bad drift-issue or schedule-interval-hours with an error naming the input', () => {
    expect(() => read({ 'drift-issue': 'yes' })).toThrow(InputError)
    expect(() => read({ 'drift-issue': 'yes' })).toThrow(/'drift-issue'/)
    for (const bad of ['0', '-1', 'daily', '1e3', '9000']) {
      expect(() => read({ 'schedule-interval-hours': bad })).toThrow(/'schedule-interval-hours'/)
    }
  })
})
