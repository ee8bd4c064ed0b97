// Opens a project in a separate process and keeps it open until stdin closes: a stand-in for "another Qunxi window".
import { openProjectFile, closeProjectFile } from '../../src-main/db/projectFile';
import { withDerivedTables } from '../../src-main/analysis/base/derivedTables';

const project = await openProjectFile(process.argv[2]!, withDerivedTables);
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await closeProjectFile(project);
  process.exit(0);
});
