import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ENGINE_MESSAGE = 'app/engine is a pure TypeScript port of Django; it must not depend on UI, state, network or browser layers.'

const browserGlobal = (name, instead) => ({ name, message: `${ENGINE_MESSAGE} ${instead}` })

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration[exported=null]', message: 'Name exports explicitly; `export * as ns` is fine, bare `export *` is not.' }],
    },
  },
  {
    files: ['app/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*', 'msw', 'msw/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
              message: ENGINE_MESSAGE,
            },
            { group: ['**/components/**', '**/state/**', '**/network/**', '**/runtime/**'], message: ENGINE_MESSAGE },
            { group: ['**/engine/index.ts', '../index.ts', '../../index.ts'], message: 'Inside the engine, import concrete files, never a barrel.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        browserGlobal('window', 'There is no window in a worker or in Node.'),
        browserGlobal('document', 'There is no document in a worker or in Node.'),
        browserGlobal('navigator', 'Pass what you need in.'),
        browserGlobal('location', 'Take the URL as a parameter.'),
        browserGlobal('localStorage', 'Persistence belongs to app/state.'),
        browserGlobal('sessionStorage', 'Persistence belongs to app/state.'),
        browserGlobal('indexedDB', 'Persistence belongs to app/state.'),
        browserGlobal('fetch', 'The fetch bridge sits at the edge (handlers/), taking requests in.'),
        browserGlobal('setTimeout', 'Use the injected clock (core/clock.ts).'),
        browserGlobal('setInterval', 'Use the injected clock (core/clock.ts).'),
        browserGlobal('alert', 'No UI in the engine.'),
      ],
    },
  },
  {
    files: ['app/engine/**/*.test.ts', 'app/engine/tests/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['app/components/**/*.{ts,tsx}', 'app/state/**/*.ts', 'app/main.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*/**'], message: 'UI code reaches the engine through its public barrel, app/engine/index.ts (@engine).' }] }],
    },
  },
  {
    // The layers above the engine: engine ← runtime ← network, state ← components (main.tsx joins them).
    files: ['app/runtime/**/*.ts'],
    ignores: ['app/runtime/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/network/**', '**/state/**', '**/components/**'], message: 'The runtime sits under the network adapter, the state and the UI; it imports none of them.' }] }],
    },
  },
  {
    files: ['app/network/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/state/**', '**/components/**'], message: 'The network adapter is handed what it serves (main.tsx wires it); it imports no state or UI.' },
        { group: ['**/engine/**', 'msw/node'], message: 'The network adapter talks to the runtime over its protocol, never to the engine.' },
      ] }],
    },
  },
  {
    files: ['app/network/page-shim.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['app/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/engine/*/**'], message: 'UI code reaches the engine through its public barrel, app/engine/index.ts (@engine).' },
        { group: ['**/network/**'], message: 'Components reach the preview host through state/preview-context.ts, never the msw adapter.' },
      ] }],
    },
  },
  {
    files: ['*.config.{js,ts}', 'e2e/**/*.ts', 'scripts/**/*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
)
