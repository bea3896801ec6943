// 7xx: what the suite steps did. A step that did not pass is a finding that says which and how, so the verdict,
// the annotations and the summary all name it; the verdict would fail on the step alone (rules/verdict.ts).
import { finding } from './finding.js'
import type { Finding } from './finding.js'
import type { StepResult } from './verdict.js'
import { formatDuration } from '../text/duration.js'
import { isWorkingDirectoryProblem } from '../exec/working-directory.js'
import { ESCAPED_OUTPUT } from '../exec/step-errors.js'

/** Step names come from the policy file: one line, and short. */
// eslint-disable-next-line no-control-regex
const label = (s: StepResult) => `${s.suite} › ${s.name}`.replace(/[\u0000-\u001f\u007f]+/g, ' ')

export function suiteRules(steps: StepResult[]): Finding[] {
  const out: Finding[] = []
  for (const s of steps) {
    if (!s.required || s.status === 'passed' || s.status === 'skipped') continue
    const took = formatDuration(s.duration_ms)
    if (s.status === 'timed-out') {
      out.push(
        finding(
          'BG702',
          null,
          null,
          `suite step "${label(s)}" timed out after ${took} and was stopped with its child processes; see its log, or raise its timeout_s in the policy`
        )
      )
    } else if (s.status === 'not-run' && !s.error) {
      out.push(finding('BG703', null, null, `suite step "${label(s)}" did not run (the run was stopped)`))
    } else if (s.error === ESCAPED_OUTPUT) {
      out.push(
        finding(
          'BG701',
          null,
          null,
          `suite step "${label(s)}" ended (exit code ${s.exit_code ?? 'none'}), but a process it started held its output open afterwards and escaped being found and stopped (a new session with a cleared environment): it may still run and write the evidence or the runner's files; a suite must stop what it starts`
        )
      )
    } else if (s.error === 'aborted') {
      // the runner's mark of a step it stopped when the run was cancelled: it ran, and was not let finish
      out.push(
        finding(
          'BG703',
          null,
          null,
          `suite step "${label(s)}" was stopped with its child processes before it finished (the run was cancelled)`
        )
      )
    } else if (s.exit_code === null && s.error) {
      // a missing working directory says so itself; any other ENOENT is the program
      const why =
        /ENOENT/.test(s.error) && !isWorkingDirectoryProblem(s.error)
          ? ` (is ${s.argv?.[0] ?? 'its program'} installed and on PATH?)`
          : ''
      const what = s.status === 'not-run' ? 'could not start, so it tested nothing' : 'could not run'
      out.push(finding('BG703', null, null, `suite step "${label(s)}" ${what}: ${s.error}${why}`))
    } else {
      const how = s.exit_code !== null ? `exit code ${s.exit_code}` : (s.error ?? 'a signal')
      out.push(
        finding(
          'BG701',
          null,
          null,
          `suite step "${label(s)}" failed (${how}, ${took}); read its log tail (the whole log is in the evidence), fix what it reports, then run again`
        )
      )
    }
  }
  return out
}
