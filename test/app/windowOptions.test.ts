import './noElectron';
import { describe, expect, it } from 'vitest';
import { preloadPath, rendererUrl, isAppUrl } from '../../src-main/app/appUrls';
import { windowOptions } from '../../src-main/app/windowOptions';
import { shellPaths } from '../../src-main/app/shellPaths';

describe('main window', () => {
  it('keeps the renderer isolated, sandboxed and without Node', () => {
    const o = windowOptions('/app/out/preload/index.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(o.title).toBe('群析 Qunxi');
    expect(o.show).toBe(false);
    expect(o.width).toBeGreaterThanOrEqual(1024);
    expect(o.minWidth).toBeGreaterThanOrEqual(800);
  });

  it('loads the CommonJS preload that electron-vite builds', () => {
    expect(preloadPath('/app')).toBe('/app/out/preload/index.cjs');
  });

  it('loads the built page, or the dev server only when not packaged', () => {
    expect(rendererUrl('/app', undefined, false)).toBe('file:///app/out/renderer/index.html');
    expect(rendererUrl('/app', 'http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(rendererUrl('/app', 'http://localhost:5173', true)).toBe('file:///app/out/renderer/index.html');
  });

  it('recognises only its own page as the app', () => {
    const built = 'file:///app/out/renderer/index.html';
    expect(isAppUrl('file:///app/out/renderer/index.html#/metrics', built)).toBe(true);
    expect(isAppUrl('file:///app/out/renderer/index.html?x=1', built)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/other.html', built)).toBe(false);
    expect(isAppUrl('https://example.com/', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://evil.example/', dev)).toBe(false);
  });

  it('puts projects in Documents/Qunxi and finds the demo in dev and packaged builds', () => {
    const loc = { isPackaged: false, appPath: '/repo', resourcesPath: '/opt/Qunxi/resources', documents: '/home/u/Documents', userData: '/home/u/.config/Qunxi', temp: '/tmp' };
    expect(shellPaths(loc, {})).toEqual({ projectsDir: '/home/u/Documents/Qunxi', configDir: '/home/u/.config/Qunxi', demoDir: '/repo/resources/demo', tempDir: '/tmp/qunxi' });
    expect(shellPaths({ ...loc, isPackaged: true }, {}).demoDir).toBe('/opt/Qunxi/resources/demo');
    expect(shellPaths(loc, { QUNXI_CONFIG_DIR: '/cfg' }).configDir).toBe('/cfg');
  });
});
