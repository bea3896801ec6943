// The GitHub client against the fake GitHub REST server, for the tests of src/github/client.ts: a client with
// test settings whose log lines are kept, the unwrapping of its results, and the check that no token leaks.
import { afterEach, beforeEach, expect } from '@jest/globals'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHubClient, GitHubClientOptions, Result } from '../../src/github/client.js'

/** The value of a result that must be ok. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`)
  return result.value
}

export interface FakeClient {
  /** The log lines of every client made since the last reset(). */
  readonly logs: string[]
  /** Forget the log lines (each test starts with none). */
  reset: () => void
  /** A client of acme/app on the fake, with the first token, short timeouts and the log kept. */
  client: (overrides?: Partial<GitHubClientOptions>) => GitHubClient
  /** The failure of a result that must fail; its message names none of the tokens. */
  failure: <T>(result: Result<T>) => { reason: string; message: string }
  /** The fake's requests on one route (`GET /repos/{owner}/{repo}/...`). */
  hits: (route: string) => FakeGitHub['requests']
  /** No token reaches a log line or the fake's request log. */
  expectNoTokenLeaked: () => void
}

/**
 * For a test file whose fake GitHub is started afresh for each test: `fake` is read at each call. `tokens` are
 * the ones the file's fake knows; the first is the client's.
 */
export function fakeClient(fake: () => FakeGitHub, tokens: readonly [string, ...string[]]): FakeClient {
  const logs: string[] = []
  return {
    logs,
    reset: () => {
      logs.length = 0
    },
    client: (overrides = {}) =>
      createGitHubClient({
        token: tokens[0],
        apiUrl: fake().url,
        repository: { owner: 'acme', repo: 'app' },
        timeoutMs: 2_000,
        retryDelayMs: 10,
        log: (line) => logs.push(line),
        ...overrides
      }),
    failure: (result) => {
      if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`)
      for (const token of tokens) expect(result.message).not.toContain(token)
      return result
    },
    hits: (route) => fake().requests.filter((r) => r.route === route),
    expectNoTokenLeaked: () => {
      for (const token of tokens) {
        expect(logs.join('\n')).not.toContain(token)
        expect(JSON.stringify(fake().requests)).not.toContain(token)
      }
    }
  }
}

/** A token the fake knows: its account, and whether it may write (false: a fork's read-only token). */
export interface FakeTokenSpec {
  token: string
  login: string
  write?: boolean
}

/**
 * A fresh fake GitHub for each test of the calling file or describe block, knowing `tokens` (the first is the
 * client's) and the repository acme/app, then `seed`; after each test, no token may have leaked.
 */
export function fakeGitHubPerTest(
  tokens: readonly [FakeTokenSpec, ...FakeTokenSpec[]],
  seed: (fake: FakeGitHub) => void = () => {}
): FakeClient & { fake: () => FakeGitHub } {
  let current: FakeGitHub | null = null
  const fake = (): FakeGitHub => {
    if (!current) throw new Error('the fake GitHub runs only inside a test')
    return current
  }
  const harness = fakeClient(fake, tokens.map((t) => t.token) as [string, ...string[]])
  beforeEach(async () => {
    current = await startFakeGitHub()
    harness.reset()
    for (const t of tokens) current.addToken(t.token, t.login, { write: t.write ?? true })
    current.addRepo('acme/app')
    seed(current)
  })
  afterEach(async () => {
    harness.expectNoTokenLeaked()
    await current?.close()
    current = null
  })
  return { ...harness, fake }
}
