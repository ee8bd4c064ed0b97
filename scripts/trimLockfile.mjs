// The registry reachable here serves only some platform builds of a few native packages (e.g. the
// darwin and win32 bindings of @duckdb/node-bindings are missing). npm still lists them as optional
// dependencies in package-lock.json but cannot lock them, and `npm ci` then refuses the lock as out of
// sync. This drops optional-dependency names that have no locked package, so `npm ci` installs what
// the lock does hold. Idempotent; prints what it removed.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const names = Object.keys(lock.packages);
const isLocked = (dep) => names.some((k) => k === `node_modules/${dep}` || k.endsWith(`/node_modules/${dep}`));
const removed = [];
for (const [name, entry] of Object.entries(lock.packages)) {
  for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
    if (!isLocked(dep)) {
      delete entry.optionalDependencies[dep];
      removed.push(`${name || '(root)'} → ${dep}`);
    }
  }
}
if (removed.length > 0) {
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: dropped ${removed.length} optional dependencies the registry does not serve:\n  ${removed.join('\n  ')}`);
}
