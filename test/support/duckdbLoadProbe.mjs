// Preloaded (`node --import`) into a child process by test/db/allocatorSetup.test.ts: when the
// DuckDB binding loads (a CommonJS require of its duckdb.node), prints the allocator's environment
// variable as it is then, and ends the process (what the entry would do next is not the test's).
import Module from 'node:module';

const load = Module._load;
Module._load = function (request, ...rest) {
  if (/duckdb\.node$/.test(request)) {
    process.stdout.write(`DUCKDB_JE_MALLOC_CONF=${process.env.DUCKDB_JE_MALLOC_CONF ?? '(unset)'}\n`);
    process.exit(0);
  }
  return load.call(this, request, ...rest);
};
