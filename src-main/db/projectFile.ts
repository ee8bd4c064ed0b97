import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../contract/appError';
import { projectFileText as fileText } from '../locale/projectFile';
import { projectMessages as text } from '../locale/project';
import { reclaimFreeSpace } from './fileSpace';
import {
  damagedError,
  dropKeptIfDamaged,
  HEAD_BYTES,
  isLockError,
  isReadOnlyError,
  isSameAsGoodCopy,
  isStorageVersionError,
  isWritable,
  looksLikeDuckDb,
  readEveryBlock,
  startGoodCopy,
  type BlocksRead,
  type PendingCopy,
} from './projectIntegrity';
import { ProjectDb, sqlIdent, sqlLiteral, type Preparer } from './projectDb';
import { clearHolder, formatSince, readHolder, recordHolder, type LockHolder } from './projectHolder';
import { sharingText } from '../locale/sharing';
import { APP_MARKER, createSchema, DEFAULT_TIME_ZONE, FORMAT_VERSION, migrations, readMeta } from './schema';

/** File extension of project files. */
export const PROJECT_EXT = '.qunxi';

/** Paths this process has open, so one process never opens a project twice. */
const openInThisProcess = new Set<string>();

function fileLabel(p: string): string {
  return path.basename(p);
}

/** A hidden sibling path for writing a file before it is renamed into place. */
function tempSibling(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${purpose}-${randomBytes(4).toString('hex')}`);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Flushes a file's bytes to disk so a rename after it publishes complete content. */
async function fsyncFile(p: string): Promise<void> {
  const fh = await fs.open(p, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function removeQuietly(...paths: string[]): Promise<void> {
  for (const p of paths) await fs.rm(p, { force: true }).catch(() => undefined);
}

/** The first bytes of a file (DuckDB's headers), or null when it cannot be read. */
async function readHead(p: string): Promise<Buffer | null> {
  try {
    const fh = await fs.open(p, 'r');
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

/**
 * Maps a DuckDB open failure of a file that looks like DuckDB's to a stable, translated error:
 * another program's lock, a storage version this build cannot read, or else damage. Nothing has
 * been written at this point.
 */
async function openFailure(p: string, e: unknown): Promise<AppError> {
  if (isLockError(e)) {
    // Who holds it, as the holder recorded itself (projectHolder.ts); either way it can be opened read-only from a snapshot.
    const holder = await readHolder(p);
    if (!holder) return new AppError('PROJECT_LOCKED', text.lockedElsewhere(fileLabel(p)), { file: p, canOpenReadOnly: 1 });
    return new AppError('PROJECT_LOCKED', sharingText.lockedBy(fileLabel(p), holder.user, holder.host, formatSince(holder.since)), {
      file: p,
      canOpenReadOnly: 1,
      holderUser: holder.user,
      holderHost: holder.host,
      holderSince: holder.since,
    });
  }
  if (isStorageVersionError(e)) return new AppError('PROJECT_NOT_QUNXI', text.notQunxiOrNewer(fileLabel(p)), { file: p });
  return damagedError(p, e);
}

/**
 * Checks a file before anything may write to it: it must exist, be a DuckDB file, carry the
 * Qunxi marker and a format version this build understands, and every block of its tables must
 * read back whole (projectIntegrity.ts). Uses a read-only open, so a foreign, newer or damaged
 * file is left byte-for-byte as it was. With `keepCopy`, the file is copied as its last good copy
 * while it is read (the read-only open keeps writers out), kept once it has read whole. A file
 * byte-identical to its last good copy (a project opened again after a session that wrote nothing)
 * is neither read whole nor copied again: it reads whole as the copy did (projectIntegrity.ts).
 */
export async function inspectProjectFile(p: string, opts: { keepCopy?: boolean; read?: BlocksRead } = {}): Promise<{ version: number }> {
  const head = await readHead(p);
  if (!head) throw new AppError('PROJECT_NOT_FOUND', text.notFound(fileLabel(p)), { file: p });
  if (!looksLikeDuckDb(head)) {
    throw new AppError('PROJECT_NOT_QUNXI', text.notQunxi(fileLabel(p)), { file: p });
  }
  let db: ProjectDb;
  try {
    db = await ProjectDb.open(p, { readOnly: true });
  } catch (e) {
    throw await openFailure(p, e);
  }
  let copy: PendingCopy | null = null;
  try {
    const meta = await db
      .use(async (sql) => ({ app: await readMeta(sql, 'app'), version: await readMeta(sql, 'format_version') }))
      .catch((e: unknown) => {
        // A damaged catalog is said as such (ProjectDb names it); a DuckDB file without our meta table is foreign.
        if (e instanceof AppError && e.code === 'PROJECT_DAMAGED') throw e;
        return { app: undefined, version: undefined };
      });
    if (meta.app !== APP_MARKER || meta.version === undefined) {
      throw new AppError('PROJECT_NOT_QUNXI', text.notQunxi(fileLabel(p)), { file: p });
    }
    const version = Number(meta.version);
    if (!Number.isInteger(version) || version < 1) {
      throw new AppError('PROJECT_NOT_QUNXI', text.badVersion(fileLabel(p)), { file: p });
    }
    if (version > FORMAT_VERSION) {
      throw new AppError(
        'PROJECT_NEWER_VERSION',
        text.newerVersion(fileLabel(p), version, FORMAT_VERSION),
        { file: p, version, supported: FORMAT_VERSION },
      );
    }
    // A file byte-identical to its last good copy reads whole as the copy did: nothing to read or copy again.
    if (await isSameAsGoodCopy(p)) return { version };
    // Copying is mostly the disk's work and reading mostly DuckDB's: side by side they take the longer of the two.
    copy = opts.keepCopy ? startGoodCopy(p) : null;
    await db.use((sql) => readEveryBlock(sql, opts.read)).catch(async (e: unknown) => {
      // Reading a sound file whole fails only for want of memory: any other failure is a block DuckDB could not make sense of.
      if (e instanceof AppError || (e instanceof Error && /Out of Memory/i.test(e.message))) throw e;
      throw await damagedError(p, e);
    });
    await copy?.keep();
    copy = null;
    return { version };
  } finally {
    await copy?.drop();
    await db.close();
  }
}

/**
 * Brings an older file to the current format, one step per version, each in its own transaction
 * with the version it reaches, so the file is always a whole version: DuckDB refuses to commit a
 * transaction that alters a table after updating its rows, which one transaction over several
 * steps would do (format 2 fills memberships.row_key, format 4 adds memberships.staff).
 */
async function migrate(db: ProjectDb, from: number): Promise<void> {
  if (from === FORMAT_VERSION) return;
  for (let v = from; v < FORMAT_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new AppError('PROJECT_NOT_QUNXI', text.noMigration(v), { version: v });
    await db.transaction(async (sql) => {
      await step(sql);
      await sql.run(`UPDATE meta SET value = ? WHERE key = 'format_version'`, [String(v + 1)]);
    });
  }
  await db.checkpoint();
}

/** An open project file: the database plus what the app needs to know about it. */
export interface OpenProject {
  /** Absolute path of the `.qunxi` file. */
  path: string;
  /** The database, locked by this process. */
  db: ProjectDb;
  /** IANA time zone of the project. */
  timeZone: string;
  /** Who holds the original open, when this is a read-only snapshot of a project held elsewhere. */
  heldBy?: LockHolder;
  /** The private folder of that snapshot, removed on close. */
  snapshotDir?: string;
}

/** How a project is opened for the layers above the file. */
export interface OpenOptions {
  /**
   * Work every use of the database waits for first: the analyses pass the refresh of their derived
   * tables (analysis/base/derivedTables.ts), which this layer below them does not know.
   */
  prepare?: Preparer;
}

/** How each open project was opened, for {@link reopenProjectDb}. */
const openOptions = new WeakMap<OpenProject, OpenOptions>();

/** DuckDB's spill folder of a project (its default `temp_directory`, `<file>.tmp`). */
export function spillFolder(projectPath: string): string {
  return `${projectPath}.tmp`;
}

/**
 * A hidden sibling of a project file that an import fills before it starts and removes when it
 * ends: should the disk fill up meanwhile, removing it gives DuckDB the room to write the few
 * blocks that shorten the file again (see import/importFile.ts).
 */
export function reserveFile(projectPath: string): string {
  return path.join(path.dirname(projectPath), `.${path.basename(projectPath)}.reserve`);
}

/** Removes what only a killed process leaves next to a project: the spill folder and an import's reserve. */
async function removeLeftovers(projectPath: string): Promise<void> {
  await fs.rm(spillFolder(projectPath), { recursive: true, force: true }).catch(() => undefined);
  await removeQuietly(reserveFile(projectPath));
}

/**
 * Closes and opens a project's database again, in place: after a write failed on a full disk,
 * DuckDB counts some blocks it wrote as used until it reads the file afresh. Calls under way on
 * the old database fail; the caller makes sure none is (the import's write queue).
 */
export async function reopenProjectDb(project: OpenProject): Promise<void> {
  await project.db.close().catch(() => undefined);
  project.db = await ProjectDb.open(project.path).catch(() => ProjectDb.open(project.path));
  const prepare = openOptions.get(project)?.prepare;
  if (prepare) project.db.setPreparer(prepare);
}

/** Registers a project this process now has open. */
async function adopt(abs: string, db: ProjectDb, options: OpenOptions): Promise<OpenProject> {
  if (options.prepare) db.setPreparer(options.prepare);
  // Unprepared: opening does not wait for the derived tables (the app builds them in the background, the CLI on first use).
  const timeZone = (await db.useUnprepared((sql) => readMeta(sql, 'time_zone'))) ?? DEFAULT_TIME_ZONE;
  openInThisProcess.add(abs);
  const project = { path: abs, db, timeZone };
  openOptions.set(project, options);
  return project;
}

/**
 * Opens a project whose file or folder cannot be written (a read-only mount, a file without write
 * permission): read-only, nothing migrated or cleaned, every write refused by ProjectDb; Save As
 * copies it to a writable place. An older format would need writing to upgrade.
 */
async function openReadOnly(abs: string, version: number, options: OpenOptions): Promise<OpenProject> {
  if (version !== FORMAT_VERSION) {
    throw new AppError('PROJECT_READ_ONLY', fileText.readOnlyOldFormat(fileLabel(abs)), { file: abs, version });
  }
  let db: ProjectDb;
  try {
    // A large query spills to disk, which the project's own folder refuses here: the system's temp folder takes it.
    db = await ProjectDb.open(abs, { readOnly: true, tempDirectory: path.join(os.tmpdir(), `qunxi-read-only-${process.pid}-${randomBytes(4).toString('hex')}`) });
  } catch (e) {
    throw await openFailure(abs, e);
  }
  try {
    return await adopt(abs, db, options);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}

/** Opens an existing project: validates it untouched, then locks, migrates and returns it (read-only where it cannot be written). */
export async function openProjectFile(p: string, options: OpenOptions = {}): Promise<OpenProject> {
  const abs = path.resolve(p);
  if (openInThisProcess.has(abs)) {
    throw new AppError('PROJECT_LOCKED', text.alreadyOpen(fileLabel(abs)), { file: abs });
  }
  const isWritableFile = await isWritable(abs);
  // Read whole while it is copied: the copy kept beside it is the last good one should it be damaged
  // later. Written to, its kept tables are not read: a damaged one is dropped and made again.
  const { version } = await inspectProjectFile(abs, { keepCopy: isWritableFile, read: isWritableFile ? 'data' : 'all' });
  if (!isWritableFile) return openReadOnly(abs, version, options);
  return openWritable(abs, version, options);
}

/** Opens a project file {@link inspectProjectFile} found sound (of format `version`) for writing: locks, migrates, tidies, adopts. */
async function openWritable(abs: string, version: number, options: OpenOptions): Promise<OpenProject> {
  let db: ProjectDb;
  try {
    db = await ProjectDb.open(abs);
  } catch (e) {
    if (isReadOnlyError(e)) return openReadOnly(abs, version, options);
    throw await openFailure(abs, e);
  }
  try {
    await migrate(db, version);
    // Kept tables a query found damaged in an earlier session go, before anything reads them.
    await db.useUnprepared(dropKeptIfDamaged);
    // What a killed process left (DuckDB's spill folder, an import's reserve, the file's unused
    // end after a failed import) goes now that this process holds the lock.
    await removeLeftovers(abs);
    await reclaimFreeSpace(db);
    const project = await adopt(abs, db, options);
    await recordHolder(abs);
    return project;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}

/**
 * Creates a new, empty project. The file is built under a temporary name and renamed into
 * place only when complete, so a crash never leaves a half-made project behind.
 */
export async function createProjectFile(p: string, timeZone = DEFAULT_TIME_ZONE, options: OpenOptions = {}): Promise<OpenProject> {
  const abs = path.resolve(p);
  if (await exists(abs)) {
    throw new AppError('PROJECT_EXISTS', text.exists(fileLabel(abs)), { file: abs });
  }
  await fs.mkdir(path.dirname(abs), { recursive: true });
  const tmp = tempSibling(abs, 'creating');
  try {
    const db = await ProjectDb.open(tmp);
    try {
      await db.transaction((sql) => createSchema(sql, timeZone));
    } finally {
      await db.close();
    }
    await fsyncFile(tmp);
    await fs.rename(tmp, abs);
  } catch (e) {
    await removeQuietly(tmp, `${tmp}.wal`);
    if (e instanceof AppError) throw e;
    throw new AppError('PROJECT_SAVE_FAILED', text.createFailed(fileLabel(abs), (e as Error).message), { file: abs });
  }
  // Sound by its making: kept as its last good copy at once, and opened without being read whole
  // (that inspection took some 60 of the 160 ms of a new project).
  await startGoodCopy(abs).keep();
  return openWritable(abs, FORMAT_VERSION, options);
}

/**
 * Writes a complete copy of an open project to `target`: the copy is written to a temporary
 * sibling, flushed, then renamed over the target, so a failure leaves any previous file intact.
 */
export async function copyProjectTo(project: OpenProject, target: string): Promise<void> {
  const abs = path.resolve(target);
  if (abs === project.path) return;
  if (openInThisProcess.has(abs)) {
    throw new AppError('PROJECT_LOCKED', text.openNoOverwrite(fileLabel(abs)), { file: abs });
  }
  await assertNotHeldElsewhere(abs);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  const tmp = tempSibling(abs, 'saving');
  try {
    await project.db.use(async (sql) => {
      const row = await sql.one<{ name: string }>(`SELECT current_database() AS name`);
      // READ_WRITE spelled out: a project open read-only would attach the copy read-only too.
      await sql.run(`ATTACH ${sqlLiteral(tmp)} AS qunxi_copy_target (READ_WRITE)`);
      try {
        await sql.run(`COPY FROM DATABASE ${sqlIdent(row!.name)} TO qunxi_copy_target`);
      } finally {
        await sql.run(`DETACH qunxi_copy_target`);
      }
    });
    await fsyncFile(tmp);
    await fs.rename(tmp, abs);
  } catch (e) {
    await removeQuietly(tmp, `${tmp}.wal`);
    if (e instanceof AppError) throw e;
    throw new AppError('PROJECT_SAVE_FAILED', text.saveFailed(fileLabel(abs), (e as Error).message), { file: abs });
  }
}

/** Refuses to replace a project file that another process has open: its owner would lose its work. */
async function assertNotHeldElsewhere(abs: string): Promise<void> {
  const head = await readHead(abs);
  if (!head || !looksLikeDuckDb(head)) return;
  try {
    const probe = await ProjectDb.open(abs, { readOnly: true });
    await probe.close();
  } catch (e) {
    if (isLockError(e)) {
      throw new AppError('PROJECT_LOCKED', text.lockedNoOverwrite(fileLabel(abs)), { file: abs });
    }
  }
}

/** Closes a project, checkpointing it so the `.qunxi` file alone carries everything. */
export async function closeProjectFile(project: OpenProject): Promise<void> {
  try {
    await project.db.close();
  } finally {
    openInThisProcess.delete(project.path);
    if (!project.db.isReadOnly) await clearHolder(project.path);
    if (project.snapshotDir) await fs.rm(project.snapshotDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Opens a project another process holds, read-only: DuckDB lets no second process read a file
 * it has locked, so the file (and its write-ahead log) is copied into a private folder under
 * `tempDir` and that snapshot opened read-only, as it was at the copy. The snapshot is checked
 * whole like any file (a copy taken while the holder checkpoints may be torn: then it is taken
 * once more) and goes when the project is closed.
 */
export async function openHeldReadOnly(p: string, tempDir: string, options: OpenOptions = {}): Promise<OpenProject> {
  const abs = path.resolve(p);
  if (!(await exists(abs))) throw new AppError('PROJECT_NOT_FOUND', text.notFound(fileLabel(abs)), { file: abs });
  const holder = (await readHolder(abs)) ?? undefined;
  for (let attempt = 0; ; attempt++) {
    const dir = path.join(tempDir, `snapshot-${randomBytes(6).toString('hex')}`);
    const snapshot = path.join(dir, path.basename(abs));
    try {
      await fs.mkdir(dir, { recursive: true });
      await fs.copyFile(abs, snapshot);
      if (await exists(`${abs}.wal`)) await fs.copyFile(`${abs}.wal`, `${snapshot}.wal`);
      // The snapshot is this process's own: opening it once for writing folds its log in, so the read-only open sees all of it.
      await (await ProjectDb.open(snapshot)).close();
      const { version } = await inspectProjectFile(snapshot);
      const project = await openReadOnly(snapshot, version, options);
      project.snapshotDir = dir;
      if (holder) project.heldBy = holder;
      return project;
    } catch (e) {
      await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
      if (attempt >= 1 || (e instanceof AppError && e.code !== 'PROJECT_DAMAGED')) throw e;
    }
  }
}
