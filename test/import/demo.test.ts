import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../src-main/import/demo';
import { closeProjectFile } from '../../src-main/db/projectFile';
import { isSameAsGoodCopy } from '../../src-main/db/projectIntegrity';
import { projectSummary } from '../../src-main/db/projectSummary';
import { writeCommunityFixture } from '../support/communityFixture';
import { fileSha256 } from '../support/fileHash';
import { tempDir } from '../support/tempDirs';

describe('the demo project', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('is built once by the real importer, reopened as it is, and rebuilt when the demo exports change', async () => {
    const fixtures = await writeCommunityFixture(tmp.dir);
    const demoDir = path.join(tmp.dir, 'demo');
    mkdirSync(demoDir);
    copyFileSync(fixtures.members, path.join(demoDir, '群成员.xlsx'));
    const demoPath = path.join(tmp.dir, 'config', '示例项目.qunxi');
    const work = path.join(tmp.dir, 'work');

    const first = await buildDemoProject(demoPath, demoDir, work);
    const built = await first.db.all<{ imported_at: string }>(`SELECT imported_at::VARCHAR AS imported_at FROM imports`);
    expect((await projectSummary(first)).counts).toEqual({ memberships: 7, messages: 0, people: 5 });
    await closeProjectFile(first);

    const again = await buildDemoProject(demoPath, demoDir, work);
    expect(await again.db.all(`SELECT imported_at::VARCHAR AS imported_at FROM imports`)).toEqual(built);
    await closeProjectFile(again);

    copyFileSync(fixtures.messages, path.join(demoDir, '聊天记录.xlsx'));
    const rebuilt = await buildDemoProject(demoPath, demoDir, work);
    expect((await projectSummary(rebuilt)).counts).toEqual({ memberships: 7, messages: 5, people: 5 });
    await closeProjectFile(rebuilt);
  });

  it('built from the bundled exports, leaves the project and its last good copy alone in its folder, and is opened again without being written', async () => {
    const config = path.join(tmp.dir, 'config');
    const demoPath = path.join(config, '示例项目.qunxi');
    const demoDir = path.resolve(__dirname, '../../resources/demo');
    await closeProjectFile(await buildDemoProject(demoPath, demoDir, path.join(tmp.dir, 'work')));
    expect(readdirSync(config).sort()).toEqual(['示例项目.qunxi', '示例项目.qunxi.bak']);
    expect(await isSameAsGoodCopy(demoPath)).toBe(true);
    const built = fileSha256(demoPath);
    await closeProjectFile(await buildDemoProject(demoPath, demoDir, path.join(tmp.dir, 'work')));
    expect(fileSha256(demoPath)).toBe(built);
  }, 120_000);
});
