/**
 * Vitest global set-up of the `golden` project (vitest.config.ts): builds the two golden projects
 * once per run, for cliGolden.test.ts and anonymizedCopy.test.ts, which each built them for
 * themselves before (a CLI import of the demo exports and a generated project: some 10 s of a
 * quiet machine, each time). Each file works on copies of them in its own folder (DuckDB locks a
 * file for one process, and the files run in different workers). Runs only when a file of that
 * project is run.
 */
import type { TestProject } from 'vitest/node';
import { buildGoldenProjects } from './goldenCases';
import { tempDir } from '../support/tempDirs';

export default async function setup(project: TestProject): Promise<() => void> {
  const { dir, cleanup } = tempDir('qunxi-golden-built-');
  project.provide('goldenProjects', await buildGoldenProjects(dir));
  return cleanup;
}
