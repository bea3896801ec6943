// stdout and stderr written with writeSync where they are a pipe or a file (src/cli/std-output.ts): every byte in
// order, node's stream from the first write that would block, and a failure said once.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { directOutput } from '../../src/cli/std-output.js'
import type { WriteBytes } from '../../src/cli/std-output.js'
import { REPO_ROOT, tempDir } from '../helpers/fixture.js'

/** A stream that records what it is given. */
function recorder() {
  const got: Buffer[] = []
  const listeners: string[] = []
  return {
    got,
    listeners,
    stream: () => ({
      write: (chunk: string | Uint8Array) => {
        got.push(Buffer.from(chunk))
        return true
      },
      on: (event: string) => {
        listeners.push(event)
        return undefined as never
      },
      isTTY: false as const,
      columns: 80
    })
  }
}

const errno = (code: string) => Object.assign(new Error(code), { code })

describe('directOutput', () => {
  it('writes each string whole, looping over short writes', () => {
    const out: Buffer[] = []
    const short: WriteBytes = (_fd, bytes, offset, length) => {
      const n = Math.min(3, length)
      out.push(Buffer.from(bytes.subarray(offset, offset + n)))
      return n
    }
    const rec = recorder()
    const o = directOutput(9, short, rec.stream, () => {})
    expect(o.isTTY).toBe(false)
    o.write('héllo, ')
    o.write('wörld\n')
    expect(Buffer.concat(out).toString('utf8')).toBe('héllo, wörld\n')
    expect(rec.got).toEqual([])
  })

  it('from a write that would block (EAGAIN): the rest and every later write go through node stream, in order, bytes intact', () => {
    const out: Buffer[] = []
    let room = 4
    const filling: WriteBytes = (_fd, bytes, offset, length) => {
      if (room === 0) throw errno('EAGAIN')
      const n = Math.min(room, length)
      room -= n
      out.push(Buffer.from(bytes.subarray(offset, offset + n)))
      return n
    }
    const rec = recorder()
    const o = directOutput(9, filling, rec.stream, () => {})
    // the cut falls inside "é" (two bytes in UTF-8)
    o.write('abcé and more')
    o.write(' then this')
    expect(Buffer.concat([...out, ...rec.got]).toString('utf8')).toBe('abcé and more then this')
    expect(rec.listeners).toEqual(['error'])
  })

  it('another failure (EPIPE, ENOSPC) is told once, and later writes are dropped', () => {
    const errors: string[] = []
    let calls = 0
    const broken: WriteBytes = () => {
      calls++
      throw errno('EPIPE')
    }
    const rec = recorder()
    const o = directOutput(9, broken, rec.stream, (e) => errors.push(e.code!))
    expect(o.write('one')).toBe(false)
    expect(o.write('two')).toBe(false)
    expect(errors).toEqual(['EPIPE'])
    expect(calls).toBe(1)
    expect(rec.got).toEqual([])
  })
  it('on a socket (it may be a datagram one, where node writes nothing and says nothing), a failure hands the rest to node stream', () => {
    const errors: string[] = []
    const refusing: WriteBytes = () => {
      throw errno('EDESTADDRREQ')
    }
    const rec = recorder()
    const o = directOutput(9, refusing, rec.stream, (e) => errors.push(e.code!), true)
    o.write('the report')
    o.write(' and more')
    expect(errors).toEqual([])
    expect(Buffer.concat(rec.got).toString('utf8')).toBe('the report and more')
  })
})

describe('the CLI with its output in a file and in a pipe', () => {
  it('prints the same bytes either way, and a file with writes refused says so in one line', () => {
    const cli = join(REPO_ROOT, 'dist/cli/index.js')
    /** `--help` with its stdout on `fd` (closed after), or on a pipe. */
    const help = (fd?: number) => {
      const r = spawnSync(process.execPath, [cli, '--help'], {
        stdio: ['ignore', fd ?? 'pipe', 'pipe'],
        encoding: 'utf8'
      })
      if (fd !== undefined) closeSync(fd)
      return r
    }
    const piped = help()
    expect(piped.status).toBe(0)
    const file = join(tempDir('bg-std-output-'), 'help.txt')
    expect(help(openSync(file, 'w')).status).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout)
    // a descriptor open for reading only: every write fails (EBADF), as a full disk would
    const refused = help(openSync(file, 'r'))
    expect(refused.status).toBe(2)
    expect(refused.stderr).toBe(
      'baseline-gate: cannot write to stdout (EBADF): no verdict; check where the output goes (a full disk, a closed file)\n'
    )
  })
})
