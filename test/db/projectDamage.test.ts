/**
 * A damaged project file is said to be damaged, by name, and left byte for byte as it was; its last
 * good copy (kept at each open, `<name>.qunxi.bak`) opens as a new file; a file another process
 * holds is still said to be held. The damaged files are real: a good project cut short, with
 * garbage over a block of its messages, with its main header zeroed, and a zip renamed .qunxi.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/appError';
import { closeProjectFile, createProjectFile } from '../../src-main/db/projectFile';
import { ProjectDb } from '../../src-main/db/projectDb';
import { isLockError, isSameAsGoodCopy, looksLikeDuckDb } from '../../src-main/db/projectIntegrity';
import { apiPerTest } from '../support/apiPerTest';
import { fileSha256 } from '../support/fileHash';

const repoRoot = path.resolve(__dirname, '../..');
const MESSAGES = 30_000;

/** A closed project of MESSAGES messages with varied text, so its messages fill blocks of their own. */
async function goodProject(file: string): Promise<void> {
  const project = await createProjectFile(file);
  await project.db.transaction((sql) =>
    sql.run(
      `INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id)
       SELECT 'k' || i, 'u' || (i % 300), '成员' || (i % 300), '群' || (i % 5), TIMESTAMPTZ '2026-01-01 00:00:00+08' + to_seconds(i * 60), 'text', md5(i::VARCHAR) || ' 消息 ' || i, 1
       FROM range(${MESSAGES}) r(i)`,
    ),
  );
  await closeProjectFile(project);
}

/** Byte offset of the first (or last) block holding a column of the messages, content by default (DuckDB: three 4 KB headers, then 256 KB blocks). */
async function contentBlockOffset(file: string, column = 'content', which: 'min' | 'max' = 'min'): Promise<number> {
  const db = await ProjectDb.open(file, { readOnly: true });
  try {
    const row = await db.use((sql) =>
      sql.one<{ block: number; size: number }>(
        `SELECT ${which}(block_id)::INTEGER AS block, any_value((SELECT block_size FROM pragma_database_size() WHERE database_name = current_database()))::INTEGER AS size
         FROM pragma_storage_info('messages') WHERE column_name = ? AND block_id >= 0`,
        [column],
      ),
    );
    return 3 * 4096 + Number(row!.block) * Number(row!.size);
  } finally {
    await db.close();
  }
}

