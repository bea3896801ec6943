// The adoption pull request (docs/adopting.md §3) through the promotion gate, with the built CLI: a consumer with
// its own layout (trio files renamed, the matrix in docs/integration/) and a hand-made legacy history runs init and
// migrate and commits both in one change. Its base has no policy and nothing where the built-in defaults look, so
// nothing there is governed: the change is judged by the policy it brings (BG709) and passes. The gate used to
// judge the defaults' files, which did not exist, and failed every order of pull requests a new user tried.
// Where the defaults DO describe the base (its trio where they look), a policy brought by a change is not
// believed: it could point the gate at copies.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { requireBuiltCli, runCli } from '../helpers/cli-run.js'
import { cleanupFixtures, MATRIX, PIN, POLICY, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE } from '../helpers/git-repo.js'
import { LEGACY_DEFAULT_PATHS, legacyRepository } from '../helpers/legacy-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

const PATHS = {
  pin: 'config/mk-pin.json',
  manifest: 'config/mk-mirror.json',
  matrix: 'docs/integration/mk-ledger.md'
}

interface Promoted {
  verdict: string
  baselines: {
    findings: { rule: string; severity: string; file: string | null; message: string }[]
    trio_changed: boolean
    classification: string
  }[]
}

const commitAll = (root: string, message: string) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], { cwd: root }) &&
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', message], {
    cwd: root,
    env: {
      ...process.env,
      GIT_COMMITTER_DATE: '2026-03-01T10:00:00Z',
      GIT_AUTHOR_DATE: '2026-03-01T10:00:00Z'
    }
  })

/**
 * A legacy history with the trio at `paths`, init and migrate committed as one change, and the gate on it.
 * `noDigest`: the pin at the base never recorded the manifest's digest (migrate adds it).
 */
function adopted(paths: typeof PATHS, noDigest = false) {
  const legacy = legacyRepository({ paths })
  if (noDigest) {
    const pin = legacy.read(paths.pin).toString()
    const without = pin.replace(/,?\s*"expected_producer_manifest_sha256"\s*:\s*"[0-9a-f]{64}"/, '')
    expect(without).not.toBe(pin)
    legacy.write(paths.pin, without)
    commitAll(legacy.root, 'the pin as it was before its digest')
  }
  const base = legacy.repo.git('rev-parse', 'HEAD').trim()
  expect(runCli(['init'], legacy.root).status).toBe(0)
  expect(runCli(['migrate', '--now', '2026-03-01'], legacy.root).status).toBe(0)
  commitAll(legacy.root, 'adopt baseline-gate')
  const run = runCli(
    ['promote', '--base', base, '--no-suites', '--json', '--now', '2026-03-01T12:00:00Z'],
    legacy.root
  )
  return { run, out: JSON.parse(run.stdout) as Promoted }
}

