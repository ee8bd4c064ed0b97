// Opens the project named on the command line through the API, as whoever runs this, and prints what it saw as one JSON line.
import os from 'node:os';
import path from 'node:path';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';

const root = path.join(os.tmpdir(), `qx-child-${process.pid}`);
const call = inProcessClient(
  createHandlers(createContext('test', { projectsDir: path.join(root, 'projects'), configDir: path.join(root, 'config'), demoDir: root, tempDir: path.join(root, 'tmp') })),
);
const opened = await call('project:open', { path: process.argv[2]! });
if (!opened.ok) throw new Error(JSON.stringify(opened.error));
const imported = await call('import:start', { source: { path: process.argv[2]! } });
await call('project:close', {});
process.stdout.write(
  `${JSON.stringify({ uid: process.getuid?.(), isReadOnly: opened.value.isReadOnly, messages: opened.value.counts.messages, importError: imported.ok ? null : imported.error.code })}\n`,
);
