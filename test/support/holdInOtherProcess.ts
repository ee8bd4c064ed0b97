// "Another Qunxi window": a project held open by a separate process (test/support/holdProject.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/** Opens a project in another process; resolves once it holds the lock. */
export function holdInOtherProcess(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/support/holdProject.ts'), file], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

/** Lets the other process close the project and exit. */
export function release(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.stdin!.end();
  });
}
