// Where the run is on GitHub, from the runner's environment: the repository, the run's page, the API client.
import * as core from '@actions/core'
import { createGitHubClient } from '../../github/client.js'
import type { GitHubClient, Repository } from '../../github/client.js'
import { createRepositoryReader } from '../../github/repository-reader.js'
import type { RepositoryReader } from '../../github/repository-reader.js'
import { blobLinks } from '../../present/links.js'
import type { Links } from '../../present/links.js'
import { workspacePrefix } from './annotations.js'
import { InputError } from './inputs.js'

/** GITHUB_REPOSITORY as owner and name, or null. */
export function parseRepository(value: string | undefined): Repository | null {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value ?? '')
  return m ? { owner: m[1]!, repo: m[2]! } : null
}

/** The repository's page, when the environment says where it is (a plain http(s) server, owner/name). */
export function repositoryUrl(env: NodeJS.ProcessEnv): string | null {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const repository = parseRepository(env.GITHUB_REPOSITORY)
  if (!repository || !/^https?:\/\/[^\s()]+$/.test(server)) return null
  return `${server.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}`
}

/** The run's page, when the environment says where it is. */
export function runUrl(env: NodeJS.ProcessEnv): string | null {
  const repo = repositoryUrl(env)
  const id = env.GITHUB_RUN_ID
  if (!repo || !id || !/^\d+$/.test(id)) return null
  return `${repo}/actions/runs/${id}`
}

/** The login the workflow's own token writes as (GitHub's Actions app). */
export const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]'

/**
 * The API client for this repository (GITHUB_API_URL honoured: GHES), or null without a token or repository.
 * action.yml says when the token is the workflow's own (BASELINE_GATE_TOKEN_IS_WORKFLOWS, never the token): its
 * comments and issues are then known by their author, not taken from any app's that carry the marker.
 */
export function githubClient(
  token: string,
  repository: Repository | null,
  env: NodeJS.ProcessEnv
): GitHubClient | null {
  if (!token || !repository) return null
  return createGitHubClient({
    token,
    apiUrl: env.GITHUB_API_URL || undefined,
    repository,
    log: (line) => core.debug(line),
    ...(env.BASELINE_GATE_TOKEN_IS_WORKFLOWS === 'true' ? { login: WORKFLOW_TOKEN_LOGIN } : {})
  })
}

/**
 * The reader of producer repositories for `remote-identity` (GITHUB_API_URL honoured: GHES). A missing
 * token is an input error: a remote check that cannot run must not look like one that passed.
 */
export function producerReader(token: string, env: NodeJS.ProcessEnv): RepositoryReader {
  if (!token) {
    throw new InputError(
      "input 'remote-identity' is \"true\" but no GitHub token was given (input 'token'): pass one that can read the producer repository"
    )
  }
  return createRepositoryReader({
    token,
    apiUrl: env.GITHUB_API_URL || undefined,
    log: (line) => core.debug(line)
  })
}

/**
 * The links of the summary and the comment: each finding's file and line at `sha` (the commit judged; null:
 * no file links, e.g. files a rollback restored that no commit holds yet), the run, the artifact.
 */
export function presentLinks(
  env: NodeJS.ProcessEnv,
  root: string,
  sha: string | null,
  artifact: string | null
): Links {
  return {
    file: blobLinks({
      server: env.GITHUB_SERVER_URL,
      repository: env.GITHUB_REPOSITORY,
      sha,
      prefix: workspacePrefix(env.GITHUB_WORKSPACE || process.cwd(), root)
    }),
    run: runUrl(env),
    artifact
  }
}

const EVENT_WORDS: Record<string, string> = {
  schedule: 'scheduled run',
  workflow_dispatch: 'run by hand (workflow_dispatch)',
  push: 'push',
  pull_request: 'pull request',
  pull_request_target: 'pull request',
  merge_group: 'merge queue',
  repository_dispatch: 'repository_dispatch'
}

/** What started the run, in words ("scheduled run", "push"), for the line under a summary's headline. */
export function eventWords(env: NodeJS.ProcessEnv): string | null {
  const name = env.GITHUB_EVENT_NAME
  if (!name) return null
  return EVENT_WORDS[name] ?? `${name} event`
}
