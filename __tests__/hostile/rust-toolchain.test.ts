// A pull request's rust-toolchain.toml may name a directory of its own (`path = ...`): rustup's cargo and rustc
// proxies then run the programs committed there. The promotion gate asked `cargo --version` and `rustc --version`
// for its evidence on every run, in the checkout, so a gate that runs no suite (the verdict's job of the example
// workflow, which holds the token) ran the pull request's program beside it (found by review). cargo and rustc
// are now asked only when a suite runs, which runs the repository's code anyway.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { requireBuiltCli, runCli } from '../helpers/cli-run.js'
import { cleanupFixtures, MATRIX, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE } from '../helpers/git-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

const rustup = ['/usr/bin', '/usr/local/bin', join(process.env.HOME ?? '/', '.cargo', 'bin')].some((d) =>
  existsSync(join(d, 'rustup'))
)

;(rustup ? describe : describe.skip)('a toolchain the pull request commits', () => {
  it('is never started by a promotion that runs no suite: cargo and rustc are not asked', () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    const base = repo.commit('the baseline', OLD_DATE)
    const marker = join(tempDir('bg-toolchain-'), 'ran')
    // rustup's proxies run <path>/bin/cargo and <path>/bin/rustc for a path toolchain
    for (const tool of ['cargo', 'rustc']) {
      const bin = join(fx.root, 'tc', 'bin')
      mkdirSync(bin, { recursive: true })
      writeFileSync(
        join(bin, tool),
        `#!/bin/sh\necho "$0" >> ${JSON.stringify(marker)}\necho "${tool} 9.9.9 (pwned)"\n`
      )
      chmodSync(join(bin, tool), 0o755)
    }
    writeFileSync(join(fx.root, 'rust-toolchain.toml'), '[toolchain]\npath = "/proc/self/cwd/tc"\n')
    fx.write(MATRIX, `${fx.read(MATRIX)}\nA note.\n`)
    repo.commit('a note, and a toolchain of its own')
    // rustup as on a runner: its toolchains where they are installed (the command line gets a HOME of its own)
    const env = {
      RUSTUP_HOME: process.env.RUSTUP_HOME ?? join(process.env.HOME ?? '/', '.rustup'),
      ...(process.env.CARGO_HOME ? { CARGO_HOME: process.env.CARGO_HOME } : {})
    }
    const run = runCli(['promote', '--base', base, '--no-suites', '--json'], fx.root, env)
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout) as { evidence: string }
    const packet = JSON.parse(readFileSync(out.evidence, 'utf8')) as { tools: Record<string, string> }
    expect([packet.tools.cargo, packet.tools.rustc]).toEqual([
      'not asked: no suite ran',
      'not asked: no suite ran'
    ])
    expect(packet.tools.git).toMatch(/^git version /)
    expect(existsSync(marker)).toBe(false)
  })
})
