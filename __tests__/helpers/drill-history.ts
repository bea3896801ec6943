// Histories for the rollback drill's tests: three baselines (git-repo.ts's threeBaselines), and the same with the
// middle one committed with a mirror whose bytes are not what its pin hashed (a rollback would skip it).
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { escapeRegExp, MATRIX, MIRROR, trioFixture } from './fixture.js'
import { day, gitRepo, nodeStep, producerRelease, repin, TAGS, writePolicy } from './git-repo.js'
import type { History } from './git-repo.js'

/**
 * TAGS.v4, then TAGS.v5 committed with its mirror re-encoded (CRLF line endings: the same JSON, other bytes than
 * its pin's expected_producer_manifest_sha256), then TAGS.v6 promoted properly; the ledger lists v5 Superseded.
 */
export function brokenMiddle(): History {
  const fx = trioFixture()
  writePolicy(fx, {
    consumer: [nodeStep('test', 'console.log("rollback suite ok")', [], { operations: ['rollback'] })]
  })
  const repo = gitRepo(fx)
  const v4 = repo.commit(`baseline ${TAGS.v4}`, day(0))
  producerRelease(fx, TAGS.v5, (m) => {
    m.commit_sha = '5'.repeat(40)
  })
  repin(fx)
  fx.write(MIRROR, fx.read(MIRROR).replace(/\n/g, '\r\n'))
  const v5 = repo.commit(`promote ${TAGS.v5} (mirror saved with CRLF)`, day(2))
  producerRelease(fx, TAGS.v6, (m) => {
    m.commit_sha = '6'.repeat(40)
  })
  repin(fx)
  const v6 = repo.commit(`promote ${TAGS.v6}`, day(10))
  return { fx, repo, c: { v4, v5, v6 } }
}

/** The remedy the drill names: the broken baseline marked `Rolled back` in the ledger, committed. */
export function markRolledBack(h: History, tag: string = TAGS.v5): string {
  h.fx.replace(
    MATRIX,
    new RegExp(`\\| ${escapeRegExp(tag)} \\|(.*)\\| Superseded \\|`),
    `| ${tag} |$1| Rolled back |`
  )
  return h.repo.commit(`mark ${tag} rolled back`, day(11))
}

/** What a run could have changed in the working tree: git's status and every file's modification time (.git aside). */
export function treeState(root: string): { status: string; mtimes: Record<string, number> } {
  const status = execFileSync('git', ['status', '--porcelain', '--ignored'], {
    cwd: root,
    encoding: 'utf8'
  })
  const mtimes: Record<string, number> = {}
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!rel && e.name === '.git') continue
      const path = rel ? `${rel}/${e.name}` : e.name
      if (e.isDirectory()) walk(join(dir, e.name), path)
      else mtimes[path] = statSync(join(dir, e.name)).mtimeMs
    }
  }
  walk(root, '')
  return { status, mtimes }
}
