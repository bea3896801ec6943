// Which processes are a step's, decided from synthetic process tables: the ppid chain across re-parenting,
// the marker, the group while it is open, pid reuse, and the processes that are never the step's.
import { describe, expect, it } from '@jest/globals'
import { claim, groupIsTheSteps, procKey, targets } from '../../src/exec/containment.js'
import type { Scope, Via } from '../../src/exec/containment.js'
import { parseStat } from '../../src/exec/proc-table.js'
import type { ProcEntry } from '../../src/exec/proc-table.js'

const LEADER = { pid: 100, start: 5000 }
const scope = (extra: Partial<Scope> = {}): Scope => ({
  leader: LEADER,
  protectedPids: new Set([50]),
  groupOpen: true,
  ...extra
})
const p = (pid: number, ppid: number, start: number, extra: Partial<ProcEntry> = {}): ProcEntry => ({
  pid,
  ppid,
  pgid: pid,
  state: 'S',
  threads: 1,
  start,
  comm: 'sleep',
  ...extra
})
const leader = p(100, 50, 5000, { comm: 'sh' })
const us = p(50, 1, 10, { comm: 'node' })
const noMarker = () => false
const keys = (m: Map<string, Via>) => Object.fromEntries(m)

describe('parseStat', () => {
  it('reads pid, ppid, group, state and start time; the name may hold spaces and parentheses', () => {
    const stat = '4242 (a) b (c) R 4200 4100 4100 0 -1 4194560 90 0 0 0 0 0 0 0 20 0 1 0 987654 2269184 120'
    expect(parseStat(stat)).toEqual({
      pid: 4242,
      ppid: 4200,
      pgid: 4100,
      state: 'R',
      threads: 1,
      start: 987654,
      comm: 'a) b (c'
    })
  })

  it('keeps control characters out of the name, and refuses what is not a stat line', () => {
    const stat = '7 (x\ny\u001b) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 55 0 0'
    expect(parseStat(stat)?.comm).toBe('x?y?')
    expect(parseStat('')).toBeNull()
    expect(parseStat('12 no parentheses')).toBeNull()
    expect(parseStat('12 (short) S 1')).toBeNull()
  })
})

describe('claim', () => {
  it('follows the ppid chain from the leader, and keeps a child once seen after it is re-parented to init', () => {
    const child = p(101, 100, 5001, { pgid: 101 }) // left the group (setsid)
    const grandchild = p(102, 101, 5002, { pgid: 101 })
    const first = claim(scope(), new Map(), [us, leader, child, grandchild], noMarker)
    expect(keys(first)).toEqual({ '101:5001': 'tree', '102:5002': 'tree' })
    // the child exits: the grandchild now has init as its parent, and is still the step's
    const later = claim(scope(), first, [us, leader, { ...grandchild, ppid: 1 }], noMarker)
    expect(keys(later)).toEqual({ '102:5002': 'tree' })
  })

  it('a pid reused by an unrelated process is not the step’s, nor are its children', () => {
    const child = p(101, 100, 5001, { pgid: 101 })
    const known = claim(scope(), new Map(), [us, leader, child], noMarker)
    const reused = p(101, 1, 9000, { pgid: 101 })
    const itsChild = p(103, 101, 9001, { pgid: 101 })
    expect(keys(claim(scope(), known, [us, leader, reused, itsChild], noMarker))).toEqual({})
  })

  it('children of a reused leader pid are not the step’s', () => {
    const impostor = p(100, 1, 8000) // the leader's pid, a later process
    const child = p(104, 100, 8001, { pgid: 104 })
    expect(keys(claim(scope(), new Map(), [us, impostor, child], noMarker))).toEqual({})
  })

  it('finds a process re-parented before any snapshot by its marker, and its children through it', () => {
    const escaped = p(110, 1, 5010, { pgid: 110 })
    const worker = p(111, 110, 5011, { pgid: 110 })
    const asked: number[] = []
    const known = claim(scope(), new Map(), [us, leader, escaped, worker], (q) => {
      asked.push(q.pid)
      return q.pid === 110
    })
    expect(keys(known)).toEqual({ '110:5010': 'marker', '111:5011': 'tree' })
    expect(asked).not.toContain(100) // the leader is not asked about
  })

  it('never claims a process older than the leader, a protected pid, init, or a zombie by marker', () => {
    const older = p(90, 1, 4000)
    const protectedChild = p(50, 100, 5003)
    const init = p(1, 0, 0)
    const zombie = p(120, 1, 5020, { state: 'Z' })
    const everything = () => true
    expect(
      keys(claim(scope(), new Map(), [leader, older, protectedChild, init, zombie], everything))
    ).toEqual({})
  })

  it('claims group members only while the group is open', () => {
    const member = p(130, 1, 5030, { pgid: 100 })
    expect(keys(claim(scope(), new Map(), [leader, member], noMarker))).toEqual({ '130:5030': 'tree' })
    expect(keys(claim(scope({ groupOpen: false }), new Map(), [member], noMarker))).toEqual({})
  })
})

describe('targets', () => {
  it('lists the living processes of the step, the leader aside, each with how it was found', () => {
    const inGroup = p(101, 100, 5001, { pgid: 100 })
    const left = p(102, 100, 5002, { pgid: 102, comm: 'server' })
    const marked = p(103, 1, 5003, { pgid: 103, comm: 'daemon' })
    const dead = p(104, 100, 5004, { pgid: 100, state: 'Z' })
    const stranger = p(105, 1, 5005, { pgid: 105 })
    // its main thread ended, another runs on: Z, but alive
    const threaded = p(106, 100, 5006, { pgid: 106, state: 'Z', threads: 2, comm: 'worker' })
    const table = [us, leader, inGroup, left, marked, dead, stranger, threaded]
    const known = claim(scope(), new Map(), table, (q) => q.pid === 103)
    expect(targets(scope(), known, table)).toEqual([
      { pid: 101, start: 5001, comm: 'sleep', found: 'group' },
      { pid: 102, start: 5002, comm: 'server', found: 'descendant' },
      { pid: 103, start: 5003, comm: 'daemon', found: 'marker' },
      { pid: 106, start: 5006, comm: 'worker', found: 'descendant' }
    ])
  })

  it('signals the group id only while it is the step’s', () => {
    const member = p(101, 100, 5001, { pgid: 100 })
    const closed = scope({ groupOpen: false })
    expect(groupIsTheSteps(scope(), new Map(), [])).toBe(true)
    expect(groupIsTheSteps(closed, new Map([[procKey(member), 'tree']]), [member])).toBe(true)
    // after the group emptied, its id may name someone else's group
    expect(groupIsTheSteps(closed, new Map(), [p(300, 1, 9000, { pgid: 100 })])).toBe(false)
  })
})
