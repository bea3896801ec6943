// A pull request's rust-toolchain.toml may name a directory of its own (`path = ...`): rustup's cargo and rustc
// proxies then run the programs committed there. The promotion gate asked `cargo --version` and `rustc --version`
// for its evidence on every run, in the checkout, so a gate that runs no suite (the verdict's job of the example
// workflow, which holds the token) ran the pull request's program beside it; so did a rollback drill and a dry
// run (found by review). cargo and rustc are now asked only when a suite runs, which runs the repository's code
// anyway.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { requireBuiltCli, runCli } from '../helpers/cli-run.js'
import { cleanupFixtures, MATRIX, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE, threeBaselines } from '../helpers/git-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

const NOT_ASKED = 'not asked: no suite ran'

const rustup = ['/usr/bin', '/usr/local/bin', join(process.env.HOME ?? '/', '.cargo', 'bin')].some((d) =>
  existsSync(join(d, 'rustup'))
)

/** rustup as on a runner: its toolchains where they are installed (the command line gets a HOME of its own). */
const rustupEnv = () => ({
  RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(process.env.HOME ?? '/', '.rustup'),
  ...(process.env.CARGO_HOME ? { CARGO_HOME: process.env.CARGO_HOME } : {})
})

/** A path toolchain in the checkout whose cargo and rustc append to the returned marker file when run. */
function plant(root: string): string {
  const marker = join(tempDir('bg-toolchain-'), 'ran')
  // rustup's proxies run <path>/bin/cargo and <path>/bin/rustc for a path toolchain
  const bin = join(root, 'tc', 'bin')
  mkdirSync(bin, { recursive: true })
  for (const tool of ['cargo', 'rustc']) {
    writeFileSync(
      join(bin, tool),
      `#!/bin/sh\necho "$0" >> ${JSON.stringify(marker)}\necho "${tool} 9.9.9 (pwned)"\n`
    )
    chmodSync(join(bin, tool), 0o755)
  }
  writeFileSync(join(root, 'rust-toolchain.toml'), '[toolchain]\npath = "/proc/self/cwd/tc"\n')
  return marker
}

/** The tool versions the run's evidence packet records. */
const toolsOf = (stdout: string): Record<string, string> => {
  const out = JSON.parse(stdout) as { evidence: string }
  return (JSON.parse(readFileSync(out.evidence, 'utf8')) as { tools: Record<string, string> }).tools
}

;(rustup ? describe : describe.skip)('a toolchain the pull request commits', () => {
  it('is never started by a promotion that runs no suite: cargo and rustc are not asked', () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    const base = repo.commit('the baseline', OLD_DATE)
    const marker = plant(fx.root)
    fx.write(MATRIX, `${fx.read(MATRIX)}\nA note.\n`)
    repo.commit('a note, and a toolchain of its own')
    const run = runCli(['promote', '--base', base, '--no-suites', '--json'], fx.root, rustupEnv())
    expect(run.status).toBe(0)
    const tools = toolsOf(run.stdout)
    expect([tools.cargo, tools.rustc]).toEqual([NOT_ASKED, NOT_ASKED])
    expect(tools.git).toMatch(/^git version /)
    expect(existsSync(marker)).toBe(false)
  })

  it('is never started by a rollback drill or a dry run without suites (found by review)', () => {
    const { fx } = threeBaselines()
    const marker = plant(fx.root)
    for (const args of [['--drill'], ['--dry-run', '--no-suites']]) {
      const run = runCli(
        ['rollback', ...args, '--trigger', 'contract-drift', '--reason', 'drill', '--json'],
        fx.root,
        rustupEnv()
      )
      const tools = toolsOf(run.stdout)
      expect([args, tools.cargo, tools.rustc]).toEqual([args, NOT_ASKED, NOT_ASKED])
    }
    expect(existsSync(marker)).toBe(false)
  })
})
