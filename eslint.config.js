// Lint: typescript-eslint's recommended rules, plus the layer rule of DESIGN.md §2 (imports point downward only).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Each layer's folders, bottom first (docs/architecture.md): a folder imports from the folders before it in its
// own layer and from the layers below, never from a folder after it or from a layer above.
const infra = [
  'text',
  'generated',
  'action-docs',
  'document',
  'git',
  'fs',
  'exec',
  'producer',
  'github',
  'policy'
]
const domain = ['redact', 'ledger', 'trio', 'rules', 'classify', 'evidence', 'adopt']
const above = (dirs) => dirs.flatMap((d) => [`**/${d}/**`, `../${d}/*`, `../../${d}/*`])

/** Files in `dirs` may not import from the `forbidden` directories. */
const layer = (dirs, forbidden, message, extraPatterns = []) => ({
  files: dirs.map((d) => `src/${d}/**/*.ts`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [{ group: above(forbidden), message }, ...extraPatterns]
      }
    ]
  }
})
const noActionsToolkit = {
  group: ['@actions/*'],
  message: 'Only the entry layer (src/actions) and src/github talk to the Actions toolkit.'
}
/** One block per folder of an ordered layer: the folders after it in the layer are above it too. */
const ordered = (dirs, aboveLayer, message, extraPatterns) =>
  dirs.map((d, i) =>
    layer(
      [d],
      [...dirs.slice(i + 1), ...aboveLayer],
      `${message} Inside the layer, bottom first: ${dirs.join(' < ')} (docs/architecture.md).`,
      // src/github is the one infra folder that talks to the Actions toolkit
      d === 'github' ? [] : extraPatterns
    )
  )

export default tseslint.config(
  { ignores: ['dist/', 'src/generated/', 'node_modules/', 'reports/', 'coverage/', 'services/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error'
    }
  },
  ...ordered(
    infra,
    [...domain, 'operations', 'present', 'cli', 'actions'],
    'infra may not import from domain, operations or entry layers (DESIGN.md §2).',
    [noActionsToolkit]
  ),
  ...ordered(
    domain,
    ['operations', 'present', 'cli', 'actions'],
    'domain may not import from operations or entry layers.',
    [noActionsToolkit]
  ),
  layer(
    ['operations'],
    ['present', 'cli', 'actions'],
    'operations may not import from presentation or entry layers.',
    [noActionsToolkit]
  ),
  // presentation: every surface a person reads, rendered from the operations' results (DESIGN.md §2)
  layer(['present'], ['cli', 'actions'], 'presentation may not import from entry layers.', [
    noActionsToolkit
  ]),
  layer(['cli'], ['actions'], 'the CLI must not depend on the Actions adapter.', [noActionsToolkit]),
  {
    files: ['src/cli/**/*.ts', 'src/actions/**/*.ts', 'scripts/**', 'bench/**', '__tests__/**', '*.mjs'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setInterval: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly'
      }
    }
  }
)
