/** What is missing to pack the app for a platform and architecture: one line per native binding, with the command that installs it. */
export function missingBindings(projectDir: string, platform: string, arch: string): string[];
/** electron-builder's beforePack hook: throws when a binding for the target is missing. */
export default function beforePack(context: { electronPlatformName: string; arch: number; packager: { projectDir: string } }): Promise<void>;
