import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeProjectFile, createProjectFile } from '../../../../src-main/db/projectFile';
import { expect, test } from '../../fixtures';

test.describe('a damaged project', () => {
  test('is said to be damaged by name, and the toast opens its last good copy as a new project', async ({ app, start, workspace, page, shot }) => {
    const file = path.join(app.root, '活动复盘.qunxi');
    await closeProjectFile(await createProjectFile(file));
    // Opened once whole: the app keeps it as its last good copy.
    await start.openByPath(file);
    await workspace.closeProject();
    // Then cut short, as an interrupted copy over it leaves it.
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));

    await page.getByTestId('start-open-path').fill(file);
    await page.getByTestId('start-open-path-submit').click();
    const toast = page.locator('[data-testid="error-toast"][data-code="PROJECT_DAMAGED"]');
    await expect(toast).toContainText('活动复盘.qunxi');
    await expect(toast).toContainText('已损坏');
    await expect(toast).not.toContainText('另一个程序');
    await shot('project-damaged.png');
    await toast.getByTestId('error-toast-action').click();
    await expect(workspace.projectName()).toHaveText('活动复盘（恢复）');
    expect(readFileSync(file)).toEqual(bytes.subarray(0, Math.floor(bytes.length / 2)));
  });
});
