// Rule family 5xx: what a promotion or rollback may change (one atomic trio change, tags going up, the ledger's
// history kept, a rollback's target and posture) and the revision it judges.
import type { RuleInfo } from './rule-info.js'

export const CHANGE_RULES = {
  BG501: {
    title: 'Trio not updated atomically',
    severity: 'error',
    description:
      'A change of the baseline identity (tag, commit, contract versions, integration baseline, manifest digest) updates the pin, the mirror and the matrix in the same change. The finding names the files still to update.',
    example: 'A pull request changes `release_tag` in the pin and nothing else.'
  },
  BG502: {
    title: 'Release tag does not go up',
    severity: 'error',
    description:
      "A promotion's new release tag is a higher semantic version than the baseline it replaces (a rollback is the way back down); two tags that cannot be compared as versions fail too.",
    example: 'The pin moves from `v0.4.0` to `v0.3.9`, or changes its commit while keeping `v0.4.0`.'
  },
  BG503: {
    title: 'Breaking change without a contract bump',
    severity: 'error',
    description:
      'Removing an error code is a breaking change: it needs a new service contract version. Contract versions never go down. Added codes are additive and need no bump.',
    example: '`write_conflict` disappears from `error_code_enum` while the contract stays `service.v3`.'
  },
  BG504: {
    title: 'Stability window not over',
    severity: 'error',
    description:
      "The baseline being replaced must have been approved at least `stability_window.minimum_sprint_days` days ago (its manifest's declared window, dated from git history: from the first time the pin held it, so a baseline a rollback reinstated does not start its window again). The original declared 14 days and replaced a baseline after 2.5 hours.",
    example: 'v0.4.0 was approved on 2026-11-20 with a 14-day window; promoting v0.5.0 on 2026-11-24 fails.'
  },
  BG505: {
    title: 'Ledger history not kept',
    severity: 'error',
    description:
      "A promotion appends the new baseline's row and marks the replaced baseline's row `Superseded`; the ledger never loses a row (the original overwrote its one row at every promotion). Every change of the matrix is held to this, whether or not the baseline changes: a row is never removed (a `Candidate` excepted) nor rewritten, and its status moves only as a promotion (`Approved` to `Superseded`, the new row added) or a rollback (the withdrawn baseline to `Rolled back`, the restored one to `Approved`) moves it. Rollback and `lkg` read these rows: an edit of them alone could mark the last-known-good `Rolled back`, so that no rollback can run, or bring a withdrawn release back as the one to restore.",
    example:
      'The old Approved row was edited into the new one instead of being kept as Superseded; or a pull request that changes only the matrix flips the row of a withdrawn release from `Rolled back` to `Superseded`.'
  },
  BG506: {
    title: 'Checked revision is not the checkout',
    severity: 'error',
    description:
      'The rules read the trio at the head revision straight from git, but the suites run on the files on disk. When the head is not the checked-out commit, or the trio on disk differs from the head revision, the suites would test something else: the gate refuses rather than mix them. Check out the head revision, commit the trio, or run without suites.',
    example: '`baseline-gate promote --base main --head feature` while `main` is checked out.'
  },
  BG507: {
    title: 'History too shallow',
    severity: 'error',
    description:
      'The stability window is dated from the commit that approved the baseline being replaced, which a shallow clone does not have: the date would be wrong. Check out the full history (`actions/checkout` with `fetch-depth: 0`).',
    example: '`actions/checkout` with its default `fetch-depth: 1`.'
  },
  BG508: {
    title: 'Rollback keeps the posture GO',
    severity: 'error',
    description:
      'A change that withdraws the current baseline (its ledger row becomes `Rolled back`) and reinstates an earlier one sets the runtime cutover posture to NO-GO: GO again needs the joint approval of a separate posture-only change.',
    example: 'A rollback pull request restores v0.3.2 with `"runtime_cutover_posture": "GO"`.'
  },
  BG509: {
    title: 'Rollback to a baseline never pinned, or withdrawn',
    severity: 'error',
    description:
      "A rollback reinstates a baseline the pin held before: its identity (tag, commit, contract versions, integration baseline and manifest SHA-256) must appear in the pin's git history, and the ledger before the change must have its row, not marked `Rolled back` (a release an incident withdrew is never restored; a fixed release under a new tag is promoted instead). One exception, for a ledger kept by hand that dropped each row when it replaced it: an older release than the current one, which the pin held before adoption and a promotion (not a downgrade) replaced, may lack its row; the rollback adds one. Anything else is a new baseline and goes through a promotion.",
    example:
      'A pull request marks v0.4.0 `Rolled back` and pins v0.3.2 with a different manifest digest than v0.3.2 ever had.'
  },
  BG510: {
    title: 'No last-known-good baseline',
    severity: 'error',
    description:
      'Rollback needs an earlier trio revision on the current branch (its first-parent history) with another identity, valid at that revision (every trio rule but those of how its matrix documents the baseline), whose ledger row is not `Rolled back`, and that a rollback may restore by BG509 (a row in the ledger, or an older release the pin held before adoption that a promotion replaced), or the revision of the tag given with `--to`. The finding lists the revisions passed over and why. A shallow clone has no history to search: check out with `fetch-depth: 0`.',
    example: 'The branch has only ever pinned v0.4.0, or `--to v0.2.0` names a tag the pin never held.'
  },
  BG511: {
    title: 'Trio changed on disk',
    severity: 'error',
    description:
      'A rollback restores the trio from git over the files on disk; when the trio on disk differs from the checked-out commit (and from the restored trio), someone edited it by hand. Nothing is overwritten: commit or discard the edits, then run again.',
    example: 'The matrix has an uncommitted edit when `baseline-gate rollback` runs.'
  },
  BG512: {
    title: 'Rollback not proposed on GitHub',
    severity: 'warning',
    description:
      'The rollback action commits the restored trio on a branch, opens a pull request whose body is the incident note, and opens or updates the incident issue. When the token may not (permissions `contents`, `pull-requests`, `issues`: write; or the repository does not let Actions open pull requests) the restored files, the note and the evidence are still in the workspace and the artifact, and this warning says what was not done.',
    example: 'The workflow has `pull-requests: read`: no pull request is opened.'
  },
  BG513: {
    title: 'Last-known-good not restorable (rollback drill)',
    severity: 'error',
    description:
      'A rollback drill (`baseline-gate rollback --drill`, the rollback action with `drill: true`) proves, without writing anything, that the last-known-good baseline can still be restored: its pin and mirror read from git at the trio revision, the mirror byte for byte what the pin records (`expected_producer_manifest_sha256`), and no baseline the ledger still lists as approved (`Approved` or `Superseded`) passed over because its revision in git no longer verifies. The finding stands on the row of that baseline in the ledger; its message names the file, the line and the trio revision that no longer verify. Fix the history (restore the revision, or mark the baseline `Rolled back` in the ledger when it must never come back), then run the drill again.',
    example:
      'The ledger lists v0.5.0 `Superseded`, but the mirror committed with it hashes to another digest than its pin records: a rollback would skip it and restore v0.4.0.'
  },
  BG514: {
    title: 'Ledger and history disagree on a baseline (rollback drill)',
    severity: 'warning',
    description:
      'The compatibility matrix has no ledger row for the baseline a rollback would restore (an older release approved before adoption, whose row a hand-kept ledger dropped), so the rollback would append one (with the consumer cells of the ledger at that revision, or placeholders to correct); the restore still works. Or it has no row for a newer baseline the pin held, which a rollback therefore skips (the promotion gate would refuse to restore it, BG509) to restore an older one: if that baseline was approved, put its row back. Or it records a baseline newer than the target as Approved or Superseded that no revision on the first-parent history of the branch pins (a merge made the commits that pinned it a second parent, as a `git pull` merged and pushed does), which neither a rollback nor the gate can restore: promote it again to go back to it. Record every baseline in the ledger so the incident leaves an exact history.',
    example:
      'A hand-kept matrix replaced its one row at each promotion: the previous baseline has no row left.'
  },
  BG515: {
    title: 'Release cannot be repinned from its tag',
    severity: 'error',
    description:
      "The repin action proposes a producer release by its tag: the tag must be in the checkout (check out with `fetch-depth: 0`, which fetches the tags), the producer's manifest and handoff payload must exist at the tagged commit, and the manifest there must name that tag as its `release_tag`. The tagged commit must be on the checked-out base branch (a reviewed release, not a commit of an unmerged branch), and the release must be newer than the one the base branch pins (the same release again changes nothing; going back is a rollback). A release older than the one the repin pull request already proposes (a late delivery) is not proposed again. Nothing is written, committed or opened.",
    example: 'The tag v0.6.0 points at a commit whose producer manifest still says v0.5.0.'
  },
  BG516: {
    title: 'Repin pull request not opened or updated',
    severity: 'error',
    description:
      'The repin action commits the repinned trio on the branch `baseline-gate/repin-<baseline>` and opens or updates its one pull request. When the token may not (permissions `contents`, `pull-requests`: write; or the repository does not let Actions open pull requests), or another run moved the branch meanwhile, the repinned trio is still in the workspace, and this error says what was not done. Labels that cannot be set are a warning of their own (BG525).',
    example: 'The workflow has `pull-requests: read`: the branch is pushed but no pull request is opened.'
  },
  BG517: {
    title: 'Repin left work undone',
    severity: 'warning',
    description:
      "What else names a release is the producer's to publish, so repin checks it and does not write it: the producer's handoff payload must describe the release (else BG304 fails the promotion), and every file of the policy's `repin.mentions` (a CHANGELOG) must name its tag (repin alone checks these: the promotion does not). The repin action proposes the release anyway (PASS) and raises this warning for each item left, with what to do; the pull request lists them in its checklist. `baseline-gate repin` on the command line exits 1 for the same items, as nobody else will see them there.",
    example:
      'The repin pull request of v0.5.0 is opened while `services/memorykernel/CHANGELOG.md` has no v0.5.0 entry yet.'
  },
  BG518: {
    title: 'Producer released, trio not repinned',
    severity: 'warning',
    description:
      "A change that leaves the trio as it is passes the promotion gate, since no baseline changed; but the producer's published manifest and handoff payload are judged against the pin as health will judge them once the change is merged. When the change moves the producer's manifest to a new release, the drift a repin ends (BG301, BG304) is this warning, naming the rules and the repin: `baseline-gate repin` in the same pull request (the release and its trio in one change), or right after it merges. Anything else the edit breaks, a release's own files included (an invalid manifest, a handoff that disagrees with it), fails the change with the drift rules' own errors. A finding the base revision already had is not held against the change.",
    example:
      "A pull request bumps `services/memorykernel`'s manifest to v0.5.0 for its release and leaves the pin at v0.4.0: it passes with BG518 naming BG301 and BG304."
  },
  BG519: {
    title: 'Trio file behind a symbolic link',
    severity: 'error',
    description:
      "The promotion gate reads a trio file's history from git: when the baseline being replaced was approved (BG504's stability window), which baselines were pinned before. git keeps the history of a link, not of the file it names, so a trio file reached through a symbolic link at the head revision hides that history. A change that makes a trio file a link (or moves its link), or changes a trio still reached through one, fails: make the file a regular file (`cp --remove-destination \"$(readlink -f FILE)\" FILE`). The gate reads a link inside the root as the checkout does, so the bytes it judges are the file's; health, which judges the checkout alone, follows such a link.",
    example:
      'A pull request replaces `config/memorykernel-integration-pin.json` with a link to `shared/pin.json`, bytes unchanged, so that the next repin is dated by the link, not by the pin.'
  },
  BG520: {
    title: 'Checkout conversion of a baseline file changed',
    severity: 'error',
    description:
      "The promotion gate judges the trio and the producer's published files as committed; health, once the change is merged, reads them as checked out. A change to the repository's .gitattributes that makes git convert one of them on checkout (CRLF line endings with `eol=crlf`, an encoding other than UTF-8 with `working-tree-encoding`, `$Id$` expansion with `ident`, a `filter` such as LFS) makes the two read other bytes: the digests the pin holds, the ledger's lines. The change fails, naming the file and the attributes: keep checkout conversions off these files (`<path> -text`, and no filter, ident or encoding for them). `text` or `text=auto` alone converts nothing on a checkout with git's defaults and is not this rule's concern.",
    example: 'A pull request adds `config/*.json eol=crlf` to .gitattributes.'
  },
  BG521: {
    title: 'Uncommitted changes beside a rollback',
    severity: 'warning',
    description:
      'A rollback restores the trio in the working tree and runs the rollback suites there, on everything the working tree holds. Files modified, added or deleted outside the trio and not yet committed are then part of what the suites test, and a suite that fails on them would be read as the last-known-good baseline failing. The warning lists them (the evidence directory left out); commit or stash them and run the rollback again, or read a failure with them in mind. The rollback action runs on a clean checkout and never sees this.',
    example:
      'An on-call engineer rolls back from a working tree with a half-written `src/hotfix.ts`: the typecheck fails on it, not on v0.5.0.'
  },
  BG522: {
    title: 'Breaking baseline at posture GO',
    severity: 'error',
    description:
      'A breaking promotion (a contract version bumped, an error code removed) lands at runtime cutover posture `NO-GO`, as `baseline-gate repin` writes it; the move to `GO` is a later posture-only pull request, which needs the joint approval of both teams (BG801). A promotion that writes `GO` itself would put the new contract into use with no approval at all.',
    example:
      'repin writes v0.5.0 (service.v4, `internal_error` removed) at NO-GO, and the pull request sets the posture back to GO in the pin and the matrix.'
  },
  BG523: {
    title: 'Pin setting changed',
    severity: 'warning',
    description:
      "The pin holds settings besides the baseline's identity and posture: the producer's repository, the base URL and the timeout the consumer reads at start-up. No baseline rule judges them, so a change of one is said, with its old and new value, wherever the verdict is read: an endpoint moved in passing in a pull request about something else is seen. It does not fail the change; the reviewers decide.",
    example:
      'A pull request that edits the matrix also moves `default_base_url` to `http://evil.example.com`.'
  },
  BG524: {
    title: "Baseline file's diff hidden from review",
    severity: 'error',
    description:
      "A change to the repository's .gitattributes that sets `-diff` (or `binary`, which sets it) or `linguist-generated` on a trio file or the producer's published files makes git and GitHub show no text diff of it, or GitHub fold it away as generated: a reviewer would approve changes to the baseline they cannot see. The change fails, naming the file and the attributes. A named diff driver (`diff=markdown`) hides nothing and passes.",
    example:
      'A pull request adds `docs/*_COMPATIBILITY_MATRIX.md -diff linguist-generated=true` and edits the matrix.'
  },
  BG525: {
    title: 'Repin pull request not labelled',
    severity: 'warning',
    description:
      "The repin action labels its pull request `baseline-repin` and the release's kind (`breaking`, `additive` or `patch`). GitHub creates a label that does not exist yet only for a token with `issues: write`; without it (or when the labels cannot be set for another reason) the pull request is still proposed (PASS), and this warning says which labels are missing and why: grant `issues: write`, or create the labels once by hand.",
    example:
      'The repin workflow grants `contents: write` and `pull-requests: write` only, on a repository that has no `baseline-repin` label yet.'
  },
  BG526: {
    title: 'Manifest converted on checkout',
    severity: 'error',
    description:
      "repin copies the producer's manifest into the mirror and pins its SHA-256; migrate adds the SHA-256 of the mirror to a pin that lacks it. Where the checkout converted that file (core.autocrlf on a Windows checkout, or an `eol`, a `filter` or a `working-tree-encoding` in .gitattributes), its bytes on disk are not the bytes committed: the mirror and the digest made from them would fail BG202 and BG301 on every other checkout. repin and migrate refuse and write nothing. Mark the manifests and the trio's files `-text` in .gitattributes and check them out as committed.",
    example:
      'On Windows with core.autocrlf=true, the mirror is checked out with CRLF line endings while git holds LF, and `baseline-gate migrate` would pin the digest of the CRLF bytes.'
  },
  BG527: {
    title: 'Restored trio not written',
    severity: 'error',
    description:
      'A rollback writes the restored trio as one set (every file or none). When the runner cannot write a trio file or its directory (its permissions, a file a container step left owned by root, a full disk), nothing is changed: the rollback stops with this error, and still writes its evidence, its incident note and, in Actions, its job summary and incident issue, so the incident is recorded. Make the trio writable and run the rollback again.',
    example: '`docs/` belongs to root after a containerised step, and the rollback cannot write the matrix.'
  },
  BG528: {
    title: 'Restored trio changed while the suites ran',
    severity: 'error',
    description:
      "The rollback suites run the repository's code beside the restored trio. When a step rewrites a trio file (or another run writes the trio meanwhile), what is on disk is no longer the trio restored and tested: the rollback fails, puts the previous trio back, and names the files that changed.",
    example: 'A test step regenerates the pin from a template and sets its posture to `GO`.'
  },
  BG529: {
    title: 'Trio changed inside the change',
    severity: 'error',
    description:
      "Each commit of a change that touches the trio must leave it as the change's base has it, or pin the head's baseline (the head's pin and mirror; the matrix may differ, as a fix-up of a ledger row does). GitHub's rebase merge (and a fast-forward push) puts every commit of a pull request on the branch's first-parent history, and lkg, rollback and this gate (BG509, BG504) read every trio revision there as a baseline the branch had. A commit that sets the trio to something no promotion judged, and a later one that sets it back, would leave such a baseline in the history while the change as a whole left the trio alone; a trio updated file by file over several commits would leave half-updated ones. Squash the change's trio edits into one commit (`git rebase -i` on the base, then push): a squash merge would land them as one commit, but the check on the pull request judges its commits as they are.",
    example:
      'A pull request pins a tampered mirror of an older release in its first commit and puts the trio back in its second.'
  }
} as const satisfies Record<`BG5${string}`, RuleInfo>
