// Rule family 6xx: the adapter boundary: one consumer file names the producer's endpoints.
import type { RuleInfo } from './rule-info.js'

export const ADAPTER_RULES = {
  BG601: {
    title: 'Adapter file missing',
    severity: 'error',
    description:
      "Each of the policy's adapter files (the consumer's integration boundary: one file, or a few such as a TypeScript client and a Rust command module) must exist.",
    example: '`adapter.file` names `src/producer/endpoints.ts`, which was moved.'
  },
  BG602: {
    title: 'Adapter lacks an endpoint',
    severity: 'error',
    description:
      'The adapter file contains every endpoint string of `adapter.endpoints`: all calls to the producer go through it. An endpoint the consumer does not call belongs in `adapter.unused`, which the adapter need not name (and no other file may, BG603).',
    example: 'The adapter no longer names the readiness endpoint.'
  },
  BG603: {
    title: 'Endpoint outside the adapter',
    severity: 'error',
    description:
      'No scanned source file other than the adapter contains a producer endpoint string (every endpoint of `adapter.endpoints` and `adapter.unused`, every scanned extension, tests included unless excluded): code that calls the producer directly bypasses the deterministic fallback.',
    example: "A React hook calls the producer's query endpoint with `fetch` directly."
  },
  BG604: {
    title: 'Adapter boundary not configured',
    severity: 'warning',
    description:
      'The policy names no adapter file, so the boundary is not checked: a warning, because a check that does nothing must not look like one that passed. The message lists the scanned files that name producer endpoints; `baseline-gate init` writes them into the policy as `adapter.file` (one path or a list, e.g. a TypeScript client and a Rust command module) with `adapter.scan`.',
    example: 'A policy without `adapter.file`.'
  },
  BG605: {
    title: 'File not scanned for endpoints',
    severity: 'error',
    description:
      "BG603 can only judge the files it reads. A file the adapter scan lists but cannot read (larger than the read limit, a symbolic link out of the repository or to nothing, unreadable), or whose name (or a directory's) holds a line break or is not UTF-8, which the scan's globs never match, could name the producer's endpoints unseen; so could a directory the scan's walk goes to and cannot read (a path longer than the system opens, no read permission), or a symbolic link the globs name that leads out of the repository, to nothing or to a directory, or a file in UTF-16. A link to a file inside the repository is read; a link to a directory, anywhere the walk goes, is never walked into, so it fails too (a file importing through `src/lib -> ../vendor` would look like code the scan saw): scan the directory where it is, or exclude the link. Each one fails, named with why; rename it, make it readable, or exclude it (`adapter.exclude`) when it holds no source.",
    example:
      'A pull request adds `src/vendor/bundle.js` of 20 MiB, or a directory whose name ends in a newline, holding a direct call to the producer.'
  },
  BG606: {
    title: 'Change hides a call from the adapter scan',
    severity: 'error',
    description:
      "The promotion gate draws the adapter boundary twice: as the base revision's policy draws it and as the change's does. A file the base's boundary finds naming a producer endpoint outside the adapter (or cannot search, BG605: a file in UTF-16, too large, a link out), and the change's no longer does (the change excludes it from the scan, narrows `adapter.scan`, declares it an adapter file, or drops the endpoint from `adapter.endpoints` and `adapter.unused`), fails unless a consumer owner and a producer owner both approved the head commit: health judges the boundary the pull request's own policy draws, so the change would otherwise pass with a direct call hidden. So does a file the change adds or edits where the scan's globs reach and it does not look, with no policy change at all: under an `adapter.exclude` glob (a generated client of the producer included) or in a `node_modules` directory, which the scan never enters. Every baseline the base's policy defines is compared, whichever the run judges; a baseline the change renames is compared with the one that governs its pin now, and one it removes with no boundary at all. Call the producer through the adapter instead; a file that is no code (documentation, fixtures) gets both approvals, and then BG608 records them.",
    example:
      'A pull request adds `src/hooks/useSearch.ts`, which fetches `/v1/search` directly, and `"src/hooks/**"` to `adapter.exclude`.'
  },
  BG607: {
    title: 'Change narrows the adapter boundary',
    severity: 'warning',
    description:
      "The change's policy scans less than the base revision's (a glob of `adapter.scan` removed, one of `adapter.exclude` added, another adapter file, an endpoint dropped from both lists), though no file names a producer endpoint where it stops looking today. Once merged, every later change is judged by the narrower boundary: a call added there will not be seen. A warning, for the reviewers of the policy file; BG606 fails a narrowing that hides a call now.",
    example: 'A pull request adds `"tools/**"` to `adapter.exclude`.'
  },
  BG608: {
    title: 'Hidden call approved by both teams',
    severity: 'notice',
    description:
      'A call the change hides from the adapter scan (BG606), with the approval of a consumer owner and a producer owner on the head commit: recorded in the evidence with who approved.',
    example: 'A fixture file of recorded producer responses excluded from the scan, approved by both teams.'
  }
} as const satisfies Record<`BG6${string}`, RuleInfo>
