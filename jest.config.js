/**
 * The fuzz tests: 10,700 generated inputs, about a twentieth of the suite's time. They run the sources without
 * istanbul's counters (a third faster): what they prove is that no input crashes a reader or a rule. The
 * statements they alone reach are 15 of 9,300 (measured); the reader's property test, which compares the ledger
 * reader with CommonMark's reference, covers most of src/ledger and keeps its counters.
 */
const UNCOUNTED = ['<rootDir>/__tests__/hostile/fuzz.test.ts']

/** @type {import('jest').Config} */
const project = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // TS sources import './x.js'; map to the .ts file (generated .js validators still resolve: jest tries .ts then .js)
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // transpile only (`npm run typecheck` is the type checker), with SWC: on 40 test files from a cold cache 9.8 ->
  // 6.9 s against ts-jest (whose per-file cost every fresh CI machine pays); on the whole suite, within the noise
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        // keepImportAttributes: `with { type: 'json' }` reaches Node as written (jest warns on a bare JSON import)
        jsc: {
          parser: { syntax: 'typescript' },
          target: 'es2022',
          experimental: { keepImportAttributes: true }
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
        // the maps point at the sources on disk; a copy of each source inside its map went into istanbul's data
        // for every file a test loaded, which jest copies and sends to its parent after each test file (a test
        // that loads health: 1.21 -> 0.87 MB). Stack traces and code frames still show the TypeScript lines
        inlineSourcesContent: false
      }
    ]
  }
}

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...project,
      displayName: 'examples',
      // a negated match, not testPathIgnorePatterns: `--testPathIgnorePatterns` on the command line (test:unit)
      // replaces a project's own, and the fuzz test would then run in both projects
      testMatch: [
        '<rootDir>/__tests__/**/*.test.ts',
        ...UNCOUNTED.map((path) => path.replace('<rootDir>', '!**'))
      ]
    },
    { ...project, displayName: 'fuzz', testMatch: UNCOUNTED, coveragePathIgnorePatterns: ['/src/'] }
  ],
  testTimeout: 60000,
  // one worker per core: the tests wait on their child processes (git, cargo, the built bundles) as much as they
  // compute, and jest's default (cores - 1) leaves one of CI's two cores idle; measured: 440 s -> 250 s on 2 cores
  maxWorkers: '100%',
  // a worker is replaced once its heap passes 200 MB: native ESM modules leak about 7 MB a test file. Under V8's
  // coverage each file's start walked the whole heap (307 s -> 205 s with this limit); under istanbul's it only
  // bounds a worker's memory: with and without it, 207 / 194 s and 182 / 220 s, the same within the noise
  workerIdleMemoryLimit: '200MB',
  // the coverage gate of `npm test` (scripts/ci-test.sh passes --coverage): statements of src/, generated code
  // excluded. Istanbul's counters, put into src/ alone as it is transformed (and cached with it): V8's precise
  // coverage slows every script of the worker, jest's and the libraries' too, and counts lines, comments among
  // them, as statements. Measured on 2 cores, whole suite: no coverage 156 s, V8 226 s, istanbul 192 s; src/ at
  // 94.4 % by V8's count was 90.9 % of its real statements
  coverageProvider: 'babel',
  collectCoverageFrom: ['src/**/*.ts', '!src/generated/**'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageDirectory: 'reports/coverage',
  coverageThreshold: { global: { statements: 90 } }
}
