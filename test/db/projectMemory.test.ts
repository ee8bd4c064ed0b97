/**
 * DuckDB's memory limit of a project (projectDb.ts usualMemoryBytes): 1 GiB, not DuckDB's default
 * of 80% of the machine's memory, which at 1,000,000 people let the process grow to 2.9 GB.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProjectFile, createProjectFile, openProjectFile, type OpenProject } from '../../src-main/db/projectFile';
import { ProjectDb } from '../../src-main/db/projectDb';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qunxi-memory-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const memoryLimit = (db: ProjectDb) => db.use(async (sql) => (await sql.one<{ m: string }>(`SELECT current_setting('memory_limit')::VARCHAR AS m`))!.m);

describe("a project's DuckDB memory limit", () => {
  it.skipIf(os.totalmem() < 2 * 1024 ** 3)('is 1 GiB for a project opened, created or read read-only', async () => {
    const file = path.join(dir, 'p.qunxi');
    let project: OpenProject = await createProjectFile(file);
    expect(await memoryLimit(project.db)).toBe('1.0 GiB');
    await closeProjectFile(project);
    project = await openProjectFile(file);
    expect(await memoryLimit(project.db)).toBe('1.0 GiB');
    await closeProjectFile(project);
    const readOnly = await ProjectDb.open(file, { readOnly: true });
    try {
      expect(await memoryLimit(readOnly)).toBe('1.0 GiB');
    } finally {
      await readOnly.close();
    }
  });
});
