// Preloaded (`node --require`) into a child process by test/db/allocatorSetup.test.ts: when the
// DuckDB binding loads, prints the allocator's environment variable as it is then, and ends the
// process (what the entry point would do next is not the test's business).
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/duckdb\.node$/.test(request)) {
    process.stdout.write(`DUCKDB_JE_MALLOC_CONF=${process.env.DUCKDB_JE_MALLOC_CONF ?? '(unset)'}\n`);
    process.exit(0);
  }
  return load.call(this, request, ...rest);
};
