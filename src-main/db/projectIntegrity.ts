/**
 * Telling a damaged project file from a foreign one and from one another program holds, and the
 * last good copy kept beside each project (`<name>.qunxi.bak`).
 *
 * DuckDB checks a checksum on every block it reads, so damage shows as an error only when the
 * damaged block is read: at open for the headers and the catalog, at the first query reading it
 * for table data. An open therefore reads every block of every table of the project's data once,
 * read-only, before any write (a migration, the space reclaim, a checkpoint at close) may touch the
 * file: a file whose data is damaged is refused whole and left byte for byte as it was. Measured:
 * 1.5 s for a 65 MB project of 2,000,000 messages on two busy cores.
 *
 * The kept tables (schemas named {@link KEPT_SCHEMA_PREFIX}…: the derived tables, the rules' hits,
 * the feature tables, the churn lists) are made from the data and made again when missing, so a
 * writable open does not read them (at 1,000,000 people they were half of the open's 6 s read): a
 * damaged block of theirs shows at the query that reads it, which ProjectDb tells apart by reading
 * the data's tables whole ({@link checkKeptDamage}); the file is then marked, and its next open
 * drops the kept schemas for the analyses to make them again ({@link dropKeptIfDamaged}).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { AppError, firstLine } from '../contract/appError';
import { projectFileText as text } from '../locale/projectFile';

/** Suffix of the last good copy kept beside a project file. */
export const BACKUP_SUFFIX = '.bak';

/** Where the last good copy of a project file is kept. */
export function backupPath(projectPath: string): string {
  return `${projectPath}${BACKUP_SUFFIX}`;
}

/** Bytes 8–11 of a DuckDB file's main header. */
const DUCKDB_MAGIC = 'DUCK';
/** Size of DuckDB's main header and of each of its two database headers that follow it. */
const HEADER_SIZE = 4096;
/** Offset in a database header of its block size, then its vector size. */
const BLOCK_SIZE_OFFSET = 40;
const BLOCK_SIZES = [262144n];
const VECTOR_SIZE = 2048n;

/** How many bytes {@link looksLikeDuckDb} reads. */
export const HEAD_BYTES = 3 * HEADER_SIZE;

/**
 * Whether a file's first bytes are DuckDB's: its magic, or, with the main header wiped (zeroed),
 * one of the two database headers after it with DuckDB's block and vector sizes.
 */
export function looksLikeDuckDb(head: Buffer): boolean {
  if (head.length >= 12 && head.subarray(8, 12).toString('latin1') === DUCKDB_MAGIC) return true;
  for (const start of [HEADER_SIZE, 2 * HEADER_SIZE]) {
    const at = start + BLOCK_SIZE_OFFSET;
    if (head.length < at + 16) continue;
    if (BLOCK_SIZES.includes(head.readBigUInt64LE(at)) && head.readBigUInt64LE(at + 8) === VECTOR_SIZE) return true;
  }
  return false;
}

/** Whether a DuckDB error says another process holds the file (not merely a message with "block" in it). */
export function isLockError(e: unknown): boolean {
  return e instanceof Error && /Could not set lock on file|Conflicting lock is held/i.test(e.message);
}

/** Whether a DuckDB error says the file is of a storage version this DuckDB cannot read. */
export function isStorageVersionError(e: unknown): boolean {
  return e instanceof Error && /database file with version number|storage version/i.test(e.message);
}

/**
 * Whether a DuckDB error says a block it read from the project file is damaged or missing (its
 * checksum, or the file ending before it): only DuckDB's words for its own file, so an error
 * reading an import's CSV is not taken for a damaged project.
 */
export function isDamageError(e: unknown, projectPath: string): boolean {
  if (!(e instanceof Error)) return false;
  if (/Corrupt database file|does not match stored checksum/.test(e.message)) return true;
  return e.message.includes('Could not read enough bytes from file') && e.message.includes(projectPath);
}

