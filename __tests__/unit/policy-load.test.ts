import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { PolicyError } from '../../src/policy/types.js'
import type { Policy } from '../../src/policy/types.js'
import { DISPLAY_NAME_MAX } from '../../src/policy/defaults.js'
import { cleanupFixtures, REPO_ROOT, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const POLICY = 'config/baseline-policy.json'

function repo(files: Record<string, string | Buffer> = {}): string {
  const root = tempDir('bg-policy-')
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), content)
  }
  return root
}

function policyText(baselines: Record<string, unknown>): string {
  return `${JSON.stringify({ policy_version: 'baseline-policy.v1', baselines }, null, 2)}\n`
}

/** The PolicyError loadPolicy throws (fails the test when it does not throw one). */
function policyError(run: () => unknown): PolicyError {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError)
    return e as PolicyError
  }
  throw new Error('expected a PolicyError, nothing was thrown')
}

describe('defaults (no policy file)', () => {
  it('derives one memorykernel baseline from the name', () => {
    const policy = loadPolicy({ root: repo() })
    expect(policy.source).toBe('defaults')
    expect(policy.path).toBeNull()
    expect(policy.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(policy.baselines).toHaveLength(1)
    const b = policy.baselines[0]!
    expect(b.name).toBe('memorykernel')
    expect(b.display_name).toBe('memorykernel')
    expect(b.trio).toEqual({
      pin: 'config/memorykernel-integration-pin.json',
      manifest: 'config/memorykernel-producer-manifest.json',
      matrix: 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
    })
    expect(b.producer.root).toBe('services/memorykernel')
    expect(b.suites.consumer.map((s) => s.run[0])).toEqual(['npm', 'npm', 'npm', 'npm', 'npm'])
  })

  it.each([
    ['pnpm-lock.yaml', ['pnpm', 'run', 'typecheck']],
    ['yarn.lock', ['yarn', 'run', 'typecheck']],
    ['package-lock.json', ['npm', 'run', 'typecheck']]
  ])('with %s the consumer suite runs %j', (lockfile, first) => {
    const policy = loadPolicy({ root: repo({ [lockfile]: '' }) })
    const consumer = policy.baselines[0]!.suites.consumer
    expect(consumer[0]!.run).toEqual(first)
    for (const step of consumer) {
      expect(step.run[0]).toBe(first[0])
      expect(step.run.slice(1, 2)).toEqual(['run'])
    }
    // the producer suite is cargo whatever the consumer's package manager
    expect(policy.baselines[0]!.suites.producer[0]!.run[0]).toBe('cargo')
  })

  it('the defaults digest changes with what they resolve to', () => {
    const npm = loadPolicy({ root: repo() })
    const pnpm = loadPolicy({ root: repo({ 'pnpm-lock.yaml': '' }) })
    expect(loadPolicy({ root: repo() }).sha256).toBe(npm.sha256)
    expect(pnpm.sha256).not.toBe(npm.sha256)
  })

  it('pnpm is detected with a policy file too', () => {
    const policy = loadPolicy({
      root: repo({ 'pnpm-lock.yaml': '', [POLICY]: policyText({ memorykernel: {} }) })
    })
    expect(policy.baselines[0]!.suites.consumer.every((s) => s.run[0] === 'pnpm')).toBe(true)
  })
})

describe('merging a policy file over the defaults', () => {
  it('a policy giving only trio.pin keeps every other default', () => {
    const text = policyText({ memorykernel: { trio: { pin: 'cfg/pin.json' } } })
    const root = repo({ [POLICY]: text })
    const policy = loadPolicy({ root })
    const defaults = loadPolicy({ root: repo() }).baselines[0]!
    expect(policy.source).toBe('file')
    expect(policy.path).toBe(POLICY)
    expect(policy.sha256).toBe(createHash('sha256').update(text).digest('hex'))
    expect(policy.baselines[0]).toEqual({ ...defaults, trio: { ...defaults.trio, pin: 'cfg/pin.json' } })
  })

  it('a path or a glob with a control character (a newline would split a request to git) is refused where it stands', () => {
    for (const [field, value] of [
      ['trio', { pin: 'config/x\ny.json' }],
      ['adapter', { scan: ['src/**/*\t.ts'] }]
    ] as const) {
      const root = repo({ [POLICY]: policyText({ memorykernel: { [field]: value } }) })
      const e = policyError(() => loadPolicy({ root }))
      expect(e.message).toMatch(new RegExp(`^${POLICY}:\\d+:\\d+: .*${field}.*control character`))
    }
  })

  it('a second baseline named billing gets its own derived paths', () => {
    const policy = loadPolicy({
      root: repo({ [POLICY]: policyText({ memorykernel: { display_name: 'MemoryKernel' }, billing: {} }) })
    })
    expect(policy.baselines.map((b) => [b.name, b.display_name])).toEqual([
      ['memorykernel', 'MemoryKernel'],
      ['billing', 'billing']
    ])
    expect(policy.baselines[1]!.trio).toEqual({
      pin: 'config/billing-integration-pin.json',
      manifest: 'config/billing-producer-manifest.json',
      matrix: 'docs/BILLING_COMPATIBILITY_MATRIX.md'
    })
    expect(policy.baselines[1]!.producer.root).toBe('services/billing')
  })

  it('a dashed name becomes an underscored matrix name', () => {
    const policy = loadPolicy({ root: repo({ [POLICY]: policyText({ 'billing-core': {} }) }) })
    expect(policy.baselines[0]!.trio.matrix).toBe('docs/BILLING_CORE_COMPATIBILITY_MATRIX.md')
  })

  it('objects merge field by field; arrays given replace the defaults; steps get their defaults', () => {
    const policy = loadPolicy({
      root: repo({
        [POLICY]: policyText({
          memorykernel: {
            producer: { probe: { ready_timeout_s: 5 } },
            suites: { consumer: [{ name: 'unit', run: ['make', 'test'] }] },
            owners: { consumer: ['alice'] }
          }
        })
      })
    })
    const b = policy.baselines[0]!
    expect(b.producer.probe.ready_timeout_s).toBe(5)
    expect(b.producer.probe.request_timeout_s).toBe(10)
    expect(b.producer.start.run[0]).toBe('cargo')
    expect(b.producer.root).toBe('services/memorykernel')
    expect(b.suites.consumer).toEqual([
      {
        name: 'unit',
        run: ['make', 'test'],
        cwd: '{repo_root}',
        timeout_s: 900,
        operations: ['promotion', 'rollback']
      }
    ])
    expect(b.suites.producer).toHaveLength(5)
    expect(b.owners).toEqual({ consumer: ['alice'], producer: [] })
  })
})

describe('selectBaselines', () => {
  const policy: Policy = loadPolicy({
    root: repo({ [POLICY]: policyText({ memorykernel: {}, billing: {} }) })
  })

  it.each([[undefined], ['']])('%j selects every baseline', (name) => {
    expect(selectBaselines(policy, name).map((b) => b.name)).toEqual(['memorykernel', 'billing'])
  })

  it('a name selects that baseline', () => {
    expect(selectBaselines(policy, 'billing').map((b) => b.name)).toEqual(['billing'])
  })

  it('an unknown baseline is a PolicyError naming the known ones', () => {
    const e = policyError(() => selectBaselines(policy, 'nope'))
    expect(e.message).toBe('unknown baseline "nope"; the policy defines: memorykernel, billing')
  })
})

describe('PolicyError', () => {
  it('an explicit --policy path that does not exist', () => {
    const root = repo()
    const e = policyError(() => loadPolicy({ root, policyPath: 'config/other-policy.json', cwd: root }))
    expect(e.message).toBe("config/other-policy.json: policy file not found (--policy / input 'policy')")
  })

  it('an explicit --policy path is resolved from cwd, not from the root', () => {
    const root = repo()
    const elsewhere = repo({ 'p.json': policyText({ billing: {} }) })
    const policy = loadPolicy({ root, policyPath: 'p.json', cwd: elsewhere })
    expect(policy.source).toBe('file')
    expect(policy.path).toBe(join(elsewhere, 'p.json'))
    expect(policy.baselines.map((b) => b.name)).toEqual(['billing'])
    policyError(() => loadPolicy({ root: elsewhere, policyPath: 'p.json', cwd: root }))
  })

  it('a syntax error is path:line:col with the count of further problems', () => {
    const text =
      '{\n  "policy_version": "baseline-policy.v1",\n  "baselines": {\n    "memorykernel": {},\n  }\n}\n'
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toMatch(/^config\/baseline-policy\.json:5:3: /)
  })

  it('a missing colon is located at the value that follows the key', () => {
    const text = '{\n  "policy_version" "baseline-policy.v1",\n  "baselines": {}\n}\n'
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toBe("config/baseline-policy.json:2:20: ':' is expected")
  })

  it('a schema error is path:line:col: message', () => {
    const text = policyText({ memorykernel: {} }).replace('"baseline-policy.v1"', '"baseline-policy.v2"')
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toBe(
      'config/baseline-policy.json:2:21: `policy_version` must be "baseline-policy.v1" (got "baseline-policy.v2")'
    )
  })

  it('a misspelt top-level field suggests the right one and counts the other problem', () => {
    const text = '{\n  "policy_versoin": "baseline-policy.v1",\n  "baselines": { "memorykernel": {} }\n}\n'
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toBe(
      'config/baseline-policy.json:1:1: the object is missing the required field `policy_version` (and 1 more problem)'
    )
  })

  it('counts the problems past the ones described as problems, not the line that counts them (found by review)', () => {
    const keys = Array.from({ length: 80 }, (_, i) => `"k${i}": 1`).join(', ')
    const text = `{ "policy_version": "baseline-policy.v1", "baselines": { "memorykernel": {} }, ${keys} }\n`
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toMatch(/ \(and 79 more problems\)$/)
  })

  it('an invalid baseline name is located at the name', () => {
    const text = policyText({ Billing: {} })
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toMatch(
      /^config\/baseline-policy\.json:4:5: the key "Billing" in `baselines`: baseline names are lower-case/
    )
  })

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a parent path', '../outside/pin.json'],
    ['a parent path in the middle', 'config/../../pin.json'],
    ['a parent path at the end', 'config/..'],
    ['a Windows drive', 'C:/pin.json'],
    ['a backslash root', '\\\\server\\pin.json'],
    ['an empty path', '']
  ])('the schema rejects %s as a trio path, at its line and column', (_what, path) => {
    const text = policyText({ memorykernel: { trio: { pin: path } } })
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    const line = text.split('\n').findIndex((l) => l.includes('"pin"')) + 1
    expect(e.message).toMatch(
      new RegExp(`^config/baseline-policy\\.json:${line}:\\d+: \`baselines\\.memorykernel\\.trio\\.pin\` `)
    )
    expect(e.message).toContain(
      `must be a path relative to the repository root (no control character such as a newline), without '..': what lies outside the directory that holds the policy is reached from a policy at the top of the repository (got ${JSON.stringify(path)})`
    )
  })

  it.each([['config/..hidden/pin.json'], ['a..b/pin.json'], ['config/pin..json']])(
    'a name merely containing two dots is a relative path: %j',
    (path) => {
      const text = policyText({ memorykernel: { trio: { pin: path } } })
      expect(loadPolicy({ root: repo({ [POLICY]: text }) }).baselines[0]!.trio.pin).toBe(path)
    }
  )

  it('a duplicate key', () => {
    const text =
      '{\n  "policy_version": "baseline-policy.v1",\n  "baselines": { "a": {} },\n  "baselines": { "b": {} }\n}\n'
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toBe('config/baseline-policy.json:4:3: key "baselines" appears twice')
  })

  it.each([[''], ['  \n\n']])('an empty policy file %j', (text) => {
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: text }) }))
    expect(e.message).toBe('config/baseline-policy.json: policy file is empty; delete it to use the defaults')
  })

  it('a policy path that is a directory', () => {
    const root = repo()
    mkdirSync(join(root, POLICY), { recursive: true })
    const e = policyError(() => loadPolicy({ root }))
    expect(e.message).toBe('config/baseline-policy.json: policy file cannot be read (not a file)')
  })

  it('a policy file that is not UTF-8', () => {
    const e = policyError(() => loadPolicy({ root: repo({ [POLICY]: Buffer.from([0x7b, 0xe9, 0x7d]) }) }))
    expect(e.message).toBe('config/baseline-policy.json: policy file is not valid UTF-8')
  })
})

