import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeatureRow } from '../../../src-main/contract';
import { featuresTable, KEPT_FEATURES_SCHEMA } from '../../../src-main/analysis/features/featuresCache';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { ProjectDb } from '../../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../../src-main/db/projectFile';
import { writeAnonymizedCopy } from '../../../src-main/export/anonymizedCopy';
import { fixtureBehaviours, insertFeaturesFixture } from './featuresFixture';
import { tempProject, withReadOnlyOpen, type TempProject } from '../../support/projectFixture';

/**
 * The default feature table (every group, the default as-of day) is kept in the project file
 * (issue 16): a later open of the same data reads it instead of computing it; a change of the data
 * or of a definition computes it again; a read-only open never writes it; the anonymised copy
 * does not carry it.
 */
const TZ = 'Asia/Shanghai';
let t: TempProject;
beforeEach(async () => {
  t = await tempProject(TZ);
  await insertFeaturesFixture(t.project);
});
afterEach(() => t.dispose());

const file = () => path.join(t.dir, 'p.qunxi');
const reopen = async () => {
  await closeProjectFile(t.project);
  t.project = await openProjectFile(file(), withDerivedTables);
};
const defaultTable = (db: ProjectDb = t.project.db) => db.use((sql) => featuresTable(sql, { timeZone: TZ }));
const rows = (relation: string, db: ProjectDb = t.project.db) => db.use((sql) => sql.all<FeatureRow>(`SELECT * FROM ${relation} ORDER BY pid`));
/** The tables of the kept schema in the file, by name. */
const keptTables = (db: ProjectDb = t.project.db) =>
  db.useUnprepared(async (sql) =>
    (
      await sql.all<{ name: string }>(
        `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '${KEPT_FEATURES_SCHEMA}' ORDER BY 1`,
      )
    ).map((r) => r.name),
  );
/** When the kept table was computed (it changes with every computation), null when the file keeps none. */
const computedAt = async (db: ProjectDb = t.project.db) =>
  (await keptTables(db)).includes('kept_state')
    ? (await db.useUnprepared((sql) => sql.one<{ at: string }>(`SELECT CAST(computed_at AS VARCHAR) AS at FROM ${KEPT_FEATURES_SCHEMA}.kept_state`)))!.at
    : null;
/** A new member of group A, joined 2024-04-01 (a change of the data). */
const addMember = () =>
  t.project.db.transaction((sql) =>
    sql.run(`INSERT INTO memberships (group_name, member_id, member_name, join_time, import_id) VALUES ('A', 'newcomer', 'Newcomer', TIMESTAMPTZ '2024-04-01 10:00:00+08', 1)`),
  );

