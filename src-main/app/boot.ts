// The app's entry point (electron-vite's main `index`): the allocator's settings before anything
// loads DuckDB (db/allocator.ts), then the app. The import is awaited at the top level: Electron
// emits `ready` once the entry has resolved, so main.ts registers its scheme and listeners first.
import '../db/allocatorSetup';

await import('./main');
