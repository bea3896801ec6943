// The terminal's text styles: ANSI colours on a terminal that wants them, plain text otherwise.

export interface Style {
  bold(s: string): string
  red(s: string): string
  yellow(s: string): string
  green(s: string): string
  dim(s: string): string
}

export const plain: Style = {
  bold: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  green: (s) => s,
  dim: (s) => s
}
const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`
export const colors: Style = {
  bold: ansi(1, 22),
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  green: ansi(32, 39),
  dim: ansi(2, 22)
}

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plain
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return colors
  return stream.isTTY ? colors : plain
}
