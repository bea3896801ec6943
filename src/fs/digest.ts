import { createHash } from 'node:crypto'

/** Lower-case hex SHA-256 of bytes (or of a string's UTF-8 bytes). */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}
