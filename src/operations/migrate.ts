// migrate: the trio on disk brought to the current format (src/adopt/migrate.ts) as one atomic change: the
// diff first, then the changed files written as one set (a journal: after a crash the next run finds the whole
// old or the whole new trio), then what the trio rules still say about the result. A dry run writes nothing.
import { createTwoFilesPatch } from 'diff'
import { planMigration } from '../adopt/migrate.js'
import type { MigrationPlan } from '../adopt/migrate.js'
import { journalPath, lockSet, recoverFileSet, writeFileSet } from '../fs/atomic-set.js'
import { containedSetWrites } from './write-containment.js'
import { convertedOnCheckout } from './checkout-converted.js'
import { trioOnDisk, trioWriteEscapes, WRITE_ORDER } from './trio-files.js'
import type { BaselinePolicy } from '../policy/types.js'
import { sortFindings } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { trioRules } from '../rules/index.js'
import { trioFromBytes } from '../trio/load.js'
import type { Posture, TrioRole } from '../trio/model.js'

export interface MigrateResult {
  baseline: string
  /** `migrated`: written; `would-migrate`: a dry run; `unchanged`: already current; `blocked`: see blockers. */
  status: 'migrated' | 'would-migrate' | 'unchanged' | 'blocked'
  steps: string[]
  blockers: string[]
  /** The unified diff of the change (empty when nothing changes). */
  diff: string
  /** Files written, relative to the root. */
  written: string[]
  /** What the trio rules say about the migrated trio (or the trio as it is, when nothing changes). */
  findings: Finding[]
}

export function runMigrate(
  ctx: { root: string; now: Date },
  baseline: BaselinePolicy,
  options: { posture: Posture; dryRun: boolean }
): MigrateResult {
  if (options.dryRun) return migrateLocked(ctx, baseline, options)
  // one run at a time on the trio, from its read to its write
  const release = lockSet(ctx.root, `trio-${baseline.name}`, `the trio of ${baseline.name}`)
  try {
    return migrateLocked(ctx, baseline, options)
  } finally {
    release()
  }
}

function migrateLocked(
  ctx: { root: string; now: Date },
  baseline: BaselinePolicy,
  options: { posture: Posture; dryRun: boolean }
): MigrateResult {
  const journal = journalPath(ctx.root, `migrate-${baseline.name}`)
  if (!options.dryRun) recoverFileSet(journal, undefined, ctx.root)
  const bytes = trioOnDisk(ctx.root, baseline)
  const plan = planMigration(baseline, bytes, { posture: options.posture, today: day(ctx.now) })
  const findings = sortFindings(
    trioRules(trioFromBytes(baseline, plan.files), { baseline, now: ctx.now }).filter(
      (f) => f.severity !== 'notice'
    )
  )
  const escapes = trioWriteEscapes(ctx.root, baseline)
  // the digest is made from the mirror on disk: a checkout that converted it (core.autocrlf) would pin bytes no
  // other checkout has (BG526)
  const converted = plan.addsDigest
    ? convertedOnCheckout(ctx.root, [{ path: baseline.trio.manifest, bytes: bytes.manifest! }], 'migrate')
    : []
  const refusals = [...escapes, ...converted]
  const base = {
    baseline: baseline.name,
    steps: plan.steps,
    blockers: [...plan.blockers, ...refusals.map((f) => f.message)],
    findings: [...refusals, ...findings]
  }
  if (base.blockers.length > 0) return { ...base, status: 'blocked', diff: '', written: [] }
  if (plan.changed.length === 0) return { ...base, status: 'unchanged', diff: '', written: [] }
  const diff = diffOf(baseline, bytes, plan)
  if (options.dryRun) return { ...base, status: 'would-migrate', diff, written: [] }
  const writes = WRITE_ORDER.filter((r) => plan.changed.includes(r))
  writeFileSet(
    journal,
    containedSetWrites(
      ctx.root,
      writes.map((r) => ({ path: baseline.trio[r], content: plan.files[r]! }))
    ),
    undefined,
    ctx.root
  )
  return { ...base, status: 'migrated', diff, written: writes.map((r) => baseline.trio[r]) }
}

function diffOf(
  baseline: BaselinePolicy,
  before: Record<TrioRole, Buffer | null>,
  plan: MigrationPlan
): string {
  return (['pin', 'matrix'] as const)
    .filter((r) => plan.changed.includes(r))
    .map((r) => {
      const path = baseline.trio[r]
      return createTwoFilesPatch(
        `a/${path}`,
        `b/${path}`,
        before[r]!.toString('utf8'),
        plan.files[r]!.toString('utf8'),
        undefined,
        undefined,
        { context: 2 }
      ).replace(/^=+\n/, '')
    })
    .join('')
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10)
}
