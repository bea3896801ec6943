// The runs of a workflow (the Actions API), as far as the scheduled drift check needs them: its own run
// and the runs before it.
import type { Doing, Result } from './result.js'
import type { Session } from './session.js'

/** A workflow run, as far as the schedule check needs it. */
export interface WorkflowRun {
  id: number
  workflowId: number
  /** The event that started it: "schedule", "workflow_dispatch", ... */
  event: string
  status: string | null
  conclusion: string | null
  /** When GitHub created the run (for a scheduled run: about when the schedule fired). */
  createdAt: string
  url: string
}

export interface WorkflowRunApi {
  /** One workflow run (GITHUB_RUN_ID names the current one). Needs `actions: read`. */
  getWorkflowRun(runId: number): Promise<Result<WorkflowRun>>
  /**
   * The newest runs of one workflow (its id or file name), newest first: the first page only, at most
   * `perPage` (1-100, default 30), filtered by `event` and `status` as GitHub filters them. Needs
   * `actions: read`.
   */
  listWorkflowRuns(
    workflowId: number | string,
    filter?: { event?: string; status?: string; perPage?: number }
  ): Promise<Result<WorkflowRun[]>>
}

type RunData = {
  id: number
  workflow_id: number
  event: string
  status: string | null
  conclusion: string | null
  created_at: string
  html_url: string
}

const workflowRun = (run: RunData): WorkflowRun => ({
  id: run.id,
  workflowId: run.workflow_id,
  event: run.event,
  status: run.status ?? null,
  conclusion: run.conclusion ?? null,
  createdAt: run.created_at,
  url: run.html_url
})

const ACTIONS_NOTE =
  'A workflow token gets it from `permissions: actions: read` in the job (a job with a `permissions:` ' +
  'block has no permission it does not list).'

/** Why `workflowId` names no workflow, or `perPage` is out of range; null when both are usable. */
function listProblem(workflowId: number | string, perPage: number): string | null {
  const byId = typeof workflowId === 'number' && Number.isSafeInteger(workflowId) && workflowId > 0
  const byFile = typeof workflowId === 'string' && /^[A-Za-z0-9._-]{1,200}\.ya?ml$/.test(workflowId)
  if (!byId && !byFile)
    return `${JSON.stringify(workflowId)} is neither a workflow id nor a workflow file name.`
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    return `per page must be 1-100, not ${String(perPage)}.`
  return null
}

export function workflowRunApi(session: Session): WorkflowRunApi {
  const { owner, repo, fullName, api, step, call } = session
  return {
    getWorkflowRun: (runId) => {
      const doing: Doing = {
        what: `read the workflow run ${runId} of ${fullName}`,
        permission: '`actions: read`',
        subject: `the repository ${fullName} and the run id ${runId} (GITHUB_RUN_ID)`,
        note403: ACTIONS_NOTE
      }
      const problem = () =>
        Number.isSafeInteger(runId) && runId > 0 ? null : `${String(runId)} is not a workflow run id.`
      return call(doing, problem, async () => {
        const { data } = await step(doing, () =>
          api().rest.actions.getWorkflowRun({ owner, repo, run_id: runId })
        )
        return workflowRun(data)
      })
    },

    listWorkflowRuns: (workflowId, filter = {}) => {
      const doing: Doing = {
        what: `list the runs of the workflow ${String(workflowId)} of ${fullName}`,
        permission: '`actions: read`',
        subject: `the repository ${fullName} and the workflow ${String(workflowId)}`,
        note403: ACTIONS_NOTE
      }
      return call(
        doing,
        () => listProblem(workflowId, filter.perPage ?? 30),
        async () => {
          const { data } = await step(doing, () =>
            api().rest.actions.listWorkflowRuns({
              owner,
              repo,
              workflow_id: workflowId,
              per_page: filter.perPage ?? 30,
              ...(filter.event ? { event: filter.event } : {}),
              ...(filter.status ? { status: filter.status as 'completed' } : {})
            })
          )
          return data.workflow_runs.map(workflowRun)
        }
      )
    }
  }
}
