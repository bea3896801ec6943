// Acceptance: the BUILT command line (dist/cli/index.js) as a real child process, on temporary trio repositories.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import {
  cleanupFixtures,
  HANDOFF,
  MATRIX,
  MIRROR,
  PIN,
  POLICY,
  REPO_ROOT,
  tempDir,
  trioFixture
} from '../helpers/fixture.js'

const CLI = join(REPO_ROOT, 'dist', 'cli', 'index.js')
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version
/** A safety net against a hung child, not a performance assertion. */
const CHILD_TIMEOUT_MS = 30_000

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** The child's TMPDIR, which the code cache never uses. */
let cacheTmp = ''
/** A copy of dist/cli: the default-cache runs keep their V8 code cache beside it, removed with the fixtures. */
let cacheCli = ''

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run bundle\` first`)
  cacheTmp = tempDir('bg-cli-cache-')
  const copy = join(tempDir('bg-cli-copy-'), 'cli')
  cpSync(dirname(CLI), copy, { recursive: true, filter: (src) => !src.endsWith('.compile-cache') })
  cacheCli = join(copy, 'index.js')
})
afterAll(cleanupFixtures)

/**
 * Run the CLI with a clean environment. `cache: false` sets BASELINE_GATE_COMPILE_CACHE=0; otherwise the
 * variable is left unset (the default: the code cache is used) and a copy of the CLI is run, whose cache is the
 * test's own. The child's TMPDIR is a private directory.
 */
function cli(args: string[], options: { cwd?: string; cache: boolean; probe?: boolean }): Run {
  // fixtures hold the trio and the producer's published files, not its code: no runtime preflight here
  if (args[0] === 'health' && !options.probe) args = ['health', '--no-probe', ...args.slice(1)]
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NO_COLOR: '1',
    TMPDIR: cacheTmp
  }
  if (!options.cache) env.BASELINE_GATE_COMPILE_CACHE = '0'
  const r = spawnSync(process.execPath, [options.cache ? cacheCli : CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS
  })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const sortedKeys = (o: object) => Object.keys(o).sort()
const STACK_LINE = /^\s+at\s/m

interface JsonFinding {
  rule: string
  severity: string
  file: string | null
  line: number | null
  column: number | null
  message: string
}
interface JsonBaseline {
  verdict: string
  name: string
  identity: Record<string, string | null>
  posture: string | null
  findings: JsonFinding[]
  steps: unknown[]
  evidence: string
  statement: string | null
}
interface JsonResult {
  operation: string
  verdict: string
  summary: string
  next_steps: string[]
  baselines: JsonBaseline[]
  evidence: string
  sarif: string | null
}

function expectOneLineUsageError(r: Run): string {
  expect(r.status).toBe(2)
  expect(r.stdout).toBe('')
  const lines = r.stderr.split('\n').filter((l) => l !== '')
  expect(lines).toHaveLength(1)
  expect(r.stderr.endsWith('\n')).toBe(true)
  expect(r.stderr).not.toMatch(STACK_LINE)
  expect(r.stderr).not.toMatch(/internal error/)
  expect(lines[0]).toMatch(/^baseline-gate: /)
  return lines[0]!
}

