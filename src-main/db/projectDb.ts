import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { basename } from 'node:path';
import { AppError, firstLine } from '../contract/appError';
import { projectFileText } from '../locale/projectFile';
import { cancelledError, throwIfCancelled, untilAborted } from './cancellation';
import { checkKeptDamage, damagedError, isDamageError, keptDamagedError } from './projectIntegrity';
import { StateLock } from './stateLock';

/** Bound parameters of a query: positional (`?`, `$1`) or named (`$name`). */
export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

/** A JSON-shaped row as read back from DuckDB (BIGINT and HUGEINT arrive as strings: cast in SQL). */
export type Row = Record<string, unknown>;

/** Quotes a string as an SQL literal, for the few statements (ATTACH, COPY) that take no bound parameters. */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Work every use of a project waits for first (see {@link ProjectDb.setPreparer}); `signal`: see {@link UseOptions.cancelsPreparation}. */
export type Preparer = (db: ProjectDb, signal?: AbortSignal) => Promise<void>;

/** Options of {@link ProjectDb.use}. */
export interface UseOptions {
  /**
   * The caller's cancellation: aborting it interrupts the statement under way on this use's
   * connection (DuckDB's interrupt) and refuses the next ones, so the use fails with CANCELLED.
   */
  signal?: AbortSignal;
  /**
   * The preparer's work is the caller's to cancel too (an import bringing the derived tables up to
   * date as its last step): the signal goes to the preparer, which stops its work once every
   * caller waiting for it has cancelled. Otherwise an abort ends only this caller's wait.
   */
  cancelsPreparation?: boolean;
}

/**
 * How often an abort interrupts again while a statement is still under way. DuckDB clears the
 * interrupt when a query starts, so one that arrives as a statement is handed to DuckDB's thread
 * but not yet begun is lost; trying again until the statement ends catches that one too.
 */
const INTERRUPT_RETRY_MS = 10;

/** Whether an error is DuckDB's answer to an interrupt ("INTERRUPT Error: Interrupted!"). */
function isInterruptError(e: unknown): e is Error {
  return e instanceof Error && e.message.startsWith('INTERRUPT Error');
}

/**
 * A connection-scoped query helper. Every operation gets its own connection, so a long
 * import transaction never interleaves with the reads the UI makes meanwhile.
 */
export class Sql {
  /** Statements under way on the connection. */
  private running = 0;
  /** What runs when the use ends (see {@link Sql.atEnd}), the latest first. */
  private readonly endings: (() => Promise<void>)[] = [];

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly signal?: AbortSignal,
    /** The open database this connection is of: a key for state kept per database (keptTables.ts). */
    readonly owner: object = conn,
  ) {}

  /**
   * Runs `fn` when this use's work is done, before its connection closes: a table the use holds
   * (keptTables.ts) is let go then, whatever of the use still reads it.
   */
  atEnd(fn: () => Promise<void>): void {
    this.endings.unshift(fn);
  }

  /** Runs what {@link Sql.atEnd} was given (each once; a failure of one does not stop the others). */
  async end(): Promise<void> {
    for (const fn of this.endings.splice(0)) await fn().catch(() => undefined);
  }

  /** Whether the caller of this connection's work has abandoned it. */
  get isCancelled(): boolean {
    return !!this.signal?.aborted;
  }

  /**
   * From the signal's abort on, interrupts the statement under way, again until it ends (see
   * {@link INTERRUPT_RETRY_MS}); the returned function stops that, for when the connection closes.
   */
  interruptOnAbort(): () => void {
    const signal = this.signal;
    if (!signal) return () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const interrupt = () => {
      if (this.running === 0) return;
      this.conn.interrupt();
      timer = setTimeout(interrupt, INTERRUPT_RETRY_MS);
    };
    signal.addEventListener('abort', interrupt, { once: true });
    return () => {
      signal.removeEventListener('abort', interrupt);
      clearTimeout(timer);
    };
  }

  /** One statement: refused once the caller has gone, its interrupt reported as CANCELLED. */
  private async statement<T>(work: () => Promise<T>): Promise<T> {
    throwIfCancelled(this.signal);
    this.running++;
    try {
      return await work();
    } catch (e) {
      // DuckDB's own words go along, so a log (and a test) can tell the database stopped the query.
      if (this.signal?.aborted && isInterruptError(e)) throw cancelledError({ database: firstLine(e) });
      throw e;
    } finally {
      this.running--;
    }
  }

  /** Runs a statement for its effect. */
  async run(sql: string, params?: Params): Promise<void> {
    await this.statement(() => this.conn.run(sql, params));
  }

  /**
   * Runs a query and returns its rows as plain objects (values as getRowObjectsJson gives them).
   * Converted column by column, then put into rows: the client library's row-wise conversion
   * visits each value through the chunk, some 8× slower on tens of thousands of rows.
   */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const { names, columns, count } = await this.read(sql, params);
    const rows: Row[] = new Array<Row>(count);
    for (let r = 0; r < rows.length; r++) {
      const row: Row = {};
      for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![r];
      rows[r] = row;
    }
    return rows as T[];
  }

  /**
   * Runs a query and returns its columns by name (values as {@link Sql.all} gives them): for
   * hundreds of thousands of rows, where making an object per row costs as much as reading them.
   */
  async columns(sql: string, params?: Params): Promise<Record<string, unknown[]>> {
    const { names, columns } = await this.read(sql, params);
    return Object.fromEntries(names.map((name, c) => [name, columns[c]!]));
  }

  private async read(sql: string, params?: Params): Promise<{ names: string[]; columns: unknown[][]; count: number }> {
    const reader = await this.statement(() => this.conn.runAndReadAll(sql, params));
    return { names: reader.deduplicatedColumnNames(), columns: reader.getColumnsJson(), count: reader.currentRowCount };
  }

  /** Runs a query and returns its first row, or undefined. */
  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /** The raw DuckDB connection, for appenders and streaming reads (which the caller's signal does not reach). */
  get raw(): DuckDBConnection {
    return this.conn;
  }
}

