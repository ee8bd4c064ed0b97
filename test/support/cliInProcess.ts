import path from 'node:path';
import { runCli } from '../../src-main/cli/run';

const repoRoot = path.resolve(__dirname, '../..');

/** What one in-process command line printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run qunxi -- …argv` in-process, its config, projects and temp folders under `dir`. */
export async function runCliIn(dir: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    isStderrTty: false,
    env: { QUNXI_CONFIG_DIR: path.join(dir, 'config'), QUNXI_PROJECTS_DIR: path.join(dir, 'projects'), QUNXI_TEMP_DIR: path.join(dir, 'tmp') },
    repoRoot,
  });
  return { code, stdout, stderr };
}
