// Renders the app icon (resources/icons/icon.svg) into what the installers need, with
// @resvg/resvg-js: PNGs of the usual sizes (Linux, and the sources of the other two), icon.ico
// (Windows: PNG-compressed entries, which Windows Vista and later read) and icon.icns (macOS: the
// PNG-based ic07–ic10 entries). The outputs are checked in; run `node scripts/icons.mjs` after
// changing the SVG. Nothing here is downloaded.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');

/** Sizes written as PNG (electron-builder's Linux icon set is a folder of `<size>x<size>.png`). */
export const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes in the .ico (256 is the largest Windows shows). */
export const ICO_SIZES = [16, 32, 48, 64, 128, 256];
/** The .icns entry type of each size. */
export const ICNS_TYPES = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

/** The SVG as a PNG of `size` pixels square. */
export function renderPng(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** An .ico file holding the given PNGs (size → bytes). */
export function icoOf(pngs) {
  const entries = [...pngs.entries()];
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(([size, png], i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt8(0, e + 2);
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(([, png]) => png)]);
}

/** An .icns file holding the given PNGs (type → bytes). */
export function icnsOf(pngs) {
  const chunks = [...pngs.entries()].map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Writes every icon file into `out` from the SVG text. */
export function writeIcons(svg, out) {
  mkdirSync(path.join(out, 'png'), { recursive: true });
  const pngs = new Map(PNG_SIZES.map((s) => [s, renderPng(svg, s)]));
  for (const [s, png] of pngs) writeFileSync(path.join(out, 'png', `${s}x${s}.png`), png);
  writeFileSync(path.join(out, 'icon.png'), pngs.get(1024));
  writeFileSync(path.join(out, 'icon.ico'), icoOf(new Map(ICO_SIZES.map((s) => [s, pngs.get(s)]))));
  writeFileSync(path.join(out, 'icon.icns'), icnsOf(new Map(Object.entries(ICNS_TYPES).map(([s, t]) => [t, pngs.get(Number(s))]))));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeIcons(readFileSync(path.join(dir, 'icon.svg'), 'utf8'), dir);
  console.log(`icons written to ${dir}`);
}
