// verify-evidence on a file that is not an evidence packet, in process: one problem per line, a readable
// number of them, and what to do.
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { UNVERIFIABLE_SHOWN } from '../../src/cli/verify-evidence.js'
import { cleanupFixtures, health, tempDir, trioFixture } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

async function verify(content: string) {
  const dir = tempDir('bg-verify-cli-')
  const file = join(dir, 'packet.json')
  writeFileSync(file, content)
  let stdout = ''
  let stderr = ''
  const status = await main(['verify-evidence', file], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1' },
    cwd: dir
  })
  return { status, stdout, lines: stderr.trimEnd().split('\n'), file }
}

describe('verify-evidence on a file that is not a packet', () => {
  it('{}: a headline with the count, one problem per line up to the cap, "and N more", then what to do', async () => {
    const r = await verify('{}\n')
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    const [headline, ...rest] = r.lines
    const count = Number(/: (\d+) problems$/.exec(headline!)?.[1])
    expect(count).toBeGreaterThan(UNVERIFIABLE_SHOWN)
    expect(headline).toBe(
      `baseline-gate: ${r.file} is not an evidence packet (evidence-packet.v1): ${count} problems`
    )
    const listed = rest.slice(0, UNVERIFIABLE_SHOWN)
    for (const line of listed)
      expect(line).toMatch(/^ {2}\S+packet\.json:1:1: the object is missing the required field `\w+`$/)
    expect(listed[0]).toContain('`schema`')
    expect(rest[UNVERIFIABLE_SHOWN]).toBe(`  and ${count - UNVERIFIABLE_SHOWN} more`)
    expect(rest[UNVERIFIABLE_SHOWN + 1]).toMatch(
      /^Give verify-evidence the packet a health, promote or rollback run wrote/
    )
    expect(rest).toHaveLength(UNVERIFIABLE_SHOWN + 2)
  })

  it('a packet with one unknown field: that one problem, no "more" line, then what to do', async () => {
    const fx = trioFixture()
    const packet = JSON.parse(readFileSync((await health(fx.root)).evidence, 'utf8')) as object
    const r = await verify(`${JSON.stringify({ ...packet, guessed: true }, null, 2)}\n`)
    expect(r.status).toBe(2)
    expect(r.lines).toHaveLength(3)
    expect(r.lines[0]).toMatch(/: 1 problem$/)
    expect(r.lines[1]).toMatch(/^ {2}\S+packet\.json:\d+:\d+: .*`guessed`/)
    expect(r.lines[2]).toMatch(/^Give verify-evidence/)
  })

  it('a file that is not JSON stays one line', async () => {
    const r = await verify('{')
    expect(r.status).toBe(2)
    expect(r.lines).toHaveLength(1)
    expect(r.lines[0]).toMatch(/^baseline-gate: \S+packet\.json:1:\d+: /)
  })
})
