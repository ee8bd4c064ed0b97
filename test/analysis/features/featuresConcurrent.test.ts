import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src-main/api/context';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { createHandlers } from '../../../src-main/api/handlers';
import type { Method } from '../../../src-main/contract';
import { tempPaths } from '../../support/tempDirs';
import { tempProject, type TempProject } from '../../support/projectFixture';
import { AS_OF, insertFeaturesFixture } from './featuresFixture';
import { featuresTable } from '../../../src-main/analysis/features/featuresCache';

// The first feature tables of an open project, asked for at once, all attach the cache and write
// its list of tables: DuckDB refused all but one with a catalog write-write conflict (the
// end-to-end tests of 客户360, VVIP and 四象限 had to wait for a first answer before asking more).

/** First computations of several feature tables (scopes and days differ, so none waits for another's). */
const FIRST: { name: Method; req: Record<string, unknown> }[] = [
  { name: 'features:query', req: { offset: 0, limit: 20, asOf: AS_OF } },
  { name: 'features:query', req: { offset: 0, limit: 20, asOf: '2024-03-15' } },
  { name: 'features:query', req: { offset: 0, limit: 20 } },
  { name: 'quadrant:query', req: {} },
  { name: 'vvip:query', req: {} },
  { name: 'features:query', req: { offset: 0, limit: 20, groups: ['A'] } },
];

let together: TempProject;
let alone: TempProject;

async function clientOf(t: TempProject) {
  await insertFeaturesFixture(t.project);
  const ctx = createContext('test', tempPaths(t.dir));
  ctx.project = t.project;
  return inProcessClient(createHandlers(ctx));
}

beforeAll(async () => {
  together = await tempProject('Asia/Shanghai');
  alone = await tempProject('Asia/Shanghai');
});
afterAll(async () => {
  await together?.dispose();
  await alone?.dispose();
});

describe('first computations of the feature table at once', () => {
  it('all answer, each as it answers alone on a project of the same data', async () => {
    const callTogether = await clientOf(together);
    const callAlone = await clientOf(alone);
    const answers = await Promise.all(FIRST.map((f) => callTogether(f.name, f.req)));
    expect(answers.filter((r) => !r.ok)).toEqual([]);
    for (const [i, f] of FIRST.entries()) {
      const single = await callAlone(f.name, f.req);
      expect(single.ok).toBe(true);
      expect(answers[i]).toEqual(single);
    }
  });

  it('attach the cache and list their tables without a conflict, round after round of six at once', async () => {
    const db = together.project.db;
    const days = ['2024-03-01', '2024-03-08', '2024-03-15', '2024-03-22', '2024-03-29', AS_OF];
    const failures: string[] = [];
    for (let round = 0; round < 10; round++) {
      // Forgotten, the cache is attached and listed afresh by the next computations: the first ones again.
      await db.use((sql) => sql.run('DETACH DATABASE IF EXISTS qx_features'));
      const results = await Promise.allSettled(
        days.map((asOf) => db.use((sql) => featuresTable(sql, { asOf, timeZone: 'Asia/Shanghai', groups: [`round ${round}`] }))),
      );
      for (const r of results) if (r.status === 'rejected') failures.push(String(r.reason));
    }
    expect(failures).toEqual([]);
  });
});
