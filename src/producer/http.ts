// One HTTP request with a hard deadline and a bounded response: a producer that hangs or floods cannot
// hang or exhaust the gate. Failures are values, never exceptions.
import { request } from 'node:http'
import { formatDuration } from '../text/duration.js'

export type HttpOutcome =
  | { ok: true; status: number; contentType: string; body: string; ms: number }
  | {
      ok: false
      failure: 'refused' | 'timeout' | 'reset' | 'too-large' | 'error'
      message: string
      ms: number
    }

export const MAX_RESPONSE_BYTES = 1024 * 1024

export function httpRequest(
  url: URL,
  method: 'GET' | 'POST',
  body: string | undefined,
  timeoutMs: number
): Promise<HttpOutcome> {
  const started = Date.now()
  const ms = () => Date.now() - started
  return new Promise((resolve) => {
    let settled = false
    const done = (o: HttpOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      resolve(o)
    }
    const headers: Record<string, string | number> = { accept: 'application/json', connection: 'close' }
    if (body !== undefined) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = Buffer.byteLength(body)
    }
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (c: Buffer) => {
        size += c.length
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy()
          done({
            ok: false,
            failure: 'too-large',
            message: `response over ${MAX_RESPONSE_BYTES} bytes`,
            ms: ms()
          })
          return
        }
        chunks.push(c)
      })
      res.on('end', () =>
        done({
          ok: true,
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          ms: ms()
        })
      )
      res.on('error', (e) => done({ ok: false, failure: 'reset', message: e.message, ms: ms() }))
    })
    // The whole exchange, not only idle time, is bounded.
    const deadline = setTimeout(() => {
      req.destroy()
      done({
        ok: false,
        failure: 'timeout',
        message: `no complete answer within ${formatDuration(timeoutMs)}`,
        ms: ms()
      })
    }, timeoutMs)
    req.on('error', (e: NodeJS.ErrnoException) => {
      const failure = e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ECONNRESET' ? 'reset' : 'error'
      done({ ok: false, failure, message: e.code ? `${e.code}: ${e.message}` : e.message, ms: ms() })
    })
    if (body !== undefined) req.write(body)
    req.end()
  })
}
