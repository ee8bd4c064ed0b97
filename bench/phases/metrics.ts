// Times the metrics queries over a year of data, each next to a bare scan of the same tables.
import path from 'node:path';
import { createContext } from '../../src-main/api/context';
import { inProcessClient, unwrap } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { reportPhase } from './report';
import { tempPaths } from '../../test/support/tempDirs';

const [projectPath, tempRoot] = process.argv.slice(2) as [string, string];
// repoRoot given explicitly: tempPaths' default uses __dirname, which tsx's ESM mode lacks.
const ctx = createContext('cli', tempPaths(tempRoot, path.resolve(import.meta.dirname, '../..')));
const call = inProcessClient(createHandlers(ctx));
const info = unwrap(await call('project:open', { path: projectPath }));
const subset = info.groups.slice(0, 3);

async function time(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  await fn(); // warm caches once, then take the median of the runs
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const baselineMs = await time(() =>
  ctx.project!.db.all(
    `SELECT d, count(*)::INTEGER FROM (
       SELECT CAST(timezone('Asia/Shanghai', sent_at) AS DATE) AS d FROM messages
       UNION ALL SELECT CAST(timezone('Asia/Shanghai', join_time) AS DATE) FROM memberships) GROUP BY d`,
  ),
);
const out: Record<string, number> = { baselineMs };
for (const period of ['day', 'week', 'month'] as const) {
  out[`${period}Ms`] = await time(async () => unwrap(await call('metrics:query', { period })));
  out[`${period}SubsetMs`] = await time(async () => unwrap(await call('metrics:query', { period, groups: subset })));
}
const days = unwrap(await call('metrics:query', { period: 'day' })).length;
await call('project:close', {});
reportPhase({ ...out, days });
