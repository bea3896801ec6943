// What the catalog says about each rule; every family module of the catalog states its rules in this shape.

export type Severity = 'error' | 'warning' | 'notice'

export interface RuleInfo {
  title: string
  severity: Severity
  /** What the rule checks and why it matters. */
  description: string
  /** A violation, as the user would see it in the file. */
  example: string
}
