import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { closeProjectFile, createProjectFile, openProjectFile, PROJECT_EXT } from '../../src-main/db/projectFile';
import { buildDemoProject } from '../../src-main/import/demo';
import { importFile } from '../../src-main/import/importFile';
import { projectMessages } from '../../src-main/locale/project';
import { writeCommunityFixture } from '../support/communityFixture';
import { tempDir } from '../support/tempDirs';
import { rendererDir, repoRoot, outDir } from './paths';

/** The environment variable naming the folder of the projects built here, read by the workers. */
const BUILT_ENV = 'QUNXI_E2E_BUILT';

/** The projects built once for every worker, which each test copies before it opens one. */
export type BuiltProject = 'demo' | 'community';

/** The file of a project globalSetup built (its folder is in the workers' environment). */
export function builtProject(which: BuiltProject): string {
  const dir = process.env[BUILT_ENV];
  if (!dir) throw new Error(`${BUILT_ENV} is not set: the projects are built by test/e2e/globalSetup.ts`);
  return path.join(dir, which === 'demo' ? `${projectMessages.demoName}${PROJECT_EXT}` : `端到端测试${PROJECT_EXT}`);
}

/** The demo, by the app's own builder from the bundled exports. */
async function buildDemo(dir: string): Promise<void> {
  await closeProjectFile(await buildDemoProject(builtProject('demo'), path.join(repoRoot, 'resources', 'demo'), path.join(dir, 'tmp-demo')));
}

/** 端到端测试: test/support/communityFixture.ts's member list and chat log, imported by the real importer. */
async function buildCommunity(dir: string): Promise<void> {
  const sources = path.join(dir, 'community-sources');
  mkdirSync(sources, { recursive: true });
  const files = await writeCommunityFixture(sources);
  const project = await createProjectFile(builtProject('community'), undefined, withDerivedTables);
  try {
    for (const f of [files.members, files.messages]) await importFile(project, { path: f, fileName: path.basename(f) }, { tempDir: path.join(dir, 'tmp-community') });
  } finally {
    await closeProjectFile(project);
  }
  // Opened as the app opens it, twice: the first open brings its derived tables up to date (the
  // demo's builder does so too), which each test's copy would otherwise build again after its open;
  // the second keeps the file, unchanged since, as its last good copy, which each copy then carries.
  for (let i = 0; i < 2; i++) {
    const opened = await openProjectFile(builtProject('community'), withDerivedTables);
    try {
      await opened.db.use(async () => undefined);
    } finally {
      await closeProjectFile(opened);
    }
  }
}

/**
 * Builds the app once before the workers start, when `npm run build` has not done it already:
 * done here rather than in a fixture so two workers never build into the same folder at once.
 * Then builds the demo and 端到端测试 projects once for every worker (each worker built both, the
 * same CPU twice in the run's first seconds); returns the teardown that removes them.
 */
export default async function globalSetup(): Promise<() => void> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) execFileSync('npx', ['electron-vite', 'build', '--outDir', outDir], { cwd: repoRoot, stdio: 'inherit' });
  const built = tempDir('qunxi-e2e-built-');
  process.env[BUILT_ENV] = built.dir;
  await Promise.all([buildDemo(built.dir), buildCommunity(built.dir)]);
  return built.cleanup;
}
