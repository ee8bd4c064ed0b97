import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenCommands, goldenFile, goldenProjects } from './goldenCases';
import { runCliIn } from '../support/cliInProcess';
import { jsonDifferences } from '../support/closeJson';
import { tempDir } from '../support/tempDirs';

// QUNXI_UPDATE_GOLDEN=1 rewrites the files instead of comparing: only when a definition changes on purpose.
const isUpdating = process.env.QUNXI_UPDATE_GOLDEN === '1';

describe('every CLI analysis prints the same JSON as the golden files', () => {
  const { dir, cleanup } = tempDir('qunxi-golden-');
  let projects: Record<'demo' | 'generated', string>;
  beforeAll(async () => {
    projects = await goldenProjects(dir);
  });
  afterAll(cleanup);

  for (const project of ['demo', 'generated'] as const) {
    for (const { name, args } of goldenCommands) {
      it(`${project}: ${args.join(' ')}`, async () => {
        const run = await runCliIn(dir, ...args, '--project', projects[project], '--format', 'json');
        expect(run.code, run.stderr).toBe(0);
        JSON.parse(run.stdout);
        const file = goldenFile(project, name);
        if (isUpdating) writeFileSync(file, run.stdout);
        expect(existsSync(file), `${file} is missing; run with QUNXI_UPDATE_GOLDEN=1 once`).toBe(true);
        const golden = readFileSync(file, 'utf8');
        // Byte for byte, or the same figures with only a double's last bits apart (closeJson.ts).
        if (run.stdout !== golden) expect(jsonDifferences(JSON.parse(run.stdout), JSON.parse(golden))).toEqual([]);
      });
    }
  }
});
