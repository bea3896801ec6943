// baseline-gate init on real git repositories: the legacy consumer (its own layout, an old trio), this repository
// itself (dry run), renamed trio files; the refusal without --force, --force, --dry-run writing nothing,
// idempotence, and the written policy loading and passing the adapter rules health runs.
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { runMain } from '../helpers/cli-in-process.js'
import type { InitItem, PolicyDocument } from '../../src/adopt/propose.js'
import { runInit } from '../../src/operations/init.js'
import { loadPolicy } from '../../src/policy/load.js'
import { cleanupFixtures, health, POLICY, REPO_ROOT, tempDir } from '../helpers/fixture.js'
import { gitRepo } from '../helpers/git-repo.js'
import {
  LEGACY_ADAPTER,
  LEGACY_DEFAULT_PATHS,
  LEGACY_HANDOFF,
  LEGACY_PRODUCER,
  LEGACY_PRODUCER_MANIFEST,
  legacyRepository
} from '../helpers/legacy-repo.js'

afterAll(cleanupFixtures)

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** The command line in process (parse, root, operation, rendering), the way a user runs it. */
async function cli(args: string[], cwd: string): Promise<Run> {
  const { status: code, stdout, stderr } = await runMain(args, cwd)
  return { code, stdout, stderr }
}

/** Every path under `dir` (.git included) with its size, and the SHA-256 of each file: what a write would change. */
function snapshot(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name)
      const st = statSync(abs)
      if (st.isDirectory()) {
        out.push(`${relative(dir, abs)}/`)
        walk(abs)
      } else out.push(`${relative(dir, abs)} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`)
    }
  }
  walk(dir)
  return out
}

function written(root: string): PolicyDocument {
  return JSON.parse(readFileSync(join(root, POLICY), 'utf8')) as PolicyDocument
}

describe('init on the legacy consumer repository (its own layout, a trio from before adoption)', () => {
  const legacy = legacyRepository()
  let run: Run

  it('writes a policy (exit 0) and says where', async () => {
    run = await cli(['init'], legacy.root)
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toContain(`Wrote ${POLICY}`)
  })

  it('finds the trio at the default paths, the display name, the producer and its binary by its package', () => {
    const b = written(legacy.root).baselines.memorykernel!
    expect(Object.keys(written(legacy.root).baselines)).toEqual(['memorykernel'])
    expect(b.trio).toEqual(LEGACY_DEFAULT_PATHS)
    expect(b.display_name).toBe('MemoryKernel')
    expect(b.producer).toMatchObject({
      root: LEGACY_PRODUCER,
      manifest: 'contracts/integration/v1/producer-contract-manifest.json',
      handoff: LEGACY_HANDOFF.slice(LEGACY_PRODUCER.length + 1),
      start: {
        run: [
          'cargo',
          'run',
          '--quiet',
          '--locked',
          '-p',
          'memory-kernel-service',
          '--bin',
          'memory-kernel-service',
          '--',
          '--bind',
          '127.0.0.1:{port}'
        ],
        cwd: '{producer_root}'
      }
    })
  })

  it('finds the Rust adapter with the 3 endpoints it names, and scans both languages', () => {
    expect(written(legacy.root).baselines.memorykernel!.adapter).toEqual({
      file: LEGACY_ADAPTER,
      endpoints: ['/v1/health', '/v1/db/schema-version', '/v1/query/ask'],
      // the producer's endpoint the consumer does not call: the adapter need not name it, no other file may
      unused: ['/v1/ready'],
      scan: ['src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', 'src-tauri/src/**/*.rs'],
      exclude: []
    })
    expect(run.stdout).toContain(`adapter.file  ${LEGACY_ADAPTER}`)
    expect(run.stdout).toContain('names 3 of the 4 producer endpoints')
  })

  it('pnpm steps for the scripts package.json has; the missing ones are undecided', () => {
    const b = written(legacy.root).baselines.memorykernel!
    expect(b.suites!.consumer!.map((s) => s.run)).toEqual([
      ['pnpm', 'run', 'typecheck'],
      ['pnpm', 'run', 'test'],
      ['pnpm', 'run', 'test:ci']
    ])
    expect(run.stdout).toMatch(/no "test:governance-negative" script/)
    expect(run.stdout).toMatch(/no "test:contract" script/)
    expect(b.suites!.producer!.map((s) => s.name)).toEqual([
      'cargo fmt',
      'cargo clippy',
      'cargo test',
      'verify producer contract manifest'
    ])
  })

  it('repin: the changelog mention and the handoff script', () => {
    expect(written(legacy.root).baselines.memorykernel!.repin).toEqual({
      mentions: ['{producer_root}/CHANGELOG.md'],
      handoff: {
        run: [
          'bash',
          'scripts/generate_producer_handoff_payload.sh',
          '--mode',
          'stable',
          '--out-json',
          'docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json'
        ],
        cwd: '{producer_root}'
      }
    })
  })

  it('says what it could not decide: --bind, the lockfile, the schemas, the owners; and that migrate comes next', () => {
    const undecided = run.stdout.slice(run.stdout.indexOf('Could not decide'), run.stdout.indexOf('Notes'))
    expect(undecided).toMatch(/never mention --bind/)
    expect(undecided).toMatch(/no Cargo\.lock/)
    expect(undecided).toMatch(/producer\.probe\.schemas/)
    expect(undecided).toMatch(/no CODEOWNERS.*\n.*a change of the posture to GO/)
    expect(run.stdout).toMatch(
      /Next steps\n.*review config\/baseline-policy\.json.*\n.*baseline-gate migrate: .*no runtime_cutover_posture.*\n.*baseline-gate health/
    )
  })

  it('the written policy loads, and health finds the trio, the producer files and a clean adapter boundary', async () => {
    const policy = loadPolicy({ root: legacy.root })
    expect(policy.source).toBe('file')
    const result = await health(legacy.root)
    const rules = result.baselines.flatMap((b) => b.findings.map((f) => f.rule))
    for (const rule of ['BG101', 'BG102', 'BG302', 'BG303', 'BG601', 'BG602', 'BG603', 'BG604'])
      expect(rules).not.toContain(rule)
  })
})

