import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generateProject';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { holderFile } from '../../src-main/db/projectHolder';
import { holdInOtherProcess, release } from '../support/holdInOtherProcess';
import { tempDir, tempPaths } from '../support/tempDirs';

describe('a project held open elsewhere (team use)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let call: ReturnType<typeof inProcessClient>;
  beforeEach(() => {
    tmp = tempDir();
    call = inProcessClient(createHandlers(createContext('test', tempPaths(tmp.dir))));
  });
  afterEach(async () => {
    await call('project:close', {});
    tmp.cleanup();
  });

  it('says who holds it, on which machine and since when, and opens a read-only snapshot when asked', async () => {
    const file = path.join(tmp.dir, '团队项目.qunxi');
    await generateProject(file, { people: 60, messages: 400, orders: 20, groups: 2 });
    const alone = await call('project:open', { path: file });
    expect(alone.ok).toBe(true);
    const counts = alone.ok ? alone.value.counts : null;
    await call('project:close', {});
    // Closed: the record of the holder goes with it.
    expect(existsSync(holderFile(file))).toBe(false);

    const holder = await holdInOtherProcess(file);
    try {
      const record = JSON.parse(readFileSync(holderFile(file), 'utf8')) as { user: string; host: string; since: string; pid: number };
      expect(record.host).toBe(os.hostname());
      expect(record.pid).toBe(holder.pid);

      const refused = await call('project:open', { path: file });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('PROJECT_LOCKED');
      expect(refused.error.message).toContain(`正由 ${record.user} 在 ${os.hostname()} 上打开（自 `);
      expect(refused.error.details).toMatchObject({ holderUser: record.user, holderHost: os.hostname(), holderSince: record.since, canOpenReadOnly: 1 });

      const readOnly = await call('project:open', { path: file, readOnly: true });
      expect(readOnly.ok, readOnly.ok ? '' : readOnly.error.message).toBe(true);
      if (!readOnly.ok) return;
      expect(readOnly.value.isReadOnly).toBe(true);
      expect(readOnly.value.heldBy).toEqual({ user: record.user, host: record.host, since: record.since });
      expect(readOnly.value.name).toBe('团队项目');
      expect(readOnly.value.counts).toEqual(counts);
      const metrics = await call('metrics:query', { period: 'month' });
      expect(metrics.ok).toBe(true);
      // Nothing can be written to a snapshot.
      const imported = await call('import:start', { source: { path: path.resolve(__dirname, '../../resources/demo/群成员.xlsx') } });
      expect(imported.ok ? 'started' : imported.error.code).toBe('PROJECT_READ_ONLY');
      await call('project:close', {});
    } finally {
      await release(holder);
    }
    // The holder closed: its record is gone and the project opens for writing again.
    expect(existsSync(holderFile(file))).toBe(false);
    const again = await call('project:open', { path: file });
    expect(again.ok && again.value.isReadOnly).toBe(false);
  }, 120_000);
});