/** Whether the file and its folder can be written (DuckDB writes a `.wal` beside the file). */
export async function isWritable(projectPath: string): Promise<boolean> {
  try {
    await fs.access(projectPath, fsConstants.W_OK);
    await fs.access(path.dirname(projectPath), fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether a DuckDB or file-system error says the file or its folder cannot be written. */
export function isReadOnlyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return true;
  return e instanceof Error && /Read-only file system|Permission denied|Cannot open database .* in read-only mode/i.test(e.message);
}

/**
 * Start of the names of the schemas whose tables are made from the project's data and made again
 * when missing (analysis/base: derived tables, hit tables, feature tables, churn lists): `qx_kept`
 * and `qx_kept_<what>`.
 */
export const KEPT_SCHEMA_PREFIX = 'qx_kept';

/** Whether `schema` holds kept tables (see {@link KEPT_SCHEMA_PREFIX}). */
export function isKeptSchema(schema: string): boolean {
  return schema === KEPT_SCHEMA_PREFIX || schema.startsWith(`${KEPT_SCHEMA_PREFIX}_`);
}

/** Which tables {@link readEveryBlock} reads: all of them, or the project's data alone (not the kept tables). */
export type BlocksRead = 'all' | 'data';

/**
 * Reads every column of every table of the file once (`data`: but the kept ones), so DuckDB checks
 * the checksum of each block in use; throws DuckDB's error for the first damaged one. `hash` keeps
 * the optimiser from skipping a column, which a `count(*)` would. (At 1,000,000 people `min` took
 * as long: the time is DuckDB decompressing the messages, not the hashing.)
 */
export async function readEveryBlock(sql: StatementRunner, which: BlocksRead = 'all'): Promise<void> {
  const tables = await sql.all<{ schema: string; name: string }>(
    `SELECT schema_name AS schema, table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary`,
  );
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const t of tables) {
    if (which === 'data' && isKeptSchema(t.schema)) continue;
    await sql.run(`SELECT max(hash(COLUMNS(*))) FROM ${ident(t.schema)}.${ident(t.name)}`);
  }
}

/** Key in `meta` of the mark that a kept table of the file is damaged (see {@link dropKeptIfDamaged}). */
const KEPT_DAMAGED_KEY = 'kept_damaged';

/**
 * After DuckDB found a damaged block while a query ran: whether the project's data still reads
 * whole, so the damage is in a kept table (or in no table at all). If so the file is marked, for
 * its next open to drop the kept tables ({@link dropKeptIfDamaged}); if the data does not read
 * whole, DuckDB's error for it is thrown.
 */
export async function checkKeptDamage(sql: StatementRunner): Promise<void> {
  await readEveryBlock(sql, 'data');
  await sql.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('${KEPT_DAMAGED_KEY}', CAST(now() AS VARCHAR))`);
}

/**
 * On opening a writable file marked by {@link checkKeptDamage}: drops every kept schema, damaged
 * block and all (DuckDB frees a dropped table's blocks without reading them), and the mark; the
 * analyses make the kept tables again from the data. Returns whether it did.
 */
export async function dropKeptIfDamaged(sql: StatementRunner): Promise<boolean> {
  const marked = await sql.all<{ key: string }>(`SELECT key FROM meta WHERE key = '${KEPT_DAMAGED_KEY}'`);
  if (!marked.length) return false;
  const schemas = await sql.all<{ name: string }>(`SELECT schema_name AS name FROM duckdb_schemas() WHERE database_name = current_database()`);
  for (const { name } of schemas.filter((s) => isKeptSchema(s.name))) await sql.run(`DROP SCHEMA "${name.replaceAll('"', '""')}" CASCADE`);
  await sql.run(`DELETE FROM meta WHERE key = '${KEPT_DAMAGED_KEY}'`);
  return true;
}

/**
 * The statements {@link readEveryBlock} needs of a connection (projectDb's `Sql`), declared here so
 * that this file, which projectDb imports, does not import projectDb back.
 */
export interface StatementRunner {
  all<T>(query: string): Promise<T[]>;
  run(query: string): Promise<unknown>;
}

/** The error of a damaged project file, naming it and its last good copy when there is one. */
export async function damagedError(projectPath: string, cause: unknown): Promise<AppError> {
  const backup = backupPath(projectPath);
  const hasBackup = await fs
    .stat(backup)
    .then((s) => s.isFile())
    .catch(() => false);
  const file = path.basename(projectPath);
  const detail = firstLine(cause);
  return hasBackup
    ? new AppError('PROJECT_DAMAGED', text.damagedWithBackup(file, path.basename(backup)), { file: projectPath, backup, cause: detail })
    : new AppError('PROJECT_DAMAGED', text.damaged(file), { file: projectPath, backup: null, cause: detail });
}

/** The error of a project file whose kept tables are damaged, its data whole (see {@link checkKeptDamage}). */
export function keptDamagedError(projectPath: string, cause: unknown): AppError {
  const detail = firstLine(cause);
  return new AppError('PROJECT_DAMAGED', text.keptDamaged(path.basename(projectPath)), { file: projectPath, backup: null, kept: 1, cause: detail });
}

/** Bytes compared at a time by {@link isSameAsGoodCopy}. */
const COMPARE_CHUNK = 1024 * 1024;

/**
 * Whether a project file holds, byte for byte, the same bytes as its last good copy, with no
 * write-ahead log beside it: then it reads whole, as the copy did when it was kept (a copy is kept
 * only once the file read whole, see {@link startGoodCopy}), and reading every block again would
 * find nothing new. Any change to the file (a session's checkpoint, a cut, garbage over a block,
 * even one that keeps its size and time) makes it differ. Stops at the first differing chunk (a
 * checkpoint rewrites the headers at the start). False on any error: the caller reads it whole.
 */
export async function isSameAsGoodCopy(projectPath: string): Promise<boolean> {
  const backup = backupPath(projectPath);
  try {
    const [file, kept, wal] = await Promise.all([fs.stat(projectPath), fs.stat(backup), fs.stat(`${projectPath}.wal`).catch(() => null)]);
    if (wal || !file.isFile() || !kept.isFile() || file.size !== kept.size) return false;
    const [a, b] = await Promise.all([fs.open(projectPath, 'r'), fs.open(backup, 'r')]);
    try {
      const bufA = Buffer.alloc(COMPARE_CHUNK);
      const bufB = Buffer.alloc(COMPARE_CHUNK);
      for (let at = 0; at < file.size; at += COMPARE_CHUNK) {
        const [ra, rb] = await Promise.all([a.read(bufA, 0, COMPARE_CHUNK, at), b.read(bufB, 0, COMPARE_CHUNK, at)]);
        if (ra.bytesRead !== rb.bytesRead || ra.bytesRead === 0) return false;
        if (!bufA.subarray(0, ra.bytesRead).equals(bufB.subarray(0, rb.bytesRead))) return false;
      }
      return true;
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  } catch {
    return false;
  }
}

/** A copy of a project file on its way to becoming its last good copy (see {@link startGoodCopy}). */
export interface PendingCopy {
  /** Waits for the copy, then renames it over the previous last good copy (best effort: a copy that failed keeps the old one). */
  keep(): Promise<void>;
  /** Waits for the copy, then removes it: the previous last good copy stays. */
  drop(): Promise<void>;
}

/**
 * Starts copying `projectPath` to a hidden sibling, flushed, for the caller to keep as its last good
 * copy once the file has read whole (or to drop): the copy runs while the file is being read, and
 * the rename over the previous copy comes last, so a crash or a full disk leaves the previous copy
 * whole. The caller keeps writers out of the file until it keeps or drops the copy.
 */
export function startGoodCopy(projectPath: string): PendingCopy {
  const backup = backupPath(projectPath);
  const tmp = path.join(path.dirname(projectPath), `.${path.basename(backup)}.${randomBytes(4).toString('hex')}`);
  const removeTmp = () => fs.rm(tmp, { force: true }).catch(() => undefined);
  const isCopied = (async () => {
    // A copy made after the file's last change already holds these bytes: no need to write them again.
    const [file, kept] = await Promise.all([fs.stat(projectPath).catch(() => null), fs.stat(backup).catch(() => null)]);
    if (file && kept?.isFile() && kept.size === file.size && kept.mtimeMs > file.mtimeMs) return false;
    try {
      await fs.copyFile(projectPath, tmp, fsConstants.COPYFILE_FICLONE);
      const fh = await fs.open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      return true;
    } catch {
      await removeTmp();
      return false;
    }
  })();
  return {
    keep: async () => {
      if (await isCopied) await fs.rename(tmp, backup).catch(removeTmp);
    },
    drop: async () => {
      if (await isCopied) await removeTmp();
    },
  };
}

/**
 * A new project file beside `projectPath` for its last good copy: `<name>（恢复）.qunxi`, numbered
 * when taken. The damaged file itself stays as it is.
 */
export async function recoveredPath(projectPath: string, ext: string): Promise<string> {
  const dir = path.dirname(projectPath);
  const base = path.basename(projectPath, ext);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${text.recoveredSuffix}${n > 1 ? ` ${n}` : ''}${ext}`);
    const taken = await fs
      .access(candidate)
      .then(() => true)
      .catch(() => false);
    if (!taken) return candidate;
  }
}

/** Refuses a missing last good copy; the caller restores it. */
export async function requireBackup(projectPath: string): Promise<string> {
  const backup = backupPath(projectPath);
  const isFile = await fs
    .stat(backup)
    .then((s) => s.isFile())
    .catch(() => false);
  if (!isFile) throw new AppError('PROJECT_NOT_FOUND', text.noBackup(path.basename(projectPath)), { file: projectPath });
  return backup;
}
