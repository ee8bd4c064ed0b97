/**
 * Where the shell's files are and which URLs belong to the app. Pure functions over paths and
 * strings, so the navigation and IPC trust decisions can be tested without Electron.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The built preload; sandboxed preloads must be CommonJS (see electron.vite.config.ts). */
export function preloadPath(appPath: string): string {
  return path.join(appPath, 'out', 'preload', 'index.cjs');
}

/** The built renderer's entry page. */
export function rendererIndexPath(appPath: string): string {
  return path.join(appPath, 'out', 'renderer', 'index.html');
}

/**
 * The URL the window loads: the electron-vite dev server in development
 * (`ELECTRON_RENDERER_URL`, only honoured when not packaged), else the built page.
 */
export function rendererUrl(appPath: string, devServerUrl: string | undefined, isPackaged: boolean): string {
  if (devServerUrl && !isPackaged) return new URL(devServerUrl).href;
  return pathToFileURL(rendererIndexPath(appPath)).href;
}

/**
 * Whether a URL is a page of the app itself: the same file as the renderer entry (any query or
 * hash), or, for the dev server, the same origin. Everything else is foreign.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let candidate: URL;
  let app: URL;
  try {
    candidate = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    return candidate.protocol === 'file:' && candidate.host === app.host && candidate.pathname === app.pathname;
  }
  return candidate.origin === app.origin;
}