describe('init on this repository (dry run)', () => {
  it('agrees with config/baseline-policy.json on the trio, the producer, its binary and the adapter', async () => {
    const before = readFileSync(join(REPO_ROOT, POLICY))
    const o = await runInit(REPO_ROOT, { dryRun: true, force: false })
    expect(readFileSync(join(REPO_ROOT, POLICY)).equals(before)).toBe(true)
    if (o.status !== 'dry-run') throw new Error(`expected a dry run, got ${o.status}`)
    const ours = (JSON.parse(before.toString('utf8')) as PolicyDocument).baselines.memorykernel!
    const b = o.proposal.document!.baselines.memorykernel!
    expect(o.existed).toBe(true)
    expect(b.trio).toEqual(ours.trio)
    expect(b.display_name).toBe(ours.display_name)
    expect([b.producer!.root, b.producer!.manifest, b.producer!.handoff]).toEqual([
      ours.producer!.root,
      ours.producer!.manifest,
      ours.producer!.handoff
    ])
    const run = b.producer!.start!.run
    expect(run[run.indexOf('--bin') + 1]).toBe('memorykernel-service')
    expect(b.adapter).toMatchObject({
      file: 'src/producer/endpoints.ts',
      scan: ours.adapter!.scan,
      exclude: ours.adapter!.exclude
    })
    expect(
      o.proposal.undecided.filter((u) => u.field.startsWith('adapter') || u.field.startsWith('trio'))
    ).toEqual([])
  })
})

describe('init: the trio and the producer manifest kept byte for byte (.gitattributes -text)', () => {
  const advice = async (root: string) =>
    (await runInit(root, { dryRun: true, force: false })) as Extract<
      Awaited<ReturnType<typeof runInit>>,
      { status: 'dry-run' }
    >

  it('without attributes: the four files and the exact lines to add; once added (or binary), nothing', async () => {
    const legacy = legacyRepository()
    const files = [...Object.values(LEGACY_DEFAULT_PATHS), LEGACY_PRODUCER_MANIFEST]
    const item = (o: { proposal: { undecided: InitItem[] } }) =>
      o.proposal.undecided.filter((u) => u.path === '.gitattributes')
    const before = item(await advice(legacy.root))
    expect(before).toEqual([
      expect.objectContaining({
        baseline: 'memorykernel',
        field: 'trio',
        message: expect.stringContaining('core.autocrlf=true') as unknown,
        todo: `add to .gitattributes, and commit it: ${files.map((f) => `${f} -text`).join('; ')}`
      })
    ])
    // text=auto converts on such a checkout; a later -text (or binary) unsets it, as git check-attr says
    legacy.write(
      '.gitattributes',
      `* text=auto\n${files
        .slice(1)
        .map((f) => `${f} -text`)
        .join('\n')}\n${files[0]} binary\n`
    )
    expect(item(await advice(legacy.root))).toEqual([])
    legacy.write('.gitattributes', `${files.map((f) => `${f} -text`).join('\n')}\n* text=auto\n`)
    expect(item(await advice(legacy.root))[0]!.todo).toContain(`${files[0]} -text; `)
  })
})

