import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DERIVED_DB } from '../../../src-main/analysis/base/identity';
import { insertCustomers, insertMessages, insertSpells, tempProject, type TempProject } from '../../support/projectFixture';

/**
 * A person's name (analysisBase person_names, kept with the derived tables): the latest group
 * nickname, else the latest sender name, else the customer list's name; a blank name is none.
 */
let t: TempProject;
let names: Record<string, string | null>;

beforeAll(async () => {
  t = await tempProject();
  await insertSpells(t.project, [
    { group: 'G', id: 'm1', name: '旧昵称', join: '2024-06-01 10:00:00+08', leave: '2024-06-02 10:00:00+08' },
    { group: 'G', id: 'm1', name: '新昵称', join: '2024-06-03 10:00:00+08' },
    { group: 'G', id: 'm2', name: '   ', join: '2024-06-01 10:00:00+08' },
  ]);
  await insertMessages(t.project, [
    { id: 'm1', group: 'G', at: '2024-06-04 10:00:00+08', name: '发言名1' },
    { id: 'm2', group: 'G', at: '2024-06-04 10:00:00+08', name: '早' },
    { id: 'm2', group: 'G', at: '2024-06-05 10:00:00+08', name: '晚' },
    { id: 's3', group: 'G', at: '2024-06-04 10:00:00+08', name: '只发言' },
    { id: 's3', group: 'G', at: '2024-06-05 10:00:00+08', name: ' ' },
  ]);
  await insertCustomers(t.project, [
    { externalUserid: 's3', name: '客户名3' },
    { externalUserid: 'c4', name: '客户名4' },
  ]);
  const rows = await t.project.db.use((sql) => sql.all<{ pid: string; name: string | null }>(`SELECT pid, name FROM ${DERIVED_DB}.person_names`));
  names = Object.fromEntries(rows.map((r) => [r.pid, r.name]));
}, 60_000);
afterAll(async () => t?.dispose());

describe('person names', () => {
  it('takes the latest group nickname over any sender name', () => {
    expect(names.m1).toBe('新昵称');
  });

  it('takes the latest sender name of a member whose nickname is blank', () => {
    expect(names.m2).toBe('晚');
  });

  it('takes the latest non-blank sender name of a sender who is no member, over the customer name', () => {
    expect(names.s3).toBe('只发言');
  });

  it('takes the customer name of a contact who neither joined nor wrote', () => {
    expect(names.c4).toBe('客户名4');
  });
});
