// Rule family 8xx: the runtime cutover posture and the joint approval that lifts NO-GO.
import type { RuleInfo } from './rule-info.js'

export const POSTURE_RULES = {
  BG801: {
    title: 'Posture to GO without joint approval',
    severity: 'error',
    description:
      "Changing the runtime cutover posture to GO, from NO-GO or from no posture at all (a trio written before adoption gains the field), needs an approving review on the pull request's current head from one of the consumer owners AND one from a different person among the producer owners (the policy's `owners`). As on GitHub, the pull request's author never approves their own change, and neither does a bot; an approval of an older commit, one followed by a request for changes, and a dismissed review do not count either. The finding names each approval it did not count and why.",
    example: 'A pull request sets `runtime_cutover_posture` to `GO`, approved only by a consumer owner.'
  },
  BG802: {
    title: 'Joint approval could not be checked',
    severity: 'error',
    description:
      'A change of the posture to GO (from NO-GO, or from none) needs the reviews of the pull request, and they could not be read: no pull request (a local run, a push), no token, or the GitHub API refused or did not answer. An approval that could not be checked is never assumed.',
    example: '`baseline-gate promote` run locally on a commit that sets the posture to GO.'
  },
  BG803: {
    title: 'Joint approval given',
    severity: 'notice',
    description:
      'The change of the posture to GO carries the approvals of both teams; the finding names who approved.',
    example: '`alice` (consumer) and `bob` (producer) approved the head commit.'
  }
} as const satisfies Record<`BG8${string}`, RuleInfo>
