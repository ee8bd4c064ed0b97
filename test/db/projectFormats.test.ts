import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../src-main/db/schema';
import { goldenFile } from '../cli/goldenCases';
import { runCliIn } from '../support/cliInProcess';
import { tempDir } from '../support/tempDirs';

const fixtures = path.resolve(__dirname, '../fixtures/projects');

describe('project files of every past format version', () => {
  const tmp = tempDir('qunxi-formats-');
  afterAll(tmp.cleanup);

  it('has a committed fixture for every version before the current one', () => {
    const missing = Array.from({ length: FORMAT_VERSION - 1 }, (_, i) => i + 1).filter((v) => !existsSync(path.join(fixtures, `format-v${v}.qunxi`)));
    expect(missing).toEqual([]);
  });

  // format-v2.qunxi is the demo exports (resources/demo) imported by the format-2 code (commit dc42b77^).
  it('a format-2 project of the demo exports, migrated on open, gives the weekly metrics of the demo imported today', async () => {
    const copy = path.join(tmp.dir, 'old-v2.qunxi');
    copyFileSync(path.join(fixtures, 'format-v2.qunxi'), copy);
    const run = await runCliIn(tmp.dir, 'metrics', '--project', copy, '--period', 'week', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(goldenFile('demo', 'metrics-week'), 'utf8'));
  });
});
