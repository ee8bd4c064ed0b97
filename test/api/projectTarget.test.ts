import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectDb } from '../../src-main/db/projectDb';
import { setLanguage } from '../../src-main/locale/language';
import { apiPerTest } from '../support/apiPerTest';
import { holderFile } from '../../src-main/db/projectHolder';
import { fileSha256 } from '../support/fileHash';

// Issue 12 item 5: Save As never replaces a file that is not a Qunxi project and asks before
// replacing one; project:new takes only .qunxi names.
describe('where a project may be written', () => {
  const api = apiPerTest();
  const at = (name: string) => path.join(api.dir, name);
  afterEach(() => setLanguage('zh-CN'));

  it('save as refuses to replace a file that is not a Qunxi project, even when told to overwrite', async () => {
    writeFileSync(at('victim.qunxi'), 'not a project, somebody else’s data\n');
    const foreign = await ProjectDb.open(at('foreign.qunxi'));
    await foreign.use((sql) => sql.run('CREATE TABLE t AS SELECT 42 AS x'));
    await foreign.close();
    mkdirSync(at('folder.qunxi'));
    const before = { victim: fileSha256(at('victim.qunxi')), foreign: fileSha256(at('foreign.qunxi')) };
    expect((await api.call('project:new', { path: at('mine.qunxi') })).ok).toBe(true);

    for (const target of ['victim.qunxi', 'foreign.qunxi', 'folder.qunxi', 'victim']) {
      for (const overwrite of [false, true]) {
        const r = await api.call('project:saveAs', { path: at(target), overwrite });
        expect(!r.ok && r.error.code, `${target} overwrite=${overwrite}`).toBe('PROJECT_NOT_QUNXI');
        expect(!r.ok && r.error.message).toContain('不会覆盖');
      }
    }
    expect(fileSha256(at('victim.qunxi'))).toBe(before.victim);
    expect(fileSha256(at('foreign.qunxi'))).toBe(before.foreign);
    // Still working in the project it was in, and no half-written copies beside the victims (the
    // open project's holder record is the one hidden file expected).
    const current = await api.call('project:current', {});
    expect(current.ok && current.value?.name).toBe('mine');
    expect(readdirSync(api.dir).filter((f) => f.startsWith('.'))).toEqual([path.basename(holderFile(at('mine.qunxi')))]);
  });

  it('save as over an existing project asks first, and replaces it once told to', async () => {
    expect((await api.call('project:new', { path: at('old.qunxi') })).ok).toBe(true);
    await api.call('project:close', {});
    const oldBytes = fileSha256(at('old.qunxi'));
    expect((await api.call('project:new', { path: at('new.qunxi') })).ok).toBe(true);

    const asked = await api.call('project:saveAs', { path: at('old.qunxi') });
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.error.code).toBe('PROJECT_EXISTS');
    expect(asked.error.details).toMatchObject({ file: at('old.qunxi'), needsConfirm: 1 });
    expect(asked.error.message).toBe('“old.qunxi”已存在，是否替换？');
    expect(fileSha256(at('old.qunxi'))).toBe(oldBytes);

    const replaced = await api.call('project:saveAs', { path: at('old.qunxi'), overwrite: true });
    expect(replaced.ok && replaced.value.path).toBe(at('old.qunxi'));
    expect(fileSha256(at('old.qunxi'))).not.toBe(oldBytes);
    expect((await api.call('project:open', { path: at('new.qunxi') })).ok).toBe(true);
  });

  it('project:new takes only .qunxi names: another extension or a name of dots is refused, nothing is written', async () => {
    mkdirSync(at('x'));
    for (const bad of [at('x/evil.sh'), at('x/...qunxi'), at('x/CON.qunxi'), at('x/plain')]) {
      const r = await api.call('project:new', { path: bad });
      expect(!r.ok && r.error.code, bad).toBe('INVALID_REQUEST');
    }
    expect(readdirSync(at('x'))).toEqual([]);
    for (const name of ['..', '.', '  .  ']) {
      const r = await api.call('project:new', { name });
      expect(!r.ok && r.error.code, name).toBe('INVALID_REQUEST');
    }
    expect(existsSync(at('projects')) ? readdirSync(at('projects')) : []).toEqual([]);

    const made = await api.call('project:new', { name: '十月/复盘' });
    expect(made.ok && made.value.path).toBe(path.join(api.dir, 'projects', '十月_复盘.qunxi'));
  });

  it('paths with Chinese characters and spaces work for new, save as and reopen', async () => {
    const first = at('运营 资料/十月 复盘.qunxi');
    const made = await api.call('project:new', { path: first });
    expect(made.ok && made.value.name).toBe('十月 复盘');
    const copy = at('导出 目录/副本 一.QUNXI');
    const saved = await api.call('project:saveAs', { path: copy });
    expect(saved.ok && [saved.value.path, saved.value.name]).toEqual([copy, '副本 一']);
    await api.call('project:close', {});
    const reopened = await api.call('project:open', { path: first });
    expect(reopened.ok && reopened.value.name).toBe('十月 复盘');
  });

  it('the refusals are translated', async () => {
    setLanguage('en');
    const r = await api.call('project:new', { path: at('evil.sh') });
    expect(!r.ok && r.error.message).toBe('A project file name must end in .qunxi: "evil.sh"');
    setLanguage('zh-CN');
    const z = await api.call('project:new', { path: at('evil.sh') });
    expect(!z.ok && z.error.message).toBe('项目文件名必须以 .qunxi 结尾：“evil.sh”');
  });
});
