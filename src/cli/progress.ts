// Live progress of the suites on stderr (stdout stays the report, or the one JSON object of --json). In a
// terminal: one status line with every running step and its elapsed time, redrawn each second, and a line
// per finished step above it. Elsewhere (CI logs, pipes): only the line per finished step.
import { stepResultLine } from '../evidence/step-log.js'
import { formatDuration } from '../text/duration.js'
import type { SuiteReporter } from '../operations/suites.js'
import type { StepResult } from '../rules/verdict.js'
import type { Style } from './render.js'
import { shorten } from '../source/shorten.js'

export interface ProgressStream {
  write(s: string): unknown
  isTTY?: boolean
}

// eslint-disable-next-line no-control-regex
const oneLine = (t: string) => t.replace(/[\u0000-\u001f\u007f]+/g, ' ')

/** `PASS consumer › typecheck (12.3 s, exit 0)`, the status word coloured. */
export function resultLine(step: StepResult, s: Style): string {
  return stepResultLine(step, (label) =>
    step.status === 'passed' ? s.green(label) : step.status === 'skipped' ? s.dim(label) : s.red(label)
  )
}

export interface Progress extends SuiteReporter {
  /** Clear the status line and stop the timer. */
  close(): void
}

export function createProgress(stream: ProgressStream, s: Style, now: () => number = Date.now): Progress {
  const live = stream.isTTY === true
  const running = new Map<string, number>()
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
    let line = `running: ${parts.join(' · ')}`
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

  return {
    stepStarted(suite, name) {
      running.set(oneLine(`${suite} › ${name}`), now())
      if (live && timer === undefined) {
        timer = setInterval(tick, 1000)
        timer.unref()
      }
      draw()
    },
    stepFinished(step) {
      running.delete(oneLine(`${step.suite} › ${step.name}`))
      clear()
      stream.write(`${resultLine(step, s)}\n`)
      draw()
    },
    close() {
      clearInterval(timer)
      timer = undefined
      clear()
    }
  }
}