describe('baseline-gate health --json (built CLI)', () => {
  it.each([
    ['with the compile cache disabled', false],
    ['with the default compile cache', true]
  ])('prints exactly one JSON object of the promised shape on a valid trio (%s)', (_label, cache) => {
    const fx = trioFixture()
    const evidenceDir = tempDir('bg-cli-evidence-')
    const r = cli(['health', '--root', fx.root, '--json', '--evidence-dir', evidenceDir], { cache })

    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as JsonResult
    expect(sortedKeys(out)).toEqual([
      'baselines',
      'evidence',
      'next_steps',
      'operation',
      'sarif',
      'summary',
      'verdict'
    ])
    // no --sarif: null; the statement beside each packet is named with it
    expect(out.sarif).toBeNull()
    const id = out.baselines[0]!.identity
    expect(out.summary).toBe(
      `PASS · health of memorykernel at ${id.release_tag} (commit ${id.commit_sha!.slice(0, 12)})`
    )
    // --no-probe (the fixtures have no producer code): the PASS does not claim the running producer agrees
    expect(out.next_steps).toEqual([
      "Nothing to fix: the trio, the producer's published files and the rules agree. The running producer was not probed: npx --no baseline-gate health without --no-probe checks it too."
    ])
    expect(out.operation).toBe('health')
    expect(out.verdict).toBe('PASS')
    expect(out.baselines).toHaveLength(1)
    for (const b of out.baselines) {
      expect(sortedKeys(b)).toEqual([
        'evidence',
        'findings',
        'identity',
        'name',
        'not_run',
        'posture',
        'statement',
        'steps',
        'verdict'
      ])
      expect(b.verdict).toBe('PASS')
      expect(b.statement).toBe(b.evidence.replace(/\.json$/, '.intoto.json'))
      expect(b.name).toBe('memorykernel')
      expect(sortedKeys(b.identity)).toEqual(
        [
          'release_tag',
          'commit_sha',
          'service_contract_version',
          'api_contract_version',
          'integration_baseline',
          'manifest_sha256'
        ].sort()
      )
      const pin = JSON.parse(fx.read(PIN)) as Record<string, string>
      expect(b.identity.release_tag).toBe(pin.release_tag)
      expect(b.identity.commit_sha).toBe(pin.commit_sha)
      expect(b.identity.manifest_sha256).toBe(pin.expected_producer_manifest_sha256)
      expect(b.posture).toBe('GO')
      // --no-probe: the only finding is the notice that records the skipped preflight
      expect(b.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([['BG407', 'notice', null]])
      expect(b.steps).toEqual([
        { suite: 'preflight', name: 'start producer', status: 'skipped', exit_code: null, duration_ms: 0 }
      ])
    }

    expect(isAbsolute(out.evidence)).toBe(true)
    expect(out.evidence.startsWith(evidenceDir)).toBe(true)
    expect(statSync(out.evidence).isFile()).toBe(true)
    const packet = JSON.parse(readFileSync(out.evidence, 'utf8')) as { verdict: string; findings: unknown[] }
    expect(packet.verdict).toBe(out.verdict)
    expect(packet.findings).toEqual(out.baselines[0]!.findings)
    const md = out.evidence.replace(/\.json$/, '.md')
    expect(md).not.toBe(out.evidence)
    expect(statSync(md).isFile()).toBe(true)
    const text = readFileSync(md, 'utf8')
    expect(text).toContain('PASS')
    // the packet's own Markdown says what its verdict does not cover, as every other surface does
    const notRun = text.slice(text.indexOf('## What did not run'), text.indexOf('\n## Baseline\n') + 1)
    expect(notRun).toMatch(
      /^## What did not run\n\n- The runtime preflight was skipped \\?\(--no-probe[^\n]*\.\n\n$/
    )
    // an explicit evidence directory leaves the repository untouched
    expect(existsSync(join(fx.root, '.baseline-gate'))).toBe(false)
  })

  it('a pin value that would clear the screen and forge a workflow command is shown escaped, on its line; --json keeps it exact', () => {
    const fx = trioFixture()
    const forged =
      'v0.4.0\u001b[2J\u001b[8mALL GOOD\u0000\u202e\r\n::error::forged\n##[warning]x ##[add-mask]PASS'
    fx.editJson(PIN, (pin) => {
      pin.release_tag = forged
    })
    const text = cli(['health', '--root', fx.root, '--evidence-dir', tempDir('bg-cli-evidence-')], {
      cache: true
    })
    expect([text.status, text.stderr]).toEqual([1, ''])
    // eslint-disable-next-line no-control-regex
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    // the runner looks for `::` once a line's leading white space is trimmed, and for `##[` anywhere in it
    expect(
      text.stdout.split('\n').filter((l) => l.trimStart().startsWith('::') || l.includes('##['))
    ).toEqual([])
    const shown =
      'v0.4.0\\u001b[2J\\u001b[8mALL GOOD\\u0000\\u202e\\u000d\\n::error::forged\\n\\u0023#[warning]x \\u0023#[add-mask]PASS'
    expect(text.stdout.split('\n')[0]).toBe(
      `FAIL · health of memorykernel at ${shown} (commit ${(JSON.parse(fx.read(PIN)) as { commit_sha: string }).commit_sha.slice(0, 12)})`
    )
    const json = cli(['health', '--root', fx.root, '--json', '--evidence-dir', tempDir('bg-cli-evidence-')], {
      cache: true
    })
    expect(
      json.stdout.split('\n').filter((l) => l.trimStart().startsWith('::') || l.includes('##['))
    ).toEqual([])
    expect((JSON.parse(json.stdout) as JsonResult).baselines[0]!.identity.release_tag).toBe(forged)
  })

  it('the findings of a mutated trio carry the exact keys, root-relative files and numeric lines (exit 1)', () => {
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = 'v0.5'
    })
    const evidenceDir = tempDir('bg-cli-evidence-')
    const r = cli(['health', '--root', fx.root, '--json', '--evidence-dir', evidenceDir], { cache: false })

    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as JsonResult
    expect(out.verdict).toBe('FAIL')
    // every finding located in a file (the skipped-probe notice has none)
    const findings = out.baselines.flatMap((b) => b.findings).filter((f) => f.rule !== 'BG407')
    expect(findings.length).toBeGreaterThan(0)
    for (const f of findings) {
      expect(sortedKeys(f)).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity'])
      expect(f.rule).toMatch(/^BG\d{3}$/)
      expect(['error', 'warning', 'notice']).toContain(f.severity)
      expect([PIN, MIRROR, MATRIX, HANDOFF]).toContain(f.file)
      expect(typeof f.line).toBe('number')
      expect(f.line).toBeGreaterThan(0)
      expect(typeof f.message).toBe('string')
    }
    // the pin's own schema finding points at the release_tag line of the pin
    const onPin = findings.find((f) => f.file === PIN)
    expect(onPin).toBeDefined()
    expect(onPin!.line).toBe(fx.lineOf(PIN, '"release_tag"'))
    // the matrix's Baseline Pin line disagrees with the pin: reported on that line
    const bg206 = findings.find((f) => f.rule === 'BG206')
    expect(bg206?.file).toBe(MATRIX)
    expect(bg206?.line).toBe(fx.lineOf(MATRIX, 'MemoryKernel release tag'))

    const packet = JSON.parse(readFileSync(out.evidence, 'utf8')) as {
      verdict: string
      findings: (JsonFinding & { subject?: string })[]
    }
    expect(packet.verdict).toBe('FAIL')
    // the packet also records what each finding is about (its subject); the command line prints the rest
    expect(packet.findings.map(({ subject: _subject, ...f }) => f)).toEqual(
      out.baselines.flatMap((b) => b.findings)
    )
  })
})

