// The repin action's inputs: the branch its pull request targets is asked for only when it will open one.
import { describe, expect, it } from '@jest/globals'
import { readRepinInputs } from '../../src/actions/shared/repin-inputs.js'

const ENV = { GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t', GITHUB_REF: 'refs/heads/main' }

function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = ENV) {
  const all: Record<string, string> = { tag: 'v1.4.0', ...inputs }
  return readRepinInputs((name) => all[name] ?? '', env)
}

describe('readRepinInputs', () => {
  it('with a token: the base-branch input, else the branch of GITHUB_REF, else an error', () => {
    expect(read({ token: 'ghs_x' }).baseBranch).toBe('main')
    expect(read({ token: 'ghs_x', 'base-branch': 'release/1.x' }).baseBranch).toBe('release/1.x')
    expect(() => read({ token: 'ghs_x' }, { ...ENV, GITHUB_REF: 'refs/tags/v1.4.0' })).toThrow(
      /input 'base-branch' is required when the workflow does not run on a branch/
    )
  })

  it('without a token it repins the workspace only: no branch is needed, on a tag or anywhere (found by review)', () => {
    expect(read({}, { ...ENV, GITHUB_REF: 'refs/tags/v1.4.0' })).toMatchObject({ token: '', baseBranch: '' })
  })
})
