import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { rendererDir, repoRoot, outDir } from './paths';

/**
 * Builds the app once before the workers start, when `npm run build` has not done it already:
 * done here rather than in a fixture so two workers never build into the same folder at once.
 */
export default function globalSetup(): void {
  if (existsSync(path.join(rendererDir, 'index.html'))) return;
  execFileSync('npx', ['electron-vite', 'build', '--outDir', outDir], { cwd: repoRoot, stdio: 'inherit' });
}
