// Workflow runs (the Actions API): the scheduled drift check reads its own run and the previous scheduled one.
import type { RouteSpec } from '../router.js'
import type { FakeRepo, FakeWorkflowRun } from '../state.js'

const RUN_STATUSES = ['queued', 'in_progress', 'completed']

function workflowRunJson(base: string, repo: FakeRepo, run: FakeWorkflowRun): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`
  return {
    id: run.id,
    node_id: `WFR_${run.id}`,
    name: run.name,
    display_title: run.name,
    path: run.path,
    workflow_id: run.workflow_id,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    head_sha: run.head_sha,
    head_branch: run.head_branch,
    run_number: run.run_number,
    run_attempt: run.run_attempt,
    created_at: run.created_at,
    updated_at: run.updated_at,
    run_started_at: run.created_at,
    url: `${base}/repos/${full}/actions/runs/${run.id}`,
    html_url: `https://github.com/${full}/actions/runs/${run.id}`,
    workflow_url: `${base}/repos/${full}/actions/workflows/${run.workflow_id}`,
    repository: { id: 1, name: repo.name, full_name: full }
  }
}

export const workflowRunsRoutes: RouteSpec[] = [
  {
    route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
    handler: ({ params, base, h }) => {
      const repo = h.repo(params)
      const run = repo?.workflowRuns?.find((r) => r.id === Number(params.run_id))
      if (!repo || !run) return h.notFound()
      return { status: 200, body: workflowRunJson(base, repo, run) }
    }
  },
  {
    // the workflow by its id or its file name; newest first; `status` takes a status or a conclusion
    route: 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    handler: ({ params, query, base, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const wanted = params.workflow_id as string
      const ofWorkflow = (repo.workflowRuns ?? []).filter((r) =>
        /^\d+$/.test(wanted) ? r.workflow_id === Number(wanted) : r.path.split('/').pop() === wanted
      )
      if (ofWorkflow.length === 0) return h.notFound()
      const listed = ofWorkflow
        .filter((r) => !query.event || r.event === query.event)
        .filter((r) => !query.branch || r.head_branch === query.branch)
        .filter((r) =>
          !query.status
            ? true
            : RUN_STATUSES.includes(query.status)
              ? r.status === query.status
              : r.conclusion === query.status
        )
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
      const page = h.page(listed.map((r) => workflowRunJson(base, repo, r)))
      return { ...page, body: { total_count: listed.length, workflow_runs: page.body } }
    }
  }
]
