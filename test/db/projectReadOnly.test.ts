/**
 * A project where it cannot be written opens read-only: its figures read, every write refused as
 * PROJECT_READ_ONLY naming it, Save As to a writable place gives a project that can be changed,
 * and the file stays byte for byte as it was (it was "不是群析项目文件…").
 *
 * Two real read-only conditions, as the machine allows: a tmpfs remounted read-only (root may
 * mount; root ignores permission bits but not a read-only mount), and a file and folder without
 * write permission opened by a user other than root (`setpriv` to nobody when the tests run as
 * root). Each is skipped, saying why, where it cannot be made.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src-main/api/context';
import { inProcessClient } from '../../src-main/api/dispatch';
import { createHandlers } from '../../src-main/api/handlers';
import { closeProjectFile, createProjectFile } from '../../src-main/db/projectFile';
import { tempDir, tempPaths } from '../support/tempDirs';
import { fileSha256 } from '../support/fileHash';

const repoRoot = path.resolve(__dirname, '../..');

/** A closed project with a week of messages in two groups. */
async function smallProject(file: string): Promise<void> {
  const project = await createProjectFile(file);
  await project.db.transaction(async (sql) => {
    await sql.run(
      `INSERT INTO memberships (group_name, member_id, member_name, member_type, join_time, join_way, inviter, leave_time, leave_way, import_id)
       SELECT '群' || (i % 2), 'u' || i, '成员' || i, NULL, TIMESTAMPTZ '2026-03-02 09:00:00+08', NULL, NULL, NULL, NULL, 1 FROM range(40) r(i)`,
    );
    await sql.run(
      `INSERT INTO messages (row_key, sender_id, sender_name, group_name, sent_at, msg_type, content, import_id)
       SELECT 'k' || i, 'u' || (i % 40), '成员' || (i % 40), '群' || (i % 2), TIMESTAMPTZ '2026-03-02 10:00:00+08' + to_seconds(i * 3600), 'text', '你好 ' || i, 1 FROM range(200) r(i)`,
    );
  });
  await closeProjectFile(project);
}

/** A tmpfs of its own that the test can remount read-only, or why there is none. */
function mountTmpfs(): { dir: string; readOnly: () => void; unmount: () => void } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'mounting needs Linux' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qx-ro-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `cannot mount a tmpfs (${(e as Error).message.split('\n')[0]})` };
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How to run a script as a user who is not root (root ignores permission bits), or why there is none. */
function nonRootRunner(): { argv: string[] } | { reason: string } {
  if (process.platform === 'win32') return { reason: 'no permission bits on Windows' };
  if (process.getuid?.() !== 0) return { argv: [] };
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true'], { stdio: 'pipe' });
    return { argv: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] };
  } catch (e) {
    return { reason: `running as root without setpriv (${(e as Error).message.split('\n')[0]})` };
  }
}

// Mounted to learn whether this machine allows it, and again when the tests run (a filtered run
// that skips them then leaves nothing mounted).
const probe = mountTmpfs();
if ('reason' in probe) console.log(`read-only mount test skipped: ${probe.reason}`);
else probe.unmount();
const runner = nonRootRunner();
if ('reason' in runner) console.log(`permission-bits test skipped: ${runner.reason}`);

