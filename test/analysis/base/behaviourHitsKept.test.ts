import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyBehaviour } from '../../../src-main/contract';
import { hasHitTables, KEPT_HITS_SCHEMA } from '../../../src-main/analysis/base/behaviourHits';
import { queryBehaviourCounts } from '../../../src-main/analysis/behaviours/behaviourQueries';
import { withDerivedTables } from '../../../src-main/analysis/base/derivedTables';
import { DERIVED_DB } from '../../../src-main/analysis/base/identity';
import { writeDefinition } from '../../../src-main/db/definitionsStore';
import { ProjectDb } from '../../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../../src-main/db/projectFile';
import { insertMessages, tempProject, withReadOnlyOpen, type TempProject } from '../../support/projectFixture';
import { insertHitsFixture, keywordRule } from './hitsFixture';

/**
 * The hit tables of the saved key-behaviour rules are kept in the project file (behaviourHits.ts
 * KEPT_HITS_SCHEMA): the next session's 关键行为 finds them instead of matching every message
 * again; a rule being edited, and a project open read-only, keep theirs in memory; a change of the
 * data never lets a kept table answer. Asia/Shanghai, group G:
 *   a  01-01 09:00 '打卡'   a  01-02 09:00 '打卡 day 2'   b  01-01 23:59:59 '打卡'   b  01-02 00:00 'hello'
 * 打卡: people a, b, 3 hits → 2/3; hello: b → 1/1.
 */
const rule = (pattern: string) => keywordRule(pattern);
const saved = [rule('打卡'), rule('hello')];

let t: TempProject;
beforeEach(async () => {
  t = await tempProject();
  await insertHitsFixture(t.project);
  await t.project.db.write((sql) => writeDefinition(sql, 'behaviours', saved));
});
afterEach(() => t.dispose());

const file = () => path.join(t.dir, 'p.qunxi');
const reopen = async () => {
  await closeProjectFile(t.project);
  t.project = await openProjectFile(file(), withDerivedTables);
};
const brief = (rows: { people: number; occurrences: number }[]) => rows.map((r) => `${r.people}/${r.occurrences}`);
const counts = (rules: KeyBehaviour[], db: ProjectDb = t.project.db) => db.use(async (sql) => brief(await queryBehaviourCounts(sql, rules, {}, 'Asia/Shanghai')));
/** The hit tables (their entries table left out) of the file's kept schema and of the in-memory derived database. */
const tables = (db: ProjectDb = t.project.db) =>
  db.use(async (sql) => {
    const names = async (where: string) =>
      (
        await sql.all<{ name: string }>(
          `SELECT table_name AS name FROM duckdb_tables() WHERE ${where} AND starts_with(table_name, 'kbh_') AND table_name <> 'kbh_entries' ORDER BY 1`,
        )
      ).map((r) => r.name);
    return {
      file: await names(`database_name = current_database() AND schema_name = '${KEPT_HITS_SCHEMA}'`),
      memory: await names(`database_name = '${DERIVED_DB}'`),
    };
  });
const isKept = (rules: KeyBehaviour[], db: ProjectDb = t.project.db) => db.use((sql) => hasHitTables(sql, rules));

describe('the kept hit tables of the saved rules', () => {
  it('are kept in the project file and found by the next session, answering the same', async () => {
    expect(await counts(saved)).toEqual(['2/3', '1/1']);
    const kept = await tables();
    expect(kept.file).toHaveLength(2);
    expect(kept.memory).toEqual([]);

    await reopen();
    // Found before anything asks: a first visit of the new session matches nothing again.
    expect(await isKept(saved)).toBe(true);
    expect(await counts(saved)).toEqual(['2/3', '1/1']);
    expect(await tables()).toEqual(kept);
  });

  it('keep a rule being edited (not the saved one) in memory, beside the saved ones', async () => {
    await counts(saved);
    expect(await counts([rule('打卡 day')])).toEqual(['1/1']);
    const { file: inFile, memory } = await tables();
    expect(inFile).toHaveLength(2);
    expect(memory).toHaveLength(1);
    await reopen();
    expect(await isKept([rule('打卡 day')])).toBe(false);
    expect(await isKept(saved)).toBe(true);
  });

  it('go with a change of the data, in this session and the next, and the answers follow the new messages', async () => {
    await counts(saved);
    await insertMessages(t.project, [{ id: 'c', group: 'G', at: '2024-01-03 10:00:00+08', content: '打卡 hello' }]);
    expect(await isKept(saved)).toBe(false);
    expect(await counts(saved)).toEqual(['3/4', '2/2']);
    await reopen();
    expect(await isKept(saved)).toBe(true);
    expect(await counts(saved)).toEqual(['3/4', '2/2']);
  });

  it('answer only when matched under the derived tables the file keeps now (a table matched during a rebuild is matched again)', async () => {
    await counts(saved);
    // As if a table had been matched from the data before a rebuild whose fingerprint the file now keeps.
    await t.project.db.write((sql) => sql.run(`UPDATE ${KEPT_HITS_SCHEMA}.kbh_entries SET fingerprint = 'older'`));
    expect(await isKept(saved)).toBe(false);
    expect(await counts(saved)).toEqual(['2/3', '1/1']);
    expect(await isKept(saved)).toBe(true);
  });

  it('are matched in memory by a read-only open, which never writes the file nor reads its tables of older data', async () => {
    await counts(saved);
    await closeProjectFile(t.project);
    const readOnly = (check: (db: ProjectDb) => Promise<void>) => withReadOnlyOpen(file(), check);
    // A read-only session keeps its tables in memory; the file's stay as they were.
    await readOnly(async (db) => {
      expect(await counts(saved, db)).toEqual(['2/3', '1/1']);
      expect(await tables(db)).toMatchObject({ memory: [expect.any(String), expect.any(String)] });
      expect((await tables(db)).file).toHaveLength(2);
    });

    // Data changed without its derived tables built (a plain write, then closed).
    const bare = await ProjectDb.open(file());
    await bare.write((sql) =>
      sql.run(
        `INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id) VALUES ('k9', 'c', 'c', 'G', TIMESTAMPTZ '2024-01-03 10:00:00+08', 'text', '打卡', 1)`,
      ),
    );
    await bare.close();
    await readOnly(async (db) => {
      expect(await counts(saved, db)).toEqual(['3/4', '1/1']);
      const { file: inFile, memory } = await tables(db);
      expect(memory).toHaveLength(2);
      // The file's stale tables stay as they were (nothing is written) and are not read.
      expect(inFile).toHaveLength(2);
    });
    t.project = await openProjectFile(file(), withDerivedTables);
  });
});