describe('usage and policy errors: exit 2, one line on stderr, no stack trace', () => {
  it('an unknown command', () => {
    const line = expectOneLineUsageError(cli(['frobnicate'], { cache: false }))
    expect(line).toContain('frobnicate')
  })

  it('an unknown flag', () => {
    const fx = trioFixture()
    const line = expectOneLineUsageError(cli(['health', '--root', fx.root, '--frobnicate'], { cache: true }))
    // node's own words, in the form of every other usage error: no capital after "baseline-gate: "
    expect(line).toMatch(/^baseline-gate: unknown option '--frobnicate'.*; try: baseline-gate health --help$/)
  })

  it('an option given without its value (followed by another flag)', () => {
    const fx = trioFixture()
    const line = expectOneLineUsageError(
      cli(['health', '--policy', '--json'], { cwd: fx.root, cache: false })
    )
    expect(line).toContain('--policy')
  })

  it('--baseline naming a baseline the policy does not define', () => {
    const fx = trioFixture()
    const evidenceDir = tempDir('bg-cli-evidence-')
    const line = expectOneLineUsageError(
      cli(['health', '--root', fx.root, '--baseline', 'nosuch', '--evidence-dir', evidenceDir], {
        cache: true
      })
    )
    expect(line).toContain('nosuch')
    expect(line).toContain('memorykernel')
    expect(readdirSync(evidenceDir)).toEqual([])
  })

  it('--policy naming a file that does not exist', () => {
    const fx = trioFixture()
    const line = expectOneLineUsageError(
      cli(['health', '--root', fx.root, '--policy', 'missing.json'], { cwd: fx.root, cache: false })
    )
    expect(line).toContain('missing.json')
    expect(existsSync(join(fx.root, '.baseline-gate'))).toBe(false)
  })

  it('a policy file with invalid JSON names the file with line:col', () => {
    const fx = trioFixture()
    fx.write(POLICY, '{\n  "policy_version": "baseline-policy.v1",\n  "baselines": {,\n}\n')
    const line = expectOneLineUsageError(cli(['health', '--root', fx.root, '--json'], { cache: true }))
    expect(line).toMatch(/config\/baseline-policy\.json:3:\d+: /)
  })

  it('a policy file that fails its schema names the file with line:col', () => {
    const fx = trioFixture()
    const policy = JSON.parse(fx.read(POLICY)) as { baselines: { memorykernel: { trio: { pin: unknown } } } }
    policy.baselines.memorykernel.trio.pin = 42
    fx.write('alt-policy.json', `${JSON.stringify(policy, null, 2)}\n`)
    const line = expectOneLineUsageError(
      cli(['health', '--policy', 'alt-policy.json', '--json'], { cwd: fx.root, cache: false })
    )
    expect(line).toMatch(/alt-policy\.json:\d+:\d+: /)
    expect(line).toContain('pin')
  })
})

describe('help and version', () => {
  it('--help exits 0 and prints the usage', () => {
    const r = cli(['--help'], { cache: true })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^Usage: baseline-gate /)
    expect(r.stdout).toContain('health')
    expect(r.stdout).toContain('--evidence-dir')
  })

  it('health --help exits 0 and prints the usage', () => {
    const r = cli(['health', '--help'], { cache: false })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage: baseline-gate /)
  })

  it("--version prints package.json's version", () => {
    const r = cli(['--version'], { cache: false })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(`${VERSION}\n`)
  })
})

