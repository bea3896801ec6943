// The trio inside a change: each of its commits that touches the trio must leave it as the base has it, or pin the
// head's baseline (its pin and mirror).
// A rebase merge (or a fast-forward) puts every commit of a pull request on the branch's first-parent history, which
// lkg, rollback and the gate itself (BG509, BG504) read as the baselines the branch had. A commit that sets the trio
// to something no promotion judged, and a later one that sets it back, would plant such a baseline while the change
// as a whole left the trio alone (found by review: a planted trio was restored by the next rollback).
import { git } from '../git/git.js'
import { inCwd } from '../git/history.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { TrioRole } from '../trio/model.js'

/** A change's commits that touch the trio are read up to this many; more fail the check (squash them). */
const MAX_COMMITS = 500
/** Commits a finding names. */
const SHOWN = 5

type TrioState = Record<TrioRole, string>

/** BG529 for the commits of base..head that leave the trio in a state neither end of the change has. */
export async function intermediateTrio(
  root: string,
  revs: { base: string; head: string },
  baseline: BaselinePolicy
): Promise<Finding[]> {
  const paths = TRIO_ROLES.map((r) => baseline.trio[r])
  const listed = await git(root, [
    'rev-list',
    '--full-history',
    `--max-count=${MAX_COMMITS + 1}`,
    `${revs.base}..${revs.head}`,
    '--',
    ...paths.map(inCwd)
  ])
  if (listed.code !== 0)
    return [
      finding(
        'BG529',
        null,
        null,
        `the change's commits that touch the trio could not be listed (git rev-list: ${listed.stderr || `exit ${listed.code}`}), so no commit of it is known to leave the trio as its base or head has it`
      )
    ]
  const commits = listed.stdout
    .toString('utf8')
    .split('\n')
    .filter((c) => /^[0-9a-f]{40}$/.test(c))
  if (commits.length > MAX_COMMITS)
    return [
      finding(
        'BG529',
        null,
        null,
        `more than ${MAX_COMMITS} commits of this change touch the trio: squash its trio edits into one commit`
      )
    ]
  // GitHub checks out refs/pull/N/merge: the base merged with the change's own last commit, its second parent, whose
  // trio the change lands too. Only that shape: any other merge at the head is the change's own commit, and its
  // parents are no ends (found by review: a merge naming a planted commit as a parent made the plant an "end")
  const parents = (await git(root, ['rev-list', '--parents', '-n', '1', revs.head])).stdout
    .toString('utf8')
    .trim()
    .split(' ')
    .slice(1)
  const tip = parents.length === 2 && parents[0] === revs.base ? [parents[1]!] : []
  // oldest first, as the change was written
  const inner = commits.filter((c) => c !== revs.head && !tip.includes(c)).reverse()
  if (inner.length === 0) return []
  const base = await stateAt(root, revs.base, paths)
  const heads = await Promise.all([revs.head, ...tip].map((c) => stateAt(root, c, paths)))
  const strays: { commit: string; files: string[] }[] = []
  for (const commit of inner) {
    const state = await stateAt(root, commit, paths)
    // the base's trio; or the head's pin and mirror, whatever the matrix says (a fix-up of a ledger row, the base's
    // ledger merged in): lkg takes the newest revision of an identity, so never this one over the head's
    if (sameState(base, state) || heads.some((h) => samePinned(h, state))) continue
    // the files where it differs from the head (what the squash would fold away)
    strays.push({
      commit,
      files: TRIO_ROLES.filter((r) => state[r] !== heads[0]![r]).map((r) => baseline.trio[r])
    })
  }
  if (strays.length === 0) return []
  const named = strays
    .slice(0, SHOWN)
    .map((s) => `${s.commit.slice(0, 12)} (${s.files.join(', ')})`)
    .join(', ')
  const more = strays.length > SHOWN ? ` and ${strays.length - SHOWN} more` : ''
  return [
    finding(
      'BG529',
      null,
      null,
      `${strays.length === 1 ? 'a commit' : `${strays.length} commits`} of this change ${strays.length === 1 ? 'leaves' : 'leave'} the trio as neither its base has it nor pinning its head's baseline: ${named}${more}. Merged by rebase or fast-forward, ${strays.length === 1 ? 'it lands' : 'they land'} on the branch's history, where lkg, rollback and this gate read every trio revision as a baseline the branch had; squash the change's trio edits into one commit (git rebase -i on the base, then push)`
    )
  ]
}

/** The trio's blob ids at a commit ('' for a path that holds no file there). */
async function stateAt(root: string, commit: string, paths: string[]): Promise<TrioState> {
  const r = await git(root, ['ls-tree', '-z', commit, '--', ...paths])
  const found = new Map<string, string>()
  // `<mode> <type> <id>\t<path>` each, NUL-ended
  for (const entry of r.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]{40})\t(.*)$/s.exec(entry)
    if (m) found.set(m[4]!, `${m[1]} ${m[3]}`)
  }
  return Object.fromEntries(TRIO_ROLES.map((role, i) => [role, found.get(paths[i]!) ?? ''])) as TrioState
}

const sameState = (a: TrioState, b: TrioState) => TRIO_ROLES.every((r) => a[r] === b[r])
/** The same pin and mirror: the same baseline, as lkg and rollback read and restore it. */
const samePinned = (a: TrioState, b: TrioState) => a.pin === b.pin && a.manifest === b.manifest
