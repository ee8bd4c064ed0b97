import './noElectron';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../src-main/app/appProtocol';
import { preloadPath, rendererDir, rendererUrl, isAppUrl } from '../../src-main/app/appUrls';
import { createMainWindow } from '../../src-main/app/mainWindow';
import { shellPaths } from '../../src-main/app/shellPaths';

/** Stands in for Electron's BrowserWindow: keeps what it was constructed with. */
class FakeWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('main window', () => {
  it('keeps the renderer isolated, sandboxed and without Node, and middle-click off', () => {
    const o = createMainWindow(FakeWindow, '/app/out/preload/index.cjs').options;
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(o.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(o.title).toBe('群析 Qunxi');
    expect(o.show).toBe(false);
    expect(o.width).toBeGreaterThanOrEqual(1024);
    expect(o.minWidth).toBeGreaterThanOrEqual(800);
  });

  it('loads the CommonJS preload that electron-vite builds', () => {
    expect(preloadPath('/app')).toBe('/app/out/preload/index.cjs');
  });

  it('loads the built page from app://, or the dev server only when not packaged', () => {
    expect(APP_ENTRY_URL).toBe('app://qunxi/index.html');
    expect(rendererUrl(undefined, false)).toBe('app://qunxi/index.html');
    expect(rendererUrl(undefined, true)).toBe('app://qunxi/index.html');
    expect(rendererUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(rendererUrl('http://localhost:5173', true)).toBe('app://qunxi/index.html');
    expect(rendererDir('/app')).toBe('/app/out/renderer');
  });

  it('recognises only its own pages as the app', () => {
    const built = 'app://qunxi/index.html';
    expect(isAppUrl('app://qunxi/index.html#/metrics', built)).toBe(true);
    expect(isAppUrl('app://qunxi/index.html?x=1', built)).toBe(true);
    expect(isAppUrl('app://qunxi/', built)).toBe(true);
    expect(isAppUrl('app://other/index.html', built)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', built)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl('https://example.com/', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
    // file: origins are all opaque ("null"): a file:// app URL must not make every file the app.
    expect(isAppUrl('file:///etc/passwd', 'file:///app/out/renderer/index.html')).toBe(false);
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
