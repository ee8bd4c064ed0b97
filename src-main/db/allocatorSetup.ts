// Imported first by every entry point (the app's boot, the browser-mode server, the command line,
// the benches), before anything loads @duckdb/node-api: see allocator.ts. A setting already in the
// environment (a user's, a test's) is left as it is.
import { ALLOCATOR_CONF, ALLOCATOR_ENV } from './allocator';

process.env[ALLOCATOR_ENV] ??= ALLOCATOR_CONF;
