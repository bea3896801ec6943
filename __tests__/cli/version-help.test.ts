// The command line's own help and version, in process (main() with an injected Io).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { REPO_ROOT } from '../helpers/fixture.js'

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const status = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1' },
    cwd: REPO_ROOT
  })
  return { status, stdout, stderr }
}

describe('version', () => {
  it.each([['--version'], ['-V'], ['-v']])('%s prints the version and exits 0', async (flag) => {
    const r = await run([flag])
    expect(r).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' })
  })
})
