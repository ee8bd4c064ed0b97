import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generateProject';
import { holderFile } from '../../src-main/db/projectHolder';
import { holdInOtherProcess, release } from '../support/holdInOtherProcess';
import { apiPerTest } from '../support/apiPerTest';

describe('a project held open elsewhere (team use)', () => {
  const api = apiPerTest();

  it('says who holds it, on which machine and since when, and opens a read-only snapshot when asked', async () => {
    const file = path.join(api.dir, '团队项目.qunxi');
    await generateProject(file, { people: 60, messages: 400, orders: 20, groups: 2 });
    const alone = await api.call('project:open', { path: file });
    expect(alone.ok).toBe(true);
    const counts = alone.ok ? alone.value.counts : null;
    await api.call('project:close', {});
    // Closed: the record of the holder goes with it.
    expect(existsSync(holderFile(file))).toBe(false);

    const holder = await holdInOtherProcess(file);
    try {
      const record = JSON.parse(readFileSync(holderFile(file), 'utf8')) as { user: string; host: string; since: string; pid: number };
      expect(record.host).toBe(os.hostname());
      expect(record.pid).toBe(holder.pid);

      const refused = await api.call('project:open', { path: file });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('PROJECT_LOCKED');
      expect(refused.error.message).toContain(`正由 ${record.user} 在 ${os.hostname()} 上打开（自 `);
      expect(refused.error.details).toMatchObject({ holderUser: record.user, holderHost: os.hostname(), holderSince: record.since, canOpenReadOnly: 1 });

      const readOnly = await api.call('project:open', { path: file, readOnly: true });
      expect(readOnly.ok, readOnly.ok ? '' : readOnly.error.message).toBe(true);
      if (!readOnly.ok) return;
      expect(readOnly.value.isReadOnly).toBe(true);
      expect(readOnly.value.heldBy).toEqual({ user: record.user, host: record.host, since: record.since });
      expect(readOnly.value.name).toBe('团队项目');
      expect(readOnly.value.counts).toEqual(counts);
      const metrics = await api.call('metrics:query', { period: 'month' });
      expect(metrics.ok).toBe(true);
      // Nothing can be written to a snapshot.
      const imported = await api.call('import:start', { source: { path: path.resolve(__dirname, '../../resources/demo/群成员.xlsx') } });
      expect(imported.ok ? 'started' : imported.error.code).toBe('PROJECT_READ_ONLY');
      await api.call('project:close', {});
    } finally {
      await release(holder);
    }
    // The holder closed: its record is gone and the project opens for writing again.
    expect(existsSync(holderFile(file))).toBe(false);
    const again = await api.call('project:open', { path: file });
    expect(again.ok && again.value.isReadOnly).toBe(false);
  }, 120_000);
});
