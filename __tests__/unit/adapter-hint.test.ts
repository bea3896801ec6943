// BG604's hint: where no scanned file names a producer endpoint, init cannot find the adapter either, so the
// message says what to set instead of sending the reader to init and back (a loop a new user followed).
import { describe, expect, it } from '@jest/globals'
import { sourceFromBytes } from '../../src/document/source-file.js'
import { adapterRules } from '../../src/rules/adapter.js'

const adapter = {
  files: [],
  endpoints: ['/v1/query/ask'],
  unused: [],
  scan: ['src/**/*.ts', 'app/**/*.rs'],
  exclude: []
}

describe('BG604: the policy names no adapter file', () => {
  it('with files naming endpoints: names them, and init writes the adapter', () => {
    const [f] = adapterRules({ adapter, adapterSources: [], scanned: [], candidates: ['src/api/mk.ts'] })
    expect(f!.message).toContain(
      'these files name producer endpoints: src/api/mk.ts (baseline-gate init writes'
    )
  })

  it('with none: says what to set, and never sends the reader to init', () => {
    const [f] = adapterRules({ adapter, adapterSources: [], scanned: [], candidates: [] })
    expect(f!.rule).toBe('BG604')
    expect(f!.message).toContain(
      'no file adapter.scan covers (src/**/*.ts, app/**/*.rs) names a producer endpoint: set adapter.file'
    )
    expect(f!.message).not.toContain('init')
  })
})

describe('adapter.unused: endpoints the consumer does not call', () => {
  const source = (path: string, text: string) => sourceFromBytes(path, Buffer.from(text))
  const withUnused = {
    ...adapter,
    files: ['src/api.ts'],
    endpoints: ['/v1/query/ask'],
    unused: ['/v1/ready']
  }

  it('the adapter need not name them (no BG602), and no other scanned file may (BG603)', () => {
    const findings = adapterRules({
      adapter: withUnused,
      adapterSources: [{ path: 'src/api.ts', source: source('src/api.ts', "ask('/v1/query/ask')\n") }],
      scanned: [source('src/ui/ready.ts', "\nfetch('/v1/ready')\n")]
    })
    expect(findings.map((f) => [f.rule, f.file, f.line])).toEqual([['BG603', 'src/ui/ready.ts', 2]])
  })
})

describe('endpoints that begin longer ones (/v1/health and /v1/healthz)', () => {
  const source = (path: string, text: string) => sourceFromBytes(path, Buffer.from(text))
  const both = { ...adapter, files: ['src/api.ts'], endpoints: ['/v1/health', '/v1/healthz'] }
  it('a file naming the longer one is reported for it alone, at its place (found by review: twice)', () => {
    const out = adapterRules({
      adapter: both,
      adapterSources: [
        { path: 'src/api.ts', source: source('src/api.ts', "get('/v1/health'); get('/v1/healthz')") }
      ],
      scanned: [source('src/hook.ts', "x\nfetch('/v1/healthz')\n")]
    })
    expect(out.map((f) => [f.rule, f.file, f.line, f.column, f.message.split(' outside')[0]])).toEqual([
      ['BG603', 'src/hook.ts', 2, 8, 'names the producer endpoint /v1/healthz']
    ])
  })

  it('an adapter naming only the longer one lacks the shorter (BG602), which it passed before; a later plain one counts', () => {
    const only = adapterRules({
      adapter: both,
      adapterSources: [{ path: 'src/api.ts', source: source('src/api.ts', "get('/v1/healthz')") }],
      scanned: []
    })
    expect(only.map((f) => [f.rule, f.message.includes('/v1/health;')])).toEqual([['BG602', true]])
    const later = adapterRules({
      adapter: both,
      adapterSources: [
        { path: 'src/api.ts', source: source('src/api.ts', "get('/v1/healthz'); get('/v1/health')") }
      ],
      scanned: [source('src/hook.ts', "fetch('/v1/healthz'); fetch('/v1/health/')")]
    })
    expect(later.map((f) => [f.rule, f.message.split(' outside')[0]])).toEqual([
      ['BG603', 'names the producer endpoint /v1/health'],
      ['BG603', 'names the producer endpoint /v1/healthz']
    ])
  })
})
