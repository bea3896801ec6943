// One self-contained ESM bundle per entry. Deterministic: a rebuild is byte-identical (check-dist relies on it).
import { build } from 'esbuild'
import { chmodSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const outRoot = process.env.OUT_DIR ?? 'dist'

/**
 * fdir (the directory walker of tinyglobby) tries, when it is loaded, to require picomatch from the node_modules
 * beside the bundle, for its own glob() that tinyglobby never calls: in a checkout with node_modules that is four
 * more files read and compiled at every start. The bundled copy does without it (tinyglobby brings its own).
 */
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8')
      const optional =
        /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/
      if (!optional.test(text))
        throw new Error(`${args.path}: fdir no longer loads picomatch as expected; update this plugin`)
      return { contents: text.replace(optional, ''), loader: 'js' }
    })
  }
}

/**
 * jsonc-parser's formatter (used by `modify`, which repin, init and migrate edit JSON with) builds six tables of 200
 * strings each when its module loads: 330 kB allocated at every start of every command, for edits most runs never
 * make. The same tables, each built on its first read. The module's text is checked against the one this was
 * written for: a new version of it fails the build here rather than being replaced unread.
 */
const STRING_INTERN_SHA256 = '3a0aad3f56c3e0728812c7584568c0ff200bce1ca58cf40e946f01fdb54c5752'
const lazyJsoncStringIntern = {
  name: 'lazy-jsonc-string-intern',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]jsonc-parser[\\/]lib[\\/]esm[\\/]impl[\\/]string-intern\.js$/ },
      async (args) => {
        const text = await readFile(args.path)
        if (createHash('sha256').update(text).digest('hex') !== STRING_INTERN_SHA256)
          throw new Error(
            `${args.path}: not the string-intern module lazyJsoncStringIntern was written for; update it`
          )
        return { contents: LAZY_STRING_INTERN, loader: 'js' }
      }
    )
  }
}
const LAZY_STRING_INTERN = `
export const cachedSpaces = new Array(20).fill(0).map((_, index) => ' '.repeat(index));
const maxCachedValues = 200;
const table = (unit) => {
  const byEol = {};
  for (const eol of ['\\n', '\\r', '\\r\\n']) {
    let made;
    Object.defineProperty(byEol, eol, {
      enumerable: true,
      get: () => (made ??= new Array(maxCachedValues).fill(0).map((_, index) => eol + unit.repeat(index)))
    });
  }
  return byEol;
};
export const cachedBreakLinesWithSpaces = { ' ': table(' '), '\\t': table('\\t') };
export const supportedEols = ['\\n', '\\r', '\\r\\n'];
`

/**
 * src/version.ts imports the tool's package.json for its version; the bundles carry that field alone, not the
 * dependency lists (which would change every bundle on each devDependency bump).
 */
const ownPackageJson = resolve('package.json')
const versionOnly = {
  name: 'package-json-version-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, async (args) => {
      if (resolve(args.path) !== ownPackageJson) return undefined
      const { name, version } = JSON.parse(await readFile(args.path, 'utf8'))
      return { contents: JSON.stringify({ name, version }), loader: 'json' }
    })
  }
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build esbuild cannot follow; prefer the ESM "module" builds
  mainFields: ['module', 'main'],
  legalComments: 'none',
  // a linked node_modules (a worktree, a bench copy) must not put its real path into the bundle's comments
  preserveSymlinks: true,
  logLevel: 'warning',
  plugins: [fdirWithoutPicomatch, versionOnly, lazyJsoncStringIntern]
}
// bundled CJS dependencies (undici, tunnel) call require('net'); ESM output needs a real require
const esmRequire =
  "import { createRequire as __bgCreateRequire } from 'node:module'; const require = __bgCreateRequire(import.meta.url);"

/**
 * In the CLI bundle, the parts only some commands need are files of their own, required when used:
 * `import('../producer/preflight.js')` becomes `require('./preflight.cjs')` (the probe and its JSON Schema
 * compiler), `import('./promote.js')` becomes `require('./promote.cjs')` (the suites and the secret scanner), and so
 * does `./rollback.js`; `import('../github/repository-reader.js')` becomes `require('./remote.cjs')` (the GitHub
 * client of `health --remote`); `import('../operations/verify-bundle.js')` becomes `require('./verify-bundle.cjs')`
 * (the Sigstore libraries of `verify-evidence --bundle`). `./init.js`, `./migrate.js` (the adoption code, the TOML
 * reader, the diff), `./aggregate.js` and `./verify-evidence.js` (the evidence packet's validators, half of the
 * generated code) are parts of their own as well: `health` loads none of them.
 */
