/** Where the bundle is written (out/cli). */
export const cliOutDir: string;
/** The worker threads built beside the bundle: output name (without .js) → source. */
export const cliWorkers: Record<string, string>;
/** Whether the bundle in `outDir` was built from the files as they are now. */
export function isCliBundleCurrent(outDir?: string): boolean;
/** Builds the bundle into `outDir`; rejects with esbuild's messages when the sources do not build. */
export function buildCli(opts?: { outDir?: string }): Promise<{ entry: string; outputs: string[]; inputs: string[]; ms: number }>;
/** The launcher's lines in one language. */
export interface LauncherText {
  rebuilding: string;
  noEsbuild: (detail: string) => string;
  cannotBuild: string;
  built: (entry: string, inputs: number, ms: number) => string;
}
/** The launcher's texts in the language the command line asks for (--lang X, --lang=X or QUNXI_LANG). */
export function launcherTexts(argv?: string[], env?: NodeJS.ProcessEnv): LauncherText;
/** The bundle's entry, built first when missing or stale; `log` hears one line when it builds. */
export function ensureCliBundle(opts?: { outDir?: string; log?: (line: string) => void; text?: LauncherText }): Promise<string>;
