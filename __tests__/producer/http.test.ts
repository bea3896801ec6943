// One HTTP request of the preflight against real sockets on loopback: failures are values, a flood is bounded.
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { afterAll, describe, expect, it } from '@jest/globals'
import { httpRequest, MAX_RESPONSE_BYTES } from '../../src/producer/http.js'

const servers: Server[] = []
afterAll(() => servers.forEach((s) => s.close()))

/** A raw TCP server that writes `answer` to every connection; its port. */
function rawServer(
  answer: (write: (s: string | Buffer) => boolean, end: () => void) => void
): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      socket.on('error', () => {})
      socket.once('data', () =>
        answer(
          (s) => !socket.destroyed && socket.write(s),
          () => socket.end()
        )
      )
    })
    servers.push(server)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
  })
}

describe('httpRequest', () => {
  it('answers a scheme it does not speak with a value, never a throw (found by review: https:// threw and hung the gate)', async () => {
    const outcome = await httpRequest(new URL('https://127.0.0.1:9/v1/health'), 'GET', undefined, 1000)
    expect(outcome).toMatchObject({ ok: false, failure: 'error' })
    expect(!outcome.ok && outcome.message).toMatch(/^https: is not spoken/)
  })

  it('stops an answer sent in small chunks at the cap: too large, its bytes held in one buffer (found by review: 1.5 GB)', async () => {
    const port = await rawServer((write) => {
      write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n')
      const batch = `40\r\n${'['.repeat(64)}\r\n`.repeat(1000)
      // until the client goes away: far past the cap
      const pump = () => {
        for (let i = 0; i < 20; i++) if (!write(batch)) return
        setImmediate(pump)
      }
      pump()
    })
    const outcome = await httpRequest(new URL(`http://127.0.0.1:${port}/v1/health`), 'GET', undefined, 30_000)
    expect(outcome).toMatchObject({ ok: false, failure: 'too-large' })
    expect(!outcome.ok && outcome.message).toBe(`response over ${MAX_RESPONSE_BYTES} bytes`)
  })

  it('keeps every byte of an answer in its chunks, in order', async () => {
    const text = 'é'.repeat(5000)
    const port = await rawServer((write, end) => {
      write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n')
      const bytes = Buffer.from(JSON.stringify({ text }))
      // chunks that split the two bytes of a character
      for (let i = 0; i < bytes.length; i += 333) {
        const part = bytes.subarray(i, i + 333)
        write(`${part.length.toString(16)}\r\n`)
        write(part)
        write('\r\n')
      }
      write('0\r\n\r\n')
      end()
    })
    const outcome = await httpRequest(new URL(`http://127.0.0.1:${port}/`), 'GET', undefined, 5000)
    expect(outcome.ok && JSON.parse(outcome.body)).toEqual({ text })
  })
})
