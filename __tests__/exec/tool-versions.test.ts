// The tool versions of the evidence: real child processes (stand-in git, cargo and rustc on a PATH of their
// own that count how often they are asked), once per environment and process.
import { afterAll, describe, expect, it } from '@jest/globals'
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toolVersions } from '../../src/exec/tool-versions.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

/** A directory of stand-ins that print `<tool> <version>` and note each call in `calls`. */
function standIns(version: string): { bin: string; calls: () => string[] } {
  const bin = tempDir('bg-tools-')
  const log = join(bin, 'calls.log')
  for (const tool of ['git', 'cargo', 'rustc']) {
    const file = join(bin, tool)
    writeFileSync(file, `#!/bin/sh\necho "${tool} $*" >> "${log}"\necho "${tool} ${version} (stand-in)"\n`)
    chmodSync(file, 0o755)
  }
  writeFileSync(log, '')
  return { bin, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).sort() }
}

describe('toolVersions', () => {
  it('asks each tool once per environment, and gives every caller its own copy', async () => {
    const tools = standIns('1.2.3')
    const env = { PATH: `${tools.bin}:/usr/bin:/bin` }
    const first = await toolVersions(env)
    expect(first).toEqual({
      node: process.version,
      git: 'git 1.2.3 (stand-in)',
      cargo: 'cargo 1.2.3 (stand-in)',
      rustc: 'rustc 1.2.3 (stand-in)'
    })
    first.git = 'changed by its caller'
    const second = await toolVersions({ ...env, UNRELATED: 'x' })
    expect(second.git).toBe('git 1.2.3 (stand-in)')
    expect(tools.calls()).toEqual(['cargo --version', 'git --version', 'rustc --version'])
  })

  it('asks again where another binary or toolchain would answer', async () => {
    const a = standIns('1.0.0')
    const b = standIns('2.0.0')
    expect((await toolVersions({ PATH: a.bin })).cargo).toBe('cargo 1.0.0 (stand-in)')
    expect((await toolVersions({ PATH: b.bin })).cargo).toBe('cargo 2.0.0 (stand-in)')
    await toolVersions({ PATH: a.bin, RUSTUP_TOOLCHAIN: 'nightly' })
    expect(a.calls()).toHaveLength(6)
    expect(b.calls()).toHaveLength(3)
  })

  it('a tool that is not there reads unavailable, and is asked again by the next operation', async () => {
    const empty = tempDir('bg-no-tools-')
    expect(await toolVersions({ PATH: empty })).toEqual({
      node: process.version,
      git: 'unavailable (ENOENT)',
      cargo: 'unavailable (ENOENT)',
      rustc: 'unavailable (ENOENT)'
    })
    // installed in the meantime, on the same search path
    const tools = standIns('3.0.0')
    cpSync(tools.bin, empty, { recursive: true })
    expect((await toolVersions({ PATH: empty })).rustc).toBe('rustc 3.0.0 (stand-in)')
  })
})