describe('the terminal report', () => {
  it('says PASS on a valid trio, without colour under NO_COLOR', () => {
    const fx = trioFixture()
    const r = cli(['health', '--root', fx.root, '--evidence-dir', tempDir('bg-cli-evidence-')], {
      cache: true
    })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('PASS')
    expect(r.stdout).not.toContain('FAIL')
    expect(r.stdout).not.toContain('\u001b[')
    expect(() => JSON.parse(r.stdout)).toThrow()
  })

  it('says FAIL and locates every finding as path:line:col', () => {
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = 'v0.5'
    })
    const r = cli(['health', '--root', fx.root, '--evidence-dir', tempDir('bg-cli-evidence-')], {
      cache: false
    })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('FAIL')
    expect(r.stdout).not.toContain('\u001b[')
    const pinLine = fx.lineOf(PIN, '"release_tag"')
    expect(r.stdout).toMatch(new RegExp(`${PIN.replace(/\./g, '\\.')}:${pinLine}:\\d+\\s+error\\s+BG108`))
    const matrixLine = fx.lineOf(MATRIX, 'MemoryKernel release tag')
    expect(r.stdout).toMatch(
      new RegExp(`${MATRIX.replace(/\./g, '\\.')}:${matrixLine}:\\d+\\s+error\\s+BG206`)
    )
    // no absolute paths of the fixture in the findings
    const findingLines = r.stdout.split('\n').filter((l) => /\sBG\d{3}\s/.test(l))
    expect(findingLines.length).toBeGreaterThan(0)
    for (const l of findingLines) expect(l).not.toContain(fx.root)
  })
})

describe('defaults', () => {
  it('--root defaults to the current directory, and evidence to <root>/.baseline-gate/evidence (git-ignored)', () => {
    const fx = trioFixture()
    const r = cli(['health', '--json'], { cwd: fx.root, cache: true })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as JsonResult
    expect(out.verdict).toBe('PASS')
    const evidenceDir = join(fx.root, '.baseline-gate', 'evidence')
    expect(out.evidence).toBe(join(evidenceDir, 'health-memorykernel.json'))
    expect(statSync(out.evidence).isFile()).toBe(true)
    // it judged the files on disk, and says that the commit it names is the checkout's, not compared with them
    expect(readFileSync(join(evidenceDir, 'health-memorykernel.md'), 'utf8')).toContain(
      // (no git here: no commit to name)
      '## Trio\n\nRead from the working tree, uncommitted edits included.\n'
    )
    const ignore = readFileSync(join(fx.root, '.baseline-gate', '.gitignore'), 'utf8')
    expect(ignore.split('\n').map((l) => l.trim())).toContain('*')
  })

  it('--root defaults to the current directory: a broken trio there fails', () => {
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = 'v0.5'
    })
    const r = cli(['health', '--json'], { cwd: fx.root, cache: false })
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as JsonResult
    expect(out.verdict).toBe('FAIL')
    expect(out.evidence.startsWith(join(fx.root, '.baseline-gate', 'evidence'))).toBe(true)
  })

  it('a relative --evidence-dir is resolved against the current directory', () => {
    const fx = trioFixture()
    const r = cli(['health', '--json', '--evidence-dir', 'out/ev'], { cwd: fx.root, cache: true })
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as JsonResult
    expect(out.evidence).toBe(join(fx.root, 'out', 'ev', 'health-memorykernel.json'))
    expect(existsSync(out.evidence)).toBe(true)
    expect(existsSync(join(fx.root, '.baseline-gate'))).toBe(false)
  })
})

describe('the code cache', () => {
  it('a warm cache, and a corrupted one, give the same result as no cache', () => {
    const fx = trioFixture()
    const evidenceDir = tempDir('bg-cli-evidence-')
    const args = ['health', '--root', fx.root, '--json', '--evidence-dir', evidenceDir]
    const cold = cli(args, { cache: false })
    const first = cli(args, { cache: true })
    // beside the bundle, never in the system's temporary directory, which every run of the user shares
    expect(readdirSync(cacheTmp)).toEqual([])
    const cacheDir = join(dirname(cacheCli), '.compile-cache')
    const bins = readdirSync(cacheDir).filter((f) => f.endsWith('.bin'))
    expect(bins.length).toBeGreaterThan(0)
    const warm = cli(args, { cache: true })
    for (const f of bins) writeFileSync(join(cacheDir, f), 'not V8 bytecode')
    const corrupted = cli(args, { cache: true })
    for (const r of [cold, first, warm, corrupted]) {
      expect(r.status).toBe(0)
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe(cold.stdout)
    }
  })
})
