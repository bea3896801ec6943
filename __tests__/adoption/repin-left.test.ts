// repin brings the trio along and says exactly what else must name the release before the promotion can pass:
// the producer's handoff payload (with the command the policy gives to regenerate it) and every file of
// repin.mentions (the producer's CHANGELOG); the command line exits 1 until nothing is left.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import inc from 'semver/functions/inc.js'
import { runRepin } from '../../src/operations/repin.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { requireBuiltCli, runCli } from '../helpers/cli-run.js'
import {
  cleanupFixtures,
  HANDOFF,
  PIN,
  PRODUCER,
  PRODUCER_MANIFEST,
  REPO_ROOT,
  trioFixture
} from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

/** The embedded default's tag, and the next minor release (derived from the trio, never written down). */
const CURRENT = (JSON.parse(readFileSync(join(REPO_ROOT, PIN), 'utf8')) as { release_tag: string })
  .release_tag
const NEXT = `v${inc(CURRENT.slice(1), 'minor')!}`
const CHANGELOG = `${PRODUCER}/CHANGELOG.md`
const REGENERATE = `(cd ${PRODUCER} && bash scripts/generate_producer_handoff_payload.sh --mode stable --out-json docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json)`

/** The producer's manifest names the next release; its handoff and changelog are left as they were. */
function manifestOnlyRelease(): Fixture {
  const fx = trioFixture()
  fx.write('package.json', '{ "name": "consumer", "version": "0.2.0" }\n')
  fx.write(CHANGELOG, `# Changelog\n\n## [${CURRENT}]\n`)
  fx.editJson(PRODUCER_MANIFEST, (m) => {
    m.release_tag = NEXT
    m.commit_sha = 'b'.repeat(40)
  })
  return fx
}

const repin = (fx: Fixture) =>
  runRepin(
    { root: fx.root, clock: () => new Date() },
    selectBaselines(loadPolicy({ root: fx.root }), undefined)[0]!
  )

describe('repin: what else names the release', () => {
  it('writes the trio, then lists the stale handoff (with the command to regenerate it) and the changelog', () => {
    const fx = manifestOnlyRelease()
    const r = repin(fx)
    expect([r.status, r.to?.release_tag]).toEqual(['repinned', NEXT])
    expect(r.left).toEqual([
      // paths and the command between backticks: inline code in the repin pull request's checklist
      `the producer's handoff payload \`${HANDOFF}\` names ${CURRENT}, not ${NEXT} (the promotion fails on it: BG304): regenerate it: \`${REGENERATE}\``,
      `\`${CHANGELOG}\` does not mention ${NEXT}: add the release's entry (\`repin.mentions\`)`
    ])
    // a second run writes nothing more, and still says what is left
    const again = repin(fx)
    expect([again.status, again.left]).toEqual(['unchanged', r.left])
  })

  it('the command line exits 1 while something is left, 0 once the producer release is complete', () => {
    const fx = manifestOnlyRelease()
    const first = runCli(['repin'], fx.root)
    expect(first.status).toBe(1)
    expect(first.stdout).toContain('left to do before the pull request is complete:')
    // the first line says it too: exit 1 is no success (found by review)
    expect(first.stdout.split('\n')[0]).toMatch(
      /: repinned \S+ -> \S+; wrote .*; 2 things left to do \(below\)$/
    )
    expect(first.stdout).toContain(REGENERATE)
    expect(first.stdout).not.toContain('relative to the repository root')
    // from a subdirectory, the command to copy is the root's: said, with where to run it
    const sub = runCli(['repin'], join(fx.root, 'docs'))
    expect(sub.stdout).toContain(
      `  (paths and commands below are relative to the repository root: cd ${fx.root} first)\n  - the producer's handoff payload`
    )
    // the producer finishes its release: the handoff names it, the changelog has its entry
    fx.editJson(HANDOFF, (h) => {
      h.release_tag = NEXT
      h.commit_sha = 'b'.repeat(40)
      ;(h.active_runtime_baseline as Record<string, string>).release_tag = NEXT
      ;(h.active_runtime_baseline as Record<string, string>).commit_sha = 'b'.repeat(40)
    })
    fx.write(CHANGELOG, `# Changelog\n\n## [${NEXT}]\n\n## [${CURRENT}]\n`)
    const done = runCli(['repin'], fx.root)
    expect([done.status, done.stderr]).toEqual([0, ''])
    expect(done.stdout).toBe(
      `memorykernel: already pinned to the producer's release ${NEXT}; the trio needs nothing\n`
    )
  })
})
