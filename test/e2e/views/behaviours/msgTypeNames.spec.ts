import { expect, sharedDemoTest as test } from '../../fixtures';

test.describe('message types are shown by name, not by code', () => {
  test('the 红包 rule reads 红包 and its choices are named, and the chat log names each type', async ({ demo: _, page, workspace, shot }) => {
    await workspace.openTab('behaviours');
    const grid = page.getByTestId('behaviours-grid');
    const types = grid.locator('.ag-cell[col-id="msgTypes"]');
    await expect(types.filter({ hasText: '红包' }).first()).toBeVisible();
    // The default rule matches 红包, redpacket and external_redpacket: none of the codes shows.
    await expect(grid).not.toContainText('redpacket');
    await expect(grid).not.toContainText('external_');
    await shot('behaviours-msg-types.png');

    // The choices of a rule's 消息类型 are named too.
    await types.first().dblclick();
    const editor = page.getByTestId('multiselect-editor');
    await expect(editor).toContainText('文本');
    await expect(editor).not.toContainText(/\b(text|image|redpacket)\b/);
    await page.keyboard.press('Escape');

    await workspace.openTab('data');
    await page.getByTestId('data-messages').click();
    const cells = page.getByTestId('data-grid-messages').locator('.ag-cell[col-id="msg_type"]');
    await expect(cells.first()).toHaveText(/^(文本|图片|红包|互通红包|投票)$/);
    expect(await cells.allTextContents()).not.toContain('text');
    await shot('data-msg-types.png');
  });
});
