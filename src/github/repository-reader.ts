// Readers of OTHER repositories than the run's own (the producer repository of a baseline), made with
// one token and API URL: the entry layer builds one and hands it to an operation, which stays free of
// credentials and of @actions/*.
import { createGitHubClient } from './client.js'
import type { GitHubClientOptions, Repository, RepositoryReadApi } from './client.js'

export interface RepositoryReader {
  /** A reader of `repository` (one client per repository, reused). */
  forRepository(repository: Repository): RepositoryReadApi
}

/** Same options as a client, minus the repository; apiUrl defaults to GITHUB_API_URL (GitHub Enterprise). */
export function createRepositoryReader(options: Omit<GitHubClientOptions, 'repository'>): RepositoryReader {
  const clients = new Map<string, RepositoryReadApi>()
  return {
    forRepository(repository) {
      const key = `${repository.owner}/${repository.repo}`.toLowerCase()
      let client = clients.get(key)
      if (!client) {
        client = createGitHubClient({ ...options, repository })
        clients.set(key, client)
      }
      return client
    }
  }
}
