/**
 * Where the shell's files are and which URLs belong to the app. Pure functions over paths and
 * strings, so the navigation and IPC trust decisions can be tested without Electron.
 */
import path from 'node:path';
import { APP_ENTRY_URL, APP_SCHEME } from './appProtocol';

/** The built preload; sandboxed preloads must be CommonJS (see electron.vite.config.ts). */
export function preloadPath(appPath: string): string {
  return path.join(appPath, 'out', 'preload', 'index.cjs');
}

/** The folder of the built renderer, the only one the `app://` scheme serves. */
export function rendererDir(appPath: string): string {
  return path.join(appPath, 'out', 'renderer');
}

/**
 * The URL the window loads: the electron-vite dev server in development
 * (`ELECTRON_RENDERER_URL`, only honoured when not packaged), else the built page on `app://`.
 */
export function rendererUrl(devServerUrl: string | undefined, isPackaged: boolean): string {
  if (devServerUrl && !isPackaged) return new URL(devServerUrl).href;
  return APP_ENTRY_URL;
}

/**
 * Whether a URL is a page of the app itself: on `app://`, any page of the app's host (the scheme
 * serves only the built renderer); for the dev server, the same http origin. Everything else —
 * `file://` included, whose origins are all opaque — is foreign.
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
  if (app.protocol === `${APP_SCHEME}:`) return candidate.protocol === app.protocol && candidate.host === app.host;
  if (app.protocol === 'http:' || app.protocol === 'https:') return candidate.origin === app.origin;
  return false;
}