/** The four damaged files, written from one good project. */
async function damagedFiles(dir: string): Promise<Record<'truncated' | 'garbage' | 'zeroedHeader', string>> {
  const good = path.join(dir, 'source.qunxi');
  await goodProject(good);
  const bytes = readFileSync(good);
  const blockAt = await contentBlockOffset(good);
  const out = { truncated: path.join(dir, 'truncated.qunxi'), garbage: path.join(dir, 'garbage.qunxi'), zeroedHeader: path.join(dir, 'zeroed.qunxi') };
  writeFileSync(out.truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const garbage = Buffer.from(bytes);
  for (let i = blockAt + 1000; i < blockAt + 9000; i++) garbage[i] = (i * 7919) & 0xff;
  writeFileSync(out.garbage, garbage);
  const zeroed = Buffer.from(bytes);
  zeroed.fill(0, 0, 4096);
  writeFileSync(out.zeroedHeader, zeroed);
  return out;
}

/** Opens a project in another process; resolves once it holds the lock. */
function holdInOtherProcess(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/support/holdProject.ts'), file], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

describe('damaged project files', () => {
  const api = apiPerTest();

  it('a truncated file, garbage over a block of messages and a zeroed header are each PROJECT_DAMAGED, named, and left byte-identical', async () => {
    const files = await damagedFiles(api.dir);
    for (const [kind, file] of Object.entries(files)) {
      const before = fileSha256(file);
      const r = await api.call('project:open', { path: file });
      expect(r.ok, kind).toBe(false);
      expect(!r.ok && r.error.code, kind).toBe('PROJECT_DAMAGED');
      expect(!r.ok && r.error.message, kind).toContain(path.basename(file));
      expect(!r.ok && r.error.message, kind).toContain('已损坏');
      // Never taken for "open in another program" (DuckDB's checksum message says "in block at location").
      expect(!r.ok && r.error.message, kind).not.toContain('另一个程序');
      expect(fileSha256(file), kind).toBe(before);
      expect(existsSync(`${file}.wal`), kind).toBe(false);
      // No copy was kept of a file that failed its reading, nor left half-way (it is made while the file is read).
      expect(existsSync(`${file}.bak`), kind).toBe(false);
      expect(readdirSync(path.dirname(file)).filter((n) => n.includes('.bak.')), kind).toEqual([]);
    }
  });

  it('garbage over a block of messages is found at open, though the headers and catalog read fine', async () => {
    const { garbage } = await damagedFiles(api.dir);
    // Without the full reading at open, this file opens: the damaged block is only met by a query.
    const db = await ProjectDb.open(garbage, { readOnly: true });
    try {
      expect(await db.use((sql) => sql.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM meta`))).toBeDefined();
      // A query that meets the block says the file is damaged, naming it, not an internal error.
      const e = await db.use((sql) => sql.all(`SELECT max(length(content)) FROM messages`)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('PROJECT_DAMAGED');
      expect((e as AppError).message).toContain('garbage.qunxi');
    } finally {
      await db.close();
    }
  });

  it('garbage in the last block of a text or a time column is found at open too: every column of every table is read', async () => {
    const good = path.join(api.dir, 'source.qunxi');
    await goodProject(good);
    const bytes = readFileSync(good);
    // (Not import_id: one value throughout, DuckDB keeps it as a constant in no block of its own.)
    for (const column of ['sender_id', 'content', 'sent_at']) {
      const blockAt = await contentBlockOffset(good, column, 'max');
      const damaged = Buffer.from(bytes);
      for (let i = blockAt + 100; i < blockAt + 200; i++) damaged[i] = (damaged[i]! + 1) & 0xff;
      const file = path.join(api.dir, `${column}.qunxi`);
      writeFileSync(file, damaged);
      const r = await api.call('project:open', { path: file });
      expect(!r.ok && r.error.code, column).toBe('PROJECT_DAMAGED');
    }
  });

  it('a zip renamed .qunxi is not a Qunxi project (not damaged), and is left as it was', async () => {
    const file = path.join(api.dir, 'archive.qunxi');
    writeFileSync(file, Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00 not a database at all'));
    const r = await api.call('project:open', { path: file });
    expect(!r.ok && r.error.code).toBe('PROJECT_NOT_QUNXI');
    expect(readFileSync(file, 'latin1')).toContain('not a database at all');
  });

  it('a new project is its own last good copy from its making: its first open reads nothing whole', async () => {
    const file = path.join(api.dir, '新项目.qunxi');
    await closeProjectFile(await createProjectFile(file));
    expect(await isSameAsGoodCopy(file)).toBe(true);
    // The copy is a project of its own, as the file is.
    const copy = await ProjectDb.open(`${file}.bak`, { readOnly: true });
    expect(await copy.use((sql) => sql.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM messages`))).toEqual({ n: 0 });
    await copy.close();
  });

  it('each open keeps the file as its last good copy; a damaged file offers it, and opening it makes a new project beside the damaged one', async () => {
    const file = path.join(api.dir, '十月复盘.qunxi');
    await goodProject(file);
    const opened = await api.call('project:open', { path: file });
    expect(opened.ok).toBe(true);
    await api.call('project:close', {});
    expect(existsSync(`${file}.bak`)).toBe(true);
    // The copy opens whole by itself, with every message.
    const copy = await ProjectDb.open(`${file}.bak`, { readOnly: true });
    expect(await copy.use((sql) => sql.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM messages`))).toEqual({ n: MESSAGES });
    await copy.close();

    // The file is cut short after that session, as an interrupted copy over it would leave it.
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = fileSha256(file);
    const r = await api.call('project:open', { path: file });
    expect(!r.ok && r.error.code).toBe('PROJECT_DAMAGED');
    expect(!r.ok && r.error.details).toMatchObject({ file, backup: `${file}.bak` });
    expect(!r.ok && r.error.message).toContain('十月复盘.qunxi.bak');

    // The previous copy stays as it was: the one made while the damaged file was read is dropped.
    expect(readdirSync(api.dir).filter((n) => n.includes('.bak.'))).toEqual([]);
    const restored = await api.call('project:openBackup', { path: file });
    expect(restored.ok).toBe(true);
    const recovered = path.join(api.dir, '十月复盘（恢复）.qunxi');
    expect(restored.ok && restored.value.path).toBe(recovered);
    expect(restored.ok && restored.value.counts.messages).toBe(MESSAGES);
    expect(fileSha256(file)).toBe(before);
    expect(readdirSync(api.dir).filter((n) => n.endsWith('.qunxi')).sort()).toEqual(['十月复盘.qunxi', '十月复盘（恢复）.qunxi']);
  });

  it('a file as its last good copy is not read again, but garbage over a block that keeps its size and time is still found at open', async () => {
    const file = path.join(api.dir, 'reopened.qunxi');
    await goodProject(file);
    // Opened twice: the second open keeps the file as the first session left it, and closing writes nothing more.
    for (let i = 0; i < 2; i++) {
      expect((await api.call('project:open', { path: file })).ok).toBe(true);
      await api.call('project:close', {});
    }
    expect(fileSha256(file)).toBe(fileSha256(`${file}.bak`));
    const { atime, mtime, size } = statSync(file);
    const blockAt = await contentBlockOffset(file);
    const bytes = readFileSync(file);
    for (let i = blockAt + 1000; i < blockAt + 9000; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(file, bytes);
    utimesSync(file, atime, mtime);
    // To its size and time the file looks unchanged since its last good copy was made.
    expect(statSync(file).size).toBe(size);
    expect(statSync(file).mtimeMs).toBeLessThan(statSync(`${file}.bak`).mtimeMs);
    const before = fileSha256(file);
    const backup = fileSha256(`${file}.bak`);
    const r = await api.call('project:open', { path: file });
    expect(!r.ok && r.error.code).toBe('PROJECT_DAMAGED');
    expect(!r.ok && r.error.details).toMatchObject({ file, backup: `${file}.bak` });
    expect(fileSha256(file)).toBe(before);
    expect(fileSha256(`${file}.bak`)).toBe(backup);
  });

  it('without a last good copy the damage is still named, with nothing offered, and openBackup says there is none', async () => {
    const { truncated } = await damagedFiles(api.dir);
    const r = await api.call('project:open', { path: truncated });
    expect(!r.ok && r.error.code).toBe('PROJECT_DAMAGED');
    expect(!r.ok && r.error.details?.backup).toBeNull();
    expect(!r.ok && r.error.message).not.toContain('.bak');
    const b = await api.call('project:openBackup', { path: truncated });
    expect(!b.ok && b.error.code).toBe('PROJECT_NOT_FOUND');
  });

  it('a file another process really holds is still PROJECT_LOCKED, naming it', async () => {
    const file = path.join(api.dir, 'held.qunxi');
    await goodProject(file);
    const child = await holdInOtherProcess(file);
    try {
      const r = await api.call('project:open', { path: file });
      expect(!r.ok && r.error.code).toBe('PROJECT_LOCKED');
      expect(!r.ok && r.error.message).toContain('held.qunxi');
    } finally {
      await new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.stdin!.end();
      });
    }
  });

  it('tells DuckDB’s lock message from its checksum message, and a wiped main header from a foreign file', () => {
    expect(isLockError(new Error('IO Error: Could not set lock on file "/x/p.qunxi": Conflicting lock is held in /usr/bin/node (PID 42)'))).toBe(true);
    expect(isLockError(new Error('IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 1323008'))).toBe(false);
    const header = Buffer.alloc(3 * 4096);
    header.writeBigUInt64LE(262144n, 4096 + 40);
    header.writeBigUInt64LE(2048n, 4096 + 48);
    expect(looksLikeDuckDb(header)).toBe(true);
    expect(looksLikeDuckDb(Buffer.alloc(3 * 4096))).toBe(false);
    expect(looksLikeDuckDb(Buffer.from('PK\x03\x04'))).toBe(false);
  });
});
