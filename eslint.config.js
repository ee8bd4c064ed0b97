// Lint: TypeScript recommendations plus the layer boundaries of DESIGN §5, enforced so CI fails on a crossing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * The layers of DESIGN §5, bottom first: a folder of src-main may import only folders listed before
 * it (VS Code's `code-layering`, one block per folder below). `locale` sits just above the contract
 * because the renderer, the exports and the CLI all read it; `server` sits below `app` because the
 * Electron shell reuses browser mode's security headers.
 */
const layers = ['contract', 'locale', 'db', 'analysis/stats', 'analysis/base', 'analysis', 'import', 'export', 'api', 'server', 'app', 'preload', 'cli'];

/**
 * The analyses of src-main/analysis/<domain>/ and the other analyses each may build on (besides
 * base/ and stats/). An analysis not listed here may import none of its siblings.
 */
const analysisUses = {
  metrics: ['behaviours'],
  churn: ['metrics'],
  features: ['behaviours'],
  vvip: ['features'],
  overview: ['funnel', 'metrics'],
  // Growth points read the channel rows and the activity's member messages (one figure, one definition).
  decision: ['metrics', 'churn', 'features', 'behaviours', 'funnel', 'channels', 'activity'],
};
const analysisDomains = ['activity', 'behaviours', 'channels', 'churn', 'decision', 'features', 'funnel', 'metrics', 'overview', 'quadrant', 'vvip'];

/** One lint block per layer: everything above it is out of bounds. */
function layerBlocks() {
  const blocks = [];
  layers.forEach((layer, i) => {
    const above = layers.slice(i + 1).filter((l) => !l.startsWith(`${layer}/`));
    // analysis/<domain> files are the 'analysis' layer; base/ and stats/ are their own layers below.
    const target = layer === 'analysis' ? analysisDomains.map((d) => `./src-main/analysis/${d}`) : [`./src-main/${layer}`];
    const from = above.map((l) => (l === 'analysis' ? analysisDomains.map((d) => `./src-main/analysis/${d}`) : [`./src-main/${l}`])).flat();
    if (layer !== 'analysis') from.push('./src-renderer');
    blocks.push({
      files: target.map((t) => `${t.slice(2)}/**/*.ts`),
      rules: {
        'import-x/no-restricted-paths': ['error', { zones: target.map((t) => ({ target: t, from, message: `${layer} is below ${above.join(', ')} (DESIGN §5 layers)` })) }],
      },
    });
  });
  for (const domain of analysisDomains) {
    const allowed = analysisUses[domain] ?? [];
    const from = analysisDomains.filter((d) => d !== domain && !allowed.includes(d)).map((d) => `./src-main/analysis/${d}`);
    blocks.push({
      files: [`src-main/analysis/${domain}/**/*.ts`],
      rules: {
        'import-x/no-restricted-paths': ['error', {
          zones: [
            { target: `./src-main/analysis/${domain}`, from, message: `analysis/${domain} may build on ${allowed.join(', ') || 'no other analysis'} only (analysisUses in eslint.config.js)` },
            { target: `./src-main/analysis/${domain}`, from: layers.slice(layers.indexOf('analysis') + 1).map((l) => `./src-main/${l}`), message: 'analyses are below import, export, api and the shells (DESIGN §5 layers)' },
          ],
        }],
      },
    });
  }
  return blocks;
}

/** CJK ideographs, CJK punctuation and full-width forms: the marks of Chinese text. */
const cjk = '/[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]/';
const cjkSelectors = [`Literal[value=${cjk}]`, `TemplateElement[value.raw=${cjk}]`, `JSXText[value=${cjk}]`];
const cjkMessage = 'Chinese text belongs in src-main/locale (both languages); data vocabulary takes an eslint-disable marker with its reason.';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'net', 'stream', 'url', 'util', 'zlib'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tmp/**', 'bench/.data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // No file imports itself through others, type imports included (a cycle is a layering knot).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
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
            // contract/spreadsheet and contract/fileName: pure, import-free rules every export follows, the renderer's downloads too.
            { group: ['**/src-main/**', '!**/src-main/contract', '!**/src-main/contract/spreadsheet', '!**/src-main/contract/fileName', '!**/src-main/locale', '!**/src-main/locale/*'], message: 'The renderer may import only the API contract (types), its pure spreadsheet and file-name rules, and the locale.' },
            { regex: 'src-main/contract(/(?!(spreadsheet|fileName)$).*)?$', allowTypeImports: true, message: 'Import the API contract with `import type` only.' },
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
  {
    // User-facing text lives in src-main/locale in every language (issue 10): a CJK literal anywhere
    // else is either text to move there or data vocabulary that says so with a disable marker.
    // bin/ and scripts/ are left out: they run before the TypeScript locale is built (the CLI bundle's
    // rebuild, the start script) or are developer tools; their few lines come in both languages (the
    // launcher's in a table of its own, scripts/cliBundle.mjs launcherText).
    // Tests are left out too: their fixtures are Chinese exports.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-main/locale/**'],
    rules: {
      'no-restricted-syntax': ['error', ...cjkSelectors.map((selector) => ({ selector, message: cjkMessage }))],
    },
  },
  ...layerBlocks(),
);
