import { describe, expect, it } from 'vitest';
import { defaultPaths } from '../../src-main/api/context';
import { configFolder, documentsFolder, projectsFolder, projectsFolderIn, type Machine } from '../../src-main/api/defaultFolders';
import { shellPaths } from '../../src-main/app/shellPaths';

const windows: Machine = { platform: 'win32', home: 'C:\\Users\\张 三', env: { USERPROFILE: 'C:\\Users\\张 三', APPDATA: 'C:\\Users\\张 三\\AppData\\Roaming' } };
const mac: Machine = { platform: 'darwin', home: '/Users/zhang', env: {} };
const linux: Machine = { platform: 'linux', home: '/home/zhang', env: {} };

describe('default folders per platform', () => {
  it('Windows: Documents\\Qunxi under USERPROFILE, app state in APPDATA, backslashes throughout', () => {
    expect(projectsFolder(windows)).toBe('C:\\Users\\张 三\\Documents\\Qunxi');
    expect(configFolder(windows)).toBe('C:\\Users\\张 三\\AppData\\Roaming\\Qunxi');
    // Without the variables: the home's Documents and AppData\Roaming.
    const bare: Machine = { platform: 'win32', home: 'D:\\用户\\li', env: {} };
    expect(projectsFolder(bare)).toBe('D:\\用户\\li\\Documents\\Qunxi');
    expect(configFolder(bare)).toBe('D:\\用户\\li\\AppData\\Roaming\\Qunxi');
  });

  it('macOS: ~/Documents/Qunxi, app state in Application Support', () => {
    expect(projectsFolder(mac)).toBe('/Users/zhang/Documents/Qunxi');
    expect(configFolder(mac)).toBe('/Users/zhang/Library/Application Support/Qunxi');
  });

  it('Linux: the XDG documents folder (renamed 文档 included), else ~/Documents/Qunxi; config in XDG_CONFIG_HOME', () => {
    expect(projectsFolder(linux)).toBe('/home/zhang/Documents/Qunxi');
    expect(configFolder(linux)).toBe('/home/zhang/.config/qunxi');
    const userDirs = '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOCUMENTS_DIR="$HOME/文档"\n';
    expect(projectsFolder({ ...linux, userDirs })).toBe('/home/zhang/文档/Qunxi');
    expect(projectsFolder({ ...linux, env: { XDG_DOCUMENTS_DIR: '/data/docs' }, userDirs })).toBe('/data/docs/Qunxi');
    // xdg-user-dirs sets a disabled folder to $HOME itself: then Documents, not the bare home.
    expect(documentsFolder({ ...linux, userDirs: 'XDG_DOCUMENTS_DIR="$HOME/"\n' })).toBe('/home/zhang/Documents');
    expect(configFolder({ ...linux, env: { XDG_CONFIG_HOME: '/home/zhang/.cfg' } })).toBe('/home/zhang/.cfg/qunxi');
    expect(configFolder({ ...linux, env: { XDG_CONFIG_HOME: 'relative' } })).toBe('/home/zhang/.config/qunxi');
  });

  it('the desktop shell puts Qunxi in the documents folder Electron names, with the platform separator', () => {
    expect(projectsFolderIn('C:\\Users\\张 三\\OneDrive\\文档', 'win32')).toBe('C:\\Users\\张 三\\OneDrive\\文档\\Qunxi');
    const loc = { isPackaged: false, appPath: '/repo', resourcesPath: '/r', documents: '/home/u/Documents', userData: '/home/u/.config/Qunxi', temp: '/tmp' };
    expect(shellPaths(loc, {}, 'linux').projectsDir).toBe('/home/u/Documents/Qunxi');
  });

  it('the command line and browser mode use them unless QUNXI_*_DIR says otherwise', () => {
    expect(defaultPaths('/repo', {}, windows)).toMatchObject({ projectsDir: 'C:\\Users\\张 三\\Documents\\Qunxi', configDir: 'C:\\Users\\张 三\\AppData\\Roaming\\Qunxi' });
    expect(defaultPaths('/repo', { QUNXI_PROJECTS_DIR: '/p', QUNXI_CONFIG_DIR: '/c' }, windows)).toMatchObject({ projectsDir: '/p', configDir: '/c' });
  });
});
