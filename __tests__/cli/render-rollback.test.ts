// The terminal lines of a rollback's outcome: what happened, in words, whatever the status.
import { describe, expect, it } from '@jest/globals'
import { rollbackLines } from '../../src/cli/render-rollback.js'
import type { Style } from '../../src/cli/render.js'
import type { RollbackReport } from '../../src/operations/context.js'
import type { Identity } from '../../src/trio/model.js'

const plain: Style = { bold: (s) => s, red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s }

const identity = (tag: string, sha: string) =>
  ({
    release_tag: tag,
    commit_sha: sha,
    service_contract_version: 'service.v3',
    api_contract_version: 'v1'
  }) as unknown as Identity

function report(over: Partial<RollbackReport>): RollbackReport {
  return {
    status: 'restored',
    dryRun: false,
    noTarget: null,
    restored: true,
    interrupted: false,
    notStarted: false,
    from: identity('v0.4.0', 'a'.repeat(40)),
    target: null,
    passedOver: [],
    ledger: [],
    written: [],
    recovered: 'none',
    followUp: [],
    note: '',
    branch: null,
    pullRequestUrl: null,
    incidentIssueUrl: null,
    ...over
  }
}

describe('rollbackLines', () => {
  it('--to the current baseline says so in words, with no arrow to an unknown', () => {
    const lines = rollbackLines(report({ status: 'already-current', restored: false }), plain)
    expect(lines[0]).toBe('  rollback: v0.4.0 is already the current baseline: nothing to restore')
    expect(lines.join('\n')).not.toContain('?')
    expect(lines.join('\n')).not.toContain('->')
  })

  it('no last-known-good baseline: says nothing was restored', () => {
    const lines = rollbackLines(report({ status: 'failed', restored: false }), plain)
    expect(lines[0]).toContain('no last-known-good baseline to restore it to, nothing restored')
    expect(lines[0]).not.toContain('-> ?')
  })

  it('a restore names both baselines', () => {
    const target = {
      identity: identity('v0.3.2', 'b'.repeat(40)),
      commit: 'c'.repeat(40),
      date: '2026-01-02',
      profile: 'current',
      reported: []
    } as unknown as RollbackReport['target']
    const lines = rollbackLines(report({ target }), plain)
    expect(lines[0]).toMatch(
      /^ {2}rollback: v0\.4\.0 \(commit a{12}, .*\) -> v0\.3\.2 \(commit b{12}, .*\) · posture NO-GO$/
    )
  })

  it('the ledger edits of a rollback that stopped before its write read as not written, never as done (found by review)', () => {
    const ledger = ['row v0.4.0 (line 31): Approved -> Rolled back']
    const lines = (over: Partial<RollbackReport>) => rollbackLines(report({ ledger, ...over }), plain)
    expect(lines({})).toContain(`  ledger: ${ledger[0]}`)
    expect(lines({ status: 'failed', restored: false })).toContain(`  ledger (not written): ${ledger[0]}`)
    expect(lines({ status: 'verification-failed', restored: false })).toContain(
      `  ledger (undone): ${ledger[0]}`
    )
  })
})
