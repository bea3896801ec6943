// The policy file's text: 2-space JSON with a final newline, objects one key a line, and a short array of strings
// (an argv, a list of globs) on one line when it fits, as a person (and prettier's default width) would write it.

const WIDTH = 80

export function policyText(value: unknown): string {
  return `${format(value, '', 0)}\n`
}

/** @param used the characters already on the line before the value */
function format(value: unknown, indent: string, used: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
      // the comma that may follow counts: the line must fit with it
      if (used + inline.length + 1 <= WIDTH) return inline
    }
    const inner = `${indent}  `
    return `[\n${value.map((v) => `${inner}${format(v, inner, inner.length)}`).join(',\n')}\n${indent}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return '{}'
    const inner = `${indent}  `
    const lines = entries.map(([k, v]) => {
      const head = `${inner}${JSON.stringify(k)}: `
      return `${head}${format(v, inner, head.length)}`
    })
    return `{\n${lines.join(',\n')}\n${indent}}`
  }
  return JSON.stringify(value)
}
