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
const READY_LINE = /listening on ([a-z][a-z0-9+.-]*:\/\/[^\s]+)/i
/** A health answer that says "not yet": the producer is up, and still opening what it serves. */
const WARMING = new Set([502, 503, 504])

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
  // the address the producer says it serves. With a {port} given, only an announcement of that port is taken (its
  // host, as it names it): another listener's line (a metrics exporter) must not take the probes elsewhere (found
  // by review). Plain HTTP only: an announcement of another scheme is remembered, to be named, and never polled
  let announced: URL | null = null
  let passedOver: string | null = null
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
        if (!m || announced) return
        let url: URL
        try {
          url = new URL(m[1]!)
        } catch {
          return // not a URL: keep polling the port we gave it
        }
        if (url.protocol !== 'http:') passedOver ??= `${url.protocol}//${url.host}`
        else if (port === null || url.port === String(port)) announced = url
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
    return await waitUntilReady(spec, handle, {
      argv,
      port,
      announced: () => announced,
      passedOver: () => passedOver,
      started,
      ms
    })
  } catch (e) {
    // whatever went wrong while waiting, the producer does not outlive it
    await handle.stop()
    throw e
  }
}

/** Poll until the producer answers its health endpoint (anything but "not yet"), exits, or the ready timeout passes. */
async function waitUntilReady(
  spec: LaunchSpec,
  handle: GroupHandle,
  at: {
    argv: string[]
    port: number | null
    announced: () => URL | null
    passedOver: () => string | null
    started: number
    ms: () => number
  }
): Promise<Launch> {
  const clock = spec.clock ?? realClock
  const { argv, port, ms } = at
  // what the health endpoint last answered while warming up (a 503), and where it was asked
  let lastStatus: number | null = null
  let polled: URL | null = null
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
      polled = new URL(ENDPOINTS.health, base)
      const answer = await httpRequest(polled, 'GET', undefined, 1000)
      // any complete answer but a "not yet" is ready, and the probes judge it (a 404, a 500: said at once, with
      // its body); a 503 while warming up is waited for (found by review: it was probed a moment from ready)
      if (answer.ok && !WARMING.has(answer.status)) return { ok: true, baseUrl: base, handle, ms: ms() }
      lastStatus = answer.ok ? answer.status : lastStatus
    }
    await new Promise<void>((r) => clock.after(POLL_MS, r))
  }
  return {
    ok: false,
    reason: 'timeout',
    // a first build on a fresh runner can take longer than the ready timeout: say where it is set
    message: notReady(spec.readyTimeoutMs, {
      polled,
      lastStatus,
      passedOver: at.passedOver(),
      printed: handle.output.total > 0
    }),
    outputTail: handle.output.lastLines(8),
    ms: ms(),
    handle
  }
}

/** Why the producer was not ready in time, and what to change. */
function notReady(
  timeoutMs: number,
  seen: { polled: URL | null; lastStatus: number | null; passedOver: string | null; printed: boolean }
): string {
  const within = formatDuration(timeoutMs)
  const raise = 'raise producer.probe.ready_timeout_s in the policy'
  if (!seen.polled)
    return seen.passedOver
      ? `the producer announced ${seen.passedOver}, which the preflight does not speak (it asks over plain http://), and its start command gives it no {port} to poll: serve plain HTTP, or pass {port} in producer.start.run`
      : `the producer announced no address within ${within} (no "listening on http://..." line), and its start command gives it no {port} to poll: pass {port} in producer.start.run`
  if (seen.lastStatus !== null)
    return `the producer answered ${seen.polled.href} only with HTTP ${seen.lastStatus} (not ready yet) within ${within}: if it needs longer to get ready, ${raise}`
  // a first build on a fresh runner can take longer than the ready timeout: say where it is set
  return `the producer did not answer HTTP at ${seen.polled.href} within ${within} (a first build may take longer: ${raise}${seen.printed ? '' : '; it printed nothing'})`
}
