// How a failed system call is named in a message: its code (ENOENT, EACCES, EROFS), or the message when it has none.
// Pure.

export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code ?? (e as Error | undefined)?.message ?? String(e)
}
