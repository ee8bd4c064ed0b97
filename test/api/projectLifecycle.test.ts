import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { ProjectDb } from '../../src-main/db/projectDb';
import { FORMAT_VERSION } from '../../src-main/db/schema';
import { tempDir, tempPaths } from '../support/tempDirs';
import { holdInOtherProcess, release } from '../support/holdInOtherProcess';
import { fileSha256 } from '../support/fileHash';

const repoRoot = path.resolve(__dirname, '../..');

describe('project files', () => {
  let tmp: ReturnType<typeof tempDir>;
  let call: ReturnType<typeof inProcessClient>;
  let ctx: ReturnType<typeof createContext>;

  beforeEach(() => {
    tmp = tempDir();
    ctx = createContext('test', tempPaths(tmp.dir));
    call = inProcessClient(createHandlers(ctx));
  });
  afterEach(async () => {
    await call('project:close', {});
    tmp.cleanup();
  });

  it('a new project by name lands in the projects folder, is listed, and remembered as recent', async () => {
    const made = await call('project:new', { name: '十月复盘' });
    expect(made.ok).toBe(true);
    const file = path.join(tmp.dir, 'projects', '十月复盘.qunxi');
    expect(made.ok && made.value.path).toBe(file);
    expect(made.ok && made.value.formatVersion).toBe(FORMAT_VERSION);
    expect(made.ok && made.value.timeZone).toBe('Asia/Shanghai');
    const listed = await call('project:list', {});
    expect(listed.ok && listed.value.map((e) => e.name)).toEqual(['十月复盘']);
    const recent = await call('project:recent', {});
    expect(recent.ok && recent.value[0]).toMatchObject({ path: file, exists: true });
    // No temporary siblings are left behind by the atomic create (the record of who holds it open is there while it is open).
    expect(readdirSync(path.join(tmp.dir, 'projects')).filter((n) => n.startsWith('.') && !n.endsWith('.holder.json'))).toEqual([]);
  });

  it('creating over an existing file is refused and leaves it as it was', async () => {
    const file = path.join(tmp.dir, 'taken.qunxi');
    writeFileSync(file, 'not mine');
    const r = await call('project:new', { path: file });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('PROJECT_EXISTS');
    expect(readFileSync(file, 'utf8')).toBe('not mine');
  });

  it('save as writes a complete copy that reopens with the same data', async () => {
    const a = path.join(tmp.dir, 'a.qunxi');
    await call('project:new', { path: a });
    await ctx.project!.db.use((sql) =>
      sql.run(`INSERT INTO memberships (group_name, member_id, member_name, member_type, join_time, join_way, inviter, leave_time, leave_way, import_id) VALUES ('一群', 'u1', '小王', '外部联系人', TIMESTAMPTZ '2026-09-01 02:00:00+00', null, null, null, null, 1)`),
    );
    const b = path.join(tmp.dir, 'copies', 'b');
    const saved = await call('project:saveAs', { path: b });
    expect(saved.ok && saved.value.path).toBe(`${b}.qunxi`);
    expect(saved.ok && saved.value.counts.memberships).toBe(1);
    await call('project:close', {});
    const reopened = await call('project:open', { path: `${b}.qunxi` });
    expect(reopened.ok && reopened.value.groups).toEqual(['一群']);
  });

  it('a file held open by another process is refused, both on open and as a save-as target', async () => {
    const file = path.join(tmp.dir, 'shared.qunxi');
    await call('project:new', { path: file });
    await call('project:close', {});
    const child = await holdInOtherProcess(file);
    try {
      const before = fileSha256(file);
      const r = await call('project:open', { path: file });
      expect(!r.ok && r.error.code).toBe('PROJECT_LOCKED');
      expect(!r.ok && r.error.message).toContain('shared.qunxi');

      await call('project:new', { path: path.join(tmp.dir, 'other.qunxi') });
      const s = await call('project:saveAs', { path: file });
      expect(!s.ok && s.error.code).toBe('PROJECT_LOCKED');
      expect(fileSha256(file)).toBe(before);
    } finally {
      await release(child);
    }
    const after = await call('project:open', { path: file });
    expect(after.ok).toBe(true);
  });

  it('a file from a newer version is refused and not touched', async () => {
    const file = path.join(tmp.dir, 'future.qunxi');
    await call('project:new', { path: file });
    await ctx.project!.db.use((sql) => sql.run(`UPDATE meta SET value = '99' WHERE key = 'format_version'`));
    await call('project:close', {});
    const before = fileSha256(file);
    const r = await call('project:open', { path: file });
    expect(!r.ok && r.error.code).toBe('PROJECT_NEWER_VERSION');
    expect(!r.ok && r.error.message).toContain('升级');
    expect(fileSha256(file)).toBe(before);
    expect(existsSync(`${file}.wal`)).toBe(false);
  });

  it('a text file, an xlsx and a foreign DuckDB database are refused as not Qunxi projects, untouched', async () => {
    const text = path.join(tmp.dir, 'notes.qunxi');
    writeFileSync(text, '这不是项目');
    const xlsx = path.join(repoRoot, 'resources/demo/群成员.xlsx');
    const foreign = path.join(tmp.dir, 'foreign.duckdb');
    const db = await ProjectDb.open(foreign);
    await db.use((sql) => sql.run(`CREATE TABLE t AS SELECT 1 AS x`));
    await db.close();
    for (const file of [text, xlsx, foreign]) {
      const before = fileSha256(file);
      const r = await call('project:open', { path: file });
      expect(!r.ok && r.error.code, file).toBe('PROJECT_NOT_QUNXI');
      expect(!r.ok && r.error.message).toContain(path.basename(file));
      expect(fileSha256(file)).toBe(before);
    }
  });

  it('a missing file is reported by name', async () => {
    const r = await call('project:open', { path: path.join(tmp.dir, 'gone.qunxi') });
    expect(!r.ok && r.error.code).toBe('PROJECT_NOT_FOUND');
    expect(!r.ok && r.error.message).toContain('gone.qunxi');
  });

  it('calls that need a project say so when none is open', async () => {
    const r = await call('project:saveAs', { path: path.join(tmp.dir, 'x.qunxi') });
    expect(!r.ok && r.error.code).toBe('PROJECT_NOT_OPEN');
  });

  it('requests that break the contract are refused as data, not thrown', async () => {
    const r = await call('project:open', { path: 42 });
    expect(!r.ok && r.error.code).toBe('INVALID_REQUEST');
    const unknown = await inProcessClient(createHandlers(ctx))('nope:nothing' as 'project:open', {});
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_METHOD');
  });

  it('a format-1 project file is migrated on open, keeping its data and figures', async () => {
    const copy = path.join(tmp.dir, 'old.qunxi');
    writeFileSync(copy, readFileSync(path.join(repoRoot, 'test/fixtures/projects/format-v1.qunxi')));
    const r = await call('project:open', { path: copy });
    expect(r.ok && r.value.formatVersion).toBe(FORMAT_VERSION);
    expect(r.ok && r.value.counts).toEqual({ memberships: 7, messages: 5, people: 5 });
    const tables = await ctx.project!.db.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables ORDER BY 1`);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['orders', 'customers', 'import_rows', 'mapping_templates']));
    const week = await call('metrics:query', { period: 'week', from: '2026-09-07', to: '2026-09-13' });
    expect(week.ok && week.value[0]).toMatchObject({ total_members: 3, new_members: 4, active_members: 3, churned_members: 1 });
    await call('project:close', {});
    const again = await ProjectDb.open(copy, { readOnly: true });
    const version = await again.all<{ value: string }>(`SELECT value FROM meta WHERE key = 'format_version'`);
    await again.close();
    expect(version[0]!.value).toBe(String(FORMAT_VERSION));
  });

  it('closing checkpoints the project so the .qunxi file alone carries the data', async () => {
    const file = path.join(tmp.dir, 'mail-me.qunxi');
    await call('project:new', { path: file });
    await ctx.project!.db.use((sql) =>
      sql.run(`INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id) VALUES ('k1', 'u1', '小王', '一群', TIMESTAMPTZ '2026-09-01 02:00:00+00', 'text', '你好', 1)`),
    );
    await call('project:close', {});
    expect(existsSync(`${file}.wal`)).toBe(false);
    const copy = path.join(tmp.dir, 'copied.qunxi');
    writeFileSync(copy, readFileSync(file));
    const r = await call('project:open', { path: copy });
    expect(r.ok && r.value.counts.messages).toBe(1);
  });
});
