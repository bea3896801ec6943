// The built command line loads the code of aggregate, verify-evidence, init, migrate, promote and rollback as parts
// of their own (esbuild.config.mjs), each with its own copies of the error classes. An error that is the user's to
// fix, raised inside such a part, is still one line and exit 2, never "internal error".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { USER_ERRORS } from '../../src/cli/main.js'
import { UsageError } from '../../src/cli/commands.js'
import { FileSetError } from '../../src/fs/atomic-set.js'
import { ContainmentError } from '../../src/fs/contain.js'
import { EvidenceDirError } from '../../src/fs/evidence-store.js'
import { GitError, RevisionError } from '../../src/git/git.js'
import { RootError } from '../../src/git/root.js'
import { PolicyError } from '../../src/policy/types.js'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

describe('errors raised in a lazily loaded part of the CLI', () => {
  it('the names main.ts recognises are those the error classes set', () => {
    const names = [
      UsageError,
      PolicyError,
      RevisionError,
      RootError,
      FileSetError,
      ContainmentError,
      EvidenceDirError,
      GitError
    ].map((C) => new C('x').name)
    expect([...USER_ERRORS].sort()).toEqual(names.sort())
  })

  it('aggregate with a policy that does not parse: one line naming the file, exit 2', () => {
    const dir = tempDir('bg-parts-aggregate-')
    writeFileSync(join(dir, 'broken.json'), '{\n')
    const r = runCli(['aggregate', dir, '--policy', 'broken.json'], dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe("baseline-gate: broken.json:2:1: '}' is expected\n")
    expect(r.stderr + r.stdout).not.toMatch(/internal error|Error:/)
    expect(r.stderr).not.toMatch(STACK_LINE)
  })
})