describe('init from a subdirectory: every path on one base, the root', () => {
  it('the policy to review and the pin to migrate both as the root has them, and a line that says so', async () => {
    const legacy = legacyRepository()
    const r = await cli(['init', '--dry-run'], join(legacy.root, 'src'))
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[1]).toBe(
      `(files here are relative to the repository root, ${legacy.root}, where the policy goes; init looked for the consumer from this directory, and the commands below run from here as well)`
    )
    expect(r.stdout).toContain(`1. run npx --no baseline-gate init without --dry-run to write ${POLICY}`)
    expect(r.stdout).toContain(`2. npx --no baseline-gate migrate: ${LEGACY_DEFAULT_PATHS.pin} has no`)
    expect(r.stdout).not.toContain('../')
    // at the root, no such line
    expect((await cli(['init', '--dry-run'], legacy.root)).stdout).not.toContain(
      'relative to the repository root'
    )
  })
})

describe('init finds renamed trio files by content', () => {
  it('config/mk-pin.json, config/mk-mirror.json, docs/mk-ledger.md: named after the producer directory', async () => {
    const paths = {
      pin: 'config/mk-pin.json',
      manifest: 'config/mk-mirror.json',
      matrix: 'docs/mk-ledger.md'
    }
    const legacy = legacyRepository({ paths })
    const r = await cli(['init', '--json'], legacy.root)
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { written: boolean; policy: PolicyDocument }
    expect(doc.written).toBe(true)
    expect(Object.keys(doc.policy.baselines)).toEqual(['memorykernel'])
    expect(doc.policy.baselines.memorykernel!.trio).toEqual(paths)
    expect(written(legacy.root)).toEqual(doc.policy)
    expect(loadPolicy({ root: legacy.root }).baselines[0]!.trio).toEqual(paths)
  })
})

describe('a producer vendored under vendor/', () => {
  it('is found, its binary by its package too; vendored files are never taken for the trio (found by review: init said no workspace held the manifest)', async () => {
    const legacy = legacyRepository()
    legacy.repo.git('mv', 'services', 'vendor')
    // a vendored crate of someone else's, and a pin-shaped file in it, are not ours
    legacy.write('vendor/some-crate/Cargo.toml', '[package]\nname = "some-crate"\nversion = "1.0.0"\n')
    legacy.write('vendor/some-crate/pin.json', legacy.read(LEGACY_DEFAULT_PATHS.pin).toString())
    legacy.repo.commit('vendor the producer')
    const r = await cli(['init', '--json'], legacy.root)
    expect(r.code).toBe(0)
    const b = (JSON.parse(r.stdout) as { policy: PolicyDocument }).policy.baselines.memorykernel!
    expect(b.trio).toEqual(LEGACY_DEFAULT_PATHS)
    expect(b.producer).toMatchObject({
      root: LEGACY_PRODUCER.replace(/^services/, 'vendor'),
      manifest: 'contracts/integration/v1/producer-contract-manifest.json',
      start: {
        run: expect.arrayContaining(['-p', 'memory-kernel-service', '--bin', 'memory-kernel-service'])
      }
    })
  })
})

describe('never overwrites without --force; --dry-run writes nothing', () => {
  it('refuses an existing policy (exit 2, one line naming --force and --dry-run) and leaves it byte for byte', async () => {
    const legacy = legacyRepository()
    const mine = '{ "policy_version": "baseline-policy.v1", "baselines": { "mine": {} } }'
    legacy.write(POLICY, mine)
    const r = await cli(['init'], legacy.root)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/already exists; --force overwrites it, --dry-run shows/)
    expect(legacy.read(POLICY).toString('utf8')).toBe(mine)
  })

  it('--force overwrites it with the proposal', async () => {
    const legacy = legacyRepository()
    legacy.write(POLICY, '{}\n')
    const r = await cli(['init', '--force'], legacy.root)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/replaced the existing file/)
    expect(Object.keys(written(legacy.root).baselines)).toEqual(['memorykernel'])
  })

  it('--dry-run prints the file and changes nothing at all (not even a directory)', async () => {
    const legacy = legacyRepository()
    const before = snapshot(legacy.root)
    const r = await cli(['init', '--dry-run'], legacy.root)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /Would write config\/baseline-policy\.json \(dry run: nothing written\):\n\n\{\n {2}"policy_version": "baseline-policy\.v1"/
    )
    expect(snapshot(legacy.root)).toEqual(before)
    expect(existsSync(join(legacy.root, POLICY))).toBe(false)
  })

  it('--dry-run over an existing policy shows the file, leaves the existing one alone', async () => {
    const legacy = legacyRepository()
    legacy.write(POLICY, '{}\n')
    const r = await cli(['init', '--dry-run', '--json'], legacy.root)
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { written: boolean; dry_run: boolean; existed: boolean }
    expect([doc.written, doc.dry_run, doc.existed]).toEqual([false, true, true])
    expect(legacy.read(POLICY).toString('utf8')).toBe('{}\n')
  })

  it('refuses to write through a config/ that leads out of the repository', async () => {
    const outside = tempDir('bg-outside-')
    const root = tempDir('bg-escape-')
    gitRepo({ root })
    writeFileSync(join(root, 'package.json'), '{}\n')
    symlinkSync(outside, join(root, 'config'))
    const r = await cli(['init'], root)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/outside the repository/)
    expect(readdirSync(outside)).toEqual([])
  })
})

