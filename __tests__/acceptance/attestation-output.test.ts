// Acceptance: the BUILT health action (dist/health/index.js) as a child process in a runner-like environment gives
// the in-toto statement it wrote beside the packet as its `attestation` output: the path the example workflows'
// attest job reads, with the repository of the run and the commit checked out as the commit subject.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { PREDICATE_TYPE } from '../../src/evidence/statement.js'
import { validateStatement } from '../../src/generated/evidence-validators.js'
import { builtAction, runBuiltAction } from '../helpers/action-run.js'
import { cleanupFixtures, trioFixture } from '../helpers/fixture.js'
import { gitRepo } from '../helpers/git-repo.js'

beforeAll(() => {
  builtAction('health')
})
afterAll(cleanupFixtures)

// the commit that triggered the run; the checkout's is another (actions/checkout with ref:)
const SHA = '0123456789abcdef0123456789abcdef01234567'

describe('the attestation output', () => {
  it('is the statement beside the packet: the packet as predicate, the commit checked out as a subject', async () => {
    const fx = trioFixture()
    const checkedOut = gitRepo(fx).commit('the trio')
    const run = await runBuiltAction({
      action: 'health',
      workspace: fx.root,
      runId: '42',
      job: 'health',
      repository: 'octo/consumer',
      sha: SHA,
      ref: 'refs/heads/main',
      eventName: 'push',
      inputs: { root: '', policy: '', baseline: '', 'evidence-dir': '', probe: 'false' }
    })
    const dir = run.outputs['evidence-dir']!
    expect(run.outputs.attestation).toBe(join(dir, 'health-memorykernel.intoto.json'))
    const statement = JSON.parse(readFileSync(run.outputs.attestation!, 'utf8')) as {
      predicateType: string
      predicate: unknown
      subject: { name: string; digest: Record<string, string> }[]
    }
    expect(validateStatement(statement)).toBe(true)
    expect(statement.predicateType).toBe(PREDICATE_TYPE)
    expect(statement.predicate).toEqual(
      JSON.parse(readFileSync(join(dir, 'health-memorykernel.json'), 'utf8'))
    )
    // the files read are the checkout's: GITHUB_SHA, another commit here, would attest them of a commit without them
    expect(statement.subject.at(-1)).toEqual({
      name: `git+octo/consumer@${checkedOut}`,
      digest: { gitCommit: checkedOut }
    })
  })
})
