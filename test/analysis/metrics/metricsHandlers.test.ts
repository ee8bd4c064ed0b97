import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src-main/api/context';
import { inProcessClient } from '../../../src-main/api/dispatch';
import { createHandlers } from '../../../src-main/api/handlers';
import { tempPaths } from '../../support/tempDirs';
import { insertMessages, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';
import { projectClient } from '../../support/projectClient';

let t: TempProject;

/** The conversion fields of a period without orders. */
const noOrders = (total: number) => ({ converted_members: 0, conversion_rate: total === 0 ? null : 0, gmv: 0, converted_wow: null, gmv_wow: null });
let call: ReturnType<typeof inProcessClient>;

beforeAll(async () => {
  // Project in UTC: the handler must use the project's zone, not Asia/Shanghai.
  t = await tempProject('UTC');
  await insertSpells(t.project, [
    { group: '一群', id: 'u1', join: '2026-09-07 23:30:00+00' },
    { group: '二群', id: 'u2', join: '2026-09-07 12:00:00+00', leave: '2026-09-08 01:00:00+00' },
  ]);
  await insertMessages(t.project, [{ id: 'u1', group: '一群', at: '2026-09-08 00:30:00+00' }]);
  call = projectClient(t);
});
afterAll(async () => t?.dispose());

describe('metrics:query', () => {
  it('answers plain numbers in the project time zone', async () => {
    const r = await call('metrics:query', { period: 'day' });
    if (!r.ok) throw new Error(r.error.message);
    // UTC days: 09-07 both join; 09-08 u2 leaves (churned), u1 writes
    expect(r.value).toEqual([
      { period_start: '2026-09-07', period_end: '2026-09-07', total_members: 2, new_members: 2, active_members: 0, active_rate: 0, churned_members: 0, ...noOrders(2) },
      { period_start: '2026-09-08', period_end: '2026-09-08', total_members: 1, new_members: 0, active_members: 1, active_rate: 100, churned_members: 1, ...noOrders(1) },
    ]);
  });

  it('limits to the requested groups', async () => {
    const r = await call('metrics:query', { period: 'week', groups: ['二群'] });
    expect(r.ok && r.value).toEqual([
      { period_start: '2026-09-07', period_end: '2026-09-13', total_members: 0, new_members: 1, active_members: 0, active_rate: null, churned_members: 1, ...noOrders(0) },
    ]);
  });

  it('refuses an impossible date and a reversed range', async () => {
    const bad = await call('metrics:query', { period: 'day', from: '2026-02-30' });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_REQUEST');
    const reversed = await call('metrics:query', { period: 'day', from: '2026-09-08', to: '2026-09-07' });
    expect(reversed.ok ? null : reversed.error.code).toBe('INVALID_REQUEST');
    const shape = await call('metrics:query', { period: 'year' });
    expect(shape.ok ? null : shape.error.code).toBe('INVALID_REQUEST');
  });

  it('says no project is open when none is', async () => {
    const client = inProcessClient(createHandlers(createContext('test', tempPaths(t.dir))));
    const r = await client('metrics:query', { period: 'day' });
    expect(r.ok ? null : r.error.code).toBe('PROJECT_NOT_OPEN');
  });
});
