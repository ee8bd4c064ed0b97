import { expect } from '../../fixtures';
import { readDownload, test } from '../import/shopImport';

test.describe('匹配 of an imported shop', () => {
  test('the order and the customer that tie to nobody are listed, and exported as CSV', async ({ app, page, shopImported: _, workspace, matchPage: match, shot }) => {
    await workspace.openTab('match');
    await expect.poll(() => match.column('name')).toEqual(expect.arrayContaining(['路人']));
    await shot('match-unmatched.png');
    const csv = await readDownload(page, app.root, () => page.getByTestId('match-export').click());
    expect(csv.startsWith('\uFEFF来源类型,文件,行号,姓名/昵称,手机号,原因\r\n')).toBe(true);
    expect(csv).toContain('订单,有赞订单_GB18030.csv,4,路人,13900000009,');
  });

  test('nickname matching is a project setting: it stays on when the tab is reopened', async ({ start, workspace, matchPage: match }) => {
    await start.createProject('匹配设置');
    await workspace.openTab('match');
    await match.nicknameToggle().check();
    await workspace.openTab('data');
    await workspace.openTab('match');
    await expect(match.nicknameToggle()).toBeChecked();
  });
});
