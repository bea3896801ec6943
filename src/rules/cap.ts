// At most MAX_PER_RULE findings of one rule in one file: a damaged file (a JSON file of 100,000 stray tokens,
// a ledger of 10,000 broken rows) would otherwise make as many findings, and an evidence packet of megabytes
// that no one reads. The first ones are kept, in order, and one more finding counts the rest.
import { plural } from '../text/plural.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

export const MAX_PER_RULE = 20

/** `findings` (sorted) with each rule's findings in each file cut to MAX_PER_RULE, plus a count of the rest. */
export function capFindings(findings: Finding[], max = MAX_PER_RULE): Finding[] {
  const seen = new Map<string, number>()
  const out: Finding[] = []
  for (const f of findings) {
    const key = `${f.rule}\0${f.file ?? ''}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    if (n <= max) out.push(f)
  }
  for (const [key, n] of seen) {
    if (n <= max) continue
    const [rule, file] = key.split('\0') as [Finding['rule'], string]
    out.push(
      finding(
        rule,
        file === '' ? null : file,
        null,
        `and ${plural(n - max, `more ${rule} finding`)}${file === '' ? '' : ` in ${file}`} (the first ${max} are listed); fix those and run again`
      )
    )
  }
  return out
}
