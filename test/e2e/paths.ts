import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The build the tests serve. QUNXI_E2E_OUT lets parallel work build into a folder of its own
 * (`npx electron-vite build --outDir DIR`; give an absolute DIR, the renderer's root is src-renderer/).
 */
export const outDir = path.resolve(repoRoot, process.env.QUNXI_E2E_OUT || 'out');

/** The built renderer that browser mode serves. */
export const rendererDir = path.join(outDir, 'renderer');
