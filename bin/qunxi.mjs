#!/usr/bin/env node
// `qunxi` (package.json "bin") and `npm run qunxi`: runs the built command line, out/cli/qunxi.mjs,
// after rebuilding it if a source file changed since it was built (scripts/cliBundle.mjs), so the
// bundle can never be stale and there is no build step to remember. Build messages go to stderr;
// stdout carries only the command's result.
import { pathToFileURL } from 'node:url';
import { ensureCliBundle, launcherTexts } from '../scripts/cliBundle.mjs';

let entry;
try {
  entry = await ensureCliBundle({ log: (line) => process.stderr.write(`${line}\n`) });
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  // esbuild's messages first, the one-line reason last.
  process.stderr.write(`${message}\n${launcherTexts().cannotBuild}\n`);
  process.exit(1);
}
await import(pathToFileURL(entry).href);
