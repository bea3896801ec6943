// The files a report names (issue 17 review): the terminal and `--json` of health, promote and rollback say where
// the in-toto statement beside each packet and the SARIF file of --sarif were written, or that it was not.
import { describe, expect, it } from '@jest/globals'
import { renderReport, toJson } from '../../src/cli/render.js'
import { healthPass } from '../present/fixtures.js'

const SARIF = '/repo/out/health.sarif'

describe('the report names the statement and the SARIF file', () => {
  it('one baseline: statement and sarif under its evidence line', () => {
    const text = renderReport(healthPass(), '/repo', undefined, { sarif: { file: SARIF, written: true } })
    expect(text).toContain(
      [
        '  evidence: .baseline-gate/evidence/health-memorykernel.json',
        '  statement: .baseline-gate/evidence/health-memorykernel.intoto.json',
        '  sarif: out/health.sarif'
      ].join('\n')
    )
  })

  it('several baselines: the one SARIF file once, after their blocks', () => {
    const one = healthPass()
    const two = { ...one, baselines: [one.baselines[0]!, { ...one.baselines[0]!, name: 'other' }] }
    const text = renderReport(two, '/repo', undefined, { sarif: { file: SARIF, written: true } })
    expect(text.match(/sarif: /g)).toHaveLength(1)
    expect(text).toContain('\nsarif: out/health.sarif (every baseline)\n')
    // with the files of the blocks, before what to do next
    expect(text.indexOf('(every baseline)')).toBeLessThan(text.indexOf('next:'))
  })

  it('a SARIF file that could not be written is said so; without --sarif there is no line', () => {
    expect(
      renderReport(healthPass(), '/repo', undefined, { sarif: { file: SARIF, written: false } })
    ).toContain('  sarif: out/health.sarif not written (the error follows)')
    expect(renderReport(healthPass(), '/repo')).not.toContain('sarif:')
  })

  it('--json: each baseline its packet and statement; the SARIF file, or null', () => {
    const doc = toJson(healthPass(), { sarif: { file: SARIF, written: true } }) as {
      sarif: string | null
      baselines: { evidence: string; statement: string | null }[]
    }
    expect(doc.sarif).toBe(SARIF)
    expect(doc.baselines[0]).toMatchObject({
      evidence: '/repo/.baseline-gate/evidence/health-memorykernel.json',
      statement: '/repo/.baseline-gate/evidence/health-memorykernel.intoto.json'
    })
    expect(
      (toJson(healthPass(), { sarif: { file: SARIF, written: false } }) as { sarif: unknown }).sarif
    ).toBeNull()
    expect((toJson(healthPass()) as { sarif: unknown }).sarif).toBeNull()
  })
})
