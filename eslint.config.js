// Lint: TypeScript recommendations plus the layer boundaries of DESIGN §5, enforced so CI fails on a crossing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'net', 'stream', 'url', 'util', 'zlib'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tmp/**', 'bench/.data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The renderer reaches the Node side only through the API contract's types.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer must not import Electron; use the API client.' },
            { name: '@duckdb/node-api', message: 'The renderer must not touch the store; use the API client.' },
            { name: 'exceljs', message: 'Workbooks are parsed on the Node side.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'No Node modules in the renderer.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'No Node modules in the renderer.' },
            { group: ['**/src-main/**', '!**/src-main/contract'], message: 'The renderer may import only the API contract (types).' },
            { group: ['**/src-main/contract'], allowTypeImports: true, message: 'Import the API contract with `import type` only.' },
          ],
        },
      ],
    },
  },
  {
    // Core logic and the store know nothing of Electron or React.
    files: ['src-main/{contract,locale,db,analysis,import,export,api,server,cli}/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only src-main/app and src-main/preload may import Electron.' },
            { name: 'react', message: 'React belongs to the renderer.' },
            { name: 'react-dom', message: 'React belongs to the renderer.' },
          ],
          patterns: [{ group: ['**/src-renderer/**'], message: 'The Node side does not import the renderer.' }],
        },
      ],
    },
  },
);
