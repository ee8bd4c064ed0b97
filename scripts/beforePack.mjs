// electron-builder's beforePack hook (electron-builder.yml): refuses to pack an app whose native
// bindings for the target platform and architecture are not installed. npm installs only the
// binding of the machine it runs on, so `npm run dist:mac` on an Apple Silicon Mac would otherwise
// ship an Intel app without DuckDB, which could not open a project.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** electron-builder's Arch enum (builder-util), by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** Native packages whose binary comes in a per-platform package, and that package's name. */
const NATIVE_PACKAGES = [
  { name: '@duckdb/node-bindings', binding: (platform, arch) => `@duckdb/node-bindings-${platform}-${arch}` },
  // resvg names its binaries after the C library or toolchain too (its package.json's optionalDependencies).
  { name: '@resvg/resvg-js', binding: (platform, arch) => `@resvg/resvg-js-${platform}-${arch}${{ win32: '-msvc', linux: '-gnu' }[platform] ?? ''}` },
];

/** The version of an installed package, or null when it is not installed. */
function installedVersion(projectDir, name) {
  const file = path.join(projectDir, 'node_modules', ...name.split('/'), 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

/**
 * What is missing for a platform and architecture: one line per binding absent or of another
 * version than its package, with the command that installs it. Empty when the app can be packed.
 * @param {string} projectDir the project root (where node_modules is)
 * @param {string} platform 'win32' | 'darwin' | 'linux'
 * @param {string} arch 'x64' | 'arm64'
 * @returns {string[]}
 */
export function missingBindings(projectDir, platform, arch) {
  const missing = [];
  for (const pkg of NATIVE_PACKAGES) {
    const version = installedVersion(projectDir, pkg.name);
    if (version === null) {
      missing.push(`${pkg.name} is not installed: run npm ci first`);
      continue;
    }
    const binding = pkg.binding(platform, arch);
    const bindingVersion = installedVersion(projectDir, binding);
    if (bindingVersion !== version) {
      const found = bindingVersion === null ? 'is not installed' : `is ${bindingVersion}, not ${version}`;
      missing.push(`${binding} ${found}: npm install --no-save --force ${binding}@${version}`);
    }
  }
  return missing;
}

/**
 * The hook: throws, stopping the build, when a binding is missing.
 * @param {{ electronPlatformName: string, arch: number, packager: { projectDir: string } }} context
 */
export default async function beforePack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const missing = missingBindings(context.packager.projectDir, context.electronPlatformName, arch);
  if (missing.length > 0) {
    throw new Error(`Cannot pack Qunxi for ${context.electronPlatformName}-${arch}; its native bindings are missing:\n${missing.join('\n')}`);
  }
}
