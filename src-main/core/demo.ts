import { promises as fs } from 'node:fs';
import path from 'node:path';
import { closeProjectFile, createProjectFile, openProjectFile, type OpenProject } from '../store/projectFile';
import { importFile } from './import/importFile';

/** File extensions the demo builder picks up from the demo folder, in import order. */
const DEMO_FILES = /\.(xlsx|csv)$/i;

/**
 * Opens the demo project, building it first with the real importer from the bundled demo
 * exports when it does not exist yet (or cannot be opened). Built under a temporary name and
 * renamed into place, so an interrupted build is simply redone next time.
 */
export async function buildDemoProject(demoPath: string, demoDir: string, tempDir: string): Promise<OpenProject> {
  try {
    return await openProjectFile(demoPath);
  } catch {
    await fs.rm(demoPath, { force: true });
  }
  const building = `${demoPath}.building`;
  await fs.rm(building, { force: true });
  const project = await createProjectFile(building);
  try {
    const files = (await fs.readdir(demoDir)).filter((f) => DEMO_FILES.test(f)).sort();
    for (const f of files) {
      await importFile(project, { path: path.join(demoDir, f), fileName: f }, { tempDir });
    }
  } finally {
    await closeProjectFile(project);
  }
  await fs.rename(building, demoPath);
  return openProjectFile(demoPath);
}
