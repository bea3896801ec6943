// Live progress on stderr (stdout stays the report, or the one JSON object of --json): what a promotion judges
// before anything runs, then the suites. In a terminal: one status line with every running step and its
// elapsed time, redrawn each second, and a line per finished step above it. Elsewhere (CI logs, pipes): the
// same lines without the status line. Suites that are not run say so, and why, in one line.
import { shownValue } from '../text/shorten.js'
import { stepResultLine } from '../evidence/step-log.js'
import { formatDuration } from '../text/duration.js'
import { plural } from '../text/plural.js'
import type { Judging, PromotionReporter } from '../operations/promotion.js'
import type { SuiteSkip } from '../operations/suites.js'
import type { StepResult } from '../rules/verdict.js'
import type { Style } from './render.js'
import { shorten } from '../text/shorten.js'
import { inlineSafe } from '../text/terminal.js'

export interface ProgressStream {
  write(s: string): unknown
  isTTY?: boolean
}

/** `PASS consumer › typecheck (12.3 s, exit 0)`, the status word coloured. */
export function resultLine(step: StepResult, s: Style): string {
  return stepResultLine(step, (label) =>
    step.status === 'passed' ? s.green(label) : step.status === 'skipped' ? s.dim(label) : s.red(label)
  )
}

/** `Judging memorykernel: v0.4.0 -> v0.5.0 (base 1a2b3c4d5e6f, head 7a8b9c0d1e2f; changed: ...)`. */
export function judgingLine(j: Judging, s: Style): string {
  // the tags and the file names come from the change judged: never a control character to the terminal
  const tag = (t: string | null) => (t === null ? 'release unknown' : inlineSafe(shownValue(t)))
  const changed = j.changedFiles.map(inlineSafe).join(', ')
  return (
    `${s.bold(`Judging ${inlineSafe(j.baseline)}`)}: ${tag(j.from)} -> ${tag(j.to)} ` +
    `(base ${j.base.slice(0, 12)}, head ${j.head.slice(0, 12)}; changed: ${changed})`
  )
}

/** Why the suites did not run; after a rule FAIL, how to run them all the same. */
export function skippedLine(skip: SuiteSkip, steps: number, s: Style): string {
  const text =
    skip.ruleErrors === undefined
      ? `${inlineSafe(skip.reason)} (${plural(steps, 'step')}).`
      : `the rules already decide FAIL (${plural(skip.ruleErrors, 'error')}). Run with --suites-anyway to run them.`
  return `${s.bold('Suites skipped')}: ${text}`
}

export interface Progress extends PromotionReporter {
  /** Clear the status line and stop the timer. */
  close(): void
}

export function createProgress(stream: ProgressStream, s: Style, now: () => number = Date.now): Progress {
  const live = stream.isTTY === true
  const running = new Map<string, number>()
  let total = 0
  let done = 0
  let drawn = false
  let timer: NodeJS.Timeout | undefined

  const clear = () => {
    if (drawn) stream.write('\r\u001b[K')
    drawn = false
  }
  const draw = () => {
    if (!live || running.size === 0) return
    const t = now()
    const parts = [...running].map(([name, started]) => `${name} ${formatDuration(t - started)}`)
    const columns = (stream as { columns?: number }).columns ?? 100
    let line = `running (${done} of ${total} done): ${parts.join(' · ')}`
    if (line.length > columns - 1) line = shorten(line, Math.max(1, columns - 1))
    stream.write(`\r\u001b[K${s.dim(line)}`)
    drawn = true
  }
  const tick = () => {
    if (running.size === 0) {
      clearInterval(timer)
      timer = undefined
      return
    }
    draw()
  }
  /** A line above the status line. */
  const say = (line: string) => {
    clear()
    stream.write(`${line}\n`)
    draw()
  }

  return {
    judging(what) {
      say(judgingLine(what, s))
    },
    suitesStarted(steps) {
      total = steps
      done = 0
      say(s.dim(`Running ${plural(steps, 'suite step')}`))
    },
    suitesSkipped(skip, steps) {
      say(skippedLine(skip, steps.length, s))
    },
    stepStarted(suite, name) {
      running.set(inlineSafe(`${suite} › ${name}`), now())
      if (live && timer === undefined) {
        timer = setInterval(tick, 1000)
        timer.unref()
      }
      draw()
    },
    stepFinished(step) {
      running.delete(inlineSafe(`${step.suite} › ${step.name}`))
      done++
      say(resultLine(step, s))
    },
    close() {
      clearInterval(timer)
      timer = undefined
      clear()
    }
  }
}
