// Change classification (5xx) between the trio at BASE and at HEAD, built in memory from the embedded default.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { classifyChange } from '../../src/classify/change.js'
import type { ChangeInput, ChangeReport } from '../../src/classify/change.js'
import { defaultBaseline } from '../../src/policy/defaults.js'
import { RULE_IDS } from '../../src/rules/catalog.js'
import { identityOf } from '../../src/trio/identity.js'
import { trioFromBytes } from '../../src/trio/load.js'
import type { TrioRole } from '../../src/trio/model.js'
import { EMBEDDED, MATRIX, MIRROR, nextTag, PIN, REPO_ROOT } from '../helpers/fixture.js'

const baseline = { ...defaultBaseline('memorykernel'), display_name: 'MemoryKernel' }
const BASE = {
  pin: readFileSync(join(REPO_ROOT, PIN), 'utf8'),
  manifest: readFileSync(join(REPO_ROOT, MIRROR), 'utf8'),
  matrix: readFileSync(join(REPO_ROOT, MATRIX), 'utf8')
}
const basePin = JSON.parse(BASE.pin) as Record<string, string>
const NEW_COMMIT = 'b'.repeat(40)
/** The embedded service contract moved by `by` versions (service.v4 and service.v2 around service.v3). */
const serviceContract = (by: number) => EMBEDDED.service.replace(/\d+$/, (n) => String(Number(n) + by))

interface Promotion {
  tag?: string
  service?: string
  codes?: (codes: string[]) => string[]
  /** what happens to the replaced baseline's ledger row */
  oldRow?: 'superseded' | 'kept-approved' | 'dropped'
  posture?: 'GO' | 'NO-GO'
}

/** The trio after a promotion done right (unless told otherwise), as repin would write it. */
function promoted(p: Promotion = {}): Record<TrioRole, string> {
  const tag = p.tag ?? nextTag(basePin.release_tag!, 'minor')
  const manifest = JSON.parse(BASE.manifest) as Record<string, unknown>
  manifest.release_tag = tag
  manifest.commit_sha = NEW_COMMIT
  if (p.service) manifest.expected_service_contract_version = p.service
  if (p.codes) manifest.error_code_enum = p.codes(manifest.error_code_enum as string[])
  const mirror = `${JSON.stringify(manifest, null, 2)}\n`
  const digest = createHash('sha256').update(mirror).digest('hex')
  const pin = JSON.parse(BASE.pin) as Record<string, unknown>
  Object.assign(pin, {
    release_tag: tag,
    commit_sha: NEW_COMMIT,
    expected_service_contract_version: manifest.expected_service_contract_version,
    expected_producer_manifest_sha256: digest,
    runtime_cutover_posture: p.posture ?? pin.runtime_cutover_posture
  })
  let matrix = BASE.matrix.replace(/`v\d+\.\d+\.\d+`/, `\`${tag}\``)
  const oldRow = /^\| [^\n]*\| Approved \|$/m.exec(matrix)![0]
  const newRow = `| 0.2.0 | abcdef1 | ${tag} | ${NEW_COMMIT} | ${String(manifest.expected_service_contract_version)} | ${basePin.expected_api_contract_version} | ${basePin.expected_integration_baseline} | Approved |`
  const kept =
    p.oldRow === 'dropped'
      ? ''
      : p.oldRow === 'kept-approved'
        ? `${oldRow}\n`
        : `${oldRow.replace('| Approved |', '| Superseded |')}\n`
  matrix = matrix.replace(`${oldRow}\n`, `${kept}${newRow}\n`)
  return { pin: `${JSON.stringify(pin, null, 2)}\n`, manifest: mirror, matrix }
}

function classify(
  head: Record<TrioRole, string>,
  options: Partial<Pick<ChangeInput, 'now' | 'baseApprovedAt'>> & {
    changed?: TrioRole[]
    base?: Record<TrioRole, string>
  } = {}
) {
  const base = options.base ?? BASE
  const bytes = (files: Record<TrioRole, string>) => ({
    pin: Buffer.from(files.pin),
    manifest: Buffer.from(files.manifest),
    matrix: Buffer.from(files.matrix)
  })
  const changed =
    options.changed ?? (['pin', 'manifest', 'matrix'] as TrioRole[]).filter((r) => head[r] !== base[r])
  return classifyChange({
    base: trioFromBytes(baseline, bytes(base)),
    head: trioFromBytes(baseline, bytes(head)),
    changed,
    now: options.now ?? new Date('2026-12-31T00:00:00Z'),
    baseApprovedAt: options.baseApprovedAt ?? new Date('2026-11-01T00:00:00Z')
  })
}

