import { expect } from '../../fixtures';
import { readDownload, test } from '../import/shopImport';

test.describe('匹配 of an imported shop', () => {
  test('the order that ties to nobody is listed, and exported as CSV; a contact\'s order by phone is not', async ({ app, page, shopImported: _, workspace, matchPage: match, shot }) => {
    await workspace.openTab('match');
    // DESIGN §3: the contact 路人 is a person, so order E003 reaches them by phone; E004's masked phone matches nobody.
    await expect.poll(() => match.column('name')).toEqual(expect.arrayContaining(['路人二']));
    expect(await match.column('name')).not.toContain('路人');
    await shot('match-unmatched.png');
    // One export control, the grid's: its CSV pages every unmatched row from the Node side.
    await expect(page.getByTestId('match-view').getByRole('button', { name: '导出 CSV' })).toHaveCount(1);
    const csv = await readDownload(page, app.root, () => page.getByTestId('match-grid-export-csv').click());
    expect(csv.startsWith('\uFEFF来源类型,文件,行号,姓名/昵称,手机号,原因\r\n')).toBe(true);
    expect(csv).toContain('订单,有赞订单_GB18030.csv,5,路人二,139****0008,');
    expect(csv).not.toContain(',路人,13900000009,');
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
