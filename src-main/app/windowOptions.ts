import type { BrowserWindowConstructorOptions } from 'electron';

import { shellText } from '../locale/shell';

/**
 * The main window's options. The renderer gets no Node, runs sandboxed and isolated from
 * the preload, and reaches the Node side only through the preload's `qunxi.call`.
 */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: shellText.windowTitle,
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show, so the user never sees a blank white frame
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
