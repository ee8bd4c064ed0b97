/**
 * The fonts of charts drawn without a browser (the report's images).
 *
 * resvg-js 2.6 is built without memory-mapped fonts: it reads a font file whole every time it
 * shapes a text and every time it outlines a glyph. Loading every system font for each chart and
 * drawing each digit from a 19 MB CJK collection made the charts most of a report's time. So the
 * charts load two faces only, found once by family in the platform's font folders: a CJK face for
 * the Chinese runs of each text and a small Latin face for the rest (digits, dates, Latin names).
 * Where no CJK face is found, resvg loads the system fonts as before. The one place to add a face.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A font family and the names of its regular file on the platforms that ship it. Regular only: a
 * bold CJK face is another 20 MB read at every glyph, so chart titles are drawn in regular weight.
 */
interface KnownFace {
  family: string;
  files: string[];
}

/** CJK faces, most wanted first. */
const CJK_FACES: KnownFace[] = [
  // Linux (fonts-noto-cjk), and Source Han Sans, its Adobe twin.
  { family: 'Noto Sans CJK SC', files: ['NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular.otf'] },
  { family: 'Source Han Sans SC', files: ['SourceHanSans-Regular.ttc', 'SourceHanSansSC-Regular.otf'] },
  // Windows.
  { family: 'Microsoft YaHei', files: ['msyh.ttc', 'msyh.ttf'] },
  { family: 'SimHei', files: ['simhei.ttf'] },
  // macOS.
  { family: 'PingFang SC', files: ['PingFang.ttc'] },
  { family: 'Hiragino Sans GB', files: ['Hiragino Sans GB.ttc', 'Hiragino Sans GB W3.otf'] },
  { family: 'Heiti SC', files: ['STHeiti Light.ttc'] },
  // Older Linux desktops.
  { family: 'WenQuanYi Micro Hei', files: ['wqy-microhei.ttc'] },
];

/** Latin faces for the text that is not CJK, most wanted first: small files, read at every glyph. */
const LATIN_FACES: KnownFace[] = [
  { family: 'Liberation Sans', files: ['LiberationSans-Regular.ttf'] },
  { family: 'DejaVu Sans', files: ['DejaVuSans.ttf'] },
  { family: 'Arial', files: ['arial.ttf', 'Arial.ttf'] },
  { family: 'Helvetica', files: ['Helvetica.ttc'] },
];

/** The CJK families in order, as the chart's CSS font list names them (the fallback when no file is found). */
export const CHART_FONT_FAMILIES = [...CJK_FACES.map((f) => f.family), 'sans-serif'] as const;

/** A family list as CSS. Single quotes: ECharts writes it into a double-quoted style attribute without escaping it. */
export const cssFamilies = (families: readonly string[]): string => families.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');

/** The families as a CSS font-family list, for the chart's SVG text. */
export const chartFontFamily = cssFamilies(CHART_FONT_FAMILIES);

/** The chart fonts found on this machine. */
export interface ChartFonts {
  /** The font files resvg loads, and no others. */
  files: string[];
  /** Family of the CJK runs of a text. */
  cjk: string;
  /** Family of the other runs; the CJK family itself when no Latin face was found. */
  latin: string;
}

/** The folders that hold fonts on `platform`, the user's own first. */
export function fontFolders(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    return [...(env.LOCALAPPDATA ? [path.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : []), path.join(windows, 'Fonts')];
  }
  if (platform === 'darwin') return [path.join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts'];
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  return [path.join(dataHome, 'fonts'), path.join(home, '.fonts'), ...dataDirs.map((d) => path.join(d, 'fonts'))];
}

/** Folder depth searched below a font folder (Linux nests them as opentype/noto/…). */
const MAX_DEPTH = 4;

/** Every file below the folders by lower-case name, the first folder's first (missing folders skipped). */
function filesByName(folders: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, depth + 1);
      } else if (!found.has(e.name.toLowerCase())) {
        found.set(e.name.toLowerCase(), full);
      }
    }
  };
  for (const folder of folders) walk(folder, 0);
  return found;
}

/** The first face of `faces` with a file among `files`, and that file. */
function firstFace(faces: KnownFace[], files: Map<string, string>): { family: string; file: string } | null {
  for (const face of faces) {
    const file = face.files.map((n) => files.get(n.toLowerCase())).find((f) => f !== undefined);
    if (file) return { family: face.family, file };
  }
  return null;
}

/** The chart fonts in `folders`: the first CJK face found and the first Latin one; null without a CJK face. */
export function findChartFonts(folders: string[]): ChartFonts | null {
  const files = filesByName(folders);
  const cjk = firstFace(CJK_FACES, files);
  if (!cjk) return null;
  const latin = firstFace(LATIN_FACES, files);
  return { files: latin ? [cjk.file, latin.file] : [cjk.file], cjk: cjk.family, latin: latin?.family ?? cjk.family };
}

let found: ChartFonts | null | undefined;

/** This machine's chart fonts, looked up once per process or worker. */
export function systemChartFonts(): ChartFonts | null {
  if (found === undefined) found = findChartFonts(fontFolders(process.platform, process.env, os.homedir()));
  return found;
}
