// A consumer repository whose producer (under services/<name>) publishes releases as tags, for the repin action:
// the embedded baseline committed long ago (its stability window over) or just now, then each release prepared
// the way the producer prepares one (manifest and handoff payload bumped), committed and tagged.
import { day, gitRepo, producerRelease, writePolicy } from './git-repo.js'
import type { GitRepo } from './git-repo.js'
import { copyOfBuilt, fixtureAt, trioFixture } from './fixture.js'
import type { Fixture } from './fixture.js'

export const OWNERS = { consumer: ['alice', 'acme/app-team'], producer: ['bob', 'acme/kernel-team'] }
export const REPIN_BRANCH = 'baseline-gate/repin-memorykernel'

export interface ReleaseRepo {
  fx: Fixture
  repo: GitRepo
  /** The producer publishes `tag` (a new commit and the tag on it); returns the commit. */
  release(tag: string, edit?: (manifest: Record<string, unknown>) => void): string
  /** The working tree as a fresh checkout of HEAD has it (what the next workflow run starts from). */
  reset(): void
}

/** The embedded baseline committed at `approved` (default: day 0, the fixture's NOW). */
export function releaseRepo(approved = day(0)): ReleaseRepo {
  // the same commit every time for a date (fixed content, identity and date): made once, copied with its .git
  const { root } = copyOfBuilt(`releaseRepo ${approved}`, () => {
    const fx = trioFixture()
    writePolicy(fx, { owners: OWNERS })
    gitRepo(fx).commit('the embedded baseline', approved)
    return { root: fx.root, meta: null }
  })
  const fx = fixtureAt(root)
  const repo = gitRepo(fx)
  let n = 0
  const reset = (): void => {
    repo.git('checkout', '-q', '--', '.')
    repo.git('clean', '-q', '-fdx', '--exclude=node_modules')
  }
  return {
    fx,
    repo,
    release(tag, edit = () => {}) {
      // the producer releases on the main branch, where the trio still pins what it pinned
      reset()
      producerRelease(fx, tag, (m) => {
        m.commit_sha = String(++n).repeat(40)
        edit(m)
      })
      const commit = repo.commit(`producer: release ${tag}`, day(1))
      repo.git('tag', tag)
      return commit
    },
    reset
  }
}

/** A release that removes an error code and bumps the service contract: breaking. */
export const breaking = (m: Record<string, unknown>): void => {
  m.expected_service_contract_version = 'service.v4'
  m.error_code_enum = (m.error_code_enum as string[]).filter((c) => c !== 'write_conflict')
}

/** A release that adds an error code: additive. */
export const additive = (m: Record<string, unknown>): void => {
  m.error_code_enum = [...(m.error_code_enum as string[]), 'rate_limited']
}
