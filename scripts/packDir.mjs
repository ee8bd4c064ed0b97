// Packs the app directory (`electron-builder --dir`) for Linux x64 against a stand-in Electron
// distribution, where the real one cannot be downloaded: a folder shaped like an unpacked Electron
// dist (the `electron` executable, here a small file carrying Electron's fuse wire, and the
// files beside it), passed as `electronDist`. What electron-builder then does is real: the app
// files into app.asar, the native bindings unpacked beside it, the resources, the fuses flipped in
// the executable. test/app/packDir.test.ts runs it and checks the layout; `node scripts/packDir.mjs
// [OUT]` prints it. Needs the electron-vite build in out/ (`npx electron-vite build`).
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @electron/fuses' marker before the fuse wire in an Electron executable. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuses of the wire, in order (@electron/fuses FuseV1Options), and how many there are. */
export const FUSE_NAMES = [
  'runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges',
];

/**
 * Writes a stand-in Linux Electron distribution into `dir`: the executable with a version-1 fuse
 * wire of every fuse at its default (as Electron ships: '1' on for runAsNode, cookie encryption off
 * …), and the files electron-builder expects beside it.
 */
export function writeStandInElectron(dir) {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  // Electron's defaults: runAsNode 1, cookie encryption 0, NODE_OPTIONS 1, --inspect 1, asar integrity 0, only asar 0, V8 snapshot 0, file:// privileges 1.
  const wire = '10110001';
  const exe = Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in electron\nexit 0\n#'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire)]);
  writeFileSync(path.join(dir, 'electron'), exe);
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(path.join(dir, 'version'), '45.4.1');
  return dir;
}

/** The fuse wire of an executable, by fuse name ('0' off, '1' on). */
export function readFuses(executable) {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = bytes[at + 1];
  return Object.fromEntries(FUSE_NAMES.slice(0, length).map((name, i) => [name, String.fromCharCode(bytes[at + 2 + i])]));
}


/** Packs into `outDir` (linux-unpacked/ inside it) and returns that folder. */
export async function packDir(outDir) {
  const { build, Platform, Arch } = await import('electron-builder');
  const electronDist = writeStandInElectron(mkdtempSync(path.join(os.tmpdir(), 'qunxi-electron-dist-')));
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { electronDist, electronVersion: '45.4.1', directories: { output: outDir } },
    publish: 'never',
  });
  return path.join(outDir, 'linux-unpacked');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? mkdtempSync(path.join(os.tmpdir(), 'qunxi-pack-'));
  const dir = await packDir(out);
  console.log(`packed into ${dir}`);
  console.log(readFuses(path.join(dir, 'qunxi')));
}
