import { expect, sharedDemoTest as test } from '../../fixtures';
import { gridCell } from '../../pages/grid';

test.describe('a new path stage', () => {
  test('starts without bound data, says so on the stage and blocks 保存路径 until the data is chosen', async ({ demo: _, page, workspace, funnelPage, shot }) => {
    await workspace.openTab('funnel');
    await funnelPage.openPathEditor();
    const before = (await funnelPage.stageNames()).length;
    await page.getByTestId('path-grid-add').click();
    await expect.poll(() => funnelPage.stageNames()).toHaveLength(before + 1);
    const added = before; // nothing focused: the stage goes last
    const source = page.getByTestId(`path-grid-source-${added}`);
    // No guess such as 广告曝光 (0 天): the select asks.
    await expect(source).toHaveValue('');
    await expect(source.locator('option:checked')).toHaveText('请选择…');
    // Said once, on the stage's row, by the grid's own list of cell problems.
    await expect(page.getByTestId('path-grid-problems')).toHaveText(`第 ${added + 1} 行「绑定数据」：请为每个阶段选择绑定数据`);
    await expect(gridCell(page.getByTestId('path-grid'), added, 'source')).toHaveClass(/cell-problem/);
    await expect(page.getByTestId('path-save')).toBeDisabled();
    await shot('path-new-stage-empty.png');

    await source.selectOption({ index: 2 });
    await expect(page.getByTestId('path-grid-problems')).toHaveCount(0);
    await expect(page.getByTestId('path-save')).toBeEnabled();
  });
});
