// Start the producer with the policy's argv on a free loopback port and wait until it answers HTTP.
// Whatever happens, the caller gets a handle it can stop (or none when nothing runs).
import { formatDuration } from '../text/duration.js'
import { createServer } from 'node:net'
import { realClock } from '../exec/clock.js'
import type { RunnerClock } from '../exec/clock.js'
import { spawnGroup } from '../exec/process-group.js'
import { workingDirectoryProblem } from '../exec/working-directory.js'
import type { GroupHandle } from '../exec/process-group.js'
import { ENDPOINTS } from './endpoints.js'
import { httpRequest } from './http.js'

export interface LaunchSpec {
  /** argv with {port} not yet replaced */
  argv: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  readyTimeoutMs: number
  /** The readiness deadline and the pause between polls; a test gives its own. */
  clock?: RunnerClock
}

/** Why the producer did not come up, with the end of what it printed. */
export interface LaunchFailure {
  ok: false
  reason: 'spawn-failed' | 'exited' | 'timeout'
  message: string
  outputTail: string
  ms: number
}

/** The start, with the process handle to stop (null when nothing could be started). */
export type Launch =
  | { ok: true; baseUrl: URL; handle: GroupHandle; ms: number }
  | (LaunchFailure & { handle: GroupHandle | null })

const POLL_MS = 200
// plain HTTP only: the preflight speaks nothing else, so another scheme announced is no address to poll
const READY_LINE = /listening on (http:\/\/[^\s]+)/

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export async function launchProducer(spec: LaunchSpec): Promise<Launch> {
  const clock = spec.clock ?? realClock
  const started = clock.now()
  const ms = () => clock.now() - started
  const port = spec.argv.some((a) => a.includes('{port}')) ? await freeLoopbackPort() : null
  const argv = spec.argv.map((a) => a.replace(/\{port\}/g, String(port ?? 0)))
  let announced: URL | null = null
  const cwdProblem = workingDirectoryProblem(spec.cwd)
  if (cwdProblem) {
    const message = `the producer could not be started (${cwdProblem}): check the policy's producer.root and producer.start.cwd`
    return { ok: false, reason: 'spawn-failed', message, outputTail: '', ms: ms(), handle: null }
  }
  let handle: GroupHandle
  try {
    handle = spawnGroup(argv, {
      cwd: spec.cwd,
      env: spec.env,
      onStdoutLine: (line) => {
        const m = READY_LINE.exec(line)
        if (m && !announced) {
          try {
            announced = new URL(m[1]!)
          } catch {
            // not a URL: keep polling the port we gave it
          }
        }
      }
    })
  } catch (e) {
    return {
      ok: false,
      reason: 'spawn-failed',
      message: (e as Error).message,
      outputTail: '',
      ms: ms(),
      handle: null
    }
  }

  try {
    return await waitUntilReady(spec, handle, { argv, port, announced: () => announced, started, ms })
  } catch (e) {
    // whatever went wrong while waiting, the producer does not outlive it
    await handle.stop()
    throw e
  }
}

/** Poll until the producer answers its health endpoint with a 2xx, exits, or the ready timeout passes. */
async function waitUntilReady(
  spec: LaunchSpec,
  handle: GroupHandle,
  at: { argv: string[]; port: number | null; announced: () => URL | null; started: number; ms: () => number }
): Promise<Launch> {
  const clock = spec.clock ?? realClock
  const { argv, port, ms } = at
  // what the health endpoint last answered, when not 2xx: a producer still warming up answers 503
  let lastStatus: number | null = null
  const deadline = at.started + spec.readyTimeoutMs
  while (clock.now() < deadline) {
    if (handle.done()) {
      const exit = await handle.exited
      const how = exit.error
        ? `could not be started (${exit.error}: is \`${argv[0]}\` installed and on PATH?)`
        : `exited before it answered (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})`
      return {
        ok: false,
        reason: exit.error ? 'spawn-failed' : 'exited',
        message: `the producer ${how}`,
        outputTail: handle.output.lastLines(8),
        ms: ms(),
        handle
      }
    }
    const base = at.announced() ?? (port ? new URL(`http://127.0.0.1:${port}`) : null)
    if (base) {
      const answer = await httpRequest(new URL(ENDPOINTS.health, base), 'GET', undefined, 1000)
      // ready is a 2xx: the probes then judge what it answers (found by review: a 503 while warming up counted
      // as ready, and the probes failed a producer a moment from ready)
      if (answer.ok && answer.status >= 200 && answer.status < 300)
        return { ok: true, baseUrl: base, handle, ms: ms() }
      lastStatus = answer.ok ? answer.status : lastStatus
    }
    await new Promise<void>((r) => clock.after(POLL_MS, r))
  }
  return {
    ok: false,
    reason: 'timeout',
    // a first build on a fresh runner can take longer than the ready timeout: say where it is set
    message: `the producer did not ${lastStatus === null ? 'answer HTTP' : `answer ${ENDPOINTS.health} with a 2xx (its last answer: HTTP ${lastStatus})`} within ${formatDuration(spec.readyTimeoutMs)} (a first build may take longer: raise producer.probe.ready_timeout_s in the policy${handle.output.total === 0 ? '; it printed nothing' : ''})`,
    outputTail: handle.output.lastLines(8),
    ms: ms(),
    handle
  }
}
