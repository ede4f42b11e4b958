// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'stream', 'url', 'util', 'worker_threads'];

/** The layer rules of DESIGN.md §2: what each runtime folder may never import. */
function forbid(patterns, message) {
  return {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'reports/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      [...nodeBuiltins, 'electron', 'electron/*', '**/electron/**', '**/renderer/**', 'react', 'react-dom'],
      'shared/ runs everywhere: only shared/ and tiny pure libraries (zod).',
    ),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts', 'electron/utility/**/*.ts'],
    rules: forbid(['electron', 'electron/*', '**/renderer/**', '**/main/**', '**/preload/**'], 'Plain-Node code never imports electron, the main process or the renderer.'),
  },
  {
    // The Nghị định 30 document kit sits below the domains: any domain may use it, it uses none.
    files: ['electron/core/official-docs/**/*.ts'],
    rules: forbid(
      ['electron', 'electron/*', '**/renderer/**', '**/main/**', '**/preload/**', '**/domains/**'],
      'official-docs is shared by every domain: it imports no domain, and like all core code no electron or renderer.',
    ),
  },
  {
    files: ['hub/**/*.ts'],
    rules: forbid(['electron', 'electron/*', '**/electron/**', '**/renderer/**'], 'The hub is a plain Node server: shared/ and server libraries only, never the app.'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: forbid(['**/renderer/**', '**/preload/**'], 'The main process never imports the renderer or the preload.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: forbid([...nodeBuiltins, '**/core/**', '**/main/**', '**/renderer/**', '**/utility/**', '**/web/**', '**/cli/**'], 'The preload imports only electron and shared/.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([...nodeBuiltins, 'electron', 'electron/*', '**/electron/**'], 'The renderer runs in a browser: shared/ and browser libraries only.'),
    },
  },
);