/** The memory limit of an import: see {@link ProjectDb.limitMemoryWhileIdle}. */
export interface ImportMemory {
  /** Megabytes the import may use beyond what DuckDB holds and cannot drop. */
  importMb: number;
  /** The limit otherwise, as DuckDB's SET takes it. */
  usual: string;
}

/**
 * The most memory DuckDB may hold for a project, in bytes. Its own default is 80% of the machine's
 * memory, which it fills with cached blocks of the file and with the analyses' in-memory tables: at
 * 1,000,000 people the process reached 2.9 GB. Under this limit DuckDB drops cached blocks (they
 * are in the file) and spills in-memory tables and large sorts to the spill folder instead.
 */
const PROJECT_MEMORY_BYTES = 1024 * 1024 * 1024;

/**
 * DuckDB's memory limit of every project opened: {@link PROJECT_MEMORY_BYTES}, or DuckDB's default
 * where that is less (80% of the memory it sees, the physical memory or a smaller cgroup limit).
 */
export function usualMemoryBytes(): number {
  let available = os.totalmem();
  for (const file of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    try {
      const limit = Number(readFileSync(file, 'utf8').trim());
      if (Number.isFinite(limit) && limit > 0 && limit < available) available = limit;
    } catch {
      // no cgroup limit there
    }
  }
  return Math.min(PROJECT_MEMORY_BYTES, Math.floor(0.8 * available));
}

/** The lowest memory limit an import sets: DuckDB needs a few MB for an open project before any import. */
const MIN_MEMORY_MB = 8;

