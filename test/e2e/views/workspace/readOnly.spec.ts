import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeProjectFile, createProjectFile } from '../../../../src-main/db/projectFile';
import { expect, test } from '../../fixtures';

/** Whether this machine lets the test mount a tmpfs (root on Linux); root ignores permission bits, not a read-only mount. */
function canMount(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qx-ro-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('a project on a read-only mount', () => {
  test.skip(!canMount(), 'needs to mount a tmpfs (root on Linux)');

  test('opens read-only: 只读 by its name and in the window title, imports and definitions closed, Save As to a writable place opens a writable copy', async ({ app, start, workspace, page, shot, funnelPage }) => {
    const mount = mkdtempSync(path.join(os.tmpdir(), 'qx-ro-e2e-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mount]);
    try {
      const file = path.join(mount, '只读项目.qunxi');
      await closeProjectFile(await createProjectFile(file));
      execFileSync('mount', ['-o', 'remount,ro', mount]);

      await start.openByPath(file);
      await expect(workspace.projectName()).toHaveText('只读项目');
      await expect(page.getByTestId('project-readonly')).toHaveText('只读');
      await expect(page.getByTestId('readonly-banner')).toContainText('另存为');
      await expect(page).toHaveTitle(/只读项目（只读）/);
      await expect(page.getByTestId('definitions-import')).toBeDisabled();
      await workspace.openTab('import');
      await expect(page.getByTestId('import-choose')).toBeDisabled();
      await expect(page.getByTestId('import-drop-zone')).toContainText('只读');
      await expect(page.getByTestId('templates-import')).toBeDisabled();
      await shot('project-read-only.png');
      // A definition may be edited on screen, not saved, and its save bar says why.
      await workspace.openTab('funnel');
      await funnelPage.openPathEditor();
      await expect.poll(() => funnelPage.stageNames()).not.toEqual([]);
      await funnelPage.renameStage(0, '第一站');
      await expect(page.getByTestId('path-read-only')).toContainText('只读');
      await expect(page.getByTestId('path-save')).toBeDisabled();

      const copy = path.join(app.root, 'writable', '只读项目副本.qunxi');
      mkdirSync(path.dirname(copy));
      await workspace.saveAs(copy);
      await expect(workspace.projectName()).toHaveText('只读项目副本');
      await expect(page.getByTestId('project-readonly')).toHaveCount(0);
      await expect(page).not.toHaveTitle(/只读/);
    } finally {
      await page.close();
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });
});