const rules = (r: ReturnType<typeof classify>) => r.findings.map((f) => f.rule)

describe('change classification', () => {
  it('an unchanged trio is no change at all', () => {
    const r = classify(BASE)
    expect([r.trioChanged, r.identityChanged, r.classification, r.findings]).toEqual([
      false,
      false,
      'none',
      []
    ])
  })

  it('a promotion done right passes; same contract and codes classify as none', () => {
    const r = classify(promoted())
    expect(r.findings).toEqual([])
    expect([r.trioChanged, r.identityChanged, r.classification]).toEqual([true, true, 'none'])
  })

  it('added error codes are additive', () => {
    const r = classify(promoted({ codes: (c) => [...c, 'quota_exceeded'] }))
    expect(r.findings).toEqual([])
    expect(r.classification).toBe('additive')
    expect(r.codes.added).toEqual(['quota_exceeded'])
  })

  it('a removed code with a service contract bump is breaking and allowed, at NO-GO', () => {
    const r = classify(
      promoted({
        service: serviceContract(+1),
        codes: (c) => c.filter((x) => x !== 'write_conflict'),
        posture: 'NO-GO'
      })
    )
    expect(r.findings).toEqual([])
    expect(r.classification).toBe('breaking')
  })

  it('BG522: a breaking promotion written at GO fails: GO is a later posture-only change both teams approve', () => {
    const bumpedAtGo = classify(promoted({ service: serviceContract(+1), posture: 'GO' }))
    expect(rules(bumpedAtGo)).toEqual(['BG522'])
    expect(bumpedAtGo.findings[0]!.message).toContain(`${EMBEDDED.service} -> ${serviceContract(+1)}`)
    expect(bumpedAtGo.findings[0]!.line).not.toBeNull()
    const removedAtGo = classify(
      promoted({
        service: serviceContract(+1),
        codes: (c) => c.filter((x) => x !== 'write_conflict'),
        posture: 'GO'
      })
    )
    expect(removedAtGo.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('removed: write_conflict') as unknown as string
    ])
    // an additive promotion keeps the posture it had
    expect(rules(classify(promoted({ codes: (c) => [...c, 'quota_exceeded'], posture: 'GO' })))).toEqual([])
  })

  it('BG501: a change to the pin alone fails, naming the files still to update', () => {
    const head = { ...BASE, pin: promoted().pin }
    const r = classify(head)
    const atomic = r.findings.filter((f) => f.rule === 'BG501')
    expect(atomic.map((f) => f.file).sort()).toEqual([MIRROR, MATRIX].sort())
    expect(atomic[0]!.message).toContain('repin')
    // and the untouched ledger still calls the old baseline Approved
    expect(rules(r)).toContain('BG505')
  })

  it('BG502: a tag that goes down, or stays while the commit changes, fails', () => {
    expect(rules(classify(promoted({ tag: 'v0.3.9' })))).toContain('BG502')
    expect(rules(classify(promoted({ tag: basePin.release_tag })))).toContain('BG502')
  })

  it('BG502 fails closed on tags semver cannot compare exactly: a number past 2^53 - 1 (found by review: it passed)', () => {
    for (const tag of ['v0.3.99999999999999999999', 'v99999999999999999999.0.0']) {
      const r = classify(promoted({ tag }))
      expect(r.findings.find((f) => f.rule === 'BG502')?.message).toBe(
        `the new release tag ${tag} cannot be compared with ${basePin.release_tag} as versions vMAJOR.MINOR.PATCH; a promotion needs a higher tag`
      )
    }
  })

  it('BG503: a removed code without a contract bump fails; a contract version going down fails', () => {
    const removed = classify(promoted({ codes: (c) => c.filter((x) => x !== 'write_conflict') }))
    expect(rules(removed)).toContain('BG503')
    expect(removed.classification).toBe('breaking')
    expect(rules(classify(promoted({ service: serviceContract(-1) })))).toContain('BG503')
  })

  it('BG503 says what to do: keep the codes or bump the contract; pin a later release or roll back', () => {
    const removed = classify(promoted({ codes: (c) => c.filter((x) => x !== 'write_conflict') }))
    const lowered = classify(promoted({ service: serviceContract(-1) }))
    const message = (r: ChangeReport) => r.findings.find((f) => f.rule === 'BG503')!.message
    expect(message(removed)).toMatch(
      /keep the codes, or pin a producer release that bumps service_contract_version$/
    )
    expect(message(lowered)).toMatch(/pin a producer release at .+ or later, or run a rollback/)
  })

  it('BG504: the replaced baseline is still inside its declared stability window', () => {
    const r = classify(promoted(), {
      baseApprovedAt: new Date('2026-11-20T00:00:00Z'),
      now: new Date('2026-11-24T00:00:00Z')
    })
    expect(rules(r)).toEqual(['BG504'])
    expect(r.findings[0]!.message).toContain('2026-12-04')
  })

  it('BG504: a window whose end is past the last date JavaScript holds never ends (found by review: it had ended)', () => {
    const manifest = JSON.parse(BASE.manifest) as { stability_window: { minimum_sprint_days: number } }
    manifest.stability_window.minimum_sprint_days = 100_000_000
    const base = { ...BASE, manifest: `${JSON.stringify(manifest, null, 2)}\n` }
    const r = classify(promoted(), { base, baseApprovedAt: new Date('2026-01-01T00:00:00Z') })
    expect(rules(r)).toContain('BG504')
  })

  it('BG505: the replaced row must be kept and marked Superseded', () => {
    expect(rules(classify(promoted({ oldRow: 'dropped' })))).toEqual(['BG505'])
    expect(rules(classify(promoted({ oldRow: 'kept-approved' })))).toEqual(['BG505'])
  })

  describe('BG505 on every change of the matrix: the rows are history', () => {
    // a ledger with history: v0.3.0 Superseded before the embedded Approved row
    const approvedRow = /^\| [^\n]*\| Approved \|$/m.exec(BASE.matrix)![0]
    const oldRow = `| 0.0.9 | 1111111 | v0.3.0 | ${'c'.repeat(40)} | service.v3 | api.v1 | integration/v1 | Superseded |`
    const withHistory = { ...BASE, matrix: BASE.matrix.replace(approvedRow, `${oldRow}\n${approvedRow}`) }
    const edit = (from: string, to: string) => {
      expect(withHistory.matrix).toContain(from)
      return { ...withHistory, matrix: withHistory.matrix.replace(from, to) }
    }
    const judged = (head: Record<TrioRole, string>) => classify(head, { base: withHistory })

    it('a matrix edit that leaves the rows alone, or adds a Candidate, passes', () => {
      expect(judged(edit('\n## ', '\nA note on the process.\n\n## ')).findings).toEqual([])
      const candidate = `| 0.2.0 | 2222222 | v0.5.0 | ${'d'.repeat(40)} | service.v3 | api.v1 | integration/v1 | Candidate |`
      expect(judged(edit(approvedRow, `${approvedRow}\n${candidate}`)).findings).toEqual([])
    })

    it('a pull request that edits only the ledger cannot rewrite its history', () => {
      const cases: [string, Record<TrioRole, string>, RegExp][] = [
        [
          'the last-known-good marked Rolled back (no rollback could run)',
          edit('| Superseded |', '| Rolled back |'),
          /the row of v0\.3\.0 moves from Superseded to Rolled back, which the baseline does not change/
        ],
        ['a row deleted', edit(`${oldRow}\n`, ''), /lost the row of v0\.3\.0 \(Superseded, line \d+ before/],
        [
          "a row's producer commit rewritten",
          edit('c'.repeat(40), 'e'.repeat(40)),
          /the row of v0\.3\.0 changes its MemoryKernel commit from "c{40}" to "e{40}"/
        ],
        [
          'a made-up row added',
          edit(approvedRow, `${oldRow.replace('v0.3.0', 'v0.9.0')}\n${approvedRow}`),
          /a row for v0\.9\.0 \(Superseded\) is added, but the baseline does not change/
        ]
      ]
      for (const [what, head, message] of cases) {
        const r = judged(head)
        expect({ what, rules: rules(r) }).toEqual({ what, rules: ['BG505'] })
        expect(r.findings[0]!.message).toMatch(message)
        expect(r.findings[0]!.file).toBe(MATRIX)
      }
    })

    it('a withdrawn release cannot be brought back by a matrix edit', () => {
      const withdrawn = edit('| Superseded |', '| Rolled back |')
      const r = classify(
        { ...withdrawn, matrix: withdrawn.matrix.replace('| Rolled back |', '| Superseded |') },
        { base: withdrawn }
      )
      expect(rules(r)).toEqual(['BG505'])
      expect(r.findings[0]!.message).toContain('moves from Rolled back to Superseded')
    })

    it('a hand-written rollback cannot restore a release an incident withdrew', () => {
      // the base after a rollback: v0.3.0 withdrawn, the embedded baseline Approved
      const base = edit('| Superseded |', '| Rolled back |')
      const pin = JSON.parse(BASE.pin) as Record<string, unknown>
      const old = { release_tag: 'v0.3.0', commit_sha: 'c'.repeat(40) }
      const head = {
        ...base,
        pin: `${JSON.stringify({ ...pin, ...old, runtime_cutover_posture: 'NO-GO' }, null, 2)}\n`,
        matrix: base.matrix
          .replace('| Rolled back |', '| Approved |')
          .replace(approvedRow, approvedRow.replace('| Approved |', '| Rolled back |'))
      }
      const withdrawn = trioFromBytes(baseline, {
        pin: Buffer.from(head.pin),
        manifest: Buffer.from(head.manifest),
        matrix: Buffer.from(head.matrix)
      })
      const r = classifyChange({
        base: trioFromBytes(baseline, {
          pin: Buffer.from(base.pin),
          manifest: Buffer.from(base.manifest),
          matrix: Buffer.from(base.matrix)
        }),
        head: withdrawn,
        changed: ['pin', 'matrix'],
        now: new Date('2026-12-31T00:00:00Z'),
        baseApprovedAt: null,
        // the pin did hold it: it was the baseline before the incident
        pinnedBefore: [identityOf(withdrawn)]
      })
      expect(r.rollback).toBe(true)
      expect(r.findings.map((f) => [f.rule, f.message])).toEqual(
        expect.arrayContaining([
          ['BG509', expect.stringContaining('records v0.3.0 as Rolled back (line ') as unknown as string],
          [
            'BG505',
            expect.stringContaining(
              'the row of v0.3.0 moves from Rolled back to Approved'
            ) as unknown as string
          ]
        ])
      )
    })

    // a rollback to v0.3.0 (of the given service contract) where the base ledger kept one row, replaced at each
    // promotion: v0.3.0, pinned before, has none
    const handRollback = (service: string) => {
      const pin = JSON.parse(BASE.pin) as Record<string, unknown>
      const restored = `| 0.0.9 | 1111111 | v0.3.0 | ${'c'.repeat(40)} | ${service} | api.v1 | integration/v1 | Approved |`
      const head = {
        ...BASE,
        manifest: BASE.manifest
          .replace(`"release_tag": "${String(pin.release_tag)}"`, '"release_tag": "v0.3.0"')
          .replace(`"commit_sha": "${String(pin.commit_sha)}"`, `"commit_sha": "${'c'.repeat(40)}"`)
          .replace(
            '"expected_service_contract_version": "service.v3"',
            `"expected_service_contract_version": "${service}"`
          ),
        pin: `${JSON.stringify({ ...pin, release_tag: 'v0.3.0', commit_sha: 'c'.repeat(40), expected_service_contract_version: service, runtime_cutover_posture: 'NO-GO' }, null, 2)}\n`,
        matrix: BASE.matrix.replace(
          approvedRow,
          `${approvedRow.replace('| Approved |', '| Rolled back |')}\n${restored}`
        )
      }
      const bytes = (t: Record<TrioRole, string>) =>
        trioFromBytes(baseline, {
          pin: Buffer.from(t.pin),
          manifest: Buffer.from(t.manifest),
          matrix: Buffer.from(t.matrix)
        })
      const target = identityOf(bytes(head))
      return (pinned: 'before adoption, replaced by a promotion' | 'after adoption' | 'never held') =>
        classifyChange({
          base: bytes(BASE),
          head: bytes(head),
          changed: ['pin', 'manifest', 'matrix'],
          now: new Date('2026-12-31T00:00:00Z'),
          baseApprovedAt: null,
          pinnedBefore: pinned === 'never held' ? [] : [target],
          approvedBeforeAdoption: pinned === 'before adoption, replaced by a promotion' ? [target] : []
        })
    }

    it('a rollback to an older baseline the pin held before adoption passes where a hand-kept ledger dropped its row (found by review)', () => {
      expect(BASE.matrix).not.toContain('| v0.3.0 |')
      const judge = handRollback('service.v3')
      const r = judge('before adoption, replaced by a promotion')
      expect([r.rollback, r.classification]).toEqual([true, 'none'])
      expect(r.findings.map((f) => [f.rule, f.message])).toEqual([])
      // a pin held after adoption has its row (a pull request's pin, set and reverted, made no baseline of it)
      expect(judge('after adoption').findings.map((f) => [f.rule, f.message])).toEqual([
        [
          'BG509',
          expect.stringContaining(
            'the ledger before the change has no row for v0.3.0, and it is no older baseline the pin held before adoption'
          ) as unknown as string
        ]
      ])
      // an identity the pin never held is refused whatever the ledger says
      expect(judge('never held').findings.map((f) => [f.rule, f.message])).toEqual([
        ['BG509', expect.stringContaining('the pin never held this identity') as unknown as string]
      ])
    })

    it('a rollback to an older contract version is a breaking change, not "no contract change" (found by review)', () => {
      const r = handRollback('service.v2')('before adoption, replaced by a promotion')
      expect([r.rollback, r.classification, r.findings]).toEqual([true, 'breaking', []])
    })

    it('a promotion of a release the ledger lists as a Candidate replaces that row with its Approved one', () => {
      const tag = nextTag(basePin.release_tag!, 'minor')
      const candidate = `| 0.1.9 | 1234567 | ${tag} | ${'c'.repeat(40)} | service.v3 | api.v1 | integration/v1 | Candidate |`
      const base = { ...BASE, matrix: BASE.matrix.replace(approvedRow, `${approvedRow}\n${candidate}`) }
      expect(classify(promoted(), { base }).findings).toEqual([])
    })

    it('a promotion may only supersede the Approved row and add its own', () => {
      const promotion = promoted()
      const head = {
        ...promotion,
        matrix: promotion.matrix.replace(approvedRow.replace('Approved', 'Superseded'), `${oldRow}\n$&`)
      }
      expect(classify(head, { base: withHistory }).findings).toEqual([])
      const rewritten = {
        ...head,
        matrix: head.matrix.replace(oldRow, oldRow.replace('Superseded', 'Rolled back'))
      }
      const r = classify(rewritten, { base: withHistory })
      expect(rules(r)).toEqual(['BG505'])
      expect(r.findings[0]!.message).toContain('which a promotion does not do')
    })
  })

  it("BG523: the pin's other settings changing is said, old and new value, as a warning", () => {
    const pin = JSON.parse(BASE.pin) as Record<string, unknown>
    const moved = {
      ...BASE,
      pin: `${JSON.stringify({ ...pin, default_base_url: 'http://evil.example.com', default_timeout_ms: 30000 }, null, 2)}\n`
    }
    const r = classify(moved)
    expect(r.findings.map((f) => [f.rule, f.severity, f.file, f.message])).toEqual([
      [
        'BG523',
        'warning',
        PIN,
        `the pin's default_base_url changes from ${JSON.stringify(pin.default_base_url)} to "http://evil.example.com": the consumer reads it, and no rule judges its value (only its form); make sure the consumer and producer owners expect this change`
      ],
      [
        'BG523',
        'warning',
        PIN,
        expect.stringContaining(`default_timeout_ms changes from ${String(pin.default_timeout_ms)} to 30000`)
      ]
    ])
    expect(r.findings[0]!.line).not.toBeNull()
    // a promotion done right changes none of them
    expect(classify(promoted()).findings).toEqual([])
  })

  it('reports a posture change for the approval rules to judge', () => {
    const head = promoted({ posture: 'NO-GO' })
    expect(classify(head).posture).toEqual({ from: 'GO', to: 'NO-GO' })
  })

  it("covers every change rule (5xx) of the classification (BG506-507 are the gate's: promotion/; BG508-512 the rollback's: rollback/; BG515-517 the repin action's; BG518 the gate's on an unchanged trio; BG519 the gate's on a linked trio; BG520 on a checkout conversion; BG521 the rollback's on a working tree with uncommitted changes)", () => {
    const covered = new Set([
      'BG501',
      'BG502',
      'BG503',
      'BG504',
      'BG505',
      'BG506',
      'BG507',
      'BG508',
      'BG509',
      'BG510',
      'BG511',
      'BG512',
      // the rollback drill's: rollback/drill.test.ts
      'BG513',
      'BG514',
      // the repin action's: acceptance/repin-action.test.ts
      'BG515',
      'BG516',
      'BG517',
      'BG525',
      // the promotion gate's, on a change that leaves the trio alone: promotion/change.test.ts
      'BG518',
      // the promotion gate's, on a trio file behind a symbolic link: promotion/linked-trio.test.ts
      'BG519',
      // the promotion gate's, on a checkout conversion of a baseline file: promotion/attributes.test.ts
      'BG520',
      // the rollback's, on a working tree with uncommitted changes: rollback/rollback.test.ts
      'BG521',
      'BG522',
      'BG523',
      // the promotion gate's, on .gitattributes hiding a baseline file's diff: promotion/attributes.test.ts
      'BG524',
      // repin's, on a producer's manifest the checkout converted: repin.test.ts
      'BG526',
      // the rollback's, on a trio the runner cannot write: rollback/rollback.test.ts
      'BG527',
      'BG528',
      // the promotion gate's, on the commits inside a change: promotion/intermediate-trio.test.ts
      'BG529'
    ])
    expect(RULE_IDS.filter((id) => id.startsWith('BG5') && !covered.has(id))).toEqual([])
  })
})
