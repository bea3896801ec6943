// A finding: one violated rule, where, and what to do. Every check produces these; nothing is fail-fast.
import type { Position } from '../document/source-file.js'
import { RULES } from './catalog.js'
import type { RuleId, Severity } from './catalog.js'
import { codeUnitOrder } from '../text/order.js'

export interface Finding {
  rule: RuleId
  severity: Severity
  /** Relative to the repository root, forward slashes; null when the finding has no file. */
  file: string | null
  line: number | null
  column: number | null
  message: string
  /**
   * What in the file the finding is about, for decisions that depend on more than the rule (the legacy profile):
   * a JSON pointer into a JSON file (`/runtime_cutover_posture`), or `/baseline-pin/<line key>` in the matrix.
   */
  subject?: string
}

export function finding(
  rule: RuleId,
  file: string | null,
  at: Position | null,
  message: string,
  subject?: string
): Finding {
  return {
    rule,
    severity: RULES[rule].severity,
    file,
    line: at?.line ?? null,
    column: at?.column ?? null,
    message,
    ...(subject === undefined ? {} : { subject })
  }
}

/** The subject of a Baseline Pin line's finding. */
export function pinLineSubject(key: string): string {
  return `/baseline-pin/${key}`
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 }

/** Stable order for reports: by file, then line, then column, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      codeUnitOrder(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      codeUnitOrder(a.rule, b.rule) ||
      RANK[a.severity] - RANK[b.severity]
  )
}

/** The order a person reads: errors first, then warnings, then notices; within each, by place (stable). */
export function bySeverity(findings: Finding[]): Finding[] {
  return sortFindings(findings).sort((a, b) => RANK[a.severity] - RANK[b.severity])
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}
