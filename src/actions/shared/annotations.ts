// Findings as GitHub annotations: at most 10 per kind (GitHub shows no more per step); the rest are counted.
import { inlineSafe } from '../../text/terminal.js'
import { shownMessage } from '../../text/shorten.js'
import { relative } from 'node:path'
import type { Finding } from '../../rules/finding.js'
import type { Severity } from '../../rules/catalog.js'
import { RULES } from '../../rules/catalog.js'

export const ANNOTATIONS_PER_KIND = 10

export interface Annotation {
  severity: Severity
  message: string
  properties: { title: string; file?: string; startLine?: number; startColumn?: number }
}

/** A finding, with the name of its baseline when the policy has several. */
export type BaselineFinding = Finding & { baseline?: string }

export interface AnnotationPlan {
  annotations: Annotation[]
  /** Findings not annotated because their kind reached the cap, by kind. */
  overflow: Record<Severity, number>
}

/**
 * @param prefix path from the workspace to the repository root ('' when they are the same)
 * @param reservedErrors error slots kept free (the step's own failure message is an error annotation too)
 * @param reservedWarnings warning slots kept free (what the action itself may warn about, e.g. a comment it
 *   could not post)
 */
export function planAnnotations(
  findings: readonly BaselineFinding[],
  prefix: string,
  reservedErrors = 0,
  reservedWarnings = 0
): AnnotationPlan {
  const cap: Record<Severity, number> = {
    error: ANNOTATIONS_PER_KIND - reservedErrors,
    warning: ANNOTATIONS_PER_KIND - reservedWarnings,
    notice: ANNOTATIONS_PER_KIND
  }
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  const overflow: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  const annotations: Annotation[] = []
  for (const f of findings) {
    if (used[f.severity] >= cap[f.severity]) {
      overflow[f.severity]++
      continue
    }
    used[f.severity]++
    // whose it is, when the policy has several baselines: a finding of no file (BG407, BG510) says it nowhere else
    const whose = f.baseline === undefined ? '' : `${inlineSafe(f.baseline)}: `
    const properties: Annotation['properties'] = { title: `${whose}${f.rule} ${RULES[f.rule].title}` }
    // the message quotes what the pull request wrote: its control and bidi characters shown as data, as in a terminal
    let message = inlineSafe(shownMessage(f.message))
    const file = f.file ? (prefix ? `${prefix}/${f.file}` : f.file) : ''
    if (inlineSafe(file) !== file) {
      // a file name the runner would pass on raw (@actions/core escapes only % CR LF : ,): no location, the name
      // shown as data at the head of the message, with its line and column
      const at = f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''
      message = `${inlineSafe(file)}${at}: ${message}`
    } else {
      if (file) properties.file = file
      if (f.line) properties.startLine = f.line
      if (f.line && f.column) properties.startColumn = f.column
    }
    annotations.push({ severity: f.severity, message, properties })
  }
  return { annotations, overflow }
}

/** The repository root relative to the workspace, for annotation paths ('' when identical or outside). */
export function workspacePrefix(workspace: string, root: string): string {
  const rel = relative(workspace, root).split('\\').join('/')
  return rel.startsWith('..') ? '' : rel
}
