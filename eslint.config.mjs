import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noElectron = {
  paths: [{ name: 'electron', message: 'The core and the hub run in plain Node: no electron imports.' }],
  patterns: [
    { group: ['electron/*'], message: 'The core and the hub run in plain Node: no electron imports.' },
    { group: ['**/app/*', '**/app'], message: 'The core must not depend on the Electron shell.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'native/**', 'node_modules/**', 'test-results/**', 'bench/results/**', '**/.out-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/hub/**/*.ts'],
    ignores: ['src/main/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/main'], message: 'The renderer talks to the main process only through the bridge.' },
            { group: ['**/demo-server/**'], message: 'The renderer never imports the demo server.' },
          ],
          paths: [{ name: 'electron', message: 'The renderer is sandboxed: use the bridge.' }],
        },
      ],
    },
  },
  {
    files: ['src/demo-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'The demo server must not reuse client code.' },
          ],
          paths: [{ name: 'electron', message: 'The demo server runs in plain Node.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
