// Cargo.toml as adoption reads it: workspace members (globs, exclude), explicit [[bin]] targets and the binaries
// Cargo infers from src/main.rs and src/bin/.
import { describe, expect, it } from '@jest/globals'
import { binariesOf, memberMatcher, parseCargoToml, workspaceMembers } from '../../src/adopt/cargo.js'
import type { CargoManifest } from '../../src/adopt/cargo.js'
import { fileSet } from '../../src/adopt/paths.js'

function manifest(dir: string, text: string): CargoManifest {
  const r = parseCargoToml(dir, text)
  if (!r.ok) throw new Error(r.problem)
  return r.manifest
}

describe('parseCargoToml', () => {
  it('reads a virtual workspace: members and exclude, no package', () => {
    const m = manifest(
      'services/mk',
      '[workspace]\nresolver = "2"\nmembers = ["crates/*", "./tools/gen/"]\nexclude = ["crates/legacy"]\n'
    )
    expect(m).toEqual({
      dir: 'services/mk',
      package: null,
      bins: [],
      workspace: { members: ['crates/*', 'tools/gen'], exclude: ['crates/legacy'] }
    })
  })

  it('reads a package with [[bin]] targets, with and without a path', () => {
    const m = manifest(
      'crates/cli',
      '[package]\nname = "mk-cli"\nversion.workspace = true\n\n[[bin]]\nname = "mk"\npath = "src/main.rs"\n\n[[bin]]\nname = "mk-admin"\n'
    )
    expect(m.package).toEqual({ name: 'mk-cli', autobins: true })
    expect(m.bins).toEqual([
      { name: 'mk', path: 'src/main.rs' },
      { name: 'mk-admin', path: null }
    ])
    expect(m.workspace).toBeNull()
  })

  it('says what is wrong with a manifest that is not TOML', () => {
    const r = parseCargoToml('x', '[package\nname = "a"\n')
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.problem).toMatch(/\S/)
  })
})

describe('workspaceMembers', () => {
  const dirs = [
    'services/mk',
    'services/mk/crates/api',
    'services/mk/crates/legacy',
    'services/mk/crates/service',
    'services/mk/crates/service/nested',
    'services/mk/tools/gen',
    'services/other'
  ]

  it('matches member globs one directory deep, leaves out the excluded ones', () => {
    const ws = manifest(
      'services/mk',
      '[workspace]\nmembers = ["crates/*", "tools/gen"]\nexclude = ["crates/legacy"]\n'
    )
    expect(workspaceMembers(ws, dirs)).toEqual([
      'services/mk/crates/api',
      'services/mk/crates/service',
      'services/mk/tools/gen'
    ])
  })

  it('counts the workspace root package itself as a member', () => {
    const ws = manifest('services/mk', '[package]\nname = "mk"\n\n[workspace]\nmembers = ["crates/api"]\n')
    expect(workspaceMembers(ws, dirs)).toEqual(['services/mk', 'services/mk/crates/api'])
  })

  it('`**` reaches any depth', () => {
    const ws = manifest('services/mk', '[workspace]\nmembers = ["crates/**"]\n')
    expect(workspaceMembers(ws, dirs)).toContain('services/mk/crates/service/nested')
  })

  it('a package without a workspace is its own only member', () => {
    expect(workspaceMembers(manifest('services/other', '[package]\nname = "other"\n'), dirs)).toEqual([
      'services/other'
    ])
  })

  it('memberMatcher: `*` and `?` stay within a segment, classes work', () => {
    expect(memberMatcher('crates/*').test('crates/a')).toBe(true)
    expect(memberMatcher('crates/*').test('crates/a/b')).toBe(false)
    expect(memberMatcher('crate?').test('crate1')).toBe(true)
    expect(memberMatcher('c[ab]').test('cb')).toBe(true)
    expect(memberMatcher('c[!ab]').test('cb')).toBe(false)
  })
})

describe('binariesOf', () => {
  it('infers the binary of src/main.rs, named after the package', () => {
    const m = manifest('crates/service', '[package]\nname = "memory-kernel-service"\n')
    expect(binariesOf(m, fileSet(['crates/service/src/main.rs']))).toEqual([
      {
        package: 'memory-kernel-service',
        name: 'memory-kernel-service',
        dir: 'crates/service',
        main: 'crates/service/src/main.rs',
        origin: 'implicit'
      }
    ])
  })

  it('an explicit [[bin]] that builds src/main.rs replaces the inferred one (not two binaries)', () => {
    const m = manifest(
      'crates/cli',
      '[package]\nname = "memory-kernel-cli"\n\n[[bin]]\nname = "mk"\npath = "src/main.rs"\n'
    )
    expect(binariesOf(m, fileSet(['crates/cli/src/main.rs'])).map((b) => [b.name, b.main, b.origin])).toEqual(
      [['mk', 'crates/cli/src/main.rs', 'explicit']]
    )
  })

  it('infers src/bin/<name>.rs and src/bin/<name>/main.rs; an explicit [[bin]] without a path finds its file', () => {
    const m = manifest('p', '[package]\nname = "p"\n\n[[bin]]\nname = "admin"\n')
    const files = fileSet(
      [
        'p/src/bin/admin.rs',
        'p/src/bin/migrate/main.rs',
        'p/src/bin/migrate/util.rs',
        'p/src/bin/seed.rs',
        'p/src/main.rs'
      ].sort()
    )
    expect(binariesOf(m, files).map((b) => [b.name, b.main, b.origin])).toEqual([
      ['admin', 'p/src/bin/admin.rs', 'explicit'],
      ['p', 'p/src/main.rs', 'implicit'],
      ['migrate', 'p/src/bin/migrate/main.rs', 'implicit'],
      ['seed', 'p/src/bin/seed.rs', 'implicit']
    ])
  })

  it('autobins = false: only the explicit targets', () => {
    const m = manifest(
      'p',
      '[package]\nname = "p"\nautobins = false\n\n[[bin]]\nname = "only"\npath = "src/only.rs"\n'
    )
    expect(binariesOf(m, fileSet(['p/src/main.rs', 'p/src/only.rs'])).map((b) => b.name)).toEqual(['only'])
  })

  it('a library-only package and a virtual manifest build no binary', () => {
    expect(binariesOf(manifest('lib', '[package]\nname = "lib"\n'), fileSet(['lib/src/lib.rs']))).toEqual([])
    expect(binariesOf(manifest('ws', '[workspace]\nmembers = []\n'), fileSet([]))).toEqual([])
  })
})
