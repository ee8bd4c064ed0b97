import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generateProject';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { ProjectDb } from '../../src-main/db/projectDb';
import { closeProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import { exportParquet, PARQUET_TABLES } from '../../src-main/export/parquetExport';
import { tempDir } from '../support/tempDirs';

/** Row count and an order-independent checksum of a relation, every value as JSON text in UTC. */
const figuresSql = (relation: string) =>
  `SELECT CAST(count(*) AS INTEGER) AS n, coalesce(md5(string_agg(j, '|' ORDER BY j)), '') AS digest FROM (SELECT to_json(t)::VARCHAR AS j FROM ${relation} t)`;

describe('Parquet export (导出 Parquet)', () => {
  const { dir, cleanup } = tempDir('qunxi-parquet-');
  const file = path.join(dir, 'p.qunxi');
  beforeAll(async () => {
    await generateProject(file, { people: 300, messages: 3_000, orders: 120, groups: 3 });
  }, 60_000);
  afterAll(cleanup);

  it('writes one .parquet per table that DuckDB reads back with the same rows and checksum', async () => {
    const out = path.join(dir, 'parquet');
    const project = await openProjectFile(file, withDerivedTables);
    let written;
    try {
      written = await exportParquet(project, out);
    } finally {
      await closeProjectFile(project);
    }
    expect(readdirSync(out).sort()).toEqual(PARQUET_TABLES.map((t) => `${t}.parquet`).sort());
    expect(written.find((t) => t.table === 'messages')?.rows).toBe(3_000);

    const reader = await DuckDBInstance.create(':memory:');
    const conn = await reader.connect();
    await conn.run(`SET TimeZone = 'UTC'`);
    const db = await ProjectDb.open(file, { readOnly: true });
    try {
      for (const table of PARQUET_TABLES) {
        const parquet = (await conn.runAndReadAll(figuresSql(`read_parquet('${path.join(out, `${table}.parquet`)}')`))).getRowObjectsJson()[0];
        const original = await db.use((sql) => sql.one(figuresSql(table)));
        expect(parquet, table).toEqual(original);
      }
      const filled = written.filter((t) => t.rows > 0).map((t) => t.table);
      expect(filled).toEqual(expect.arrayContaining(['memberships', 'messages', 'customers', 'orders']));
    } finally {
      await db.close();
      conn.closeSync();
      reader.closeSync();
    }
    expect(readdirSync(out).some((f) => f.startsWith('.'))).toBe(false);
    expect(existsSync(path.join(out, 'messages.parquet'))).toBe(true);
  }, 60_000);
});