const lazyParts = {
  name: 'lazy-parts',
  setup(b) {
    b.onResolve({ filter: /\/producer\/preflight\.js$/ }, () => ({ path: './preflight.cjs', external: true }))
    b.onResolve({ filter: /\/operations\/verify-bundle\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]verify-evidence\.ts$/.test(args.importer)
        ? { path: './verify-bundle.cjs', external: true }
        : undefined
    )
    b.onResolve({ filter: /\/github\/repository-reader\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]main\.ts$/.test(args.importer)
        ? { path: './remote.cjs', external: true }
        : undefined
    )
    b.onResolve({ filter: /^\.\/(promote|rollback|init|migrate|aggregate|verify-evidence)\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]main\.ts$/.test(args.importer)
        ? { path: args.path.replace(/\.js$/, '.cjs'), external: true }
        : undefined
    )
  }
}

/** What a CommonJS file of the CLI begins with: ESM dependencies (fdir) read import.meta.url, which CommonJS lacks. */
const cjsPrelude =
  '"use strict"; const __bgImportMetaUrl = require("node:url").pathToFileURL(__filename).href;'

/**
 * A CommonJS part of the CLI, loaded by src/cli/compile-cache.ts (never by require): written as the function
 * expression that loader compiles (its WRAPPER_HEAD), so that V8 compiles the file's text itself rather than a
 * wrapped copy of it, half a megabyte of fresh memory at every start.
 */
const cjsPart = {
  format: 'cjs',
  // start-up is read + compile + init of each file: minified, it is less of each (nobody reads dist/)
  minify: true,
  // "use strict" first in the function: esbuild's own directive comes after the banner, where it is an ordinary
  // expression
  banner: { js: `(function (exports, require, module, __filename, __dirname) {${cjsPrelude}` },
  footer: { js: '})' },
  define: { 'import.meta.url': '__bgImportMetaUrl' }
}

/**
 * Two parts of secretlint the redactor never uses, replaced by small stand-ins:
 * - node-forge (~640 kB, bundled inside @secretlint/secretlint-rule-preset-recommend as a chunk it loads with a
 *   dynamic import) serves only the GCP rule's check of a `.p12` FILE; the redactor scans text as `.txt`, so the
 *   import never runs. The stand-in throws, which that rule already treats as "not a key".
 * - @secretlint/profiler starts a PerformanceObserver when it is loaded and keeps every mark of every scan in an
 *   array for the life of the process; nothing reads it. The stand-in's mark() does nothing.
 */
