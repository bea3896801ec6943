// The migration plan (src/adopt/migrate.ts), pure: what it adds to a pre-adoption trio, what it never touches,
// what it refuses (with what to do), and that a migrated trio needs nothing more.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { planMigration } from '../../src/adopt/migrate.js'
import { sha256 } from '../../src/fs/digest.js'
import { updatedSplice, applySplices } from '../../src/ledger/edit.js'
import { parseLedger } from '../../src/ledger/parse.js'
import { defaultBaseline } from '../../src/policy/defaults.js'
import { trioRules } from '../../src/rules/index.js'
import { sourceFromBytes } from '../../src/document/source-file.js'
import { trioFromBytes } from '../../src/trio/load.js'
import type { TrioRole } from '../../src/trio/model.js'
import { MATRIX, MIRROR, PIN, REPO_ROOT } from '../helpers/fixture.js'

const baseline = { ...defaultBaseline('memorykernel'), display_name: 'MemoryKernel' }
const embedded = (rel: string) => readFileSync(join(REPO_ROOT, rel))
const TODAY = '2027-01-15'

/** The embedded trio as it would have been written before adoption: no posture in the pin or the matrix. */
function preAdoption(options: { digest?: boolean; absolutePaths?: boolean } = {}): Record<TrioRole, Buffer> {
  const pin = JSON.parse(embedded(PIN).toString('utf8')) as Record<string, unknown>
  delete pin.runtime_cutover_posture
  if (options.digest === false) delete pin.expected_producer_manifest_sha256
  let matrix = embedded(MATRIX)
    .toString('utf8')
    .replace(/^- Runtime cutover posture: .*\n/m, '')
  if (options.absolutePaths)
    matrix = matrix.replace(/(Pin manifest \(source of truth\): `)(config\/)/, '$1/Users/d/Projects/App/$2')
  return {
    pin: Buffer.from(`${JSON.stringify(pin, null, 2)}\n`),
    manifest: embedded(MIRROR),
    matrix: Buffer.from(matrix)
  }
}

describe('planMigration', () => {
  it('adds the posture (NO-GO by default) and the posture line, dates the matrix, never touches the mirror', () => {
    const before = preAdoption({ absolutePaths: true })
    const plan = planMigration(baseline, before, { posture: 'NO-GO', today: TODAY })
    expect(plan.blockers).toEqual([])
    expect(plan.changed.sort()).toEqual(['matrix', 'pin'])
    expect(plan.files.manifest).toBe(before.manifest)
    expect(JSON.parse(plan.files.pin!.toString('utf8')).runtime_cutover_posture).toBe('NO-GO')
    const matrix = plan.files.matrix!.toString('utf8')
    expect(matrix).toContain('- Runtime cutover posture: `NO-GO`')
    expect(matrix).toContain('- Pin manifest (source of truth): `config/memorykernel-integration-pin.json`')
    expect(matrix).toContain(`Updated: ${TODAY}`)
    expect(plan.steps).toEqual([
      `${PIN}: runtime_cutover_posture added as NO-GO (GO needs the joint approval of the consumer and producer owners)`,
      `${MATRIX}: Baseline Pin section gains "Runtime cutover posture"; rewrites "Pin manifest (source of truth)" (was \`/Users/d/Projects/App/config/memorykernel-integration-pin.json\`)`,
      `${MATRIX}: Updated: ${TODAY}`
    ])
    // the migrated trio passes every trio rule on that day, and a second plan changes nothing
    const after = trioFromBytes(baseline, plan.files)
    expect(trioRules(after, { baseline, now: new Date(`${TODAY}T12:00:00Z`) })).toEqual([])
    const again = planMigration(baseline, plan.files, { posture: 'GO', today: '2030-01-01' })
    expect([again.changed, again.steps, again.blockers]).toEqual([[], [], []])
  })

  it("adds a missing manifest digest from the mirror's bytes, in the pin's own formatting", () => {
    const before = preAdoption({ digest: false })
    const plan = planMigration(baseline, before, { posture: 'GO', today: TODAY })
    const pin = plan.files.pin!.toString('utf8')
    expect(JSON.parse(pin)).toMatchObject({
      expected_producer_manifest_sha256: sha256(before.manifest),
      runtime_cutover_posture: 'GO'
    })
    // the original lines are untouched; the two fields are appended with the same indentation
    expect(pin.startsWith(before.pin.toString('utf8').replace(/\n}\n$/, ''))).toBe(true)
    expect(pin).toMatch(/\n {2}"runtime_cutover_posture": "GO"\n}\n$/)
  })

  it("a display_name the matrix's named lines do not write: refused, with the name to set; the rules say the same (found by review)", () => {
    // the policy left display_name to its default, the baseline's name: the lines say MemoryKernel
    const unnamed = { ...baseline, display_name: 'memorykernel-2' }
    const plan = planMigration(unnamed, preAdoption(), { posture: 'NO-GO', today: TODAY })
    expect(plan.changed).toEqual([])
    expect(plan.blockers).toEqual([
      `${MATRIX}:11: the Baseline Pin section names the producer "MemoryKernel" ("MemoryKernel repo"), but the policy's display_name is "memorykernel-2" (migrate, health and lkg read those lines by it). If "MemoryKernel" is the producer's name, set display_name to "MemoryKernel" in the policy: the revisions in the history keep their lines, and lkg reads them by it. Rename the lines to "memorykernel-2 ..." only if "MemoryKernel" is a mistake, knowing that earlier revisions keep the old name; then migrate again`
    ])
    // health (and lkg, over every hand-written revision): the fix is the policy's name, not lines added to history
    const findings = trioRules(trioFromBytes(unnamed, preAdoption()), {
      baseline: unnamed,
      now: new Date(`${TODAY}T12:00:00Z`)
    })
    const tag = findings.find((f) => f.rule === 'BG205' && f.message.includes('release tag'))!
    expect(tag.message).toMatch(
      /^the Baseline Pin section has no "memorykernel-2 release tag" line: its "MemoryKernel release tag" line \(line \d+\) names the producer "MemoryKernel", not the policy's display_name "memorykernel-2"\. If "MemoryKernel" is the producer's name, set display_name to "MemoryKernel" in the policy/
    )
    // one cause, said once for each line it leaves missing: no BG208 beside them
    expect(findings.filter((f) => f.rule === 'BG208')).toEqual([])
  })

  it('a "Previous <name> release tag" line above the lines of another name: the name of the most lines is the one to set (found by review)', () => {
    const pay = { ...baseline, display_name: 'Pay' }
    const before = preAdoption()
    before.matrix = Buffer.from(
      before.matrix
        .toString('utf8')
        .replace(/^(- MemoryKernel repo: )/m, '- Previous MemoryKernel release tag: `v0.3.0`\n$1')
    )
    const plan = planMigration(pay, before, { posture: 'NO-GO', today: TODAY })
    expect(plan.blockers).toEqual([
      expect.stringContaining('set display_name to "MemoryKernel" in the policy')
    ])
  })

  it('a name longer than a display_name may be: the advice is to rename the lines, not to set it (found by review)', () => {
    const long = 'MemoryKernel Service of the Payments Platform Team at Example Corp'
    const before = preAdoption()
    before.matrix = Buffer.from(before.matrix.toString('utf8').replace(/^- MemoryKernel /gm, `- ${long} `))
    const plan = planMigration(baseline, before, { posture: 'NO-GO', today: TODAY })
    expect(plan.blockers).toEqual([
      expect.stringContaining(
        `"${long}" is longer than a display_name may be (60 characters): rename the lines to "MemoryKernel ...", knowing that earlier revisions keep the old name; then migrate again`
      )
    ])
  })

  it('a line beside the real ones that merely ends like a named one ("Consumer repo", "Previous ... release tag") names no producer (found by review)', () => {
    const before = preAdoption()
    before.matrix = Buffer.from(
      before.matrix
        .toString('utf8')
        .replace(
          /^(- MemoryKernel repo: .*\n)/m,
          '$1- Consumer repo: `https://github.com/acme/app`\n- Previous MemoryKernel release tag: `v0.3.0`\n'
        )
    )
    const plan = planMigration(baseline, before, { posture: 'NO-GO', today: TODAY })
    expect(plan.blockers).toEqual([])
    const findings = trioRules(trioFromBytes(baseline, plan.files), {
      baseline,
      now: new Date(`${TODAY}T12:00:00Z`)
    })
    expect(findings.filter((f) => f.rule === 'BG208').map((f) => f.message)).toEqual([
      expect.stringMatching(/^"Consumer repo" is not a Baseline Pin line this tool checks/),
      expect.stringMatching(
        /^"Previous MemoryKernel release tag" is not a Baseline Pin line this tool checks/
      )
    ])
  })

  it('refuses, changing nothing, what it cannot do by itself, and says what to do', () => {
    const noMirror = { ...preAdoption(), manifest: null }
    const a = planMigration(baseline, noMirror, { posture: 'NO-GO', today: TODAY })
    expect(a.changed).toEqual([])
    expect(a.blockers).toEqual([
      expect.stringMatching(
        /^there is no mirror config\/memorykernel-producer-manifest\.json: copy the producer's/
      )
    ])
    const noIdentity = preAdoption()
    const pin = JSON.parse(noIdentity.pin.toString('utf8')) as Record<string, unknown>
    delete pin.commit_sha
    const b = planMigration(
      baseline,
      { ...noIdentity, pin: Buffer.from(JSON.stringify(pin)) },
      {
        posture: 'NO-GO',
        today: TODAY
      }
    )
    expect(b.blockers).toEqual([expect.stringContaining('lacks commit_sha: the migration never invents')])
    // a value the matrix cannot state on its line: a line break would write another Baseline Pin line of its own
    const forged = JSON.parse(preAdoption().pin.toString('utf8')) as Record<string, unknown>
    forged.release_tag = `${String(forged.release_tag)}\n- Runtime cutover posture: \`GO\``
    const injected = planMigration(
      baseline,
      { ...preAdoption(), pin: Buffer.from(JSON.stringify(forged)) },
      { posture: 'NO-GO', today: TODAY }
    )
    expect(injected.blockers).toEqual([
      expect.stringMatching(
        /: release_tag holds a line break, a control character or a backtick, which a Baseline Pin line of /
      )
    ])
    expect(injected.changed).toEqual([])
    const notJson = planMigration(
      baseline,
      { ...preAdoption(), pin: Buffer.from('{ nope') },
      {
        posture: 'NO-GO',
        today: TODAY
      }
    )
    expect(notJson.blockers).toEqual([expect.stringContaining('is not a JSON object')])
    const noSection = planMigration(
      baseline,
      { ...preAdoption(), matrix: Buffer.from('# Matrix\n\nUpdated: 2026-01-01\n') },
      { posture: 'NO-GO', today: TODAY }
    )
    expect(noSection.blockers).toEqual([expect.stringContaining('has no `## Baseline Pin` list')])
  })
})

describe('updatedSplice', () => {
  const edit = (text: string) => {
    const ledger = parseLedger(sourceFromBytes('m.md', Buffer.from(text)), 'MemoryKernel')
    return applySplices(text, [updatedSplice(text, ledger, TODAY)])
  }
  it('replaces the date of an Updated line, keeping what follows it', () => {
    expect(edit('# T\n\nUpdated: 2026-02-08 (after the v3 cutover)\n')).toBe(
      `# T\n\nUpdated: ${TODAY} (after the v3 cutover)\n`
    )
  })
  it('adds one under the title when there is none, or at the top without a title; CRLF kept', () => {
    expect(edit('# T\n\nBody.\n')).toBe(`# T\n\nUpdated: ${TODAY}\n\nBody.\n`)
    expect(edit('# T\r\n\r\nBody.\r\n')).toBe(`# T\r\n\r\nUpdated: ${TODAY}\r\n\r\nBody.\r\n`)
    expect(edit('Body.\n')).toBe(`Updated: ${TODAY}\n\nBody.\n`)
    expect(edit('# T')).toBe(`# T\n\nUpdated: ${TODAY}\n`)
  })
})
