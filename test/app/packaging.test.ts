/**
 * The installers' configuration (electron-builder.yml), read the way `electron-builder` reads it —
 * its own loader, then its schema validation — since the installers themselves cannot be built here
 * (no Electron download). Electron's fuses are held to issue 12, value by value.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import beforePack, { missingBindings } from '../../scripts/beforePack.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const packageJson: { productName: string; build?: unknown; scripts: Record<string, string>; dependencies: Record<string, string> } = JSON.parse(
  readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
);

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(repoRoot, null, null);
});

describe('installer configuration', () => {
  it('is electron-builder.yml (package.json has no build key) and passes electron-builder’s validation', async () => {
    expect(packageJson.build).toBeUndefined();
    await fs.access(path.join(repoRoot, 'electron-builder.yml'));
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets every Electron fuse as issue 12 requires', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('packs the build into an asar archive, under the app’s id and name', () => {
    expect(config.asar).toBe(true);
    expect(config.appId).toBe('com.qunxi.desktop');
    // The same name Electron reads from package.json at run time (the user-data folder is named after it).
    expect(config.productName).toBe(packageJson.productName);
    // electron-builder's merge turns the list into one file set.
    expect(config.files).toEqual([{ filter: ['out/**/*', '!out/cli/**', 'package.json'] }]);
    expect(config.directories?.output).toBe('dist');
  });

  it('ships the demo exports where the packaged shell looks for them (resources/demo)', async () => {
    expect(config.extraResources).toEqual([{ from: 'resources/demo', to: 'demo' }]);
    expect((await fs.readdir(path.join(repoRoot, 'resources', 'demo'))).filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(0);
  });

  it('builds NSIS installers for Windows x64 and arm64, and dmg images for macOS arm64 and x64', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis?.buildUniversalInstaller).toBe(false);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(config.fileAssociations).toMatchObject([{ ext: 'qunxi' }]);
  });

  it('builds AppImage and deb packages for Linux x64 and arm64, with the icons rendered from the SVG', async () => {
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux?.icon).toBe('resources/icons/png');
    expect(config.win?.icon).toBe('resources/icons/icon.ico');
    expect(config.mac?.icon).toBe('resources/icons/icon.icns');
    for (const f of ['icon.svg', 'icon.ico', 'icon.icns', 'icon.png', 'png/256x256.png', 'png/512x512.png']) await fs.access(path.join(repoRoot, 'resources', 'icons', f));
    // The headers of the formats: ICO (0, 1, six images), ICNS ('icns' and its length).
    const ico = await fs.readFile(path.join(repoRoot, 'resources', 'icons', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 6]);
    const icns = await fs.readFile(path.join(repoRoot, 'resources', 'icons', 'icon.icns'));
    expect([icns.toString('ascii', 0, 4), icns.readUInt32BE(4)]).toEqual(['icns', icns.length]);
    expect(config.fileAssociations).toMatchObject([{ ext: 'qunxi', mimeType: 'application/x-qunxi-project' }]);
  });

  it('unpacks the native bindings (DuckDB, resvg) from the asar archive', () => {
    expect(config.asarUnpack).toEqual(['node_modules/@duckdb/**', 'node_modules/@resvg/**']);
  });

  it('has npm scripts that build the app, then the platform’s installers', () => {
    expect(packageJson.scripts['dist:win']).toBe('electron-vite build && electron-builder --win');
    expect(packageJson.scripts['dist:mac']).toBe('electron-vite build && electron-builder --mac');
    expect(packageJson.scripts['dist:linux']).toBe('electron-vite build && electron-builder --linux');
  });

  it('runs the native-binding check before packing', async () => {
    expect(config.beforePack).toBe('./scripts/beforePack.mjs');
    await fs.access(path.join(repoRoot, 'scripts', 'beforePack.mjs'));
    expect(Object.keys(packageJson.dependencies)).toContain('@duckdb/node-api');
  });
});

describe('native-binding check before packing', () => {
  let project: string;

  /** Installs a package.json for `name` at `version` in the fake project's node_modules. */
  async function install(name: string, version: string): Promise<void> {
    const dir = path.join(project, 'node_modules', ...name.split('/'));
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, version }));
  }

  beforeAll(async () => {
    project = await fs.mkdtemp(path.join(os.tmpdir(), 'qunxi-beforepack-'));
    await install('@duckdb/node-bindings', '1.5.6-r.1');
    await install('@duckdb/node-bindings-darwin-arm64', '1.5.6-r.1');
    await install('@duckdb/node-bindings-win32-x64', '1.5.5');
    await install('@resvg/resvg-js', '2.6.2');
    await install('@resvg/resvg-js-darwin-arm64', '2.6.2');
    await install('@resvg/resvg-js-darwin-x64', '2.6.2');
    await install('@resvg/resvg-js-win32-x64-msvc', '2.6.2');
  });

  afterAll(async () => {
    await fs.rm(project, { recursive: true, force: true });
  });

  it('lets a target through when its binding is installed at the same version', async () => {
    expect(missingBindings(project, 'darwin', 'arm64')).toEqual([]);
    // electron-builder's Arch enum: 3 is arm64.
    await expect(beforePack({ electronPlatformName: 'darwin', arch: 3, packager: { projectDir: project } })).resolves.toBeUndefined();
  });

  it('stops the build for a target whose binding is absent, saying how to install it', async () => {
    expect(missingBindings(project, 'darwin', 'x64')).toEqual(['@duckdb/node-bindings-darwin-x64 is not installed: npm install --no-save --force @duckdb/node-bindings-darwin-x64@1.5.6-r.1']);
    // 1 is x64.
    await expect(beforePack({ electronPlatformName: 'darwin', arch: 1, packager: { projectDir: project } })).rejects.toThrow(/darwin-x64.*\n.*@duckdb\/node-bindings-darwin-x64 is not installed/);
  });

  it('names resvg’s binding by its toolchain, and stops the build without it', () => {
    expect(missingBindings(project, 'linux', 'x64')).toEqual([
      '@duckdb/node-bindings-linux-x64 is not installed: npm install --no-save --force @duckdb/node-bindings-linux-x64@1.5.6-r.1',
      '@resvg/resvg-js-linux-x64-gnu is not installed: npm install --no-save --force @resvg/resvg-js-linux-x64-gnu@2.6.2',
    ]);
  });

  it('stops the build for a binding of another version than DuckDB’s', () => {
    expect(missingBindings(project, 'win32', 'x64')).toEqual(['@duckdb/node-bindings-win32-x64 is 1.5.5, not 1.5.6-r.1: npm install --no-save --force @duckdb/node-bindings-win32-x64@1.5.6-r.1']);
  });

  it('passes on this machine for its own platform and architecture', () => {
    expect(missingBindings(repoRoot, process.platform, process.arch)).toEqual([]);
  });
});
