// Opens and closes a project an import has made, as a user who only looks does, several times:
// each open's time, whether it found the file as its last good copy (it then reads nothing whole
// and copies nothing), and the file's free blocks. The first open after the import reads the
// file whole and copies it; an open of a file no session changed since should not (fileSpace.ts:
// free blocks no checkpoint can give back were asked back at every open, which rewrote the file).
// Arguments: PROJECT OPENS
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fileBlocks } from '../../src-main/db/fileSpace';
import { closeProjectFile, openProjectFile } from '../../src-main/db/projectFile';
import { isSameAsGoodCopy } from '../../src-main/db/projectIntegrity';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';
import { reportPhase } from './report';

const [projectPath, opensArg] = process.argv.slice(2) as [string, string | undefined];
const opens = Number(opensArg ?? 5);

/** The file's bytes, hashed: whether a session wrote to it. */
async function fileHash(): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(projectPath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const openMs: number[] = [];
const asGoodCopy: boolean[] = [];
let rewrites = 0;
let freeBlocks = 0;
let totalBlocks = 0;
for (let i = 0; i < opens; i++) {
  const before = await fileHash();
  asGoodCopy.push(await isSameAsGoodCopy(projectPath));
  const t0 = performance.now();
  const project = await openProjectFile(projectPath, withDerivedTables);
  openMs.push(performance.now() - t0);
  // Unprepared: a use would bring the derived tables up to date first, which only opening does not.
  const blocks = await project.db.useUnprepared(fileBlocks);
  totalBlocks = blocks.total;
  freeBlocks = blocks.free;
  await closeProjectFile(project);
  if ((await fileHash()) !== before) rewrites++;
}
reportPhase({ openMs: openMs.map((ms) => ms.toFixed(0)).join(' '), asGoodCopy: asGoodCopy.map((x) => (x ? 'y' : 'n')).join(' '), rewrites, freeBlocks, totalBlocks });