describe('the adoption pull request of a consumer with its own layout', () => {
  it('init + migrate in one change passes, judged by the policy it brings (BG709), classification none', () => {
    const { run, out } = adopted(PATHS)
    const b = out.baselines[0]!
    expect(b.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect([run.status, out.verdict]).toEqual([0, 'PASS'])
    expect([b.trio_changed, b.classification]).toEqual([true, 'none'])
    const bg709 = b.findings.find((f) => f.rule === 'BG709')
    expect(bg709?.severity).toBe('notice')
    expect(bg709?.message).toContain(
      'the base revision has no policy file (config/baseline-policy.json), and not all the files the built-in defaults name are there'
    )
    expect(b.findings.some((f) => f.rule === 'BG707' || f.rule === 'BG708' || f.rule === 'BG101')).toBe(false)
  })

  it('a legacy pin without the manifest digest, which migrate completes, is the same baseline: PASS, classification none', () => {
    const { run, out } = adopted(PATHS, true)
    const b = out.baselines[0]!
    expect(b.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect([run.status, out.verdict]).toEqual([0, 'PASS'])
    expect([b.trio_changed, b.classification]).toEqual([true, 'none'])
  })

  it('the pin and mirror where the defaults look, the matrix elsewhere: the defaults did not govern the base either', () => {
    const { run, out } = adopted({
      ...LEGACY_DEFAULT_PATHS,
      matrix: 'docs/integration/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
    })
    const b = out.baselines[0]!
    expect(b.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(b.findings.find((f) => f.rule === 'BG709')?.message).toContain(
      '(docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md missing)'
    )
    expect(run.status).toBe(0)
  })

  it('where the defaults describe the base, a policy the change brings is not believed: decoys fail (BG707)', () => {
    const fx = trioFixture({ policy: false })
    const repo = gitRepo(fx)
    const base = repo.commit('the approved baseline, no policy file: the defaults describe it', OLD_DATE)
    for (const file of [PIN, 'config/memorykernel-producer-manifest.json', MATRIX])
      fx.write(`decoy/${file}`, fx.read(file))
    fx.write(PIN, '{ "release_tag": ')
    fx.write(
      POLICY,
      JSON.stringify({
        policy_version: 'baseline-policy.v1',
        baselines: {
          memorykernel: {
            trio: {
              pin: `decoy/${PIN}`,
              manifest: 'decoy/config/memorykernel-producer-manifest.json',
              matrix: `decoy/${MATRIX}`
            }
          }
        }
      })
    )
    repo.commit('a pull request: the pin broken, a policy pointing at copies')
    const run = runCli(['promote', '--base', base, '--no-suites', '--json'], fx.root)
    const out = JSON.parse(run.stdout) as Promoted
    const b = out.baselines[0]!
    expect([run.status, out.verdict]).toEqual([1, 'FAIL'])
    expect(b.findings.some((f) => f.rule === 'BG709')).toBe(false)
    expect(b.findings.some((f) => f.rule === 'BG707')).toBe(true)
    expect(b.findings.some((f) => f.severity === 'error' && f.file === PIN)).toBe(true)
  })
})

// found by the second attacker review: a governed base never gets the adoption treatment
describe('the adoption treatment is never a governed base', () => {
  /**
   * A governed base: the fixture's policy, its trio moved under baseline/ (where the defaults do not look, so that
   * the base could pass for one to adopt), then the `layout` of the case; copies of the trio under decoy/.
   */
  function governed(layout: (fx: ReturnType<typeof trioFixture>) => void) {
    const fx = trioFixture()
    const moved = {
      pin: 'baseline/pin.json',
      manifest: 'baseline/manifest.json',
      matrix: 'baseline/MATRIX.md'
    }
    for (const [from, to] of [
      [PIN, moved.pin],
      ['config/memorykernel-producer-manifest.json', moved.manifest],
      [MATRIX, moved.matrix]
    ] as const) {
      fx.write(to, fx.read(from))
      rmSync(join(fx.root, from))
    }
    fx.editJson(POLICY, (policy) => {
      ;(policy.baselines as Record<string, Record<string, unknown>>).memorykernel!.trio = moved
    })
    layout(fx)
    const repo = gitRepo(fx)
    const base = repo.commit('the approved baseline, governed by its policy', OLD_DATE)
    for (const file of ['pin.json', 'manifest.json', 'MATRIX.md'])
      fx.write(`decoy/baseline/${file}`, fx.read(`baseline/${file}`))
    return { fx, repo, base }
  }
  const decoyPolicy = JSON.stringify({
    policy_version: 'baseline-policy.v1',
    baselines: {
      memorykernel: {
        trio: {
          pin: 'decoy/baseline/pin.json',
          manifest: 'decoy/baseline/manifest.json',
          matrix: 'decoy/baseline/MATRIX.md'
        }
      }
    }
  })
  const evil = (fx: ReturnType<typeof trioFixture>, file: string) =>
    fx.write(file, fx.read(file).replace(/"release_tag": "[^"]*"/, '"release_tag": "v9.9.9"'))
  const verdictOf = (run: { stdout: string; status: number | null }) => {
    const out = JSON.parse(run.stdout) as Promoted
    return {
      status: run.status,
      verdict: out.verdict,
      rules: out.baselines.flatMap((b) => b.findings.map((f) => f.rule))
    }
  }

  it('a policy the change replaces by a link to a decoy is looked up at its own path at the base, not the decoy’s', () => {
    const { fx, repo, base } = governed((fx) => {
      fx.write('shared/policy.json', fx.read(POLICY))
      rmSync(join(fx.root, POLICY))
    })
    evil(fx, 'baseline/pin.json')
    fx.write('decoy/policy.json', decoyPolicy)
    rmSync(join(fx.root, 'shared/policy.json'))
    symlinkSync('../decoy/policy.json', join(fx.root, 'shared/policy.json'))
    repo.commit('the pin moved on; the policy a link to a decoy')
    const v = verdictOf(
      runCli(
        ['promote', '--base', base, '--no-suites', '--json', '--policy', join(fx.root, 'shared/policy.json')],
        fx.root
      )
    )
    expect([v.status, v.verdict]).toEqual([1, 'FAIL'])
    expect(v.rules).not.toContain('BG709')
  })

  it('in a monorepo, a policy above the root replaced by a link to a decoy is looked up at its own path', () => {
    // the consumer in app/ (its marker file there), its policy above it in shared/, given by its absolute path
    const { fx } = governed(() => {})
    const top = tempDir('bg-adopt-monorepo-')
    cpSync(fx.root, join(top, 'app'), { recursive: true })
    rmSync(join(top, 'app', '.git'), { recursive: true, force: true })
    const app = join(top, 'app')
    mkdirSync(join(top, 'shared'))
    writeFileSync(join(top, 'shared/policy.json'), readFileSync(join(app, POLICY)))
    const repo = gitRepo({ root: top })
    const base = repo.commit('the consumer in app/, its policy in shared/', OLD_DATE)
    const pin = join(app, 'baseline/pin.json')
    writeFileSync(pin, readFileSync(pin, 'utf8').replace(/"release_tag": "[^"]*"/, '"release_tag": "v9.9.9"'))
    writeFileSync(join(app, 'decoy/policy.json'), decoyPolicy)
    rmSync(join(top, 'shared/policy.json'))
    symlinkSync('../app/decoy/policy.json', join(top, 'shared/policy.json'))
    repo.commit('the pin moved on; the policy a link to a decoy')
    const v = verdictOf(
      runCli(
        ['promote', '--base', base, '--no-suites', '--json', '--policy', join(top, 'shared/policy.json')],
        app
      )
    )
    expect(v.rules).not.toContain('BG709')
    expect([v.status, v.verdict]).toEqual([1, 'FAIL'])
  })

  it('a policy the base keeps behind a linked directory (config -> cfg) is found at the base', () => {
    const { fx, repo, base } = governed((fx) => {
      renameSync(join(fx.root, 'config'), join(fx.root, 'cfg'))
      symlinkSync('cfg', join(fx.root, 'config'))
    })
    evil(fx, 'baseline/pin.json')
    repo.commit('the pin moved on')
    const v = verdictOf(runCli(['promote', '--base', base, '--no-suites', '--json'], fx.root))
    expect([v.status, v.verdict]).toEqual([1, 'FAIL'])
    expect(v.rules).not.toContain('BG709')
  })

  it('a policy the change adds below the one the base keeps (moving the root of a run from that directory) is not believed', () => {
    const { fx, repo, base } = governed(() => {})
    evil(fx, 'baseline/pin.json')
    fx.write(`app/${POLICY}`, decoyPolicy.replace(/decoy\//g, ''))
    for (const file of ['pin.json', 'manifest.json', 'MATRIX.md'])
      fx.write(`app/baseline/${file}`, fx.read(`decoy/baseline/${file}`))
    repo.commit('the top pin moved on; a policy of its own in app/')
    const v = verdictOf(runCli(['promote', '--base', base, '--no-suites', '--json'], join(fx.root, 'app')))
    expect(v.rules).not.toContain('BG709')
    expect([v.status, v.verdict]).toEqual([1, 'FAIL'])
  })
})

// found by the third attacker review: the root is found from the pull request's checkout, so the change could move it
describe('a change that moves the root is never judged by what it brings', () => {
  /** A monorepo: the consumer in apps/consumer (its policy there), committed as the base. */
  function monorepo() {
    const fx = trioFixture()
    const top = tempDir('bg-root-moves-')
    cpSync(fx.root, join(top, 'apps/consumer'), { recursive: true })
    rmSync(join(top, 'apps/consumer/.git'), { recursive: true, force: true })
    const repo = gitRepo({ root: top })
    const base = repo.commit('the consumer in apps/consumer', OLD_DATE)
    const consumer = join(top, 'apps/consumer')
    const pin = join(consumer, PIN)
    writeFileSync(pin, readFileSync(pin, 'utf8').replace(/"release_tag": "[^"]*"/, '"release_tag": "v9.9.9"'))
    return { top, consumer, repo, base }
  }

  it('deleting the consumer’s policy (the root moves up to the top) fails with BG708, naming the root the base has', () => {
    const { top, consumer, repo, base } = monorepo()
    rmSync(join(consumer, POLICY))
    repo.commit('the pin moved on; the consumer’s policy deleted')
    const run = runCli(['promote', '--root', 'apps/consumer', '--base', base, '--no-suites', '--json'], top)
    const out = JSON.parse(run.stdout) as Promoted
    const bg708 = out.baselines[0]!.findings.find((f) => f.rule === 'BG708')
    expect([run.status, out.verdict]).toEqual([1, 'FAIL'])
    expect(bg708?.message).toContain(
      "the base revision's root is apps/consumer, not the top of the repository"
    )
    expect(bg708?.message).toContain(
      'run the gate from the root the base revision has (--root apps/consumer)'
    )
    expect(out.baselines[0]!.findings.some((f) => f.rule === 'BG709')).toBe(false)
  })

  it('replacing the consumer’s directory by a link to a decoy is refused before anything is judged (exit 2)', () => {
    const { top, consumer, repo, base } = monorepo()
    renameSync(consumer, join(top, 'apps/decoy'))
    symlinkSync('decoy', consumer)
    repo.commit('the consumer a link to a decoy')
    const run = runCli(['promote', '--root', 'apps/consumer', '--base', base, '--no-suites'], top)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('is a symbolic link (to decoy), and a root is never taken through one')
    expect(run.stdout).toBe('')
    // run from inside it (`cd apps/consumer`): the process is in apps/decoy, the shell's $PWD names the link
    const inside = runCli(['promote', '--base', base, '--no-suites'], join(top, 'apps/decoy'), {
      PWD: consumer
    })
    expect([inside.status, inside.stdout]).toEqual([2, ''])
    expect(inside.stderr).toContain(`${consumer} is a symbolic link (to decoy)`)
  })
})
