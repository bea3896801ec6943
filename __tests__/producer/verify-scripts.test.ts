// The producer's verify scripts, run for real. They pass on services/memorykernel itself. On a temporary copy
// mutated in turn, they exit 1 with a FAIL line naming the broken field. Bad usage exits 2.
// The copies share the producer's cargo target directory (CARGO_TARGET_DIR) and keep the file timestamps, so
// only the first run may build anything.
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupFixtures, REPO_ROOT, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const PRODUCER = join(REPO_ROOT, 'services', 'memorykernel')
const TARGET = join(PRODUCER, 'target')
const MANIFEST = 'contracts/integration/v1/producer-contract-manifest.json'
const PUBLISHED = 'docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json'
const MANIFEST_SCRIPT = 'scripts/verify_producer_contract_manifest.sh'
const HANDOFF_SCRIPT = 'scripts/verify_producer_handoff_payload.sh'
/** A cold cargo build happens inside the first script run. */
const SCRIPT_TIMEOUT_MS = 240_000
const TEST_TIMEOUT_MS = 300_000

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function run(root: string, script: string, args: string[] = []): Run {
  const result = spawnSync('bash', [join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: SCRIPT_TIMEOUT_MS,
    env: { ...process.env, CARGO_TARGET_DIR: TARGET, CARGO_NET_OFFLINE: 'true' }
  })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function failLines(r: Run): string[] {
  return r.stderr.split('\n').filter((line) => line.startsWith('FAIL: '))
}

/** A copy of the producer without target/, timestamps kept (so cargo sees nothing to rebuild). */
function producerCopy(): string {
  const root = join(tempDir('bg-producer-'), 'memorykernel')
  cpSync(PRODUCER, root, { recursive: true, preserveTimestamps: true, filter: (src) => src !== TARGET })
  return root
}

function editJson(root: string, rel: string, edit: (value: Record<string, unknown>) => void): void {
  const file = join(root, rel)
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  edit(value)
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
}

describe('the producer verify scripts', () => {
  it(
    'pass on the repository producer',
    () => {
      for (const script of [MANIFEST_SCRIPT, HANDOFF_SCRIPT]) {
        const r = run(PRODUCER, script)
        expect({ script, status: r.status, fails: failLines(r) }).toEqual({ script, status: 0, fails: [] })
        expect(r.stdout).toMatch(/^\[check\] /m)
        expect(r.stdout).toMatch(/checks passed\.$/m)
      }
    },
    TEST_TIMEOUT_MS
  )

  const mutations: Array<{
    name: string
    script: string
    file: string
    mutate: (root: string) => void
    field: RegExp
  }> = [
    {
      name: 'manifest expected_service_contract_version changed',
      script: MANIFEST_SCRIPT,
      file: MANIFEST,
      mutate: (root) =>
        editJson(root, MANIFEST, (m) => {
          m.expected_service_contract_version = 'service.v999'
        }),
      field: /at \.expected_service_contract_version\): expected "service\.v\d+".*got "service\.v999"/
    },
    {
      name: 'an error code removed from the manifest',
      script: MANIFEST_SCRIPT,
      file: MANIFEST,
      mutate: (root) =>
        editJson(root, MANIFEST, (m) => {
          m.error_code_enum = (m.error_code_enum as string[]).filter((code) => code !== 'write_failed')
        }),
      field: /at \.error_code_enum\): expected "write_failed" present, got absent/
    },
    {
      name: "the published payload's release_tag changed",
      script: HANDOFF_SCRIPT,
      file: PUBLISHED,
      mutate: (root) =>
        editJson(root, PUBLISHED, (p) => {
          p.release_tag = 'v9.9.9'
        }),
      field: /at \.release_tag\): expected "v\d+\.\d+\.\d+".*got "v9\.9\.9"/
    },
    {
      name: 'an absolute path planted in the published payload',
      script: HANDOFF_SCRIPT,
      file: PUBLISHED,
      mutate: (root) =>
        editJson(root, PUBLISHED, (p) => {
          p.manifest_path = `/home/runner/work/memorykernel/${MANIFEST}`
        }),
      field: /^FAIL: absolute .* at \.manifest_path\): expected relative paths only, got "\/home\/runner/
    },
    {
      name: 'a key removed from the published payload',
      script: HANDOFF_SCRIPT,
      file: PUBLISHED,
      mutate: (root) =>
        editJson(root, PUBLISHED, (p) => {
          delete p.consumer_impact_statement_template
        }),
      field:
        /^FAIL: required key consumer_impact_statement_template missing .* at \.consumer_impact_statement_template\)/
    }
  ]

  it.each(mutations)(
    'fail with exit 1 when $name',
    ({ script, file, mutate, field }) => {
      const root = producerCopy()
      mutate(root)
      const r = run(root, script)
      expect(r.status).toBe(1)
      const fails = failLines(r)
      expect(fails.length).toBeGreaterThan(0)
      // The line names the file and the field, and every FAIL line has the documented shape.
      expect(fails.filter((line) => line.includes(`(${file} at `) && field.test(line))).not.toEqual([])
      for (const line of fails) expect(line).toMatch(/^FAIL: .+ \(.+\): expected .+, got .+$/)
      expect(r.stdout).toMatch(/^\[check\] /m)
    },
    TEST_TIMEOUT_MS
  )

  it(
    'report every failure instead of stopping at the first',
    () => {
      const root = producerCopy()
      editJson(root, PUBLISHED, (p) => {
        p.commit_sha = '0000000000000000000000000000000000000000'
        delete p.verification_commands
      })
      const r = run(root, HANDOFF_SCRIPT)
      expect(r.status).toBe(1)
      const fails = failLines(r).join('\n')
      expect(fails).toMatch(/at \.commit_sha\)/)
      expect(fails).toMatch(/required key verification_commands missing/)
      // Every [check] group still ran.
      expect(r.stdout).toMatch(/\[check\] CHANGELOG\.md/)
    },
    TEST_TIMEOUT_MS
  )

  it('exit 2 on bad usage and 0 on --help', () => {
    for (const script of [MANIFEST_SCRIPT, HANDOFF_SCRIPT]) {
      for (const args of [['--bogus'], ['--memorykernel-root'], ['--memorykernel-root', '/nonexistent/mk']]) {
        const r = run(PRODUCER, script, args)
        expect({ script, args, status: r.status }).toEqual({ script, args, status: 2 })
        expect(r.stderr).not.toBe('')
      }
      const help = run(PRODUCER, script, ['--help'])
      expect(help.status).toBe(0)
      expect(help.stdout).toMatch(/^Usage: /)
    }
  })

  // .ci/run installs shellcheck; on a developer machine without it the lint cannot run, and says so
  const shellcheck = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' })
  const hasShellcheck = !shellcheck.error && shellcheck.status === 0
  it('are shellcheck-clean (in CI shellcheck must be installed)', () => {
    if (!hasShellcheck) {
      expect(process.env.CI).not.toBe('true')
      console.warn('shellcheck is not on PATH: the producer scripts were not linted (CI installs it)')
      return
    }
    const shellFiles = (dir: string) =>
      readdirSync(join(PRODUCER, dir))
        .filter((name) => name.endsWith('.sh'))
        .map((name) => join(dir, name))
    const scripts = [...shellFiles('scripts'), ...shellFiles('scripts/lib')]
    expect(scripts.length).toBeGreaterThanOrEqual(4)
    // -x: follow the `source` of scripts/lib, so the shared helpers are linted in context
    const r = spawnSync('shellcheck', ['-x', ...scripts], { cwd: PRODUCER, encoding: 'utf8' })
    expect({ status: r.status, output: r.stdout + r.stderr }).toEqual({ status: 0, output: '' })
  })
})
