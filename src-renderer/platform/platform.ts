import type { ImportSource, Result } from '../../src-main/contract';

/** Outcome of asking the user for a project path. */
export type PathChoice =
  | { kind: 'path'; path: string }
  | { kind: 'cancelled' }
  /** No native dialog here: the caller shows its in-page form instead. */
  | { kind: 'form' };

/** What differs between the Electron shell and browser mode. */
export interface Platform {
  /** Which implementation this is. */
  kind: 'electron' | 'web';
  /** Makes a dropped or picked File importable: a local path, or an upload to the server. */
  stageFile(file: File): Promise<Result<ImportSource>>;
  /**
   * Lets the user pick files to import. Electron answers with the chosen paths; the web
   * opens the page's hidden file input (via `openInput`) and answers `[]`, the files then
   * arrive through that input's change event.
   */
  pickFiles(openInput: () => void): Promise<Result<ImportSource[]>>;
  /** Asks where to open a project from. */
  chooseProjectToOpen(): Promise<Result<PathChoice>>;
  /** Asks where to save a project. */
  chooseProjectToSave(defaultName?: string): Promise<Result<PathChoice>>;
  /** Hands a file made in the page (exported templates, a CSV) to the user. */
  saveDownload(fileName: string, content: Blob): void;
}
