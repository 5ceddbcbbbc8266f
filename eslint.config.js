// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint enforces the layers of ARCHITECTURE.md: only the shell may import `electron`, the core is
 * plain Node, shared code is pure, the renderer never touches Node or the main process. Choke
 * points (IPC registration, window creation, opening external URLs) are linted so nothing bypasses them.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];
const SHELL_FILES = ['electron/main.ts', 'electron/window.ts', 'electron/preload.ts', 'electron/ipc/register.ts', 'electron/platform/**/*.ts'];

const electronImport = { name: 'electron', message: 'Only the shell (main.ts, window.ts, preload.ts, ipc/register.ts, platform/) may import electron.' };
const electronStoreImport = { name: 'electron-store', message: 'Settings go through the SettingsStore port; only electron/platform/ builds electron-store.' };

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'release/**', 'node_modules/**', '.reports/**', 'test-results*/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronImport, electronStoreImport] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, electronStoreImport, { name: 'react', message: 'shared/ is pure: no React.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ is pure: no Node built-ins (it runs in the renderer too).' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of ours above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronImport, electronStoreImport], patterns: [{ group: ['**/renderer/**'], message: 'The core never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, electronStoreImport],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer has no Node: ask the main process through the contract.' },
            { group: ['**/electron/**'], message: 'The renderer reaches the main process only through renderer/api/client.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: SHELL_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The shell never imports the renderer.' }] }] },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'The sandboxed preload has no Node built-ins.' },
            { regex: '^\\.\\./(?!shared/ipc/channels$)', message: 'The preload imports only shared/ipc/channels (keep its bundle tiny).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.test.ts', 'e2e/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Choke points: one place registers IPC, one creates windows, one opens external URLs.
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/ipc/register.ts', 'electron/window.ts', 'electron/platform/open-external.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='ipcMain']", message: 'Register IPC only in electron/ipc/register.ts (it checks the sender).' },
        { selector: "NewExpression[callee.name='BrowserWindow']", message: 'Create windows only in electron/window.ts (secure preferences).' },
        { selector: "CallExpression[callee.property.name='openExternal']", message: 'Open external URLs only through electron/platform/open-external.ts.' },
      ],
    },
  },
);
