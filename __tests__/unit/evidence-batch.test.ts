// The evidence directory holds one run's packet whole, and takes one run's batch at a time: two runs at once never leave one's packet beside the
// other's statement (found by review). A lock a run left or a step planted delays a batch; it never stops it.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { createEvidenceStore } from '../../src/fs/evidence-store.js'
import { packetLogs } from '../../src/evidence/step-log.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const LOCK = '.baseline-gate-evidence.lock'

describe('the evidence batch lock', () => {
  it("waits for another live run's batch, then writes its own whole, and leaves no lock", async () => {
    const dir = tempDir('bg-batch-')
    const store = createEvidenceStore(dir)
    // another run holds the lock a moment, then releases it
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const p = process.argv[1]; fs.writeFileSync(p, process.pid + '\\n', { flag: 'wx' }); process.stdout.write('held\\n'); setTimeout(() => { fs.writeFileSync(p + '.released', ''); fs.rmSync(p) }, 300)`,
        join(dir, LOCK)
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    await new Promise((resolve) => holder.stdout.once('data', resolve))
    store.writeAll([
      { name: 'a.json', content: 'mine\n' },
      { name: 'a.md', content: 'mine\n' }
    ])
    // written after the other run let go
    expect(existsSync(join(dir, `${LOCK}.released`))).toBe(true)
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('mine\n')
    expect(readdirSync(dir).filter((f) => f.includes('.lock') && !f.endsWith('.released'))).toEqual([])
    await new Promise((resolve) => holder.once('exit', resolve))
  })

  it("removes the temporary files a killed run's writes left, once a batch: only its own kinds, only old ones, only files (found by review)", () => {
    const dir = tempDir('bg-batch-tmp-')
    const store = createEvidenceStore(dir)
    const old = new Date(Date.now() - 3_600_000)
    const stale = join(dir, '.health-x.json.0123456789abcdef.tmp')
    writeFileSync(stale, 'half')
    utimesSync(stale, old, old)
    // another run's write in flight, a user's file of the same shape, a directory of that name: all left alone
    writeFileSync(join(dir, '.health-y.json.fedcba9876543210.tmp'), 'in flight')
    const users = join(dir, '.important.0123456789abcdef.tmp')
    writeFileSync(users, 'keep')
    utimesSync(users, old, old)
    mkdirSync(join(dir, '.x.log.00112233445566aa.tmp'))
    writeFileSync(join(dir, 'notes.tmp'), 'mine')
    store.writeAll([{ name: 'health-x.json', content: '{}\n' }])
    expect(readdirSync(dir).sort()).toEqual(
      [
        '.health-y.json.fedcba9876543210.tmp',
        '.important.0123456789abcdef.tmp',
        '.x.log.00112233445566aa.tmp',
        'health-x.json',
        'notes.tmp'
      ].sort()
    )
  })

  it('takes over a lock a run that has ended left', () => {
    const dir = tempDir('bg-batch-dead-')
    const store = createEvidenceStore(dir)
    writeFileSync(join(dir, LOCK), '2147483646\n')
    store.writeAll([{ name: 'b.json', content: '{}\n' }])
    expect(readdirSync(dir).sort()).toEqual(['b.json'])
  })
})

describe("a packet's earlier step logs", () => {
  it('are removed before its suites run or are skipped: the directory holds no log its packet does not name (found by review)', () => {
    const dir = tempDir('bg-stale-logs-')
    const store = createEvidenceStore(dir)
    const old = [
      'promotion-memorykernel-01-consumer-typecheck.log',
      'promotion-memorykernel-03-consumer-test-governance-negative.log',
      'promotion-memorykernel-12-producer-cargo-test.log'
    ]
    const kept = [
      'promotion-memorykernel.json',
      'promotion-billing-01-consumer-test.log',
      'rollback-memorykernel-01-consumer-test.log',
      'promotion-memorykernel-notes.log'
    ]
    for (const name of [...old, ...kept]) writeFileSync(join(dir, name), 'x')
    // a directory of a log's name (a step can make one) is left, never a crash
    mkdirSync(join(dir, 'promotion-memorykernel-07-consumer-made-by-a-step.log'))
    store.removeMatching(packetLogs('promotion-memorykernel'))
    expect(readdirSync(dir).sort()).toEqual(
      [...kept, 'promotion-memorykernel-07-consumer-made-by-a-step.log'].sort()
    )
  })
})
