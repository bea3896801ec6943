// Every string inside a value, mapped: plain objects and arrays walked, anything else kept as it is. For what is
// done to all text a run repeats on its surfaces (redaction, terminal safety). Pure.

/** `value` with `fn` applied to every string in it; a property named in `keep` is left as it is. */
export function mapStrings<T>(value: T, fn: (text: string) => string, keep: ReadonlySet<string> = NONE): T {
  // an object met again inside itself (a parse tree's parent links) is left as it is, not walked forever
  const walking = new Set<object>()
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fn(v)
    if (v === null || typeof v !== 'object' || walking.has(v)) return v
    const plain = Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype
    if (!plain) return v
    walking.add(v)
    try {
      return Array.isArray(v)
        ? v.map(walk)
        : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, keep.has(k) ? x : walk(x)]))
    } finally {
      walking.delete(v)
    }
  }
  return walk(value) as T
}

const NONE: ReadonlySet<string> = new Set()