describe('idempotence', () => {
  it('a second run on the unchanged repository proposes the identical bytes (and the dry run shows them)', async () => {
    const legacy = legacyRepository()
    expect((await cli(['init'], legacy.root)).code).toBe(0)
    const first = legacy.read(POLICY)
    expect((await cli(['init', '--force'], legacy.root)).code).toBe(0)
    expect(legacy.read(POLICY).equals(first)).toBe(true)
    const dry = await runInit(legacy.root, { dryRun: true, force: false })
    expect(dry.status === 'dry-run' && dry.text).toBe(first.toString('utf8'))
    expect(first.toString('utf8')).toMatch(/^\{\n {2}"policy_version": "baseline-policy\.v1",\n[\s\S]*\}\n$/)
    expect(first.toString('utf8')).not.toContain('$schema')
  })
})

describe('no trio anywhere', () => {
  it('exit 1, says what it looked for, writes nothing', async () => {
    const root = tempDir('bg-no-trio-')
    const repo = gitRepo({ root })
    writeFileSync(join(root, 'package.json'), '{ "name": "app" }\n')
    mkdirSync(join(root, 'src'))
    writeFileSync(join(root, 'src', 'app.ts'), 'export {}\n')
    repo.commit('app')
    const r = await cli(['init'], root)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      /no pin found: no JSON file .* holds release_tag, commit_sha, expected_service_contract_version and expected_api_contract_version/
    )
    expect(r.stdout).toMatch(/No trio found \(2 files looked at: 1 JSON/)
    expect(existsSync(join(root, 'config'))).toBe(false)
    const json = await cli(['init', '--json'], root)
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ written: false, policy: null })
  })
})

describe('a consumer in a directory of a monorepo, with its own Cargo workspace there', () => {
  const APP = 'apps/helpdesk'
  /** The legacy consumer moved to apps/helpdesk, with a Cargo workspace for its Rust crate; another app at the top. */
  function monorepo(withProducer: boolean): string {
    const legacy = legacyRepository()
    const root = tempDir('bg-mono-')
    const repo = gitRepo({ root })
    cpSync(legacy.root, join(root, APP), {
      recursive: true,
      filter: (src) =>
        relative(legacy.root, src) !== '.git' && (withProducer || relative(legacy.root, src) !== 'services')
    })
    writeFileSync(join(root, APP, 'Cargo.toml'), '[workspace]\nresolver = "2"\nmembers = ["src-tauri"]\n')
    mkdirSync(join(root, 'apps', 'billing'))
    writeFileSync(join(root, 'apps', 'billing', 'index.ts'), 'export const bill = 1\n')
    writeFileSync(join(root, 'package.json'), '{ "name": "mono", "private": true }\n')
    repo.commit('monorepo')
    return root
  }
  const prefixed = Object.fromEntries(
    Object.entries(LEGACY_DEFAULT_PATHS).map(([k, v]) => [k, `${APP}/${v}`])
  )
  const policyOf = (r: Run) => {
    expect([r.code, r.stderr]).toEqual([0, ''])
    return (JSON.parse(r.stdout) as { policy: PolicyDocument }).policy.baselines.memorykernel!
  }

  it('finds the trio, and the producer below it, from the app, with --root, and from the top', async () => {
    const root = monorepo(true)
    for (const [args, cwd] of [
      [['init', '--dry-run', '--json'], join(root, APP)],
      [['init', '--dry-run', '--json', '--root', APP], root],
      [['init', '--dry-run', '--json'], root]
    ] as const) {
      const b = policyOf(await cli([...args], cwd))
      expect(b.trio).toEqual(prefixed)
      expect(b.producer?.root).toBe(`${APP}/${LEGACY_PRODUCER}`)
      expect(b.adapter?.file).toBe(`${APP}/${LEGACY_ADAPTER}`)
    }
  })

  it('without the producer checked in: the app is never taken for one (from the app)', async () => {
    const root = monorepo(false)
    const b = policyOf(await cli(['init', '--dry-run', '--json'], join(root, APP)))
    expect(b.trio).toEqual(prefixed)
    expect(b.producer?.root).toBeUndefined()
    // from the top, the app's workspace holding the only manifest looks like a producer: init says why no pin
    const top = await cli(['init', '--dry-run'], root)
    expect(top.code).toBe(1)
    expect(top.stdout).toContain(
      `${APP}/${LEGACY_DEFAULT_PATHS.pin}: left out: inside the producer in ${APP} (taken for the producer's own); if it is the consumer's pin, run init from the consumer's directory`
    )
  })
})
