// The built executable (dist/cli/index.js, with the package.json that makes it CommonJS inside a package of ES
// modules, as in the repository) beside a stand-in for the CLI bundle it loads: whatever goes wrong under main (a
// bundle missing from a broken install, a rejection, a main that never settles) exits 2 with one line on stderr,
// never 0 (a gate reads 0 as PASS) and never a stack trace.
import { spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CLI, requireBuiltCli, STACK_LINE } from '../helpers/cli-run.js'
import { cleanupFixtures, POLICY, REPO_ROOT, tempDir, trioFixture } from '../helpers/fixture.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

/** The executable run with `main` as the bundle beside it (null: no bundle); its stdout to `stdout` if given. */
function runWith(main: string | null, stdout?: number, stderr?: number) {
  const pkg = tempDir('bg-cli-entry-')
  writeFileSync(join(pkg, 'package.json'), '{ "type": "module" }\n')
  const dir = join(pkg, 'cli')
  mkdirSync(dir)
  for (const file of ['index.js', 'package.json']) copyFileSync(join(dirname(CLI), file), join(dir, file))
  if (main !== null) writeFileSync(join(dir, 'main.cjs'), main)
  const r = spawnSync(process.execPath, [join(dir, 'index.js'), 'health'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', BASELINE_GATE_COMPILE_CACHE: '0' },
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', stdout ?? 'pipe', stderr ?? 'pipe']
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the executable under main', () => {
  it.each([
    ['a bundle missing from the install', null, /^baseline-gate: internal error: ENOENT: .*main\.cjs'\n$/],
    [
      'a main that rejects',
      'exports.main = async () => { throw new Error("boom") }\n',
      /^baseline-gate: internal error: boom\n$/
    ],
    [
      'a main that never settles',
      'exports.main = () => new Promise(() => {})\n',
      /^baseline-gate: internal error: the command ended without a verdict\n$/
    ]
  ])('%s: exit 2, one line, no stack', (_name, main, line) => {
    const r = runWith(main)
    expect([r.status, r.stdout]).toEqual([2, ''])
    expect(r.stderr).toMatch(line)
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('a run a signal ended while it had processes running (process-group exits 130): interrupted, not an internal error (found by review)', () => {
    const r = runWith(
      'exports.main = () => { setTimeout(() => process.exit(130), 10); return new Promise(() => {}) }\n'
    )
    expect([r.status, r.stdout]).toEqual([130, ''])
    expect(r.stderr).toBe(
      "baseline-gate: interrupted by SIGINT: no verdict; the processes the run started were stopped. What it wrote before stays: a rollback's restored trio was not verified (git status shows it; git checkout -- <the trio's files> puts the previous one back)\n"
    )
  })

  it('a report that cannot be written (a full disk behind `--json > report.json`): exit 2 whatever the verdict, one line, no stack (found by review)', () => {
    if (!existsSync('/dev/full')) return
    const full = openSync('/dev/full', 'w')
    try {
      for (const verdict of [0, 1]) {
        const r = runWith(
          `exports.main = async (argv, io) => { io.stdout.write("{}\\n"); return ${verdict} }\n`,
          full
        )
        expect(r.status).toBe(2)
        expect(r.stderr).toMatch(/^baseline-gate: cannot write to stdout \(ENOSPC\): no verdict; /)
        expect(r.stderr).not.toMatch(STACK_LINE)
      }
    } finally {
      closeSync(full)
    }
  })

  it('stderr that cannot be written (`2>/dev/full`) leaves main its own exit code, not a crash read as FAIL (found by review)', () => {
    if (!existsSync('/dev/full')) return
    const full = openSync('/dev/full', 'w')
    try {
      for (const code of [0, 2]) {
        const main = `exports.main = async (argv, io) => { io.stderr.write("progress\\n"); io.stdout.write("report\\n"); return ${code} }\n`
        const r = runWith(main, undefined, full)
        expect([r.status, r.stdout]).toEqual([code, 'report\n'])
      }
    } finally {
      closeSync(full)
    }
  })

  it("main's own code is the exit status", () => {
    for (const code of [0, 1, 2]) expect(runWith(`exports.main = async () => ${code}\n`).status).toBe(code)
  })
})

describe('the executable and its reader', () => {
  it('a reader that closes the pipe before the output (`| head`) gets no stack trace, and the verdict stands', async () => {
    const child = spawn(process.execPath, [CLI, 'plan'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // closed before the command has started, so its first write meets a closed pipe
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)))
    expect([code, stderr]).toEqual([0, ''])
  })
})

describe('the executable hung up', () => {
  it('a hang-up while the producer runs: the producer stopped, the interrupted line said, and the process ends by SIGHUP (found by review: it died silently)', async () => {
    const fx = trioFixture()
    const marker = join(tempDir('bg-cli-hangup-'), 'started')
    // a producer that starts and never announces itself: health waits for it
    fx.editJson(POLICY, (policy) => {
      const b = (policy.baselines as Record<string, { producer: { start: { run: string[]; cwd?: string } } }>)
        .memorykernel!
      b.producer.start = {
        run: [
          'node',
          '-e',
          'require("fs").writeFileSync(process.argv[1], String(process.pid)); setInterval(() => {}, 1000)',
          marker
        ]
      }
    })
    const child = spawn(process.execPath, [CLI, 'health'], {
      cwd: fx.root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const closed = new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (code, signal) => resolve([code, signal]))
    )
    // polled; the bound is a safety net
    for (let i = 0; i < 600 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(marker)).toBe(true)
    child.kill('SIGHUP')
    expect(await closed).toEqual([null, 'SIGHUP'])
    expect(stderr).toContain(
      'baseline-gate: interrupted by SIGHUP: no verdict; the processes the run started were stopped.'
    )
    expect(stderr).not.toMatch(STACK_LINE)
    // the producer did not outlive it: gone, or a zombie no one has reaped yet (its parent has exited)
    const pid = Number(readFileSync(marker, 'utf8'))
    const state = () => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0]
      } catch {
        return 'gone'
      }
    }
    expect(['gone', 'Z', 'X']).toContain(state())
  })
})
