/**
 * How DuckDB's memory allocator keeps memory between one analysis and the next (issue 17). The
 * allocator inside @duckdb/node-api (jemalloc) reads its settings once, when the library loads:
 * every entry point imports allocatorSetup.ts first, which puts them in the environment.
 *
 * DuckDB's own settings give memory back to the system a second after a query, and its workers
 * trim it when they have been idle half a second. The next analysis then touched its memory afresh:
 * at 100,000 people 增长点 took 30,000–40,000 page faults more after a pause of 1.5 s than right
 * after another call, 420–520 ms instead of 280. Kept {@link DIRTY_DECAY_MS} after its last use
 * (in a background thread, not in a query's time), memory is reused across the pauses between a
 * user's clicks and still goes back when the project sits idle or is closed (DuckDB flushes it then).
 */

/** How long freed memory stays with the process before it is given back to the system. */
export const DIRTY_DECAY_MS = 30_000;

/** The allocator's settings, as jemalloc reads them from the environment (DuckDB's others kept). */
export const ALLOCATOR_CONF = `dirty_decay_ms:${DIRTY_DECAY_MS},muzzy_decay_ms:0`;

/** The environment variable DuckDB's jemalloc (prefix duckdb_je_) reads. */
export const ALLOCATOR_ENV = 'DUCKDB_JE_MALLOC_CONF';

/**
 * DuckDB's settings that leave the giving back to the decay above: the allocator's background
 * thread purges (so a worker going idle does not flush its arena), and no flush or trim after a
 * task (the threshold is above any peak a project reaches under its memory limit).
 */
export const ALLOCATOR_OPTIONS: Readonly<Record<string, string>> = { allocator_background_threads: 'true', allocator_flush_threshold: '64GB' };