const secretlintStubs = {
  name: 'secretlint-stubs',
  setup(b) {
    b.onResolve({ filter: /^\.\/index-[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && /secretlint-rule-preset-recommend[\\/]module[\\/]/.test(args.importer)
        ? { path: 'node-forge', namespace: 'bg-stub' }
        : undefined
    )
    b.onResolve({ filter: /^@secretlint\/profiler$/ }, () => ({ path: 'profiler', namespace: 'bg-stub' }))
    b.onLoad({ filter: /^node-forge$/, namespace: 'bg-stub' }, () => ({
      contents:
        "export const i = { get default() { throw new Error('node-forge is not bundled: .p12 files are never scanned') } }",
      loader: 'js'
    }))
    b.onLoad({ filter: /^profiler$/, namespace: 'bg-stub' }, () => ({
      contents:
        'export const secretLintProfiler = { mark() {}, async getEntries() { return [] }, async getMeasures() { return [] } }',
      loader: 'js'
    }))
  }
}

/** dist/cli/package.json: makes dist/cli/index.js CommonJS; private, so it is never taken for a package to publish. */
const CLI_PACKAGE_JSON = { private: true, type: 'commonjs' }

const builds = [
  // dist/<action>/index.js: one self-contained ESM bundle per action
  {
    ...common,
    entryPoints: ['src/actions/health/index.ts'],
    outfile: `${outRoot}/health/index.js`,
    format: 'esm',
    banner: { js: esmRequire }
  },
  {
    ...common,
    entryPoints: ['src/actions/promotion/index.ts'],
    outfile: `${outRoot}/promotion/index.js`,
    format: 'esm',
    banner: { js: esmRequire },
    plugins: [...common.plugins, secretlintStubs]
  },
  {
    ...common,
    entryPoints: ['src/actions/rollback/index.ts'],
    outfile: `${outRoot}/rollback/index.js`,
    format: 'esm',
    banner: { js: esmRequire },
    plugins: [...common.plugins, secretlintStubs]
  },
  {
    ...common,
    entryPoints: ['src/actions/repin/index.ts'],
    outfile: `${outRoot}/repin/index.js`,
    format: 'esm',
    banner: { js: esmRequire }
  },
  // dist/cli: a small executable that loads the CommonJS bundle of the CLI through a V8 code cache; CommonJS
  // itself, so that Node starts it without its ES module loader
  {
    ...common,
    ...cjsPart,
    entryPoints: ['src/cli/index.ts'],
    outfile: `${outRoot}/cli/index.js`,
    minify: false,
    // the executable node runs: a CommonJS file of its own, not a part
    banner: { js: `#!/usr/bin/env node\n${cjsPrelude}` },
    footer: { js: '' }
  },
  {
    ...common,
    ...cjsPart,
    // lkg's walks over the history, begun while main.cjs loads (src/cli/early-lkg.ts)
    entryPoints: ['src/cli/early-lkg.ts'],
    outfile: `${outRoot}/cli/early-lkg.cjs`
  },
  {
    ...common,
    ...cjsPart,
    entryPoints: ['src/producer/preflight.ts'],
    outfile: `${outRoot}/cli/preflight.cjs`
  },
  {
    ...common,
    ...cjsPart,
    entryPoints: ['src/cli/promote.ts'],
    outfile: `${outRoot}/cli/promote.cjs`,
    plugins: [...common.plugins, secretlintStubs]
  },
  {
    ...common,
    ...cjsPart,
    entryPoints: ['src/cli/rollback.ts'],
    outfile: `${outRoot}/cli/rollback.cjs`,
    plugins: [...common.plugins, secretlintStubs]
  },
  ...['init', 'migrate', 'aggregate'].map((part) => ({
    ...common,
    ...cjsPart,
    entryPoints: [`src/cli/${part}.ts`],
    outfile: `${outRoot}/cli/${part}.cjs`,
    supported: { 'dynamic-import': false }
  })),
  {
    ...common,
    ...cjsPart,
    entryPoints: ['src/cli/verify-evidence.ts'],
    outfile: `${outRoot}/cli/verify-evidence.cjs`,
    // `import('../operations/verify-bundle.js')` becomes `require('./verify-bundle.cjs')`: a part is a vm.Script,
    // where import() has no loader
    plugins: [...common.plugins, lazyParts],
    supported: { 'dynamic-import': false }
  },
  {
    ...common,
    ...cjsPart,
    // verify-evidence --bundle: the Sigstore libraries, read by no other command
    entryPoints: ['src/operations/verify-bundle.ts'],
    outfile: `${outRoot}/cli/verify-bundle.cjs`
  },
  {
    ...common,
    ...cjsPart,
    entryPoints: ['src/github/repository-reader.ts'],
    outfile: `${outRoot}/cli/remote.cjs`
  },
  {
    ...common,
    ...cjsPart,
    entryPoints: ['src/cli/main.ts'],
    outfile: `${outRoot}/cli/main.cjs`,
    // the runtime preflight and the promotion gate are files of their own, required only when used:
    // `health --no-probe` reads neither
    plugins: [...common.plugins, lazyParts],
    supported: { 'dynamic-import': false }
  }
]

// the builds, for a test that asks esbuild what a bundle holds (__tests__/hygiene/bundle-parts.test.ts)
export { builds }

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  rmSync(outRoot, { recursive: true, force: true })
  await Promise.all(builds.map((b) => build(b)))
  // the `baseline-gate` bin: npx runs it directly, so it must be executable (git records the mode)
  chmodSync(`${outRoot}/cli/index.js`, 0o755)
  // ... and CommonJS, though the package's "type" is "module": a .js file takes the type of the nearest
  // package.json. The path stays what it was, so a link npx cached to it (keyed by the checkout) still works
  writeFileSync(`${outRoot}/cli/package.json`, `${JSON.stringify(CLI_PACKAGE_JSON, null, 2)}\n`)
  console.log(`bundled ${builds.map((b) => b.outfile).join(', ')}`)
}
