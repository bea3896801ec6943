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
  // plain HTTP to a producer on this machine; node's request() throws for any other scheme, and a failure here is
  // a value (found by review: a producer that announced https:// made the preflight throw, and left it running)
  if (url.protocol !== 'http:')
    return Promise.resolve({
      ok: false,
      failure: 'error',
      message: `${url.protocol} is not spoken: the preflight asks the producer over plain http://`,
      ms: 0
    })
  return new Promise<HttpOutcome>((resolve) => {
    try {
      exchange(resolve)
    } catch (e) {
      // anything node's request() throws before a socket exists: a value as every other failure
      resolve({ ok: false, failure: 'error', message: (e as Error).message, ms: ms() })
    }
  })

  function exchange(resolve: (o: HttpOutcome) => void): void {
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
      const received = new GrowingBuffer()
      res.on('data', (c: Buffer) => {
        if (received.length + c.length > MAX_RESPONSE_BYTES) {
          req.destroy()
          done({
            ok: false,
            failure: 'too-large',
            message: `response over ${MAX_RESPONSE_BYTES} bytes`,
            ms: ms()
          })
          return
        }
        received.append(c)
      })
      res.on('end', () =>
        done({
          ok: true,
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: received.text(),
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
  }
}

/**
 * The bytes of a response, copied into one buffer that doubles as it fills: an answer sent one byte per chunk is
 * held as bytes, not as a million Buffers (found by review: 1.5 GB for a 1 MB answer).
 */
class GrowingBuffer {
  private bytes = Buffer.alloc(0)
  length = 0

  append(chunk: Buffer): void {
    if (this.length + chunk.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.length + chunk.length, this.bytes.length * 2, 4096))
      this.bytes.copy(grown, 0, 0, this.length)
      this.bytes = grown
    }
    chunk.copy(this.bytes, this.length)
    this.length += chunk.length
  }

  text(): string {
    return this.bytes.toString('utf8', 0, this.length)
  }
}
