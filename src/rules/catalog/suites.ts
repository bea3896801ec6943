// Rule family 7xx: the suites: every required step ran and passed.
import type { RuleInfo } from './rule-info.js'

export const SUITE_RULES = {
  BG701: {
    title: 'Suite step failed',
    severity: 'error',
    description:
      'A required suite step (consumer or producer, as the policy lists them under `suites`) exited with a non-zero status or a signal. The log tail is in the job summary and the whole redacted log in the evidence artifact.',
    example: '`cargo clippy --workspace --all-targets --all-features -- -D warnings` exits 101.'
  },
  BG702: {
    title: 'Suite step timed out',
    severity: 'error',
    description:
      "A suite step ran past its `timeout_s`; its whole process group was stopped (SIGTERM, then SIGKILL). A step that did not finish never counts as passed; raise the step's timeout in the policy if the work is legitimately slow.",
    example: 'A contract test waits forever on a port that never opens.'
  },
  BG703: {
    title: 'Suite step could not run',
    severity: 'error',
    description:
      'A suite step could not be started (its program is not installed, its working directory is missing) or did not run because the run was aborted. A step that did not run makes the verdict FAIL.',
    example: '`cargo` is not on PATH on the runner.'
  },
  BG704: {
    title: 'Suites not run',
    severity: 'notice',
    description:
      'The suites were not run: the run asked for none (`--no-suites`, input `suites: false`, or a rollback dry run), or, for a promotion, the rules already decide FAIL, so the suites could not change the verdict (`--suites-anyway`, input `suites-anyway: true`, runs them all the same). The verdict covers the rules only (and, for a promotion, the change classification). The evidence records every step as skipped with the reason (`skip_reason`), never as passed.',
    example: '`baseline-gate promote --base main --no-suites`.'
  },
  BG705: {
    title: 'No suite steps for this operation',
    severity: 'warning',
    description:
      "The policy has no suite step whose `operations` include this operation, so nothing but the rules was checked. The runbook's defaults run the consumer and producer suites on every promotion and rollback.",
    example: 'Every step of the policy is limited to `"operations": ["health"]`.'
  },
  BG706: {
    title: 'Suites taken from the base policy',
    severity: 'notice',
    description:
      "The promotion gate runs the suites of the policy at the base revision, as it takes the owners from there: a pull request cannot switch its own checks off. When the change edits the policy's suites, the edit applies once merged. Where the base policy defines no such baseline, or cannot be read, a change of the trio fails instead (BG708).",
    example: 'A pull request that updates the trio also removes `cargo clippy` from the policy.'
  },
  BG707: {
    title: 'Trio and producer taken from the base policy',
    severity: 'notice',
    description:
      "The promotion gate judges the files the policy at the base revision names as the baseline's trio and its producer's manifest and handoff, as it takes the owners and the suites from there: a pull request that moves them in the policy cannot point the gate at files it left alone. The edit applies once merged, so the files at the new paths are judged too, as health will judge them then: their errors fail the change, each said at its new path.",
    example: "A pull request edits the pin and also sets the policy's `trio.pin` to `package.json`."
  },
  BG708: {
    title: 'Baseline not defined at the base revision',
    severity: 'error',
    description:
      "The promotion gate takes a baseline's trio, producer, owners and suites from the policy at the base revision. A change that alters the trio of a baseline that policy does not define (a new or renamed baseline), or that renames or removes a baseline and changes its trio, cannot be judged, and fails: land the policy change on its own first, in a pull request that changes no trio file; then change the trio. A base policy that cannot be read fails every change, since no file can be told to be a trio's: a maintainer merges the repair of the policy, and the gate judges again.",
    example:
      'A pull request renames the baseline `memorykernel` to `mk`, gives `mk` a suite that runs `true`, and edits the trio.'
  },
  BG709: {
    title: 'Adoption judged by its own policy',
    severity: 'notice',
    description:
      "The base revision has no policy file, and not all the files the built-in defaults name (the trio, the producer's manifest) are there: the defaults cannot have governed it (health on them fails), so nothing there is governed by the gate yet (a consumer with its own layout adopting the tool). The change that brings the policy (and the migrated trio) is judged by that policy, since there is no base definition a pull request could evade. Once it is merged, every change is judged by the base branch's policy. Where the defaults do describe the base (every one of those files is where they look), they are the base's policy, as ever.",
    example:
      'The adoption pull request: `baseline-gate init` wrote config/baseline-policy.json for a matrix under docs/integration/, and `baseline-gate migrate` brought the trio to the current format.'
  },
  BG711: {
    title: 'Judged from the merge base',
    severity: 'notice',
    description:
      "The command line's `promote --base <branch>` on a branch that the base branch has moved on from (the base is not an ancestor of the head) judges the change from the commit where the branch left the base (`git merge-base`), as the pull request's diff shows it. Compared with the base branch's newer commits instead, the branch would seem to undo every baseline change made there since. On GitHub the gate judges the branch merged into its base; merging the base into the branch (or rebasing it) makes the local run judge exactly that.",
    example:
      'A branch that edits only the runbook, made before main promoted v0.4.1, is judged from its fork point, not as a change from v0.4.1 back to v0.4.0.'
  },
  BG710: {
    title: 'Governed file moved in the policy',
    severity: 'error',
    description:
      "A change that points the policy's trio path (or the producer's manifest or handoff) at another file fails. The gate judges a change by the base revision's policy, so it cannot judge the move. Pointed at a copy, the consumer goes on reading the file left in place, which no rule would judge from the next pull request on: the way to change the runtime pin with no finding. Moved with `git mv`, the old path is free for a file no rule judges, and lkg and rollback read the trio's history at the new paths only (git does not follow the move), so history planted there beforehand would be restored. A change that renames or removes a baseline so that no baseline governs one of its files any more fails the same way (a plain rename keeps every path, and passes). A move is for maintainers of both teams to review and land themselves, around the gate; health judges the result once it is merged.",
    example:
      "A pull request copies the pin to `config/decoy-pin.json` and sets the policy's `trio.pin` to it; the next one moves `default_base_url` in the real pin."
  }
} as const satisfies Record<`BG7${string}`, RuleInfo>
