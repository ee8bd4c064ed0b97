import { expect, test } from '../../fixtures';

test.describe('an unsaved quadrant threshold', () => {
  test('outlives a view switch, still marked unsaved, and closing the project asks before dropping it', async ({ demo: _, page, workspace, quadrantPage: q, shot }) => {
    await workspace.openTab('quadrant');
    await q.waitSettled();
    await q.setThreshold('x', 63);
    await expect(q.unsaved()).toBeVisible();

    await workspace.openTab('metrics');
    await workspace.openTab('quadrant');
    await expect(q.threshold('x')).toHaveValue('63');
    await expect(q.unsaved()).toBeVisible();
    // Its history came back with it: one undo returns to the saved threshold.
    await q.undo();
    await expect(q.threshold('x')).not.toHaveValue('63');
    await expect(q.unsaved()).toHaveCount(0);
    await q.setThreshold('x', 63);
    await shot('quadrant-draft-kept.png');

    // Closing the project would drop the draft: asked, and 取消 keeps both.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId('close-project').click();
    await expect.poll(() => asked).toEqual(['有未保存的修改（定义编辑中的草稿）。关闭项目会丢弃这些修改，确定关闭吗？']);
    await expect(workspace.tab('quadrant')).toHaveAttribute('aria-selected', 'true');
    await expect(q.threshold('x')).toHaveValue('63');

    // Agreeing closes it.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('close-project').click();
    await expect(page.getByTestId('start-new-name')).toBeVisible();
  });

  test('a saved threshold leaves nothing to ask about', async ({ demo: _, page, workspace, quadrantPage: q }) => {
    await workspace.openTab('quadrant');
    await q.waitSettled();
    await q.setThreshold('x', 63);
    await q.save();
    await expect(q.unsaved()).toHaveCount(0);
    let isAsked = false;
    page.on('dialog', (d) => {
      isAsked = true;
      void d.dismiss();
    });
    await page.getByTestId('close-project').click();
    await expect(page.getByTestId('start-new-name')).toBeVisible();
    expect(isAsked).toBe(false);
  });

  test('closing or reloading the window over a draft asks first', async ({ demo: _, page, workspace, quadrantPage: q }) => {
    await workspace.openTab('quadrant');
    await q.waitSettled();
    await q.setThreshold('x', 63);
    await expect(q.unsaved()).toBeVisible();
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    expect(page.isClosed()).toBe(false);
  });
});