describe.skipIf('reason' in probe)('a project on a read-only mount', () => {
  let m: Exclude<ReturnType<typeof mountTmpfs>, { reason: string }>;
  let file: string;
  let tmp: ReturnType<typeof tempDir>;
  let ctx: ReturnType<typeof createContext>;
  let call: ReturnType<typeof inProcessClient>;
  let before: string;

  beforeAll(async () => {
    const mounted = mountTmpfs();
    if ('reason' in mounted) throw new Error(mounted.reason);
    m = mounted;
    file = path.join(m.dir, '只读项目.qunxi');
    await smallProject(file);
    m.readOnly();
    before = fileSha256(file);
    tmp = tempDir();
    ctx = createContext('test', tempPaths(tmp.dir));
    call = inProcessClient(createHandlers(ctx));
  });
  afterAll(async () => {
    await call?.('project:close', {});
    tmp?.cleanup();
    m?.unmount();
  });
  afterEach(() => {
    expect(fileSha256(file)).toBe(before);
  });

  it('opens read-only and its figures read as written', async () => {
    const r = await call('project:open', { path: file });
    expect(r.ok && r.value).toMatchObject({ isReadOnly: true, groups: ['群0', '群1'], counts: { memberships: 40, messages: 200, people: 40 } });
    // A query too big for memory would spill beside the file by default: here it goes to a writable folder.
    const spill = await ctx.project!.db.use((sql) => sql.one<{ dir: string }>(`SELECT current_setting('temp_directory') AS dir`));
    expect(spill!.dir.startsWith(m.dir)).toBe(false);
    expect(spill!.dir.startsWith(os.tmpdir())).toBe(true);
    const metrics = await call('metrics:query', { period: 'week' });
    expect(metrics.ok).toBe(true);
    expect(metrics.ok && metrics.value.reduce((n, row) => n + row.new_members, 0)).toBe(40);
  });

  it('refuses an import and an edit of the definitions as PROJECT_READ_ONLY, naming the project', async () => {
    const csv = path.join(tmp.dir, 'members.csv');
    writeFileSync(csv, '群名称,成员ID,成员昵称,入群时间\n群0,u99,新人,2026-03-09 10:00:00\n');
    const imported = await call('import:start', { source: { path: csv } });
    expect(!imported.ok && imported.error.code).toBe('PROJECT_READ_ONLY');
    expect(!imported.ok && imported.error.message).toContain('只读项目.qunxi');
    const exported = await call('definitions:export', {});
    expect(exported.ok).toBe(true);
    const edited = await call('definitions:import', { content: exported.ok ? exported.value : '' });
    expect(!edited.ok && edited.error.code).toBe('PROJECT_READ_ONLY');
  });

  it('Save As to a writable folder gives a project that can be changed, with the same figures', async () => {
    const target = path.join(tmp.dir, 'writable', '副本.qunxi');
    mkdirSync(path.dirname(target));
    const saved = await call('project:saveAs', { path: target });
    expect(saved.ok && saved.value).toMatchObject({ path: target, isReadOnly: false, counts: { memberships: 40, messages: 200, people: 40 } });
    const exported = await call('definitions:export', {});
    const edited = await call('definitions:import', { content: exported.ok ? exported.value : '' });
    expect(edited.ok).toBe(true);
  });
});

describe.skipIf('reason' in runner)('a project file and folder without write permission', () => {
  const argv = (runner as { argv: string[] }).argv;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qx-perm-'));
    chmodSync(dir, 0o755);
  });
  afterAll(() => {
    chmodSync(path.join(dir, 'locked'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens read-only for a user who may read it but not write it, and leaves it as it was', async () => {
    const folder = path.join(dir, 'locked');
    mkdirSync(folder);
    const file = path.join(folder, 'p.qunxi');
    await smallProject(file);
    chmodSync(file, 0o444);
    chmodSync(folder, 0o555);
    const before = fileSha256(file);
    // The child's own temp folder (tsx's cache, the app's folders), writable by that user.
    const scratch = path.join(dir, 'scratch');
    mkdirSync(scratch);
    chmodSync(scratch, 0o777);
    const out = execFileSync(
      argv[0] ?? process.execPath,
      [...argv.slice(1), ...(argv.length ? [process.execPath] : []), '--import', 'tsx', path.join(repoRoot, 'test/support/openReadOnlyChild.ts'), file],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, HOME: scratch, TMPDIR: scratch } },
    );
    const answer = JSON.parse(out.trim().split('\n').pop()!) as { uid: number; isReadOnly: boolean; messages: number; importError: string };
    expect(answer.uid).not.toBe(0);
    expect(answer).toMatchObject({ isReadOnly: true, messages: 200, importError: 'PROJECT_READ_ONLY' });
    expect(fileSha256(file)).toBe(before);
  });
});
