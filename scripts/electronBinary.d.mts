/** The Electron executable, or null with the reason it is unavailable. */
export function findElectronBinary(fromDir: string): { path: string | null; reason: string };
/** Whether a window can be shown on this platform and environment. */
export function hasDisplay(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): boolean;
