import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract/appError';
import { projectNameForImport } from '../../src-main/app/launch';
import { projectFileName, projectNameOf, projectPathFrom } from '../../src-main/db/projectTarget';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return 'accepted';
};

describe('projectPathFrom with Windows paths (path.win32)', () => {
  const win = path.win32;

  it('keeps drive letters, backslashes, Chinese names and spaces', () => {
    expect(projectPathFrom('C:\\Users\\张 三\\Documents\\Qunxi\\十月 复盘.qunxi', { appendExt: false }, win)).toBe('C:\\Users\\张 三\\Documents\\Qunxi\\十月 复盘.qunxi');
    expect(projectPathFrom('D:/导出/群 数据/副本.QUNXI', { appendExt: false }, win)).toBe('D:\\导出\\群 数据\\副本.QUNXI');
    expect(projectPathFrom('C:\\a\\..\\项目\\复盘', { appendExt: true }, win)).toBe('C:\\项目\\复盘.qunxi');
  });

  it('refuses a name without .qunxi when none may be added', () => {
    expect(refusal(() => projectPathFrom('C:\\x\\evil.sh', { appendExt: false }, win))).toBe('INVALID_REQUEST');
    expect(refusal(() => projectPathFrom('C:\\x\\复盘', { appendExt: false }, win))).toBe('INVALID_REQUEST');
  });

  it('refuses names Windows forbids rather than inventing another', () => {
    for (const bad of ['C:\\x\\...qunxi', 'C:\\x\\.qunxi', 'C:\\x\\CON.qunxi', 'C:\\x\\com1.qunxi', 'C:\\x\\a?.qunxi', 'C:\\x\\a .qunxi.']) {
      expect(refusal(() => projectPathFrom(bad, { appendExt: false }, win)), bad).toBe('INVALID_REQUEST');
    }
  });
});

describe('projectPathFrom with POSIX paths', () => {
  it('resolves and refuses like on Windows', () => {
    expect(projectPathFrom('/home/运营 a/复盘.qunxi', { appendExt: false }, path.posix)).toBe('/home/运营 a/复盘.qunxi');
    expect(projectPathFrom('/home/a/victim.txt', { appendExt: true }, path.posix)).toBe('/home/a/victim.txt.qunxi');
    expect(refusal(() => projectPathFrom('/x/evil.sh', { appendExt: false }, path.posix))).toBe('INVALID_REQUEST');
    // "/x/.." is "/", which has no name to save under.
    expect(refusal(() => projectPathFrom('/x/..', { appendExt: true }, path.posix))).toBe('INVALID_REQUEST');
  });
});

describe('projectFileName', () => {
  it('makes a typed name safe and adds .qunxi once', () => {
    expect(projectFileName('十月/复盘: 群*')).toBe('十月_复盘_ 群_.qunxi');
    expect(projectFileName('复盘.qunxi')).toBe('复盘.qunxi');
    expect(projectFileName('CON')).toBe('_CON.qunxi');
  });

  it('refuses a name with nothing usable in it', () => {
    for (const bad of ['..', '.', '   ', '. .', '.qunxi']) expect(refusal(() => projectFileName(bad)), bad).toBe('INVALID_REQUEST');
  });
});

describe('names from Windows paths', () => {
  it('a project is named after its file, .qunxi dropped in any case', () => {
    expect(projectNameOf('C:\\Users\\张 三\\Documents\\Qunxi\\十月 复盘.QUNXI', path.win32)).toBe('十月 复盘');
    expect(projectNameOf('D:\\导出\\副本.qunxi', path.win32)).toBe('副本');
    expect(projectNameOf('/home/u/复盘.Qunxi', path.posix)).toBe('复盘');
  });

  it('a double-clicked export names its new project after the file, not the folder', () => {
    expect(projectNameForImport('C:\\Users\\张 三\\下载\\群成员 三月.xlsx', new Date('2026-03-05T10:00:00Z'), path.win32)).toBe('群成员 三月 2026-03-05');
  });
});
