// stdout and stderr of the command line. Where they are a pipe or a file (a CI job, a script, a bench: another
// process reads the output), they are written with writeSync, not through process.stdout: node makes that a
// net.Socket, whose modules (net, the streams' base, diagnostics channels) cost 4 ms and 150 fresh pages of memory
// at every start. A terminal, /dev/null or anything else keeps node's own stream.
import { fstatSync, writeSync } from 'node:fs'
import type { Output } from './io.js'

/**
 * @param stream node's stream for the descriptor (process.stdout or process.stderr), made only when used
 * @param onError a write failed (EPIPE: the reader went away); later writes are dropped, as node's stream drops
 *   them once it has failed
 */
export function stdOutput(
  fd: 1 | 2,
  stream: () => NodeJS.WriteStream,
  onError: (e: NodeJS.ErrnoException) => void
): Output {
  return writtenDirectly(fd) ? directOutput(fd, writeSync, stream, onError) : nodeStream(stream(), onError)
}

/** What directOutput writes with (fs.writeSync's form; a test gives its own). */
export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number, length: number) => number

/** Writes to `fd` as they come, each whole before it returns; node's stream from the first that would block. */
export function directOutput(
  fd: number,
  write: WriteBytes,
  stream: () => Pick<NodeJS.WriteStream, 'write' | 'on' | 'isTTY' | 'columns'>,
  onError: (e: NodeJS.ErrnoException) => void
): Output {
  let through: Output | null = null
  let failed = false
  return {
    isTTY: false,
    write(s: string) {
      if (through) return through.write(s)
      if (failed) return false
      const bytes = Buffer.from(s, 'utf8')
      let at = 0
      try {
        while (at < bytes.length) at += write(fd, bytes, at, bytes.length - at)
      } catch (e) {
        const err = e as NodeJS.ErrnoException
        if (err.code !== 'EAGAIN') {
          failed = true
          onError(err)
          return false
        }
        // a descriptor another process made non-blocking, and full: node's stream waits for it to drain, and every
        // later write goes after this one (the rest as bytes: the cut may fall inside a character)
        const s = stream()
        through = nodeStream(s, onError)
        return s.write(bytes.subarray(at))
      }
      return true
    }
  }
}

/** A pipe, a file or a socket: never a terminal, and written as it is. */
function writtenDirectly(fd: number): boolean {
  try {
    const st = fstatSync(fd)
    return st.isFIFO() || st.isFile() || st.isSocket()
  } catch {
    // closed: node's stream says so its own way
    return false
  }
}

function nodeStream(
  s: Pick<NodeJS.WriteStream, 'write' | 'on' | 'isTTY' | 'columns'>,
  onError: (e: NodeJS.ErrnoException) => void
): Output {
  s.on('error', onError)
  return {
    write: (text: string) => s.write(text),
    isTTY: s.isTTY,
    get columns() {
      return s.columns
    }
  }
}