describe('the kept default feature table', () => {
  it('is kept in the project file and read, not computed, by a later open of the same data', async () => {
    const first = await defaultTable();
    expect(first.relation.startsWith(`${KEPT_FEATURES_SCHEMA}.`)).toBe(true);
    const at = await computedAt();
    expect(at).not.toBeNull();
    const before = await rows(first.relation);
    expect(before.map((r) => r.pid)).toContain('ann');

    await reopen();
    const again = await defaultTable();
    expect(again).toEqual(first);
    expect(await computedAt()).toBe(at);
    expect(await rows(again.relation)).toEqual(before);
  });

  it('is computed again after a change of the data, replacing the one kept before, and that one is what a reopen finds', async () => {
    const first = await defaultTable();
    expect((await rows(first.relation)).map((r) => r.pid)).not.toContain('newcomer');
    await addMember();
    const after = await defaultTable();
    expect(after.relation).not.toBe(first.relation);
    const newcomer = (await rows(after.relation)).find((r) => r.pid === 'newcomer');
    expect(newcomer).toMatchObject({ is_member: true, groups: 'A', purchases: 0, messages: 0 });
    // The one before stays until the next computation (a request may still page through it), with the new one and its key.
    expect(await keptTables()).toEqual([first.relation.split('.')[1], after.relation.split('.')[1], 'kept_state'].sort());
    expect((await rows(first.relation)).map((r) => r.pid)).not.toContain('newcomer');

    await reopen();
    expect(await defaultTable()).toEqual(after);

    // A third computation drops the first: the file keeps the latest two and the key.
    await t.project.db.transaction((sql) =>
      sql.run(`INSERT INTO memberships (group_name, member_id, member_name, join_time, import_id) VALUES ('A', 'second', 'Second', TIMESTAMPTZ '2024-04-02 10:00:00+08', 1)`),
    );
    const third = await defaultTable();
    expect(await keptTables()).toEqual([after.relation.split('.')[1], third.relation.split('.')[1], 'kept_state'].sort());
  });

  it('is computed again after a change of the key behaviours, and a scope or an as-of day is never kept', async () => {
    const first = await defaultTable();
    expect(first.behaviours.map((b) => b.column)).toEqual(['kb_checkin', 'kb_kw']);
    await t.project.db.use((sql) => sql.run(`UPDATE definitions SET value = ? WHERE key = 'behaviours'`, [JSON.stringify(fixtureBehaviours.slice(0, 1))]));
    await reopen();
    const edited = await defaultTable();
    expect(edited.relation).not.toBe(first.relation);
    expect(edited.behaviours.map((b) => b.column)).toEqual(['kb_checkin']);
    expect(Object.keys((await rows(edited.relation))[0]!)).not.toContain('kb_kw');

    const at = await computedAt();
    const scoped = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, groups: ['A'] }));
    const dated = await t.project.db.use((sql) => featuresTable(sql, { timeZone: TZ, asOf: '2024-03-31' }));
    expect([scoped.relation, dated.relation].some((r) => r.startsWith(KEPT_FEATURES_SCHEMA))).toBe(false);
    expect(await computedAt()).toBe(at);
  });

  it('is not used when its key is not the current one (another definition of the table wrote it)', async () => {
    const first = await defaultTable();
    const before = await rows(first.relation);
    const at = await computedAt();
    await t.project.db.useUnprepared((sql) => sql.run(`UPDATE ${KEPT_FEATURES_SCHEMA}.kept_state SET key = key || 'older'`));
    await reopen();
    const again = await defaultTable();
    expect(await computedAt()).not.toBe(at);
    expect(await rows(again.relation)).toEqual(before);
  });

  it('is computed again when its key is current but its table is gone (dropped this session after newer states pushed it out)', async () => {
    const first = await defaultTable();
    const before = await rows(first.relation);
    const at = await computedAt();
    await reopen();
    await t.project.db.useUnprepared((sql) => sql.run(`DROP TABLE ${first.relation}`));
    const again = await defaultTable();
    expect(again.relation).toBe(first.relation);
    expect(await computedAt()).not.toBe(at);
    expect(await rows(again.relation)).toEqual(before);
  });

  it('is read by a read-only open when it is of the current data, else computed in memory without writing the file', async () => {
    const first = await defaultTable();
    const kept = await rows(first.relation);
    await closeProjectFile(t.project);
    const readOnly = (check: (db: ProjectDb) => Promise<void>) => withReadOnlyOpen(file(), check);
    await readOnly(async (db) => {
      const table = await defaultTable(db);
      expect(table.relation).toBe(first.relation);
      expect(await rows(table.relation, db)).toEqual(kept);
    });

    t.project = await openProjectFile(file(), withDerivedTables);
    await addMember();
    const at = await computedAt();
    await closeProjectFile(t.project);
    await readOnly(async (db) => {
      const table = await defaultTable(db);
      expect(table.relation.startsWith(KEPT_FEATURES_SCHEMA)).toBe(false);
      expect((await rows(table.relation, db)).map((r) => r.pid)).toContain('newcomer');
      expect(await computedAt(db)).toBe(at);
    });
    t.project = await openProjectFile(file(), withDerivedTables);
  });

  it('is not in the anonymised copy, which computes its own from its data', async () => {
    await defaultTable();
    expect(await keptTables()).toContain('kept_state');
    const copy = path.join(t.dir, 'copy.qunxi');
    await writeAnonymizedCopy(t.project, copy);
    const db = await ProjectDb.open(copy, { readOnly: true });
    try {
      expect(await keptTables(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
