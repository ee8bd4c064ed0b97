import { createContext } from '../../../../src-main/api/context';
import { createHandlers } from '../../../../src-main/api/handlers';
import { startServer } from '../../../../src-main/server/httpServer';
import { tempDir, tempPaths } from '../../../support/tempDirs';
import { expect, test } from '../../fixtures';
import { callApi } from '../../pages/api';
import { StartPage } from '../../pages/StartPage';
import { WorkspacePage } from '../../pages/WorkspacePage';
import { rendererDir, repoRoot } from '../../paths';

test.describe('two browser-mode servers', () => {
  test('a tab of a second server leaves the first tab signed in, each with its own project', async ({ start, workspace, page, context }) => {
    const tmp = tempDir('qunxi-e2e-second-');
    const paths = tempPaths(tmp.dir, repoRoot);
    const second = await startServer({ handlers: createHandlers(createContext('browser', paths)), paths, staticDir: rendererDir });
    try {
      await start.createProject('第一个');
      await expect(workspace.projectName()).toContainText('第一个');
      const otherTab = await context.newPage();
      await new StartPage(otherTab).goto(`http://127.0.0.1:${second.port}/?token=${second.token}`);
      await new StartPage(otherTab).createProject('第二个');
      await expect(new WorkspacePage(otherTab).projectName()).toContainText('第二个');
      // Back in the first tab: its calls still carry its own server's token.
      expect((await callApi(page, 'project:current', {}))?.name).toBe('第一个');
      await page.reload();
      await expect(workspace.projectName()).toContainText('第一个');
      expect((await callApi(otherTab, 'project:current', {}))?.name).toBe('第二个');
    } finally {
      await second.close();
      tmp.cleanup();
    }
  });
});
