// Rule family 3xx: the trio agrees with the producer: its manifest, code, release tag and handoff payload.
import type { RuleInfo } from './rule-info.js'

export const PRODUCER_RULES = {
  BG301: {
    title: 'Mirror differs from the producer manifest',
    severity: 'error',
    description:
      "The mirror must be byte for byte the producer's in-tree manifest (`<producer.root>/<producer.manifest>`). The finding names the first differing line. A change to the producer manifest is a new baseline: repin all three trio files together.",
    example:
      'The producer bumped `release_tag` in its manifest and the consumer mirror still holds the old bytes.'
  },
  BG302: {
    title: 'Producer manifest unusable',
    severity: 'error',
    description:
      "The producer's own manifest must exist, be UTF-8 JSON without a byte-order mark or duplicate keys, and match producer-contract-manifest.v1.",
    example:
      '`services/memorykernel/contracts/integration/v1/producer-contract-manifest.json` was deleted by a refactoring.'
  },
  BG303: {
    title: 'Handoff payload unusable',
    severity: 'error',
    description:
      "The producer's handoff payload must exist (a missing payload is a failure, never a silent skip), parse, and match config/schemas/handoff-payload.schema.json: every key present, relative paths only.",
    example: '`"manifest_path": "/Users/d/Projects/MemoryKernel/contracts/..."` (an absolute developer path).'
  },
  BG304: {
    title: 'Handoff identity disagrees',
    severity: 'error',
    description:
      "The payload's release tag, commit, contract versions and integration baseline, its `active_runtime_baseline`, and its `manifest_contract_version` equal the producer manifest and the pin. In candidate mode only the service contract version may differ, and the active runtime baseline is compared with the pin (the original compared the candidate with itself).",
    example: 'The payload says `"release_tag": "v0.3.2"` while the manifest and the pin say v0.4.0.'
  },
  BG305: {
    title: 'Handoff error codes differ',
    severity: 'error',
    description:
      "The payload's `error_code_enum` holds the same codes as the producer manifest (as a set; the finding names the missing and the unexpected codes).",
    example:
      'The payload lacks `write_conflict`, or adds `quota_exceeded` that the manifest does not declare.'
  },
  BG306: {
    title: 'Handoff envelope policy incomplete',
    severity: 'error',
    description:
      'Each mode of `non_2xx_envelope_policy` requires `service_contract_version`, `error.code` and `error.message`, and forbids `legacy_error` and `api_contract_version`; a field it forbids is in neither `requires` nor `optional`.',
    example:
      '`service_v3_stable.forbids` is `["legacy_error"]`: `api_contract_version` would be allowed in errors.'
  },
  BG307: {
    title: 'Handoff mode rules',
    severity: 'error',
    description:
      'A stable payload describes the pinned baseline (its service contract equals the pin) and carries no candidate keys. A service-v3-candidate payload carries `rehearsal_candidate` with `requires_runtime_cutover: false` and `consumer_non_blocking_fallback_required: true`, and `compatibility_expectations`.',
    example: 'A candidate payload with `"requires_runtime_cutover": true`.'
  },
  BG308: {
    title: 'Handoff timestamp',
    severity: 'error',
    description: '`handoff_generated_at_utc` is a real UTC instant, not in the future.',
    example: '`"handoff_generated_at_utc": "2026-13-01T00:00:00Z"`.'
  },
  BG309: {
    title: 'Producer code differs from its manifest',
    severity: 'error',
    description:
      "The running producer's own contract (the versions in its health envelope) equals its manifest: the code's constants and the published manifest must not drift apart.",
    example: 'The service answers `service.v4` while its manifest still says `service.v3`.'
  },
  BG310: {
    title: 'Producer at a rolled-back release',
    severity: 'warning',
    description:
      "After a rollback the producer's tree still holds the withdrawn release while the trio holds the last-known-good one. When the ledger records the producer's release (tag and commit) as `Rolled back`, the mirror and the handoff's runtime baseline are not compared with the producer's current files (BG301, BG304, BG307 would fail until a fixed release is promoted), and, when health probes the producer, the contract versions it reports are held to the ones the ledger's row records for the withdrawn release it runs, not to the pin's (BG403); this warning says so instead. Any other difference is still drift.",
    example:
      'The producer manifest says v0.4.0, the ledger row of v0.4.0 says `Rolled back`, the pin holds v0.3.2.'
  },
  BG311: {
    title: 'Producer manifest at the tag differs from the pin',
    severity: 'error',
    description:
      "With the remote identity check (`health --remote`, action input `remote-identity`), the producer manifest is fetched from the producer repository (the pin's `memorykernel_repo`) at the commit the pinned release tag names, at the policy's `producer.manifest` path, and the SHA-256 of its bytes must equal the pin's `expected_producer_manifest_sha256`. The finding names both digests. A manifest that does not exist at the tag fails too. The mirror only proves what the consumer copied; this proves what the producer published.",
    example:
      'The pin says `79970ec8…`, the manifest at `v0.4.0` in the producer repository hashes to `167f0265…` (the tag was moved, or the mirror was copied from another commit).'
  },
  BG312: {
    title: 'Release tag points elsewhere',
    severity: 'error',
    description:
      'With the remote identity check, the pinned release tag must resolve (annotated tags followed to their commit) to the pinned `commit_sha` or to a commit that descends from it: the runtime code commit comes first, and the tag may sit on a later commit that publishes the manifest. A tag on an older commit, on an unrelated branch, or a pinned commit the producer repository does not have, means the tag and the pin name different code.',
    example:
      '`v0.4.0` names `b508010`, which neither is nor descends from the pinned `7e4806a` (the compare says `diverged`).'
  },
  BG313: {
    title: 'Release tag missing from the producer repository',
    severity: 'error',
    description:
      'With the remote identity check, the pinned release tag must exist in the producer repository. A baseline whose tag was never pushed, or was deleted, cannot be reproduced from the producer.',
    example: 'The pin says `v0.4.1`; the producer repository has tags up to `v0.4.0`.'
  },
  BG314: {
    title: 'Producer identity could not be verified',
    severity: 'error',
    description:
      "The remote identity check was asked for and could not run to the end: no token, a producer repository URL that names no repository, the API refused (401, 403, 404 for a repository the token cannot see, rate limit), did not answer within the client's timeout, or is unreachable. A check that did not run never reads as a pass: the message says what failed and what to do (the token is never shown).",
    example:
      'The producer repository is private and the job token `github.token` cannot read it (403): pass a token that can.'
  }
} as const satisfies Record<`BG3${string}`, RuleInfo>
