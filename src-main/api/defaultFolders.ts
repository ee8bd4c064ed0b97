/**
 * The default folders on each platform (issue 19): projects in the user's documents folder under
 * `Qunxi` (Documents\Qunxi on Windows, ~/Documents/Qunxi on macOS, the XDG documents folder on
 * Linux), app state where each platform keeps it. Pure over an injected machine, so every
 * platform's answer is tested on any machine; {@link thisMachine} reads the real one.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the default folders depend on. */
export interface Machine {
  /** `process.platform`. */
  platform: NodeJS.Platform;
  /** The user's home folder. */
  home: string;
  /** Environment variables (USERPROFILE, APPDATA, XDG_*). */
  env: NodeJS.ProcessEnv;
  /** Linux: the text of `~/.config/user-dirs.dirs` (xdg-user-dirs), where the documents folder may be renamed (e.g. `$HOME/文档`). */
  userDirs?: string | null;
}

/** The path functions of the machine's platform, whatever this process runs on. */
export const pathOf = (m: Pick<Machine, 'platform'>) => (m.platform === 'win32' ? path.win32 : path.posix);

/** XDG_DOCUMENTS_DIR from user-dirs.dirs (`XDG_DOCUMENTS_DIR="$HOME/文档"`), with $HOME put in; null when unset or the home itself (xdg's "disabled"). */
function xdgDocuments(m: Machine): string | null {
  const p = path.posix;
  const line = m.env.XDG_DOCUMENTS_DIR ?? m.userDirs?.match(/^\s*XDG_DOCUMENTS_DIR\s*=\s*"([^"]*)"/m)?.[1];
  if (!line) return null;
  const dir = line.replace(/^\$HOME(?=\/|$)/, m.home);
  return p.isAbsolute(dir) && p.resolve(dir) !== p.resolve(m.home) ? p.resolve(dir) : null;
}

/** The user's documents folder. */
export function documentsFolder(m: Machine): string {
  const p = pathOf(m);
  if (m.platform === 'win32') return p.join(m.env.USERPROFILE || m.home, 'Documents');
  if (m.platform === 'darwin') return p.join(m.home, 'Documents');
  return xdgDocuments(m) ?? p.join(m.home, 'Documents');
}

/** Where projects created by name go: `Qunxi` in the documents folder. */
export function projectsFolder(m: Machine): string {
  return projectsFolderIn(documentsFolder(m), m.platform);
}

/** `Qunxi` in a documents folder already known (the desktop shell asks Electron, which follows a redirected Documents). */
export function projectsFolderIn(documents: string, platform: NodeJS.Platform): string {
  return pathOf({ platform }).join(documents, 'Qunxi');
}

/** Where the command line and browser mode keep app state (the recent list, the demo project). */
export function configFolder(m: Machine): string {
  const p = pathOf(m);
  if (m.platform === 'win32') return p.join(m.env.APPDATA || p.join(m.home, 'AppData', 'Roaming'), 'Qunxi');
  if (m.platform === 'darwin') return p.join(m.home, 'Library', 'Application Support', 'Qunxi');
  return p.join(m.env.XDG_CONFIG_HOME && p.isAbsolute(m.env.XDG_CONFIG_HOME) ? m.env.XDG_CONFIG_HOME : p.join(m.home, '.config'), 'qunxi');
}

/** This machine, as the functions above take it. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  const home = os.homedir();
  let userDirs: string | null = null;
  if (process.platform !== 'win32' && process.platform !== 'darwin') {
    try {
      userDirs = readFileSync(path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'user-dirs.dirs'), 'utf8');
    } catch {
      userDirs = null;
    }
  }
  return { platform: process.platform, home, env, userDirs };
}