describe('scan globs that make matching slow (found by review: minutes for one file name)', () => {
  const withGlobs = (scan: string[], exclude: string[] = []) =>
    repo({ [POLICY]: policyText({ memorykernel: { adapter: { scan, exclude } } }) })

  it.each([
    ['src/*a*a*a*a*a*a*b', 'scan/0', 'more than one path segment with two `*`'],
    ['*a*/*a*/x', 'scan/0', 'more than one path segment with two `*`'],
    ['src/**/+(a|b).ts', 'scan/0', 'an extglob such as `+(a|b)`'],
    ['src/**/a/**/a/**/b', 'scan/0', 'more than two `**` with a directory name between them']
  ])('%s is refused, located, with what to write instead', (glob, at, why) => {
    const root = withGlobs([glob])
    const e = policyError(() => loadPolicy({ root }))
    expect(e.message).toMatch(
      new RegExp(
        `^config/baseline-policy\\.json:\\d+:\\d+: \`baselines\\.memorykernel\\.adapter\\.${at.replace('/', '\\[')}\\]\` is `
      )
    )
    expect(e.message).toContain(why)
  })

  it('an exclude glob too', () => {
    const e = policyError(() => loadPolicy({ root: withGlobs(['src/**/*.ts'], ['**/*.gen.*.*']) }))
    expect(e.message).toContain('`baselines.memorykernel.adapter.exclude[0]` is more than one path segment')
  })

  it('ordinary globs pass: one segment with two stars, globstars, braces', () => {
    const policy = loadPolicy({
      root: withGlobs(
        ['src/**/*.{ts,tsx}', 'lib/*-client.*', '**/**/x/*'],
        ['**/*.test.*', '**/__tests__/**', 'src/**/__tests__/**/*.test.*']
      )
    })
    expect(policy.baselines[0]!.adapter.scan).toEqual(['src/**/*.{ts,tsx}', 'lib/*-client.*', '**/**/x/*'])
  })
})

describe('adapter.unused', () => {
  it('takes its endpoints out of the default adapter.endpoints (found by review: BG602 then failed on them)', () => {
    const root = repo({
      [POLICY]: policyText({ memorykernel: { adapter: { file: 'src/api.ts', unused: ['/v1/ready'] } } })
    })
    const adapter = loadPolicy({ root }).baselines[0]!.adapter
    expect(adapter.unused).toEqual(['/v1/ready'])
    expect(adapter.endpoints).not.toContain('/v1/ready')
    expect(adapter.endpoints.length).toBeGreaterThan(0)
  })
})

describe('display_name', () => {
  it("has the schema's length limit where init and the rules advise a name (DISPLAY_NAME_MAX)", () => {
    const schema = JSON.parse(
      readFileSync(join(REPO_ROOT, 'config/schemas/baseline-policy.schema.json'), 'utf8')
    ) as {
      $defs: Record<string, { properties?: { display_name?: { maxLength?: number } } }>
    }
    const limits = Object.values(schema.$defs).flatMap((d) => d.properties?.display_name?.maxLength ?? [])
    expect(limits).toEqual([DISPLAY_NAME_MAX])
  })
})
