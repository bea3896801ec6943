// 8xx: a change of the runtime cutover posture to GO needs the joint approval of both teams (DESIGN.md §6):
// from NO-GO, and from no posture at all (a trio written before adoption, or one that lost the field), which
// would otherwise be the way around the approval.
import type { JointApproval, Result } from '../github/client.js'
import type { Position } from '../document/source-file.js'
import type { Posture } from '../trio/model.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

export interface ApprovalInput {
  posture: { from: Posture | null; to: Posture | null }
  /** Where the head pin says GO. */
  pinPath: string
  at: Position | null
  /**
   * What the reviews say; a string when they could not be read (no pull request, no token, an API failure).
   * Only consulted when the change needs approval.
   */
  approval: Result<JointApproval> | string
  /** The owners whose approval counts (the base policy's), when they could be read: BG802 names them. */
  owners?: { consumer: readonly string[]; producer: readonly string[] }
}

/** "; approvals needed: a consumer owner (@a, @org/team) and a producer owner (@b)", or what to set when none. */
function ownersNeeded(owners: ApprovalInput['owners']): string {
  if (!owners) return ''
  const list = (l: readonly string[]) => l.map((o) => `@${o}`).join(', ')
  if (owners.consumer.length === 0 || owners.producer.length === 0)
    return "; the base policy does not name both teams' owners (owners.consumer, owners.producer): set them first, in a pull request of its own"
  return `; approvals needed: a consumer owner (${list(owners.consumer)}) and a producer owner (${list(owners.producer)}), two different people`
}

/** Whether the change moves the posture to GO from anything else (NO-GO, or absent). */
export function needsJointApproval(posture: ApprovalInput['posture']): boolean {
  return posture.to === 'GO' && posture.from !== 'GO'
}

/** How many ignored approvals a message names; a crowd of drive-by approvals must not swamp it. */
const NOT_COUNTED_SHOWN = 10

/**
 * "; approval by @alice not counted: they opened the pull request; review by @bob not counted: it was
 * dismissed", or "": an operator who sees an approval on the pull request learns why the gate ignored it.
 */
function notCountedText(a: JointApproval): string {
  const shown = a.notCounted
    .slice(0, NOT_COUNTED_SHOWN)
    .map((n) => `; ${n.kind} by @${n.login} not counted: ${n.reason}`)
  const more = a.notCounted.length - NOT_COUNTED_SHOWN
  return shown.join('') + (more > 0 ? `; ${more} more approval(s) not counted` : '')
}

/** "NO-GO -> GO", "(no posture) -> GO". */
function change(posture: ApprovalInput['posture']): string {
  return `${posture.from ?? '(no posture)'} -> ${posture.to ?? '(no posture)'}`
}

export function approvalRules(input: ApprovalInput): Finding[] {
  if (!needsJointApproval(input.posture)) return []
  const { approval } = input
  if (typeof approval === 'string' || !approval.ok) {
    const why = typeof approval === 'string' ? approval : approval.message
    return [
      finding(
        'BG802',
        input.pinPath,
        input.at,
        `the posture changes ${change(input.posture)}, which needs the joint approval of the consumer and producer owners, and it could not be checked: ${why}${ownersNeeded(input.owners)}`
      )
    ]
  }
  const a = approval.value
  const who = (list: string[]) => (list.length > 0 ? list.join(', ') : 'nobody')
  if (!a.approved) {
    const missing =
      a.consumer.length === 0 && a.producer.length === 0
        ? 'an approval from a consumer owner and one from a producer owner'
        : a.consumer.length === 0
          ? 'an approval from a consumer owner'
          : a.producer.length === 0
            ? 'an approval from a producer owner'
            : 'approvals from two different people (one person cannot approve for both teams)'
    return [
      finding(
        'BG801',
        input.pinPath,
        input.at,
        `the posture changes ${change(input.posture)} without joint approval on the head commit ${a.headSha.slice(0, 12)}: consumer owners approving: ${who(a.consumer)}; producer owners approving: ${who(a.producer)}; still needed: ${missing}${notCountedText(a)}`
      )
    ]
  }
  return [
    finding(
      'BG803',
      input.pinPath,
      input.at,
      `the posture changes ${change(input.posture)} with joint approval on ${a.headSha.slice(0, 12)}: consumer ${who(a.consumer)}, producer ${who(a.producer)}${notCountedText(a)}`
    )
  ]
}
