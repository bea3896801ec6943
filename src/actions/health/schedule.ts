// The schedule check of a scheduled health run: is the previous scheduled run of the same workflow much older than
// the schedule implies? GitHub delays scheduled runs under load, drops some, and disables the schedules of a
// public repository without activity for 60 days; nothing else tells anyone that the drift check stopped.
// Reads the Actions API (`actions: read`); a failure of the check is a notice, never a failure of the step.
import type { GitHubClient } from '../../github/client.js'

export type ScheduleClient = Pick<GitHubClient, 'getWorkflowRun' | 'listWorkflowRuns'>

export type ScheduleCheck =
  /** The previous scheduled run is recent enough. */
  | { kind: 'ok'; previousAt: string; hours: number }
  /** Too old, or there is none: a warning. */
  | { kind: 'stale'; message: string }
  /** The check could not be made: a notice. */
  | { kind: 'unknown'; message: string }

const WHY =
  'GitHub delays scheduled runs when it is busy (and may drop some), and disables the schedules of a public ' +
  'repository without activity for 60 days. Check that the workflow is enabled (Actions tab) and that its cron ' +
  "is what you expect, or set 'schedule-interval-hours' to the schedule's interval."

const hoursText = (h: number): string => (h >= 48 ? `${(h / 24).toFixed(1)} days` : `${h.toFixed(1)} hours`)

/**
 * Compare this run (GITHUB_RUN_ID) with the previous completed scheduled run of its workflow: stale when that run
 * was created more than twice `intervalHours` before this one, or when there is none.
 */
export async function checkSchedule(
  client: ScheduleClient,
  runId: string | undefined,
  intervalHours: number,
  now: () => Date = () => new Date()
): Promise<ScheduleCheck> {
  if (!runId || !/^\d+$/.test(runId)) {
    return {
      kind: 'unknown',
      message: 'GITHUB_RUN_ID is not set, so the previous scheduled run cannot be found.'
    }
  }
  const current = await client.getWorkflowRun(Number(runId))
  if (!current.ok) return { kind: 'unknown', message: current.message }
  const runs = await client.listWorkflowRuns(current.value.workflowId, {
    event: 'schedule',
    status: 'completed',
    perPage: 2
  })
  if (!runs.ok) return { kind: 'unknown', message: runs.message }
  const previous = runs.value.find((r) => r.id !== current.value.id)
  const limit = 2 * intervalHours
  if (!previous) {
    return {
      kind: 'stale',
      message:
        `No earlier completed scheduled run of this workflow was found: this is its first scheduled run, or ` +
        `earlier ones were deleted. ${WHY}`
    }
  }
  const reference = Date.parse(current.value.createdAt)
  const then = Date.parse(previous.createdAt)
  const from = Number.isFinite(reference) ? reference : now().getTime()
  if (!Number.isFinite(then)) {
    return { kind: 'unknown', message: `The previous scheduled run (${previous.id}) has no creation time.` }
  }
  const hours = (from - then) / 3_600_000
  if (hours > limit) {
    return {
      kind: 'stale',
      message:
        `The previous scheduled run of this workflow (${previous.url}) started ${hoursText(hours)} before this ` +
        `one, more than twice the schedule interval of ${intervalHours} hours. ${WHY}`
    }
  }
  return { kind: 'ok', previousAt: previous.createdAt, hours }
}
