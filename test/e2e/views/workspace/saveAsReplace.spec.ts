import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../../fixtures';
import { fileSha256 } from '../../../support/fileHash';

// Issue 12 item 5 in browser mode: 另存为 asks before replacing a project and never replaces another program's file.
test.describe('另存为 onto an existing file', () => {
  test('asks 「已存在，是否替换？」 and replaces the project only after 替换', async ({ app, community, shot }) => {
    const target = path.join(app.root, 'saved', '复盘副本.qunxi');
    await community.saveAs(target);
    await expect(community.projectName()).toContainText('复盘副本');

    // Back to a second copy, then 另存为 onto the first: the top bar asks, nothing is written yet.
    await community.saveAs(path.join(app.root, 'saved', '第二份.qunxi'));
    await expect(community.projectName()).toContainText('第二份');
    // The first copy as it was closed: while open, what the views kept went into it (the analyses'
    // kept tables, written at its close), so its bytes are read once another project is open.
    const copied = fileSha256(target);
    await community.saveAsOntoExisting(target);
    await expect(community.saveAsQuestion()).toContainText('“复盘副本.qunxi”已存在，是否替换？');
    await shot('save-as-confirm.png');
    expect(fileSha256(target)).toBe(copied);
    await expect(community.projectName()).toContainText('第二份');

    await community.replaceOnSaveAs();
    await expect(community.projectName()).toContainText('复盘副本');
    await expect(community.saveAsQuestion()).toHaveCount(0);
  });

  test('refuses to replace a file that is not a Qunxi project, leaving it as it was', async ({ app, community, page }) => {
    const victim = path.join(app.root, 'victim.qunxi');
    writeFileSync(victim, 'somebody else’s file\n');
    await page.getByTestId('save-as').click();
    await page.getByTestId('save-as-path').fill(victim);
    await page.getByTestId('save-as-submit').click();
    await expect(page.getByText('“victim.qunxi”已存在，但不是群析项目文件，不会覆盖它')).toBeVisible();
    await expect(community.saveAsQuestion()).toHaveCount(0);
    expect(readFileSync(victim, 'utf8')).toBe('somebody else’s file\n');
    await expect(community.projectName()).toContainText('端到端测试');
  });
});
