// The processes the suite steps left running, and that the runner killed, in plain words for the evidence's
// Markdown (and any surface rendered from the packet). Untrusted names go through code().
import type { KilledStepProcess, StepResult } from '../rules/verdict.js'
import { code, escapeMarkdown } from './markdown-text.js'
import { plural } from '../text/plural.js'

const FOUND: Record<KilledStepProcess['found'], string> = {
  group: 'still in its process group',
  descendant: 'left its process group',
  marker: 'left its process group and tree, found by its environment marker'
}

function describe(k: KilledStepProcess): string {
  return `${code(k.command)} (pid ${k.pid}, ${FOUND[k.found]}${k.error ? `: ${escapeMarkdown(k.error)}` : ''})`
}

function when(step: StepResult): string {
  if (step.status === 'timed-out') return 'still running when it timed out'
  if (step.error === 'aborted') return 'still running when it was aborted'
  return 'left running after the step'
}

/** One sentence for one step; null when it left nothing. */
export function leftRunningLine(step: StepResult): string | null {
  const all = step.killed ?? []
  if (all.length === 0) return null
  const killed = all.filter((k) => k.error === undefined)
  const refused = all.filter((k) => k.error !== undefined)
  const parts: string[] = []
  if (killed.length > 0)
    parts.push(
      `killed ${plural(killed.length, 'process', 'processes')} ${when(step)}: ${killed.map(describe).join(', ')}`
    )
  if (refused.length > 0)
    parts.push(
      `could not kill ${plural(refused.length, 'process', 'processes')}: ${refused.map(describe).join(', ')}`
    )
  return `${escapeMarkdown(step.suite)} › ${escapeMarkdown(step.name)}: ${parts.join('; ')}.`
}

/**
 * The section's text: a line per step that left processes, or that none did; and, where the runner has no
 * /proc, that a process leaving a step's group could not be tracked. Empty when no suite step ran.
 */
export function leftRunning(steps: StepResult[]): string {
  const ran = steps.filter((s) => s.containment !== undefined)
  if (ran.length === 0) return ''
  const lines = ran.map(leftRunningLine).filter((l): l is string => l !== null)
  const out = lines.length > 0 ? lines.map((l) => `- ${l}`) : ['No step left a process running.']
  // the kernel keeps 15 bytes of a command name (TASK_COMM_LEN): say so, or a cut name looks like a typo
  if (ran.some((s) => (s.killed ?? []).some((k) => Buffer.byteLength(k.command) === 15)))
    out.push('', 'Command names are as the kernel keeps them: their first 15 bytes.')
  if (ran.some((s) => s.containment === 'group-only'))
    out.push(
      '',
      'This runner has no /proc: only each step’s process group was stopped, and a process that left it ' +
        '(setsid) could be neither found nor killed.'
    )
  return out.join('\n')
}