/** An open DuckDB database file (or in-memory database) with per-operation connections. */
export class ProjectDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    /** The file it was opened from, or ':memory:'. */
    readonly path: string,
    /** Whether it was opened read-only. */
    readonly isReadOnly: boolean,
  ) {}

  /** Opens (or creates) a database file; DuckDB takes an OS lock on it for the lifetime of the instance. */
  static async open(path: string, opts: { readOnly?: boolean; tempDirectory?: string } = {}): Promise<ProjectDb> {
    const options: Record<string, string> = { memory_limit: `${usualMemoryBytes()}B` };
    if (opts.readOnly) options.access_mode = 'READ_ONLY';
    // Where a query too big for memory spills (DuckDB's default, `<file>.tmp`, is beside the file).
    if (opts.tempDirectory) options.temp_directory = opts.tempDirectory;
    const instance = await DuckDBInstance.create(path, options);
    return new ProjectDb(instance, path, !!opts.readOnly);
  }

  /** Work every `use` waits for first (see {@link ProjectDb.setPreparer}). */
  private preparer: Preparer | null = null;

  /**
   * Sets work that runs (on its own connections, through {@link ProjectDb.useUnprepared}) before
   * every `use`: the project keeps its derived tables current this way (see
   * derivedTables.ts). It must be cheap when there is nothing to do.
   */
  setPreparer(preparer: Preparer | null): void {
    this.preparer = preparer;
  }

  /**
   * Commits of the data wait for the uses under way (see stateLock.ts): every `use` sees one
   * state of the data, and of the derived tables built from it, from its first statement to its last.
   */
  private readonly stateLock = new StateLock();

  /**
   * Runs `fn` on a fresh connection, closing it afterwards, against one state of the data: no
   * commit lands from the preparer's start to `fn`'s end (writes go through {@link ProjectDb.write}
   * or {@link ProjectDb.transaction}). An abort of `options.signal` stops this caller only: its
   * wait for the preparer ends (the preparer goes on for the others who share it, and keeps the
   * state until it ends), or its own statement is interrupted.
   */
  async use<T>(fn: (sql: Sql) => Promise<T>, options: UseOptions = {}): Promise<T> {
    throwIfCancelled(options.signal);
    return this.stateLock.shared(async () => {
      this.usesRunning++;
      try {
        if (this.usesRunning === 1 && this.importMemory) await this.applyMemoryLimit();
        if (this.preparer) {
          const prepared = this.preparer(this, options.cancelsPreparation ? options.signal : undefined);
          this.stateLock.holdUntil(prepared);
          await untilAborted(prepared, options.signal);
        }
        return await this.useUnprepared(fn, options);
      } finally {
        this.usesRunning--;
        if (this.usesRunning === 0 && this.importMemory) void this.applyMemoryLimit().catch(() => undefined);
      }
    });
  }

  /** Uses of the database under way (for the memory limit of an import). */
  private usesRunning = 0;
  /** An import's memory allowance and the usual limit; see {@link ProjectDb.limitMemoryWhileIdle}. */
  private importMemory: ImportMemory | null = null;
  /** The last change of the memory limit: they apply in order. */
  private memorySetting: Promise<void> = Promise.resolve();

  /**
   * While an import writes it lowers DuckDB's memory limit (a setting of the whole database, see
   * import/importWrite.ts); analyses under the import's limit fail out of memory. So the lower
   * limit holds only while no use of the database runs, and the usual one while any does; null
   * ends that (the caller then sets the usual limit back itself).
   */
  async limitMemoryWhileIdle(limits: ImportMemory | null): Promise<void> {
    this.importMemory = limits;
    await this.applyMemoryLimit();
  }

  /** Sets the memory limit the uses under way call for, after the changes asked before (each reads the count when it runs). */
  private applyMemoryLimit(): Promise<void> {
    const run = this.memorySetting.then(async () => {
      const limits = this.importMemory;
      if (!limits) return;
      await this.useUnprepared(async (sql) => {
        if (this.usesRunning > 0) return sql.run(`SET memory_limit = ${sqlLiteral(limits.usual)}`);
        // On top of what DuckDB holds that it could not just drop: in-memory tables (the analyses'
        // derived and feature tables, which they may have added meanwhile); cached blocks of the file (BASE_TABLE) it can.
        const held = await sql.one<{ mb: number }>(
          `SELECT ceil(coalesce(sum(memory_usage_bytes), 0) / 1e6)::INTEGER AS mb FROM duckdb_memory() WHERE tag <> 'BASE_TABLE'`,
        );
        await sql.run(`SET memory_limit = '${Math.max(MIN_MEMORY_MB, Math.trunc(limits.importMb) + Number(held?.mb ?? 0))}MB'`);
      });
    });
    this.memorySetting = run.catch(() => undefined);
    return run;
  }

  /**
   * Like {@link ProjectDb.use} without the preparer and without holding the state: for the
   * preparer itself, and for the importer, whose transaction sees its own snapshot and commits
   * through {@link ProjectDb.commitWhenIdle}.
   */
  async useUnprepared<T>(fn: (sql: Sql) => Promise<T>, options: UseOptions = {}): Promise<T> {
    throwIfCancelled(options.signal);
    throwIfCancelled(this.closing.signal);
    // The caller's cancellation, and the close of the database: either interrupts the work.
    const signal = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    this.connections++;
    try {
      const conn = await this.instance.connect();
      const sql = new Sql(conn, signal, this);
      const release = sql.interruptOnAbort();
      try {
        // Session time zone fixed to UTC: local days are always computed with an explicit zone.
        await sql.run(`SET TimeZone = 'UTC'`);
        return await fn(sql);
      } catch (e) {
        throw await this.explained(e);
      } finally {
        await sql.end();
        release();
        conn.closeSync();
      }
    } finally {
      if (--this.connections === 0) {
        this.connectionsEnded?.();
        this.noConnections = null;
      }
    }
  }

  /**
   * Aborted by {@link ProjectDb.close}: the work under way is interrupted, new work refused. Every
   * use without a signal of its own listens to it (a report's or a batch's analyses at once): no
   * limit to warn past.
   */
  private readonly closing = (() => {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
  })();
  /** Connections open (or opening) for a use. */
  private connections = 0;
  /** The wait for the last of them to end, shared by every close under way. */
  private noConnections: Promise<void> | null = null;
  private connectionsEnded: (() => void) | null = null;

  private untilNoConnections(): Promise<void> {
    if (this.connections === 0) return Promise.resolve();
    this.noConnections ??= new Promise<void>((resolve) => (this.connectionsEnded = resolve));
    return this.noConnections;
  }

  /**
   * Commits the open transaction of `sql` once no use of the database is under way, holding new
   * ones back meanwhile (see stateLock.ts). Every commit that changes the data goes through here.
   */
  async commitWhenIdle(sql: Sql): Promise<void> {
    await this.stateLock.exclusive(() => sql.run('COMMIT'));
  }

  /**
   * Runs `fn` inside one transaction on a fresh connection: all of it commits, or none. It reads
   * its own snapshot and commits through {@link ProjectDb.commitWhenIdle}; not from inside a `use`
   * (the commit would wait for it).
   */
  async transaction<T>(fn: (sql: Sql) => Promise<T>, options: UseOptions = {}): Promise<T> {
    return this.useUnprepared(async (sql) => {
      await sql.run('BEGIN TRANSACTION');
      try {
        const out = await fn(sql);
        await this.commitWhenIdle(sql);
        return out;
      } catch (e) {
        // On the raw connection: after a cancel the wrapper refuses statements, the rollback must still run.
        await sql.raw.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    }, options);
  }

  /**
   * Runs writes of a few statements (each committed on its own) with no use of the database
   * under way, holding new ones back meanwhile: for a setting the derived tables depend on.
   */
  async write<T>(fn: (sql: Sql) => Promise<T>, options: UseOptions = {}): Promise<T> {
    return this.stateLock.exclusive(() => this.useUnprepared(fn, options));
  }

  /**
   * DuckDB's words for a damaged block of the file, or for a write refused because the file is
   * open read-only, as the errors a person is shown (naming the file); other errors as they are.
   */
  private async explained(e: unknown): Promise<unknown> {
    if (this.path === ':memory:' || e instanceof AppError) return e;
    if (isDamageError(e, this.path)) return this.isReadOnly ? damagedError(this.path, e) : this.damageFound(e);
    if (this.isReadOnly && e instanceof Error && /read-only mode/.test(e.message)) return this.readOnlyError();
    return e;
  }

  /**
   * The check of a writable file after a query met a damaged block, once per open (several
   * queries may meet it): the data read whole, so only kept tables are damaged (projectIntegrity.ts
   * checkKeptDamage), or the file's damaged error.
   */
  private keptDamage: Promise<AppError> | null = null;

  private damageFound(e: unknown): Promise<AppError> {
    this.keptDamage ??= (async () => {
      try {
        const conn = await this.instance.connect();
        try {
          await checkKeptDamage(new Sql(conn, undefined, this));
        } finally {
          conn.closeSync();
        }
        return keptDamagedError(this.path, e);
      } catch (dataDamage) {
        // The data does not read whole (or could not be read at all, the database closing): the file's error.
        return damagedError(this.path, isDamageError(dataDamage, this.path) ? dataDamage : e);
      }
    })();
    return this.keptDamage;
  }

  private readOnlyError(): AppError {
    return new AppError('PROJECT_READ_ONLY', projectFileText.readOnlyWrite(basename(this.path)), { file: this.path });
  }

  /** Refuses, before any work, what would write to a file open read-only (an import). */
  assertWritable(): void {
    if (this.isReadOnly) throw this.readOnlyError();
  }

  /** Shorthand for a read on its own connection. */
  all<T = Row>(query: string, params?: Params): Promise<T[]> {
    return this.use((sql) => sql.all<T>(query, params));
  }

  /**
   * Merges the write-ahead log into the file, so the file alone is the whole project. With no use
   * under way: a checkpoint may compact a table after deletes, which renumbers its rowids, and the
   * derived tables refer to rows by rowid.
   */
  async checkpoint(): Promise<void> {
    if (this.isReadOnly) return;
    await this.write((sql) => sql.run('CHECKPOINT'));
  }

  /**
   * Closes the database; checkpoints first unless read-only (after the uses under way, see
   * {@link ProjectDb.checkpoint}). Then interrupts what still runs (on a read-only file, every
   * use; otherwise work outside the uses, such as an import's transaction, which rolls back) and
   * waits for its connections to end: DuckDB's close returns at once while a statement runs, and
   * the statement goes on, holding the file's lock, until it finishes on its own.
   */
  async close(): Promise<void> {
    try {
      await this.checkpoint();
    } finally {
      this.closing.abort();
      await this.untilNoConnections();
      this.instance.closeSync();
    }
  }
}
