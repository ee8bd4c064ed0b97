import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChartFonts, fontFolders, systemChartFonts } from '../../src-main/export/chartFonts';
import { chartPng, withFontRuns } from '../../src-main/export/reportCharts';
import type { ReportChart } from '../../src-main/export/reportDocument';
import { tempDir } from '../support/tempDirs';

const { dir, cleanup } = tempDir('qunxi-fonts-');
afterAll(cleanup);

/** Empty files standing for fonts, under `root`: the lookup goes by folder listing only. */
function fontTree(root: string, files: string[]): string {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '');
  }
  return root;
}

describe('chart fonts found by family in the platform’s font folders', () => {
  it('Windows: Microsoft YaHei before SimHei, Arial for the Latin runs, the user’s own fonts folder too', () => {
    const root = path.join(dir, 'win');
    fontTree(root, ['Windows/Fonts/simhei.ttf', 'Windows/Fonts/MSYH.TTC', 'Windows/Fonts/msyhbd.ttc', 'Windows/Fonts/arial.ttf', 'Windows/Fonts/arialbd.ttf', 'Windows/Fonts/times.ttf']);
    const folders = fontFolders('win32', { WINDIR: path.join(root, 'Windows'), LOCALAPPDATA: path.join(root, 'AppData', 'Local') }, path.join(root, 'home'));
    expect(folders).toEqual([path.join(root, 'AppData', 'Local', 'Microsoft', 'Windows', 'Fonts'), path.join(root, 'Windows', 'Fonts')]);
    const fonts = findChartFonts(folders);
    expect(fonts).toEqual({
      cjk: 'Microsoft YaHei',
      latin: 'Arial',
      files: ['MSYH.TTC', 'arial.ttf'].map((f) => path.join(root, 'Windows', 'Fonts', f)),
    });
  });

  it('Windows 7: SimHei where Microsoft YaHei is not installed', () => {
    const root = fontTree(path.join(dir, 'win7'), ['simhei.ttf', 'arial.ttf']);
    expect(findChartFonts([root])).toEqual({ cjk: 'SimHei', latin: 'Arial', files: [path.join(root, 'simhei.ttf'), path.join(root, 'arial.ttf')] });
  });

  it('macOS: the system, local and user folders; Hiragino Sans GB and Helvetica where PingFang is not a plain file', () => {
    expect(fontFolders('darwin', {}, '/Users/op')).toEqual(['/Users/op/Library/Fonts', '/Library/Fonts', '/System/Library/Fonts']);
    const root = fontTree(path.join(dir, 'mac'), ['Fonts/Hiragino Sans GB.ttc', 'Fonts/Helvetica.ttc', 'Fonts/STHeiti Light.ttc', 'Fonts/Supplemental/Arial.ttf']);
    expect(findChartFonts([path.join(root, 'Fonts')])).toEqual({
      cjk: 'Hiragino Sans GB',
      latin: 'Arial',
      files: [path.join(root, 'Fonts', 'Hiragino Sans GB.ttc'), path.join(root, 'Fonts', 'Supplemental', 'Arial.ttf')],
    });
  });

  it('Linux: the XDG data folders nested as packages install them, the user’s fonts first', () => {
    const root = path.join(dir, 'linux');
    fontTree(root, [
      'usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      'usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      'usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
      'home/.local/share/fonts/wqy-microhei.ttc',
      'home/.local/share/fonts/NotoSansCJK-Regular.ttc',
    ]);
    const folders = fontFolders('linux', { XDG_DATA_DIRS: path.join(root, 'usr/share') }, path.join(root, 'home'));
    expect(folders).toEqual([path.join(root, 'home/.local/share/fonts'), path.join(root, 'home/.fonts'), path.join(root, 'usr/share/fonts')]);
    expect(findChartFonts(folders)).toEqual({
      cjk: 'Noto Sans CJK SC',
      latin: 'DejaVu Sans',
      files: [
        path.join(root, 'home/.local/share/fonts/NotoSansCJK-Regular.ttc'),
        path.join(root, 'usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
      ],
    });
  });

  it('without a CJK face nothing is chosen (resvg then loads every system font); without a Latin face the CJK one draws all', () => {
    const latinOnly = fontTree(path.join(dir, 'latin'), ['DejaVuSans.ttf', 'LiberationSans-Regular.ttf']);
    expect(findChartFonts([latinOnly, path.join(dir, 'missing')])).toBeNull();
    const cjkOnly = fontTree(path.join(dir, 'cjk'), ['wqy-microhei.ttc']);
    expect(findChartFonts([cjkOnly])).toEqual({ cjk: 'WenQuanYi Micro Hei', latin: 'WenQuanYi Micro Hei', files: [path.join(cjkOnly, 'wqy-microhei.ttc')] });
  });
});

describe('chart text in the found faces', () => {
  it('puts each CJK run in the CJK family and the rest in the Latin one, escapes kept whole', () => {
    const svg = '<svg><text style="font-size:12px">第3周 2026-01-05 &amp; 新增：12</text><text x="1">1,200</text></svg>';
    expect(withFontRuns(svg, { cjk: 'Noto Sans CJK SC', latin: 'Arial' })).toBe(
      '<svg><text style="font-size:12px">' +
        `<tspan style="font-family:'Noto Sans CJK SC'">第</tspan><tspan style="font-family:Arial">3</tspan>` +
        `<tspan style="font-family:'Noto Sans CJK SC'">周</tspan><tspan style="font-family:Arial"> 2026-01-05 &amp; </tspan>` +
        `<tspan style="font-family:'Noto Sans CJK SC'">新增：</tspan><tspan style="font-family:Arial">12</tspan></text>` +
        `<text x="1"><tspan style="font-family:Arial">1,200</tspan></text></svg>`,
    );
    expect(withFontRuns(svg, { cjk: 'SimHei', latin: 'SimHei' })).toBe(svg);
  });

  const fonts = systemChartFonts();
  const chart = (title: string): ReportChart => ({ title, kind: 'bar', categories: ['直播间', '老带新'], series: [{ name: '新增', values: [120, 80] }] });

  // Missing glyphs look alike (boxes or nothing): two different Chinese titles then draw the same image.
  it.skipIf(!fonts || fonts.latin === fonts.cjk)('draws Chinese with the CJK face’s glyphs, not missing-glyph boxes', async () => {
    const found = fonts!;
    const [a, b] = [await chartPng(chart('社群人数与活跃'), found), await chartPng(chart('渠道新增与转化'), found)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    // The check can fail: with the Latin face alone the two titles draw alike.
    const latinFile = found.files.at(-1)!;
    const latinOnly = { files: [latinFile], cjk: found.latin, latin: found.latin };
    const [c, d] = [await chartPng(chart('社群人数与活跃'), latinOnly), await chartPng(chart('渠道新增与转化'), latinOnly)];
    expect(Buffer.from(c).equals(Buffer.from(d))).toBe(true);
  }, 60_000);
});
