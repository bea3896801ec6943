// The GitHub client against the fake GitHub REST server, for the tests of src/github/client.ts: a client with
// test settings whose log lines are kept, the unwrapping of its results, and the check that no token leaks.
import { afterEach, beforeEach, expect } from '@jest/globals'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHubClient, GitHubClientOptions, Result, Sleep } from '../../src/github/client.js'
import type { ReviewSource } from '../../src/operations/reviews.js'

/** The value of a result that must be ok. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`)
  return result.value
}

export interface FakeClock {
  /**
   * A wait that can be called off (a request's timeout) runs out once the fake holds a request unanswered
   * (hangNext), and never otherwise; any other wait (the retry backoff) ends at once.
   */
  sleep: Sleep
  /** The milliseconds the backoffs have waited so far. */
  now: () => number
  /** Each backoff asked for, in milliseconds. */
  backoffs: number[]
}

/** A clock for clients on the fake, so that no test waits on real time or depends on how long it takes. */
export function fakeClock(fake: () => FakeGitHub): FakeClock {
  const backoffs: number[] = []
  const sleep: Sleep = async (ms, signal) => {
    if (!signal) {
      backoffs.push(ms)
      return
    }
    await fake().held()
    if (signal.aborted) await new Promise<never>(() => {}) // answered meanwhile: this timeout never runs out
  }
  return { sleep, now: () => backoffs.reduce((sum, ms) => sum + ms, 0), backoffs }
}

export interface FakeClient {
  /** The log lines of every client made since the last reset(). */
  readonly logs: string[]
  /** The backoffs of every client made since the last reset() (their clock is fakeClock's). */
  readonly backoffs: number[]
  /** Forget the log lines and backoffs (each test starts with none). */
  reset: () => void
  /** A client of acme/app on the fake, with the first token, the fake's clock and the log kept. */
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
  const clock = fakeClock(fake)
  return {
    logs,
    backoffs: clock.backoffs,
    reset: () => {
      logs.length = 0
      clock.backoffs.length = 0
    },
    client: (overrides = {}) =>
      createGitHubClient({
        token: tokens[0],
        apiUrl: fake().url,
        repository: { owner: 'acme', repo: 'app' },
        timeoutMs: 2_000,
        retryDelayMs: 10,
        log: (line) => logs.push(line),
        sleep: clock.sleep,
        now: clock.now,
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

/** The reviews of pull request `pr` of acme/app, read from the fake server with `token` (the promotion gate's source). */
export function reviewsOn(fake: FakeGitHub, token: string, pr: number): ReviewSource {
  return {
    client: createGitHubClient({
      token,
      apiUrl: fake.url,
      repository: { owner: 'acme', repo: 'app' },
      timeoutMs: 5_000,
      retryDelayMs: 10
    }),
    pullRequest: pr
  }
}
