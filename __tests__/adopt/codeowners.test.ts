// CODEOWNERS as GitHub reads it: gitignore-style patterns, the last matching line wins, owners as principals.
import { describe, expect, it } from '@jest/globals'
import { parseCodeowners, patternMatcher, principalOf, ruleFor } from '../../src/adopt/codeowners.js'

const owners = (text: string, path: string) => ruleFor(parseCodeowners(text), path)?.owners ?? null

describe('CODEOWNERS', () => {
  const file = [
    '# default owners',
    '*       @acme/app-team',
    '',
    '*.md    @acme/docs   # prose',
    '/config/ @acme/platform @alice',
    'services/memorykernel/ @acme/memory-kernel',
    'services/memorykernel/docs/',
    'docs/*  @bob',
    ''
  ].join('\n')

  it('the last matching pattern wins', () => {
    expect(owners(file, 'src/app.ts')).toEqual(['@acme/app-team'])
    expect(owners(file, 'config/memorykernel-integration-pin.json')).toEqual(['@acme/platform', '@alice'])
    expect(owners(file, 'README.md')).toEqual(['@acme/docs'])
    expect(owners(file, 'services/memorykernel/src/main.rs')).toEqual(['@acme/memory-kernel'])
  })

  it('a directory given with a trailing slash is matched as a directory', () => {
    expect(owners(file, 'services/memorykernel/')).toEqual(['@acme/memory-kernel'])
  })

  it('a pattern without owners takes ownership away', () => {
    expect(owners(file, 'services/memorykernel/docs/HANDOFF.json')).toEqual([])
  })

  it('`docs/*` owns the files directly in docs/, not those further down', () => {
    expect(owners(file, 'docs/MATRIX.md')).toEqual(['@bob'])
    expect(owners(file, 'docs/deep/MATRIX.md')).toEqual(['@acme/docs'])
  })

  it('records the line of each rule', () => {
    expect(ruleFor(parseCodeowners(file), 'config/x.json')?.line).toBe(5)
  })

  it('unanchored patterns match at any depth, anchored ones only from the root', () => {
    expect(patternMatcher('*.json').test('a/b/c.json')).toBe(true)
    expect(patternMatcher('/config/').test('x/config/a.json')).toBe(false)
    expect(patternMatcher('apps/').test('x/apps/a.ts')).toBe(true)
    expect(patternMatcher('**/logs').test('a/b/logs/x.log')).toBe(true)
    expect(patternMatcher('docs/**/guide.md').test('docs/a/b/guide.md')).toBe(true)
    expect(patternMatcher('docs/**/guide.md').test('docs/guide.md')).toBe(true)
  })

  it('owners become principals: @login -> login, @org/team -> org/team; an e-mail cannot be one', () => {
    expect(principalOf('@alice')).toBe('alice')
    expect(principalOf('@acme/memory-kernel')).toBe('acme/memory-kernel')
    expect(principalOf('alice@example.com')).toBeNull()
  })
})
