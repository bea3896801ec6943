// The repin pull request's title, labels and body (pure), and the strict release-tag check the action applies
// before anything is read.
import { describe, expect, it } from '@jest/globals'
import { renderRepinBody, repinLabels, repinTitle } from '../../src/evidence/repin-body.js'
import type { RepinProposal } from '../../src/evidence/repin-body.js'
import { releaseTagProblem } from '../../src/operations/repin-release.js'

const FROM = {
  release_tag: 'v0.4.0',
  commit_sha: 'a'.repeat(40),
  service_contract_version: 'service.v3',
  api_contract_version: 'api.v1',
  integration_baseline: 'integration/v1',
  manifest_sha256: '1'.repeat(64)
}

function proposal(over: Partial<RepinProposal> = {}): RepinProposal {
  return {
    baseline: 'memorykernel',
    displayName: 'MemoryKernel',
    tag: 'v0.5.0',
    from: FROM,
    to: { ...FROM, release_tag: 'v0.5.0', commit_sha: 'b'.repeat(40), manifest_sha256: '2'.repeat(64) },
    kind: 'patch',
    posture: 'GO',
    window: { approvedAt: '2026-11-24', days: 14, ends: '2026-12-08', over: false },
    owners: { consumer: ['alice', 'acme/app-team'], producer: ['bob'] },
    left: [],
    written: ['config/pin.json'],
    branch: 'baseline-gate/repin-memorykernel',
    ...over
  }
}

describe('the repin pull request', () => {
  it('is the same bytes for the same release (a re-delivery leaves the pull request as it is)', () => {
    expect(renderRepinBody(proposal())).toBe(renderRepinBody(proposal()))
  })

  it('titles and labels the release by its kind', () => {
    expect(repinTitle(proposal({ kind: 'breaking' }))).toBe('Repin MemoryKernel to v0.5.0 (breaking)')
    expect(repinLabels('additive')).toEqual(['baseline-repin', 'additive'])
  })

  it('leads with the kind and what changed, then what to do next, then what did not run', () => {
    const body = renderRepinBody(proposal())
    expect(body.split('\n')[0]).toBe('## MemoryKernel: repin to `v0.5.0` — patch')
    expect(body.indexOf('| Release tag | `v0.4.0` | `v0.5.0` (changed) |')).toBeGreaterThan(0)
    expect(body).toContain('| Service contract | `service.v3` | `service.v3` |')
    expect(body.indexOf('### What to do next')).toBeLessThan(body.indexOf('### What did not run'))
    expect(body).toContain('Repin left nothing else to do')
  })

  it('a breaking release asks for the joint approval of the posture change', () => {
    const body = renderRepinBody(proposal({ kind: 'breaking', posture: 'NO-GO' }))
    expect(body).toContain('**breaking** release')
    expect(body).toContain('one approving review from each of the two owner sets')
    expect(renderRepinBody(proposal())).not.toContain('two owner sets')
  })

  it.each([
    [
      { approvedAt: '2026-11-24', days: 14, ends: '2026-12-08', over: false },
      'window ends on **2026-12-08**'
    ],
    [{ approvedAt: '2026-10-01', days: 14, ends: '2026-10-15', over: true }, 'window ended on 2026-10-15.'],
    [{ approvedAt: null, days: 14, ends: null, over: false }, 'a shallow checkout: use `fetch-depth: 0`'],
    [{ approvedAt: null, days: null, ends: null, over: false }, 'declares no stability window']
  ])('says when the stability window ends: %j', (window, words) => {
    expect(renderRepinBody(proposal({ window }))).toContain(words)
  })

  it('mentions owners that are logins or teams, and shows anything else as code; escapes what repin left', () => {
    const body = renderRepinBody(
      proposal({
        owners: { consumer: ['alice', '<img src=x>'], producer: [] },
        left: ['CHANGELOG.md does not mention v0.5.0: add <b>the</b> entry | now']
      })
    )
    expect(body).toContain('@alice, `<img src=x>`')
    expect(body).toContain('Approval from the producer owners: _none configured (owners in the policy)_')
    expect(body).toContain('add &lt;b&gt;the&lt;/b&gt; entry \\| now')
    expect(body).not.toContain('<b>')
  })
})

describe('what repin left, in the body', () => {
  it('shows the paths and the command between backticks as inline code, ready to copy', () => {
    const body = renderRepinBody(
      proposal({
        left: [
          "the producer's handoff payload `p/h.json` names v0.4.0, not v0.5.0: regenerate it: `(cd p && bash scripts/gen.sh --out h_1.json)`"
        ]
      })
    )
    expect(body).toContain(
      "- [ ] Left by repin: the producer's handoff payload `p/h.json` names v0.4.0, not v0.5.0: regenerate it: `(cd p && bash scripts/gen.sh --out h_1.json)`"
    )
    expect(body).not.toContain('\\`')
  })
})

describe('the repin body without a pull request (no token)', () => {
  it('never says "this pull request": it describes the repin in the workspace', () => {
    const body = renderRepinBody(proposal({ pullRequest: false }))
    expect(body).not.toMatch(/this pull request/i)
    expect(body).toContain('| | Pinned now | Repinned in the workspace |')
    expect(body).toContain('No pull request was opened (no GitHub token or repository)')
    expect(body).toContain('### About this repin')
    expect(body).toContain('The promotion gate fails its pull request (BG504) before that date.')
    // the pull request body keeps its words
    expect(renderRepinBody(proposal())).toContain('### About this pull request')
  })
})

describe('the release tag check', () => {
  it.each(['v1.4.0', '1.4.0', 'v2.0.0-rc.1', 'v1.0.0+build.5', 'release_2026'])('accepts %s', (tag) => {
    expect(releaseTagProblem(tag)).toBeNull()
  })

  it.each([
    'v1; rm -rf /',
    '../x',
    'v1..2',
    '-v1',
    '--upload-pack=x',
    '.hidden',
    'v1.lock',
    'v1.',
    'v1 2',
    '$(id)',
    'refs/tags/v1',
    'v1\nv2',
    'x'.repeat(101),
    ''
  ])('refuses %j', (tag) => {
    expect(releaseTagProblem(tag)).toEqual(expect.any(String))
  })
})
