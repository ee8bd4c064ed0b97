import { expect, test } from '../../fixtures';

test.describe('the start screen', () => {
  test('a project created by name opens with that name in the top bar', async ({ start, workspace }) => {
    await start.createProject('端到端测试');
    await expect(workspace.projectName()).toContainText('端到端测试');
  });
});
