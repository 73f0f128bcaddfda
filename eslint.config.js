import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // Type-aware checks on the source: a promise nobody awaits or catches fails silently (a history row
    // not written, an answer not sent), and an async handler where a void one is expected drops its error.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The node never imports Electron: it must run headless and under plain Node in tests.
    files: ['electron/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    // The renderer reaches the node only through the API client, never through Node or Electron.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', '**/electron/node/**'] }] },
  },
  {
    // A test that cannot run fails and says why; none is skipped, focused or left as a todo.
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['skip', 'skipIf', 'runIf', 'todo', 'only'].flatMap((property) =>
          ['it', 'test', 'describe', 'ctx', 'context'].map((object) => ({
            object,
            property,
            message: 'A test that cannot run must fail and say why.',
          })),
        ),
      ],
    },
  },
  prettier,
)
