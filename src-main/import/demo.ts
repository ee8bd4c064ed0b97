import { promises as fs } from 'node:fs';
import path from 'node:path';
import { reclaimFreeSpace } from '../db/fileSpace';
import { closeProjectFile, createProjectFile, openProjectFile, type OpenProject } from '../db/projectFile';
import { backupPath } from '../db/projectIntegrity';
import { readMeta } from '../db/schema';
import { importFile } from './importFile';
import { withDerivedTables } from '../analysis/base/derivedTables';

/** File extensions the demo builder picks up from the demo folder, in import order. */
const DEMO_FILES = /\.(xlsx|csv)$/i;

/** Meta key holding which demo exports a demo project was built from. */
const FINGERPRINT_KEY = 'demo_fingerprint';

/** The demo exports and a fingerprint of them (names and sizes), so a changed demo folder rebuilds the project. */
async function demoExports(demoDir: string): Promise<{ files: string[]; fingerprint: string }> {
  const files = (await fs.readdir(demoDir)).filter((f) => DEMO_FILES.test(f)).sort();
  const sizes = await Promise.all(files.map(async (f) => (await fs.stat(path.join(demoDir, f))).size));
  return { files, fingerprint: files.map((f, i) => `${f}:${sizes[i]}`).join('|') };
}

/** The demo project if it opens and was built from these exports; otherwise null, with any stale file removed. */
async function openIfCurrent(demoPath: string, fingerprint: string): Promise<OpenProject | null> {
  let project: OpenProject;
  try {
    project = await openProjectFile(demoPath, withDerivedTables);
  } catch {
    await fs.rm(demoPath, { force: true });
    return null;
  }
  const builtFrom = await project.db.use((sql) => readMeta(sql, FINGERPRINT_KEY));
  if (builtFrom === fingerprint) return project;
  await closeProjectFile(project);
  await fs.rm(demoPath, { force: true });
  return null;
}

/**
 * Opens the demo project, building it first with the real importer from the bundled demo
 * exports when it does not exist yet, cannot be opened, or was built from other exports. Built
 * under a temporary name and renamed into place, so an interrupted build is simply redone next time.
 */
export async function buildDemoProject(demoPath: string, demoDir: string, tempDir: string): Promise<OpenProject> {
  const { files, fingerprint } = await demoExports(demoDir);
  const current = await openIfCurrent(demoPath, fingerprint);
  if (current) return current;
  const building = `${demoPath}.building`;
  // The last good copy of the file being built goes with it: the built file keeps its own.
  const removeBuilding = () => Promise.all([building, backupPath(building)].map((f) => fs.rm(f, { force: true })));
  await removeBuilding();
  const project = await createProjectFile(building, undefined, withDerivedTables);
  try {
    for (const f of files) {
      await importFile(project, { path: path.join(demoDir, f), fileName: f }, { tempDir });
    }
    await project.db.use((sql) => sql.run(`INSERT INTO meta VALUES (?, ?)`, [FINGERPRINT_KEY, fingerprint]));
    // As an import job's last step does: asked at the demo's first open, its space was asked back
    // with a write, and the second open read the file whole again.
    await reclaimFreeSpace(project.db, { isAfterChange: true });
  } finally {
    await closeProjectFile(project);
  }
  await fs.rename(building, demoPath);
  await removeBuilding();
  return openProjectFile(demoPath, withDerivedTables);
}
